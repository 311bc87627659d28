import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { countedClaims, voiceKey } from '../../src/consensus/select.ts'
import { groupVoices, voicePosition } from '../../src/consensus/voices.ts'
import { claim, file } from './helpers.ts'

describe('voicePosition', () => {
  it('voicePosition([avoid 24 h, avoid 72 h]) takes the longest wait (the conservative reading)', () => {
    const a = claim({ wait: [24, 24] })
    const b = claim({ wait: [72, 72] })
    expect(voicePosition([a, b])).toEqual({ stance: 'avoid', wait: { min: 72, max: 72 }, basis: b.id })
  })

  it('voicePosition counts an allowed-after-a-time claim as a wait for an avoid voice', () => {
    const a = claim({ stance: 'avoid', wait: null })
    const b = claim({ stance: 'allowed', wait: [72, 72] })
    const c = claim({ stance: 'avoid', wait: [24, 24] })
    expect(voicePosition([a, b, c])).toEqual({ stance: 'avoid', wait: { min: 72, max: 72 }, basis: b.id })
  })

  it('voicePosition ignores an allowed claim at 0 h for an avoid voice', () => {
    const a = claim({ stance: 'avoid', wait: null })
    const b = claim({ stance: 'allowed', wait: [0, 0] })
    const c = claim({ stance: 'avoid', wait: null })
    expect(voicePosition([a, b, c])).toEqual({ stance: 'avoid', wait: null, basis: null })
  })

  it('voicePosition: a tie between stances counts as avoid', () => {
    expect(voicePosition([claim({ stance: 'allowed', wait: [0, 0] }), claim({ stance: 'avoid', wait: [48, 48] })]).stance).toBe('avoid')
  })

  it('voicePosition of a mostly-allowed voice takes the earliest time it allows', () => {
    const a = claim({ stance: 'allowed', wait: [336, 336] })
    const b = claim({ stance: 'allowed', wait: [48, 72] })
    const c = claim({ stance: 'avoid', wait: [24, 24] })
    expect(voicePosition([a, b, c])).toEqual({ stance: 'allowed', wait: { min: 48, max: 72 }, basis: b.id })
  })

  it('voicePosition of an allowed voice without allowed numbers falls back to its longest avoid wait', () => {
    const a = claim({ stance: 'allowed', wait: null })
    const b = claim({ stance: 'allowed', wait: null })
    const c = claim({ stance: 'avoid', wait: [48, 48] })
    expect(voicePosition([a, b, c])).toEqual({ stance: 'allowed', wait: { min: 48, max: 48 }, basis: c.id })
  })

  it('voicePosition of claims without numbers has no wait', () => {
    expect(voicePosition([claim({ wait: null }), claim({ wait: null })])).toEqual({ stance: 'avoid', wait: null, basis: null })
  })

  it('voicePosition: equal waits go to the claim first in file order', () => {
    const a = claim({ wait: [72, 72] })
    const b = claim({ wait: [72, 72] })
    expect(voicePosition([a, b]).basis).toBe(a.id)
  })
})

describe('groupVoices', () => {
  it('groupVoices counts a source once however often it repeats itself, and a quoted expert as a voice of its own', () => {
    const entries = countedClaims([
      file('b-source', [claim({ id: 'b1' }), claim({ id: 'b2', wait: [72, 72] }), claim({ id: 'b3', speaker: 'Dr Yalda', wait: [168, 168] })]),
      file('a-source', [claim({ id: 'a1', wait: [72, 72] })])
    ])
    const voices = groupVoices(entries)
    expect(voices.map((v) => v.key)).toEqual(['a-source', 'b-source', 'b-source#Dr Yalda'])
    expect(voices[1]).toEqual({
      key: 'b-source',
      source: 'b-source',
      speaker: null,
      stance: 'avoid',
      wait: { min: 72, max: 72 },
      basis: 'b2',
      claims: ['b1', 'b2']
    })
    expect(voices[2]!.speaker).toBe('Dr Yalda')
  })

  it("voiceKey('s', 'Dr X') is 's#Dr X'", () => {
    expect(voiceKey('s', 'Dr X')).toBe('s#Dr X')
    expect(voiceKey('s', null)).toBe('s')
  })
})

describe('computeConsensus: which claims count', () => {
  it('computeConsensus leaves out rejected and orphaned claims and uses corrected values', () => {
    const report = computeConsensus([
      file('a', [claim({ id: 'rejected', wait: [1, 1], review: { status: 'rejected' } })]),
      file('b', [claim({ id: 'orphan', wait: [2, 2], status: 'orphaned' })]),
      file('c', [
        claim({
          id: 'fixed',
          wait: [24, 24],
          review: { status: 'corrected', corrected: { wait: { min: 168, max: 168, text: 'a week' } } }
        })
      ])
    ])
    expect(report.topics).toHaveLength(1)
    expect(report.topics[0]!.claims).toEqual(['c/fixed'])
    expect(report.topics[0]!.consensus).toEqual({ min: 168, max: 168, median: 168 })
    expect(report.claims['c/fixed']!.wait.min).toBe(168)
    expect(report.claims['c/fixed']!.review).toBe('corrected')
    expect(Object.keys(report.claims)).toEqual(['c/fixed'])
  })

  it('computeConsensus moves a claim whose topic an editor corrected to its new row', () => {
    const report = computeConsensus([
      file('a', [claim({ id: 'moved', topic: 'swimming', review: { status: 'corrected', corrected: { topic: 'sauna', condition: 'deep' } } })])
    ])
    expect(report.topics.map((t) => [t.topic, t.condition])).toEqual([['sauna', 'deep']])
  })

  it("computeConsensus(files, {exclude: ['b']}) leaves out every claim of source b", () => {
    const files = [file('a', [claim({ id: 'a1', wait: [72, 72] })]), file('b', [claim({ id: 'b1', wait: [24, 24] })])]
    expect(computeConsensus(files).topics[0]!.voices).toBe(2)
    const report = computeConsensus(files, { exclude: ['b'] })
    expect(report.topics[0]!.voices).toBe(1)
    expect(report.topics[0]!.claims).toEqual(['a/a1'])
    expect(report.claims['b/b1']).toBeUndefined()
  })

  it('computeConsensus gives the same report whatever order the files come in', () => {
    const a = file('a', [claim({ id: 'a1', wait: [72, 72] }), claim({ id: 'a2', topic: 'sun', wait: [168, 168] })])
    const b = file('b', [claim({ id: 'b1', wait: [24, 24] })])
    const c = file('c', [claim({ id: 'c1', wait: [168, 168] })])
    expect(JSON.stringify(computeConsensus([c, a, b]))).toBe(JSON.stringify(computeConsensus([a, b, c])))
  })

  it('computeConsensus([]) has no rows but states its rules', () => {
    const report = computeConsensus([])
    expect(report.topics).toEqual([])
    expect(report.rules.range).toMatch(/log\(hours \+ 1\)/)
  })
})
