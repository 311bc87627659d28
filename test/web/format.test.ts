import { describe, expect, test } from 'vitest'
import { formatRange, formatWait, shortHours, tickLabel } from '../../web/format.ts'
import { timeAxis } from '../../web/scale.ts'

describe('format', () => {
  test("formatWait({min: null, max: null, text: 'until healed'}) names no number", () => {
    expect(formatWait({ min: null, max: null, text: 'until healed' })).toBe('no number ("until healed")')
    expect(formatWait({ min: null, max: null, text: null })).toBe('no number')
  })
  test('formatWait of open, vague, zero and ranges', () => {
    expect(formatWait({ min: 72, max: null, text: null })).toBe('3 days or more')
    expect(formatWait({ min: 48, max: 96, text: 'a few days', vague: true })).toBe('about 48 h – 4 days')
    expect(formatWait({ min: 0, max: 0, text: 'as usual' })).toBe('no wait')
    expect(formatRange(0, 48)).toBe('up to 48 h')
  })
  test('tickLabel and shortHours for the human ticks', () => {
    expect([1, 4, 24, 48, 72, 168, 336, 504].map(tickLabel)).toEqual(['1 h', '4 h', '1 day', '2 days', '3 days', '1 week', '2 weeks', '3 weeks'])
    expect([1, 24, 168, 2160].map(shortHours)).toEqual(['1h', '1d', '1w', '3mo'])
  })
})

describe('timeAxis', () => {
  const layout = { left: 0, right: 400, nowWidth: 40, openWidth: 20, gap: 6 }
  test('timeAxis(layout, 72) spans 1 h to 3 weeks, 0 h in the now column', () => {
    const axis = timeAxis(layout, 72)
    expect(axis.domain).toEqual([1, 504])
    expect(axis.x(0)).toBe(20)
    expect(axis.x(1)).toBe(46)
    expect(axis.x(504)).toBe(380)
    expect(axis.x(0.5)).toBe(46)
  })
  test('timeAxis(layout, 1000) extends to the next human tick (2 months)', () => {
    const axis = timeAxis(layout, 1000)
    expect(axis.domain).toEqual([1, 1440])
    expect(axis.ticks.at(-1)!.hours).toBe(1440)
  })
})
