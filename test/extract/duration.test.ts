import { describe, expect, it } from 'vitest'
import { findDurations } from '../../src/extract/duration.ts'
import { tokenize } from '../../src/extract/tokens.ts'

/** The first duration in a phrase, as [min, max]. */
function hours(phrase: string): [number | null, number | null] | undefined {
  const d = findDurations(tokenize(phrase))[0]
  return d ? [d.min, d.max] : undefined
}

describe('findDurations', () => {
  const cases: Array<[string, [number | null, number | null]]> = [
    ['24–48 hours', [24, 48]],
    ['48 to 72 hours', [48, 72]],
    ['1-2 days', [24, 48]],
    ['a day or two', [24, 48]],
    ['one or two days', [24, 48]],
    ['next day', [24, 24]],
    ['the following day', [24, 24]],
    ['a week', [168, 168]],
    ['the first week', [168, 168]],
    ['three weeks', [504, 504]],
    ['90 minutes', [1.5, 1.5]],
    ['forty-eight hours', [48, 48]],
    ['twenty four hours', [24, 24]],
    ['10 to 14 days', [240, 336]],
    ['a fortnight', [336, 336]],
    ['48h', [48, 48]],
    ['day four', [96, 96]],
    ['days two and three', [48, 48]],
    ['around the sixth day', [144, 144]],
    ['the 6th day', [144, 144]],
    ['at least 24 hours', [24, 24]],
    ['72+ hours', [72, null]],
    ['72 hours or more', [72, null]],
    ['a full week', [168, 168]],
    ['a two-week review', [336, 336]],
    ['the end of week two', [336, 336]]
  ]
  for (const [phrase, expected] of cases) {
    it(`findDurations(tokenize('${phrase}'))`, () => {
      expect(hours(phrase)).toEqual(expected)
    })
  }

  it("findDurations(tokenize('a few days')) is 48–96 h, marked vague", () => {
    const [d] = findDurations(tokenize('a few days'))
    expect(d).toMatchObject({ min: 48, max: 96, vague: true })
  })

  it("findDurations(tokenize('up to a week')) keeps the qualifier", () => {
    expect(findDurations(tokenize('up to a week'))[0]).toMatchObject({ min: 168, max: 168, qualifier: 'up-to' })
  })

  it("findDurations(tokenize('days 3–7')) is a period from 72 to 168 h", () => {
    expect(findDurations(tokenize('Days 3–7'))[0]?.period).toEqual({ start: 72, end: 168 })
  })

  it('finds nothing in words that only look like numbers', () => {
    expect(findDurations(tokenize('a workout, 2-3 times per week, a 23 per cent reduction'))).toEqual([])
  })

  it('reads a range and a second duration in one sentence', () => {
    const found = findDurations(tokenize('for 24–48 hours after a superficial session and up to 72 hours or more after a deep one'))
    expect(found.map((d) => [d.min, d.max, d.qualifier])).toEqual([
      [24, 48, null],
      [72, null, 'up-to']
    ])
  })
})
