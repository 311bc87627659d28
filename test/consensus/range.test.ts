import { describe, expect, it } from 'vitest'
import { consensusRange } from '../../src/consensus/range.ts'

const w = (min: number, max: number | null = min) => ({ min, max })

describe('consensusRange', () => {
  it('consensusRange([]) is null (all voices vague)', () => {
    expect(consensusRange([])).toBeNull()
  })

  it('consensusRange of one voice spans its stated wait', () => {
    expect(consensusRange([w(48, 72)])).toEqual({ min: 48, max: 72, median: 58.8 })
    expect(consensusRange([w(72)])).toEqual({ min: 72, max: 72, median: 72 })
  })

  it('consensusRange of two voices spans them both, median the geometric midpoint', () => {
    expect(consensusRange([w(168), w(24)])).toEqual({ min: 24, max: 168, median: 64 })
  })

  it('consensusRange([24 h, 72 h, 1 week]) is the middle voice: a far voice cannot stretch it', () => {
    expect(consensusRange([w(24), w(72), w(168)])).toEqual({ min: 72, max: 72, median: 72 })
  })

  it('consensusRange spans the stated waits of the voices inside the interquartile range', () => {
    expect(consensusRange([w(24), w(48, 96), w(72), w(168)])).toEqual({ min: 48, max: 96, median: 69.9 })
  })

  it('consensusRange with ties is the tied wait', () => {
    expect(consensusRange([w(72), w(72), w(72), w(48)])).toEqual({ min: 72, max: 72, median: 72 })
  })

  it('consensusRange counts an open-ended wait to its lower bound', () => {
    expect(consensusRange([w(72, null)])).toEqual({ min: 72, max: 72, median: 72 })
  })

  it('consensusRange includes a voice at 0 h (log(h + 1) is 0, not −∞)', () => {
    expect(consensusRange([w(0), w(0), w(48)])).toEqual({ min: 0, max: 0, median: 0 })
  })
})
