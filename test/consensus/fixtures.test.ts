/**
 * Fixture tests: each `fixtures/<case>/claims/*.yaml` is read as the CLI
 * reads it, the consensus computed with the bundled vocabulary's related
 * topics, and compared with the hand-written `fixtures/<case>/expected.json`.
 * An expected row lists only the fields its case is about; outliers compare
 * by claim and reason, conflicts pair by pair (enumerated on demand) by claim keys and scope.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import type { ConsensusReport, TopicConsensus } from '../../src/consensus/types.ts'
import { readClaimsDir } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { relatedTopics } from '../../src/vocabulary.ts'
import { rowPairs } from './helpers.ts'

const root = join(import.meta.dirname, 'fixtures')

/**
 * Compute the consensus of one fixture case.
 *
 * @param name Case folder name.
 * @returns The report.
 */
export async function fixtureReport(name: string): Promise<ConsensusReport> {
  const reads = await readClaimsDir(join(root, name, 'claims'))
  for (const read of reads) expect(read.messages, read.file).toEqual([])
  const related: Record<string, string[]> = {}
  for (const [topic, others] of relatedTopics(await readVocabulary())) related[topic] = [...others]
  return computeConsensus(reads.map((r) => r.data!), { related })
}

function project(report: ConsensusReport, row: TopicConsensus, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    if (key === 'outliers') out.outliers = row.outliers.map((o) => ({ claim: o.claim, reason: o.reason }))
    else if (key === 'conflicts') out.conflicts = rowPairs(report, row).map((c) => ({ claims: [`${c.allowed.source}/${c.allowed.id}`, `${c.avoid.source}/${c.avoid.id}`], scope: c.scope }))
    else out[key] = row[key as keyof TopicConsensus]
  }
  return out
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

describe('computeConsensus on fixtures', () => {
  it('has fixture cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['all-vague', 'conditions', 'conflicts', 'outliers']))
  })

  for (const name of cases) {
    it(`computeConsensus(fixtures/${name})`, async () => {
      const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as { rows: Array<Record<string, unknown>> }
      const report = await fixtureReport(name)
      expect(report.topics.map((t) => [t.topic, t.condition])).toEqual(expected.rows.map((r) => [r.topic, r.condition]))
      report.topics.forEach((row, i) => {
        const want = expected.rows[i]!
        expect(project(report, row, Object.keys(want)), `${row.topic}/${row.condition}`).toEqual(want)
      })
    })
  }
})

describe('reasons on fixtures', () => {
  it('a within-source conflict names the source once and both quotes with their hours', async () => {
    const report = await fixtureReport('conflicts')
    const actives = report.topics.find((t) => t.topic === 'actives')!
    expect(actives.conflicts.withinSource).toHaveLength(1)
    expect(actives.conflicts.withinSource[0]).toEqual({
      allowed: { source: 'sweat', id: 'sweat-retinol-early' },
      avoid: { source: 'sweat', id: 'sweat-retinol-late' },
      scope: 'within-source',
      reason:
        'sweat allows retinol after 5–6 days (“Around the sixth day, you can start introducing retinol.”), ' +
        'but also says to avoid retinol for 3 weeks (“Avoid using retinol products for three weeks after your procedure.”)'
    })
  })

  it('a cross-source conflict over related topics names both sources', async () => {
    const report = await fixtureReport('conflicts')
    const sweating = report.topics.find((t) => t.topic === 'sweating' && t.condition === null)!
    const pairs = rowPairs(report, sweating)
    expect(pairs[0]!.reason).toBe(
      'sweat allows sweat right away (“If you are having microneedling done, you can sweat as usual.”), ' +
        'but needling says to avoid exercise for 3 days (“You must not engage in exercise for 72 hours.”)'
    )
    expect(pairs[4]!.reason).toContain('but Dr Shotter, quoted in the same source, says to avoid workout for 48 h')
    expect(pairs[2]!.reason).toContain('to avoid sweat without saying for how long')
  })

  it('the conflicts of a row are one group per allowed time, counted, with the shortest contrary wait', async () => {
    const report = await fixtureReport('conflicts')
    const sweating = report.topics.find((t) => t.topic === 'sweating' && t.condition === null)!
    expect(sweating.conflicts).toMatchObject({ pairs: 5, withinSourcePairs: 3, topics: ['exercise', 'sauna', 'sweating'] })
    expect(sweating.conflicts.groups).toHaveLength(1)
    const [group] = sweating.conflicts.groups
    expect(group).toMatchObject({
      allowedFrom: 0,
      allowed: ['sweat/sweat-usual'],
      allowedSources: 1,
      contrary: { claims: 5, sources: 2, topics: ['exercise', 'sauna', 'sweating'], vague: 1 },
      pairs: 5,
      withinSource: 3
    })
    expect(group!.contrary.shortest).toBe(Math.min(...rowPairs(report, sweating).map((p) => report.claims[`${p.avoid.source}/${p.avoid.id}`]!.wait.min ?? Infinity)))
    expect(group!.reason).toMatch(/^1 claim from sweat allows sweating right away, but 5 claims from 2 sources say to wait longer \(the shortest wait \d+ h; 1 without a number\) about exercise, sauna or sweating$/)
    expect(sweating.conflicts.withinSource.map((c) => c.avoid.id)).toEqual(['sweat-best-avoided', 'sweat-sauna', 'sweat-shotter-ex'])
  })

  it('an outlier carries its source, speaker, wait and factor', async () => {
    const report = await fixtureReport('outliers')
    const swimming = report.topics.find((t) => t.topic === 'swimming')!
    expect(swimming.outliers[0]).toMatchObject({ claim: 'charlie-swim', source: 'charlie', speaker: null, wait: { min: 24, max: 24 }, factor: 0.35 })
  })
})
