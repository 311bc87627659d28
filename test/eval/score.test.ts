import { describe, expect, it } from 'vitest'
import type { GoldClaim } from '../../src/eval/gold.ts'
import { QuoteError } from '../../src/eval/locate.ts'
import { scoreClaims, spanJaccard } from '../../src/eval/score.ts'
import type { Claim } from '../../src/schema.ts'

const text = [
  'Avoid saunas for 48 hours after the peel.',
  'Exercise is fine after three days.',
  'Avoid saunas for 48 hours after the peel.'
].join('\n')

/** A gold claim with defaults. */
function gold(quote: string, fields: Partial<GoldClaim> = {}): GoldClaim {
  return { topic: 'sauna', stance: 'avoid', wait: { min: 48, max: 48 }, condition: null, speaker: null, quote, ...fields }
}

/** An extracted claim on `text.slice(start, end)` with defaults. */
function predicted(start: number, end: number, fields: Partial<Claim> = {}): Claim {
  return {
    id: `c-${start}-${end}`,
    topic: 'sauna',
    activity: 'saunas',
    stance: 'avoid',
    wait: { min: 48, max: 48, text: '48 hours' },
    condition: null,
    speaker: null,
    quote: text.slice(start, end),
    span: { start, end, line: 1 },
    review: { status: 'unreviewed' },
    ...fields
  }
}

const firstSauna = { start: 0, end: 41 }
const exerciseLine = { start: 42, end: 76 }

describe('scoreClaims', () => {
  it('scores a gold claim whose note starts with "optional" as neither required nor a false alarm', () => {
    const optional = gold('Exercise is fine after three days.', { topic: 'exercise', stance: 'allowed', wait: { min: 72, max: 72 }, note: 'optional under GUIDELINES: read alone it gives no time' })
    const missed = scoreClaims([optional], [], text)
    expect(missed.all).toMatchObject({ tp: 0, fp: 0, fn: 0 })
    expect(missed.misses).toEqual([])
    const found = scoreClaims([optional], [predicted(exerciseLine.start, exerciseLine.end, { topic: 'exercise', stance: 'allowed', wait: { min: 72, max: 72, text: 'three days' } })], text)
    expect(found.all).toMatchObject({ tp: 0, fp: 0, fn: 0 })
    expect(found.falseAlarms).toEqual([])
    // A note that only mentions the word later is no mark.
    const required = scoreClaims([{ ...optional, note: 'Not optional: the three days are its wait.' }], [], text)
    expect(required.all).toMatchObject({ fn: 1 })
  })

  it('scoreClaims([], [], text) has no rows and undefined rates', () => {
    const score = scoreClaims([], [], text)
    expect(score.topics).toEqual([])
    expect(score.all).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null, gold: 0 })
    expect(score.misses).toEqual([])
    expect(score.falseAlarms).toEqual([])
  })

  it('scoreClaims(gold, [], text) misses everything: recall 0, precision undefined, F1 0', () => {
    const score = scoreClaims([gold('Avoid saunas for 48 hours', { occurrence: 1 })], [], text)
    expect(score.all).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 })
    expect(score.misses).toHaveLength(1)
    expect(score.misses[0]).toMatchObject({ topic: 'sauna', line: 1, start: 0, end: 25 })
  })

  it('scoreClaims([], predicted, text) lists false alarms with their line', () => {
    const score = scoreClaims([], [predicted(exerciseLine.start, exerciseLine.end, { topic: 'exercise' })], text)
    expect(score.all).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null, f1: 0 })
    expect(score.falseAlarms).toEqual([
      expect.objectContaining({ topic: 'exercise', line: 2, quote: 'Exercise is fine after three days.', id: 'c-42-76' })
    ])
  })

  it('matches when topic, stance and hours agree and the spans overlap, even partly', () => {
    const score = scoreClaims([gold('saunas for 48 hours', { occurrence: 1 })], [predicted(firstSauna.start, firstSauna.end)], text)
    expect(score.all).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 })
    expect(score.matches).toEqual([{ gold: 0, predicted: 0, condition: true, speaker: true }])
  })

  it('does not match the same statement on other words (no overlap)', () => {
    const score = scoreClaims([gold('Avoid saunas for 48 hours after the peel.', { occurrence: 1 })], [predicted(84, 125)], text)
    expect(score.all).toMatchObject({ tp: 0, fp: 1, fn: 1 })
  })

  it('does not match adjacent spans that only touch', () => {
    const score = scoreClaims([gold('Avoid saunas', { occurrence: 1 })], [predicted(12, 41)], text)
    expect(score.all).toMatchObject({ tp: 0, fp: 1, fn: 1 })
  })

  it('does not match when the hours differ, and reports the near miss', () => {
    const score = scoreClaims(
      [gold('Avoid saunas for 48 hours after the peel.', { occurrence: 1 })],
      [predicted(firstSauna.start, firstSauna.end, { wait: { min: 24, max: 48, text: null } })],
      text
    )
    expect(score.all).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(score.misses[0]!.near).toMatchObject({ topic: 'sauna', wait: { min: 24, max: 48 }, line: 1 })
  })

  it('treats max null (open ended) as different from a number, and null as equal to null', () => {
    const open = scoreClaims(
      [gold('Avoid saunas for 48 hours', { occurrence: 1, wait: { min: 48, max: null } })],
      [predicted(firstSauna.start, firstSauna.end)],
      text
    )
    expect(open.all.tp).toBe(0)
    const vague = scoreClaims(
      [gold('Avoid saunas for 48 hours', { occurrence: 1, wait: { min: null, max: null } })],
      [predicted(firstSauna.start, firstSauna.end, { wait: { min: null, max: null, text: null } })],
      text
    )
    expect(vague.all.tp).toBe(1)
  })

  it('does not match when the stance or the topic differs', () => {
    const stance = scoreClaims([gold('Avoid saunas', { occurrence: 1 })], [predicted(0, 41, { stance: 'allowed' })], text)
    const topic = scoreClaims([gold('Avoid saunas', { occurrence: 1 })], [predicted(0, 41, { topic: 'sweating' })], text)
    expect(stance.all).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(topic.all).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(topic.topics.map((t) => [t.topic, t.tp, t.fp, t.fn])).toEqual([
      ['sauna', 0, 0, 1],
      ['sweating', 0, 1, 0]
    ])
  })

  it('matches one-to-one: a duplicate extraction is a false alarm', () => {
    const score = scoreClaims([gold('Avoid saunas', { occurrence: 1 })], [predicted(0, 41), predicted(0, 25)], text)
    expect(score.all).toMatchObject({ tp: 1, fp: 1, fn: 0 })
    expect(score.matches).toEqual([expect.objectContaining({ gold: 0, predicted: 1 })])
    expect(score.falseAlarms.map((f) => f.id)).toEqual(['c-0-41'])
  })

  it('matches one-to-one: one extraction cannot satisfy two gold claims', () => {
    const g = gold('Avoid saunas', { occurrence: 1 })
    const score = scoreClaims([g, { ...g, quote: 'saunas for 48 hours', occurrence: 1 }], [predicted(0, 41)], text)
    expect(score.all).toMatchObject({ tp: 1, fp: 0, fn: 1 })
  })

  it('pairs best first: agreement on condition and speaker wins over file order', () => {
    const golds = [
      gold('Avoid saunas for 48 hours after the peel.', { occurrence: 1, condition: 'deep' }),
      gold('Avoid saunas for 48 hours after the peel.', { occurrence: 1, condition: null })
    ]
    const score = scoreClaims(golds, [predicted(0, 41, { condition: null }), predicted(0, 41, { condition: 'deep' })], text)
    expect(score.all.tp).toBe(2)
    expect(score.matches).toEqual([
      { gold: 0, predicted: 1, condition: true, speaker: true },
      { gold: 1, predicted: 0, condition: true, speaker: true }
    ])
    expect(score.attributes.condition).toEqual({ agree: 2, total: 2 })
  })

  it('pairs best first: a larger overlap wins when attributes tie', () => {
    const golds = [gold('Avoid saunas', { occurrence: 1 }), gold('Avoid saunas for 48 hours after the peel.', { occurrence: 1 })]
    const score = scoreClaims(golds, [predicted(0, 41), predicted(0, 12)], text)
    expect(score.matches).toEqual([
      expect.objectContaining({ gold: 0, predicted: 1 }),
      expect.objectContaining({ gold: 1, predicted: 0 })
    ])
  })

  it('counts condition and speaker disagreements without failing the match', () => {
    const score = scoreClaims(
      [gold('Avoid saunas', { occurrence: 1, condition: 'deep', speaker: 'Dr Jane Roe' })],
      [predicted(0, 41)],
      text
    )
    expect(score.all.tp).toBe(1)
    expect(score.attributes).toEqual({ condition: { agree: 0, total: 1 }, speaker: { agree: 0, total: 1 } })
  })

  it('uses `occurrence` to place a quote that occurs twice', () => {
    const second = scoreClaims([gold('Avoid saunas for 48 hours', { occurrence: 2 })], [predicted(77, 118)], text)
    expect(second.all.tp).toBe(1)
    const first = scoreClaims([gold('Avoid saunas for 48 hours', { occurrence: 1 })], [predicted(77, 118)], text)
    expect(first.all.tp).toBe(0)
  })

  it('fails loudly when a gold quote is not in the text or is ambiguous', () => {
    expect(() => scoreClaims([gold('Avoid hot tubs')], [], text)).toThrow(QuoteError)
    expect(() => scoreClaims([gold('Avoid hot tubs')], [], text)).toThrow(/Quote not found in the source: `Avoid hot tubs`/)
    expect(() => scoreClaims([gold('Avoid saunas')], [], text)).toThrow(/occurs 2 times.*`occurrence: N`/)
    expect(() => scoreClaims([gold('Avoid saunas', { occurrence: 3 })], [], text)).toThrow(/occurs 2 times, expected at least 3/)
  })

  it('computes per-topic precision, recall and F1, and micro-averages them', () => {
    const golds = [
      gold('Avoid saunas', { occurrence: 1 }),
      gold('Avoid saunas', { occurrence: 2 }),
      gold('Exercise is fine', { topic: 'exercise', stance: 'allowed', wait: { min: 72, max: 72 } })
    ]
    const preds = [
      predicted(0, 41),
      predicted(exerciseLine.start, exerciseLine.end, { topic: 'exercise', stance: 'allowed', wait: { min: 72, max: 72, text: null } }),
      predicted(exerciseLine.start, exerciseLine.end, { topic: 'sun', stance: 'avoid', wait: { min: 72, max: 72, text: null } })
    ]
    const score = scoreClaims(golds, preds, text)
    const rows = Object.fromEntries(score.topics.map((t) => [t.topic, t]))
    expect(rows.sauna).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5, gold: 2 })
    expect(rows.sauna!.f1).toBeCloseTo(2 / 3)
    expect(rows.exercise).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 })
    expect(rows.sun).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null, f1: 0, gold: 0 })
    expect(score.all).toMatchObject({ tp: 2, fp: 1, fn: 1, gold: 3 })
    expect(score.all.precision).toBeCloseTo(2 / 3)
    expect(score.all.recall).toBeCloseTo(2 / 3)
    expect(score.topics.map((t) => t.topic)).toEqual(['exercise', 'sauna', 'sun'])
  })
})

describe('spanJaccard', () => {
  it('spanJaccard({0,10}, {5,15}) is 5/15', () => {
    expect(spanJaccard({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(1 / 3)
  })
  it('spanJaccard of disjoint or touching spans is 0', () => {
    expect(spanJaccard({ start: 0, end: 10 }, { start: 10, end: 15 })).toBe(0)
    expect(spanJaccard({ start: 0, end: 10 }, { start: 20, end: 25 })).toBe(0)
  })
})
