/**
 * What must hold on the five committed articles (`claims/`, extracted from
 * `sources/`). These read the real claims files through the same code as
 * `claimrange consensus`, and find claims by their words, not their ids.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConsensus } from '../../src/cli/consensus.ts'
import type { ClaimSummary, ConsensusReport, TopicConsensus } from '../../src/consensus/types.ts'
import { rowPairs } from './helpers.ts'

const claimsDir = join(import.meta.dirname, '..', '..', 'claims')
let report: ConsensusReport

beforeAll(async () => {
  const loaded = await loadConsensus({ claims: claimsDir })
  expect(loaded.messages).toEqual([])
  report = loaded.report
})

function row(topic: string, condition: string | null = null): TopicConsensus {
  const found = report.topics.find((t) => t.topic === topic && t.condition === condition)
  expect(found, `row ${topic}/${condition}`).toBeDefined()
  return found!
}

function claimWith(words: string, source?: string): ClaimSummary {
  const found = Object.values(report.claims).filter((c) => c.quote.includes(words) && (!source || c.source === source))
  expect(found.length, `claims quoting “${words}”`).toBeGreaterThan(0)
  return found[0]!
}

describe('consensus of the five microneedling articles', () => {
  it('exercise, general row: the consensus lies inside 48–72 h', () => {
    const { consensus, voices } = row('exercise')
    expect(voices).toBeGreaterThanOrEqual(4)
    expect(consensus).not.toBeNull()
    expect(consensus!.min).toBeGreaterThanOrEqual(48)
    expect(consensus!.max).toBeLessThanOrEqual(72)
    expect(consensus!.median).toBeGreaterThanOrEqual(48)
    expect(consensus!.median).toBeLessThanOrEqual(72)
  })

  it('swimming: the 24 h claim of sweat-after-microneedling is an outlier, the 72 h and one-week claims are not', () => {
    const swimming = row('swimming')
    const short = claimWith('Do not go swimming at least 24 hours', 'sweat-after-microneedling')
    const outlier = swimming.outliers.find((o) => o.claim === short.id)
    expect(outlier).toMatchObject({ source: 'sweat-after-microneedling', wait: { min: 24, max: 24 } })
    expect(outlier!.reason).toMatch(/^24 h is (about )?a third of the median of \d+ h, outside the consensus /)
    const flagged = new Set(swimming.outliers.map((o) => o.claim))
    for (const key of swimming.claims) {
      const claim = report.claims[key]!
      if (claim.wait.min !== null && claim.wait.min >= 72) expect(flagged.has(claim.id), claim.quote).toBe(false)
    }
  })

  it('sweating: “you can sweat as usual” conflicts with every source that says to avoid sweating, and within its own source', () => {
    const sweating = row('sweating')
    const usual = claimWith('you can sweat as usual', 'sweat-after-microneedling')
    expect(usual).toMatchObject({ stance: 'allowed', topic: 'sweating', condition: null })
    const mine = rowPairs(report, sweating).filter((c) => c.allowed.source === usual.source && c.allowed.id === usual.id)
    const avoiders = sweating.claims
      .map((key) => report.claims[key]!)
      .filter((c) => c.stance === 'avoid' && c.source !== usual.source && (c.wait.min ?? 0) > 0)
    expect(avoiders.length).toBeGreaterThanOrEqual(2)
    for (const avoid of avoiders) {
      expect(mine.some((c) => c.avoid.source === avoid.source && c.avoid.id === avoid.id && c.scope === 'cross-source'), avoid.quote).toBe(true)
    }
    expect(new Set(avoiders.map((c) => c.source))).toEqual(new Set(['exercise-after-skin-needling', 'microneedling-aftercare-bhskin']))
    const within = sweating.conflicts.withinSource.filter((c) => c.allowed.id === usual.id)
    expect(within.length).toBeGreaterThan(0)
    for (const conflict of within) expect([conflict.allowed.source, conflict.avoid.source]).toEqual(['sweat-after-microneedling', 'sweat-after-microneedling'])
    expect(within.some((c) => report.claims[`${c.avoid.source}/${c.avoid.id}`]!.quote.includes('saunas and steam rooms for at least 48 hours'))).toBe(true)
    const group = sweating.conflicts.groups.find((g) => g.allowed.includes(`${usual.source}/${usual.id}`))!
    expect(group.allowedFrom).toBe(0)
    expect(group.contrary.claims).toBe(mine.length)
  })

  it('actives: retinol after three weeks vs from the sixth day is a within-source conflict', () => {
    const actives = row('actives')
    const late = claimWith('Avoid using retinol products for three weeks', 'sweat-after-microneedling')
    const early = claimWith('Around the sixth day, you can start introducing retinol', 'sweat-after-microneedling')
    const conflict = actives.conflicts.withinSource.find((c) => c.allowed.id === early.id && c.avoid.id === late.id)
    expect(conflict).toMatchObject({ scope: 'within-source', allowed: { source: 'sweat-after-microneedling' }, avoid: { source: 'sweat-after-microneedling' } })
    expect(conflict!.reason).toContain('3 weeks')
    expect(conflict!.reason).toContain('Around the sixth day')
  })

  it('every row with a single voice has a range and no outliers', () => {
    for (const t of report.topics.filter((r) => r.voices === 1)) expect(t.outliers, `${t.topic}/${t.condition}`).toEqual([])
  })
})
