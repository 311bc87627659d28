import { describe, expect, it } from 'vitest'
import { logHours, hoursFromLog, representativeHours, upperHours } from '../../src/consensus/scale.ts'
import { formatHours, formatRange, formatWait, gist, proportion } from '../../src/consensus/words.ts'

describe('scale', () => {
  it('logHours(0) is 0, so a wait of 0 h works on the log scale', () => {
    expect(logHours(0)).toBe(0)
    expect(hoursFromLog(logHours(72))).toBeCloseTo(72, 9)
  })

  it('representativeHours({min: 48, max: 72}) is the geometric midpoint of hours + 1', () => {
    expect(representativeHours({ min: 48, max: 72 })).toBe(58.8)
    expect(representativeHours({ min: 24, max: 24 })).toBe(24)
  })

  it('representativeHours of an open-ended wait is its lower bound', () => {
    expect(representativeHours({ min: 72, max: null })).toBe(72)
    expect(upperHours({ min: 72, max: null })).toBe(72)
  })
})

describe('formatHours', () => {
  it.each([
    [0, '0 h'],
    [0.5, '30 min'],
    [1.5, '90 min'],
    [1, '1 h'],
    [4.5, '4.5 h'],
    [24, '24 h'],
    [48, '48 h'],
    [58.8, '59 h'],
    [72, '3 days'],
    [110.3, '4.6 days'],
    [168, '1 week'],
    [336, '2 weeks'],
    [504, '3 weeks']
  ])('formatHours(%s) is %s', (hours, text) => {
    expect(formatHours(hours)).toBe(text)
  })
})

describe('formatRange and formatWait', () => {
  it.each([
    [48, 72, '48–72 h'],
    [24, 48, '24–48 h'],
    [0, 24, '0–24 h'],
    [72, 120, '3–5 days'],
    [72, 168, '3 days – 1 week'],
    [168, 504, '1–3 weeks'],
    [48, 96, '48 h – 4 days'],
    [72, 72, '3 days']
  ])('formatRange(%s, %s) is %s', (min, max, text) => {
    expect(formatRange(min, max)).toBe(text)
  })

  it("formatWait({min: 72, max: null}) is '3 days or more'", () => {
    expect(formatWait({ min: 72, max: null })).toBe('3 days or more')
    expect(formatWait({ min: 24, max: 24 })).toBe('24 h')
  })
})

describe('proportion', () => {
  it.each([
    [24, 72, 'a third of'],
    [24, 68, 'about a third of'],
    [36, 72, 'half of'],
    [29, 72, '40% of'],
    [60, 168, 'about a third of'],
    [144, 72, 'twice'],
    [168, 72, '2.3 times'],
    [504, 48, '10.5 times']
  ])('proportion(%s, %s) is %s', (value, reference, words) => {
    expect(proportion(value, reference)).toBe(words)
  })
})

describe('gist', () => {
  it('gist(short quote) is the quote with whitespace collapsed', () => {
    expect(gist('You can  sweat\nas usual.')).toBe('You can sweat as usual.')
  })

  it('gist(long quote) is cut at a word with an ellipsis', () => {
    const quote = 'Activities that cause excessive sweating, such as intense workouts, saunas, or hot yoga, should be avoided for the first 48 hours.'
    const short = gist(quote, 60)
    expect(short.length).toBeLessThanOrEqual(60)
    expect(short.endsWith('…')).toBe(true)
    expect(quote.startsWith(short.slice(0, -1))).toBe(true)
    expect(short).toBe('Activities that cause excessive sweating, such as intense…')
  })
})
