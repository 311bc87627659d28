import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { stanceTally, voicePosition } from '../../src/consensus/voices.ts'
import { claim, file } from './helpers.ts'

describe('stanceTally: the stance of a voice that says both', () => {
  it('stanceTally([avoid, avoid]) is avoid, by only', () => {
    expect(stanceTally([claim(), claim()])).toEqual({ stance: 'avoid', avoid: 2, allowed: 0, by: 'only' })
  })

  it('stanceTally([allowed, allowed, avoid]) is allowed, by majority', () => {
    const claims = [claim({ stance: 'allowed', wait: [0, 0] }), claim({ stance: 'allowed', wait: null }), claim({ wait: [48, 48] })]
    expect(stanceTally(claims)).toEqual({ stance: 'allowed', avoid: 1, allowed: 2, by: 'majority' })
  })

  it('stanceTally(["sweat as usual" 0 h, "avoid sweating until healed"]) is allowed: a tie goes to the claims with a time', () => {
    const claims = [claim({ stance: 'allowed', wait: [0, 0] }), claim({ stance: 'avoid', wait: null })]
    expect(stanceTally(claims)).toEqual({ stance: 'allowed', avoid: 1, allowed: 1, by: 'numbered' })
    expect(voicePosition(claims as never)).toMatchObject({ stance: 'allowed', wait: { min: 0, max: 0 } })
  })

  it('stanceTally([allowed now, avoid 48 h]) is avoid: a tie among claims with a time is the cautious reading', () => {
    const claims = [claim({ stance: 'allowed', wait: [0, 0] }), claim({ stance: 'avoid', wait: [48, 48] })]
    expect(stanceTally(claims)).toEqual({ stance: 'avoid', avoid: 1, allowed: 1, by: 'cautious' })
  })

  it('a voice that says both in equal numbers keeps its stated time, stays an outlier, and its two sides are a within-source conflict', () => {
    const report = computeConsensus([
      file('a', [claim({ topic: 'sweating', wait: [72, 72] })]),
      file('b', [claim({ topic: 'sweating', wait: [168, 168] })]),
      file('c', [claim({ topic: 'sweating', wait: [72, 72] })]),
      file('sweat', [
        claim({ id: 'as-usual', topic: 'sweating', stance: 'allowed', wait: [0, 0] }),
        claim({ id: 'until-healed', topic: 'sweating', stance: 'avoid', wait: null })
      ])
    ])
    const row = report.topics.find((t) => t.topic === 'sweating')!
    expect(row.voiceList.find((v) => v.source === 'sweat')).toMatchObject({ stance: 'allowed', wait: { min: 0, max: 0 }, basis: 'as-usual' })
    expect(row.outliers.map((o) => o.claim)).toEqual(['as-usual'])
    expect(JSON.stringify(row.conflicts)).toContain('within-source')
  })
})
