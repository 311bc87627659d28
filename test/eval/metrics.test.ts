import { describe, expect, it } from 'vitest'
import { lineAt, locateQuote, occurrencesOf } from '../../src/eval/locate.ts'
import { rates, sumCounts } from '../../src/eval/metrics.ts'

describe('rates', () => {
  it('rates({tp: 8, fp: 2, fn: 0})', () => {
    const r = rates({ tp: 8, fp: 2, fn: 0 })
    expect(r.precision).toBe(0.8)
    expect(r.recall).toBe(1)
    expect(r.f1).toBeCloseTo((2 * 0.8) / 1.8)
  })
  it('rates({tp: 0, fp: 0, fn: 0}) is undefined everywhere', () => {
    expect(rates({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null })
  })
  it('rates({tp: 0, fp: 3, fn: 0}): precision 0, no recall, F1 0', () => {
    expect(rates({ tp: 0, fp: 3, fn: 0 })).toEqual({ precision: 0, recall: null, f1: 0 })
  })
  it('sumCounts adds field by field', () => {
    expect(sumCounts([{ tp: 1, fp: 2, fn: 3 }, { tp: 4, fp: 0, fn: 1 }])).toEqual({ tp: 5, fp: 2, fn: 4 })
    expect(sumCounts([])).toEqual({ tp: 0, fp: 0, fn: 0 })
  })
})

describe('locateQuote', () => {
  it("locateQuote('Avoid saunas for 48 hours.', 'saunas for 48 hours')", () => {
    expect(locateQuote('Avoid saunas for 48 hours.', 'saunas for 48 hours')).toEqual({ start: 6, end: 25, line: 1 })
  })
  it('locateQuote(text, quote, 2) takes the second occurrence and its line', () => {
    expect(locateQuote('no sun.\nno sun.', 'no sun', 2)).toEqual({ start: 8, end: 14, line: 2 })
  })
  it("lineAt('a\\nb\\nc', 2) is 2", () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1)
    expect(lineAt('a\nb\nc', 2)).toBe(2)
    expect(lineAt('a\nb\nc', 4)).toBe(3)
  })
  it("occurrencesOf('aaa', 'aa') finds overlapping occurrences", () => {
    expect(occurrencesOf('aaa', 'aa')).toEqual([0, 1])
  })
})
