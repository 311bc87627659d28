import { describe, expect, it } from 'vitest'
import { findFuzzy, fuzzyThreshold, reanchorClaim } from '../../src/anchor/index.ts'
import type { Claim } from '../../src/schema.ts'
import { claimAt, fixture, swimQuote } from './helpers.ts'

const original = fixture('original.md')

function swimClaim(context: boolean): Claim {
  return claimAt(original, swimQuote, {
    id: 'swimming-5e6f7a8b',
    topic: 'swimming',
    activity: 'swimming',
    hours: 72,
    review: { status: 'confirmed' },
    context
  })
}

describe('findFuzzy', () => {
  it('findFuzzy(reworded sentence, claim with context) finds the whole new sentence', () => {
    const text = fixture('edited-sentence.md')
    const match = findFuzzy(text, swimClaim(true))!
    expect(text.slice(match.start, match.end)).toBe('Please avoid swimming pools for at least 72 hours after your treatment.')
    expect(match.score).toBeGreaterThanOrEqual(fuzzyThreshold.withContext)
    expect(match.contextScore).toBe(1)
  })

  it("findFuzzy(\"Don't go swimming…\", claim with context) keeps the whole clause, not a shaved window", () => {
    const text = fixture('reworded-dont.md')
    const match = findFuzzy(text, swimClaim(true))!
    expect(text.slice(match.start, match.end)).toBe("Don't go swimming for 72 hours after treatment.")
  })

  it('findFuzzy(text where only "Avoid saunas for 72 hours" is left) does not capture the swimming claim', () => {
    const text = fixture('deleted.md')
    expect(text).toContain('Avoid saunas for 72 hours')
    expect(findFuzzy(text, swimClaim(true))).toBeUndefined()
    expect(findFuzzy(text, swimClaim(false))).toBeUndefined()
  })

  it('findFuzzy(text whose swimming wait became 48 hours) does not capture the 72-hour claim', () => {
    const text = fixture('number-changed.md')
    expect(findFuzzy(text, swimClaim(true))).toBeUndefined()
    expect(reanchorClaim(swimClaim(true), text).method).toBe('orphaned')
  })

  it('findFuzzy(text with a similar swimming sentence in another section) does not capture the claim', () => {
    const text = fixture('deep-lookalike.md')
    expect(text).toContain('avoid swimming in the sea for 72 hours')
    expect(findFuzzy(text, swimClaim(true))).toBeUndefined()
    expect(findFuzzy(text, swimClaim(false))).toBeUndefined()
  })

  it('findFuzzy(text with a recap line elsewhere, claim with context) does not capture the claim', () => {
    const text = fixture('recap-elsewhere.md')
    expect(findFuzzy(text, swimClaim(true))).toBeUndefined()
  })

  it('findFuzzy(text, claim without context) needs the stricter quote-only score', () => {
    const edited = findFuzzy(fixture('edited-sentence.md'), swimClaim(false))!
    expect(edited.quoteScore).toBeGreaterThanOrEqual(fuzzyThreshold.quoteOnly)
    expect(edited.contextScore).toBeUndefined()
    // With its context the reworded "Don't go swimming…" is found; on the quote alone it is not.
    expect(findFuzzy(fixture('reworded-dont.md'), swimClaim(true))).toBeDefined()
    expect(findFuzzy(fixture('reworded-dont.md'), swimClaim(false))).toBeUndefined()
  })

  it('findFuzzy(text, claim) accepts the same wait said the other way round in place ("You can go swimming again once 72 hours have passed")', () => {
    const text = fixture('stance-words.md')
    const match = findFuzzy(text, swimClaim(true))!
    expect(text.slice(match.start, match.end)).toBe('You can go swimming again once 72 hours have passed since treatment.')
  })

  it('findFuzzy(text, claim, tokens, exclude) skips windows overlapping a taken range', () => {
    const text = fixture('edited-sentence.md')
    const at = text.indexOf('Please avoid swimming pools')
    expect(findFuzzy(text, swimClaim(true), undefined, [{ start: at + 10, end: at + 20 }])).toBeUndefined()
  })

  it('findFuzzy normalises numbers: "seventy two hours" matches "72 hours", "a week" matches "one week"', () => {
    const text = 'Intro.\n\nAvoid swimming for seventy two hours after treatment.\n\nSkip saunas for one week.\n'
    const swim = findFuzzy(text, swimClaim(false))!
    expect(text.slice(swim.start, swim.end)).toBe('Avoid swimming for seventy two hours after treatment.')
    const week = claimAt('Skip saunas for a week.', 'Skip saunas for a week.', { id: 'sauna-1', topic: 'sauna', activity: 'saunas', hours: 168 })
    const match = findFuzzy(text, week)!
    expect(text.slice(match.start, match.end)).toBe('Skip saunas for one week.')
  })

  it('findFuzzy(the doc example) starts at "Please"', () => {
    const match = findFuzzy('Intro.\n\nPlease avoid swimming pools for 72 hours after treatment.', {
      quote: 'Avoid swimming for 72 hours after treatment.',
      activity: 'swimming',
      topic: 'swimming',
      span: { start: 0, end: 44, line: 1 }
    })
    expect(match?.start).toBe(8)
  })

  it('findFuzzy stays fast on a 200 kB article with no match', () => {
    const paragraph = 'Avoid saunas for 72 hours after treatment, and keep the skin clean and calm with 24 hour care. '
    const text = (paragraph.repeat(20) + '\n\n').repeat(100)
    const started = performance.now()
    expect(findFuzzy(text, swimClaim(true))).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
