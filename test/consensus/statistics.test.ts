import { describe, expect, it } from 'vitest'
import { median } from '../../src/consensus/median.ts'
import { quantile } from '../../src/consensus/quantile.ts'

describe('quantile', () => {
  it("quantile([1, 2, 3, 4], 0.25) interpolates linearly (type 7)", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25)
  })

  it('quantile([], 0.5) is undefined', () => {
    expect(quantile([], 0.5)).toBeUndefined()
  })

  it('quantile([7], p) is the one value for every p', () => {
    expect(quantile([7], 0)).toBe(7)
    expect(quantile([7], 0.25)).toBe(7)
    expect(quantile([7], 1)).toBe(7)
  })

  it('quantile(values, 0) and quantile(values, 1) are the minimum and maximum', () => {
    expect(quantile([5, 9, 1], 0)).toBe(1)
    expect(quantile([5, 9, 1], 1)).toBe(9)
  })

  it('quantile ignores null, undefined and NaN', () => {
    expect(quantile([null, 1, NaN, undefined, 3], 0.5)).toBe(2)
    expect(quantile([null, NaN], 0.5)).toBeUndefined()
  })

  it('quantile(objects, p, valueof) reads each value', () => {
    expect(quantile([{ h: 10 }, { h: 30 }, { h: 20 }], 0.5, (d) => d.h)).toBe(20)
  })

  it('quantile with ties returns the tied value', () => {
    expect(quantile([72, 72, 72, 72], 0.25)).toBe(72)
  })

  it('quantile(values, 1.5) throws: a bad probability is a programming error', () => {
    expect(() => quantile([1], 1.5)).toThrow(/expected a number in \[0, 1\]/)
    expect(() => quantile([1], NaN)).toThrow(RangeError)
  })
})

describe('median', () => {
  it('median([72, 24, 168]) is the middle value', () => {
    expect(median([72, 24, 168])).toBe(72)
  })

  it('median([48, 72]) is the mean of the two middle values', () => {
    expect(median([48, 72])).toBe(60)
  })

  it('median([]) and median of only null/NaN are undefined', () => {
    expect(median([])).toBeUndefined()
    expect(median([null, NaN])).toBeUndefined()
  })

  it('median([5]) is the one value', () => {
    expect(median([5])).toBe(5)
  })

  it('median with ties', () => {
    expect(median([3, 3, 3, 9])).toBe(3)
  })

  it('median(objects, valueof) reads each value and skips null', () => {
    expect(median([{ h: 1 }, { h: null }, { h: 5 }, { h: 3 }], (d) => d.h)).toBe(3)
  })
})
