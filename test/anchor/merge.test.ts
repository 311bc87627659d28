import { describe, expect, it } from 'vitest'
import { mergeClaims } from '../../src/anchor/index.ts'
import { serializeClaims } from '../../src/write/serialize.ts'
import { parseClaims } from '../../src/read/claims.ts'
import type { Claim, ClaimsFile } from '../../src/schema.ts'
import { claimAt, digest, fixture, makeupQuote, originalClaims, saunaQuote, swimQuote, workoutQuote } from './helpers.ts'

const original = fixture('original.md')

/** The previous claims file: the original extraction with the swimming claim confirmed by an editor. */
function reviewedFile(options: { context?: boolean } = {}): ClaimsFile {
  const claims = originalClaims(original)
  const swim = claimAt(original, swimQuote, {
    id: 'swimming-5e6f7a8b',
    topic: 'swimming',
    activity: 'swimming',
    hours: 72,
    review: { status: 'confirmed', note: 'matches the clinic leaflet', by: 'mk' },
    context: options.context ?? true
  })
  return { source: 'aftercare', digest, claims: claims.map((c) => (c.id === swim.id ? swim : c)) }
}

function byId(claims: Claim[], id: string): Claim | undefined {
  return claims.find((c) => c.id === id)
}

describe('mergeClaims', () => {
  it('mergeClaims(undefined, extracted, text) returns the extraction in span order, without context', () => {
    const extracted = originalClaims(original).reverse()
    const { claims, messages } = mergeClaims(undefined, extracted, original)
    expect(claims.map((c) => c.quote)).toEqual([makeupQuote, swimQuote, saunaQuote, workoutQuote])
    expect(claims.every((c) => c.context === undefined)).toBe(true)
    expect(messages).toEqual([])
  })

  it('mergeClaims(previous, extracted, sameText) keeps the review and drops the fresh duplicate', () => {
    const { claims, anchorings } = mergeClaims(reviewedFile(), originalClaims(original), original)
    expect(claims).toHaveLength(4)
    const swim = byId(claims, 'swimming-5e6f7a8b')!
    expect(swim.review).toEqual({ status: 'confirmed', note: 'matches the clinic leaflet', by: 'mk' })
    expect(swim.context?.before.endsWith('pigments can get trapped in them.\n\n')).toBe(true)
    expect(swim.context?.after.startsWith(' Chlorine and the bacteria')).toBe(true)
    expect(anchorings.map((a) => a.method)).toEqual(['span'])
  })

  it('mergeClaims writes a context of the text around every reviewed claim', () => {
    const previous = reviewedFile({ context: false })
    const { claims } = mergeClaims(previous, originalClaims(original), original)
    const swim = byId(claims, 'swimming-5e6f7a8b')!
    const start = original.indexOf(swimQuote)
    expect(swim.context).toEqual({
      before: original.slice(start - 60, start),
      after: original.slice(start + swimQuote.length, start + swimQuote.length + 60)
    })
    expect(claims.filter((c) => c.context !== undefined).map((c) => c.id)).toEqual(['swimming-5e6f7a8b'])
  })

  it('mergeClaims replaces unreviewed previous claims by the fresh extraction', () => {
    const previous = reviewedFile()
    previous.claims.push(claimAt(original, 'Light walking is fine the next day', { id: 'exercise-deadbeef', topic: 'exercise', activity: 'walking', hours: 24 }))
    const { claims } = mergeClaims(previous, originalClaims(original), original)
    expect(byId(claims, 'exercise-deadbeef')).toBeUndefined()
    expect(claims.map((c) => c.id)).toEqual(['makeup-1a2b3c4d', 'swimming-5e6f7a8b', 'sauna-9c0d1e2f', 'exercise-3a4b5c6d'])
  })

  it('mergeClaims keeps a rejected claim rejected instead of bringing it back unreviewed', () => {
    const previous = reviewedFile()
    previous.claims[2] = { ...previous.claims[2]!, review: { status: 'rejected', note: 'not a wait' } }
    const { claims } = mergeClaims(previous, originalClaims(original), original)
    const sauna = claims.filter((c) => c.topic === 'sauna')
    expect(sauna).toHaveLength(1)
    expect(sauna[0]!.review).toEqual({ status: 'rejected', note: 'not a wait' })
  })

  it('mergeClaims keeps a corrected claim and drops the fresh claim of its corrected topic at the same place', () => {
    const previous = reviewedFile()
    previous.claims[3] = {
      ...previous.claims[3]!,
      review: { status: 'corrected', corrected: { topic: 'sweating', wait: { min: 48, max: 72, text: '48 hours' } } }
    }
    const fresh = originalClaims(original)
    const sweat = claimAt(original, workoutQuote, { id: 'sweating-77aa88bb', topic: 'sweating', activity: 'sweat', hours: 48 })
    const { claims } = mergeClaims(previous, [...fresh, sweat], original)
    expect(claims.filter((c) => c.span.start === sweat.span.start).map((c) => c.id)).toEqual(['exercise-3a4b5c6d'])
    expect(byId(claims, 'exercise-3a4b5c6d')!.review.corrected?.wait?.max).toBe(72)
  })

  it('mergeClaims keeps a fresh claim of the same topic but another condition in the same sentence', () => {
    const text = 'Intro.\n\nWalk the next day, but avoid intense workouts for 72 hours.\n'
    const quote = 'Walk the next day, but avoid intense workouts for 72 hours.'
    const light = { ...claimAt(text, quote, { id: 'exercise-11111111', topic: 'exercise', activity: 'walk', hours: 24, stance: 'allowed' }), condition: 'light' }
    const intense = { ...claimAt(text, quote, { id: 'exercise-22222222', topic: 'exercise', activity: 'intense workouts', hours: 72 }), condition: 'intense' }
    const previous: ClaimsFile = { source: 'a', digest, claims: [{ ...light, review: { status: 'confirmed' } }, intense] }
    const edited = `A new first paragraph.\n\n${text}`
    const fresh = [light, intense].map((c) => ({ ...c, span: { ...c.span, start: c.span.start + 24, end: c.span.end + 24, line: c.span.line + 2 } }))
    const { claims } = mergeClaims(previous, fresh, edited)
    expect(claims.map((c) => [c.id, c.review.status])).toEqual([
      ['exercise-11111111', 'confirmed'],
      ['exercise-22222222', 'unreviewed']
    ])
  })

  it('mergeClaims re-anchors a reviewed claim after a paragraph is inserted above it', () => {
    const text = fixture('inserted-paragraph.md')
    const { claims, anchorings, messages } = mergeClaims(reviewedFile(), originalClaims(text), text)
    const swim = byId(claims, 'swimming-5e6f7a8b')!
    expect(anchorings[0]!.method).toBe('moved')
    expect(swim.quote).toBe(swimQuote)
    expect(text.slice(swim.span.start, swim.span.end)).toBe(swimQuote)
    expect(swim.span.line).toBe(text.slice(0, swim.span.start).split('\n').length)
    expect(swim.span.line).toBe(original.slice(0, original.indexOf(swimQuote)).split('\n').length + 2)
    expect(swim.review.status).toBe('confirmed')
    expect(claims).toHaveLength(4)
    expect(messages).toEqual([])
  })

  it("mergeClaims re-anchors a reviewed claim by fuzzy match after its own sentence is reworded", () => {
    const text = fixture('edited-sentence.md')
    const newQuote = 'Please avoid swimming pools for at least 72 hours after your treatment.'
    const fresh = [
      ...originalClaims(original).filter((c) => c.topic !== 'swimming').map((c) => claimAt(text, c.quote, { id: c.id, topic: c.topic, activity: c.activity, hours: c.wait.min! })),
      claimAt(text, newQuote, { id: 'swimming-0f0f0f0f', topic: 'swimming', activity: 'swimming pools', hours: 72 })
    ]
    const { claims, anchorings, messages } = mergeClaims(reviewedFile(), fresh, text, { file: 'claims/aftercare.yaml' })
    expect(anchorings[0]!.method).toBe('fuzzy')
    expect(anchorings[0]!.score).toBeGreaterThanOrEqual(0.7)
    const swim = byId(claims, 'swimming-5e6f7a8b')!
    expect(swim.quote).toBe(newQuote)
    expect(text.slice(swim.span.start, swim.span.end)).toBe(newQuote)
    expect(swim.review.by).toBe('mk')
    expect(byId(claims, 'swimming-0f0f0f0f')).toBeUndefined()
    expect(claims.filter((c) => c.topic === 'swimming')).toHaveLength(1)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ file: 'claims/aftercare.yaml', ruleId: 'reanchored', severity: 'warning' })
    expect(messages[0]!.reason).toContain('`swimming-5e6f7a8b`')
  })

  it('mergeClaims keeps a reviewed claim whose sentence was deleted as orphaned, review intact, last', () => {
    const text = fixture('deleted.md')
    const fresh = originalClaims(original).filter((c) => c.topic !== 'swimming').map((c) => claimAt(text, c.quote, { id: c.id, topic: c.topic, activity: c.activity, hours: c.wait.min! }))
    const previous = reviewedFile()
    const { claims, messages } = mergeClaims(previous, fresh, text, { file: 'claims/aftercare.yaml' })
    const last = claims.at(-1)!
    expect(last.id).toBe('swimming-5e6f7a8b')
    expect(last.status).toBe('orphaned')
    expect(last.review).toEqual(previous.claims[1]!.review)
    expect(last.quote).toBe(swimQuote)
    expect(last.span).toEqual(previous.claims[1]!.span)
    expect(last.context).toEqual(previous.claims[1]!.context)
    expect(claims.map((c) => c.topic)).toEqual(['makeup', 'sauna', 'exercise', 'swimming'])
    expect(messages).toEqual([
      {
        file: 'claims/aftercare.yaml',
        reason: 'Reviewed claim `swimming-5e6f7a8b` lost its quote `Avoid swimming for 72 hours after treatment.` in the source; kept with `status: orphaned` and its review',
        ruleId: 'orphaned',
        severity: 'warning'
      }
    ])
  })

  it('mergeClaims keeps an orphaned claim orphaned on the next run without a new warning, and re-anchors it when the text comes back', () => {
    const deleted = fixture('deleted.md')
    const first = mergeClaims(reviewedFile(), [], deleted)
    const again = mergeClaims({ source: 'aftercare', digest, claims: first.claims }, [], deleted)
    expect(again.claims).toEqual(first.claims)
    expect(again.messages).toEqual([])
    const restored = mergeClaims({ source: 'aftercare', digest, claims: first.claims }, [], original)
    const swim = byId(restored.claims, 'swimming-5e6f7a8b')!
    expect(swim.status).toBeUndefined()
    expect(swim.span.start).toBe(original.indexOf(swimQuote))
    expect(swim.review.status).toBe('confirmed')
  })

  it('mergeClaims keeps an orphaned claim even when its review is unreviewed', () => {
    const orphan: Claim = { ...originalClaims(original)[1]!, status: 'orphaned' }
    const { claims } = mergeClaims({ source: 'aftercare', digest, claims: [orphan] }, [], fixture('deleted.md'))
    expect(claims).toEqual([orphan])
  })

  it('mergeClaims lists several orphaned claims last, in their previous order', () => {
    const previous = reviewedFile()
    previous.claims = previous.claims.map((c) => ({ ...c, review: { status: 'confirmed' as const } }))
    const { claims } = mergeClaims(previous, [], 'An unrelated article.\n')
    expect(claims.map((c) => c.id)).toEqual(previous.claims.map((c) => c.id))
    expect(claims.every((c) => c.status === 'orphaned')).toBe(true)
  })

  it('mergeClaims does not let two reviewed claims of one topic land on the same sentence', () => {
    const text = fixture('recap-elsewhere.md')
    const recap = 'Avoid swimming for 72 hours after a treatment.'
    const previous = reviewedFile({ context: false })
    const recapClaim = claimAt(text, recap, { id: 'swimming-12341234', topic: 'swimming', activity: 'swimming', hours: 72, review: { status: 'confirmed' } })
    previous.claims.push(recapClaim)
    const { claims } = mergeClaims(previous, [], text)
    expect(byId(claims, 'swimming-12341234')!.span.start).toBe(text.indexOf(recap))
    expect(byId(claims, 'swimming-5e6f7a8b')!.status).toBe('orphaned')
  })

  it('mergeClaims is deterministic and idempotent: merging its own output again changes no byte', () => {
    const text = fixture('edited-sentence.md')
    const fresh = originalClaims(original).filter((c) => c.topic !== 'swimming').map((c) => claimAt(text, c.quote, { id: c.id, topic: c.topic, activity: c.activity, hours: c.wait.min! }))
    const first = mergeClaims(reviewedFile(), fresh, text)
    const firstYaml = serializeClaims({ source: 'aftercare', digest, claims: first.claims })
    const reread = parseClaims('aftercare.yaml', firstYaml)
    expect(reread.messages).toEqual([])
    const second = mergeClaims(reread.data, fresh, text)
    expect(serializeClaims({ source: 'aftercare', digest, claims: second.claims })).toBe(firstYaml)
    expect(second.anchorings.map((a) => a.method)).toEqual(['span'])
  })

  it('mergeClaims keeps claim ids when unrelated text changes', () => {
    const text = fixture('inserted-paragraph.md')
    const previous = reviewedFile()
    const { claims } = mergeClaims(previous, originalClaims(text), text)
    expect(claims.map((c) => c.id).sort()).toEqual(previous.claims.map((c) => c.id).sort())
    for (const claim of claims) expect(text.slice(claim.span.start, claim.span.end)).toBe(claim.quote)
  })
})
