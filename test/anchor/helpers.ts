import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { contextOf, lineAt } from '../../src/anchor/index.ts'
import type { Claim, Review } from '../../src/schema.ts'

/** Read a fixture of `test/anchor/fixtures/aftercare/`. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`fixtures/aftercare/${name}`, import.meta.url)), 'utf8')
}

/** What a hand-written claim needs besides its quote. */
export interface ClaimFields {
  id: string
  topic: string
  activity: string
  hours: number
  stance?: Claim['stance']
  review?: Review
  /** Store the context (as `mergeClaims` does for reviewed claims). Default: false. */
  context?: boolean
}

/**
 * A claim as the extractor would write it, for the first occurrence of
 * `quote` in `text` (fails when the quote is not there).
 */
export function claimAt(text: string, quote: string, fields: ClaimFields): Claim {
  const start = text.indexOf(quote)
  if (start === -1) throw new Error(`quote not in text: ${quote}`)
  const end = start + quote.length
  const claim: Claim = {
    id: fields.id,
    topic: fields.topic,
    activity: fields.activity,
    stance: fields.stance ?? 'avoid',
    wait: { min: fields.hours, max: fields.hours, text: `${fields.hours} hours` },
    condition: null,
    speaker: null,
    quote,
    span: { start, end, line: lineAt(text, start) },
    review: fields.review ?? { status: 'unreviewed' }
  }
  if (fields.context) claim.context = contextOf(text, start, end)
  return claim
}

export const swimQuote = 'Avoid swimming for 72 hours after treatment.'
export const saunaQuote = 'Avoid saunas for 72 hours as well'
export const makeupQuote = 'Do not apply makeup for 24 hours'
export const workoutQuote = 'Hold off on intense workouts for 48 hours'

/** The claims of `original.md` as an extractor would give them, all unreviewed. */
export function originalClaims(text: string): Claim[] {
  return [
    claimAt(text, makeupQuote, { id: 'makeup-1a2b3c4d', topic: 'makeup', activity: 'makeup', hours: 24 }),
    claimAt(text, swimQuote, { id: 'swimming-5e6f7a8b', topic: 'swimming', activity: 'swimming', hours: 72 }),
    claimAt(text, saunaQuote, { id: 'sauna-9c0d1e2f', topic: 'sauna', activity: 'saunas', hours: 72 }),
    claimAt(text, workoutQuote, { id: 'exercise-3a4b5c6d', topic: 'exercise', activity: 'intense workouts', hours: 48 })
  ]
}

export const digest = 'a'.repeat(64)
