/**
 * Fixture tests: each `fixtures/<case>/claims/*.yaml` is read as the CLI
 * reads it, the consensus computed with the bundled vocabulary's related
 * topics, and compared with the hand-written `fixtures/<case>/expected.json`.
 * An expected row lists only the fields its case is about; outliers compare
 * by claim and reason, conflicts by claims and scope.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import type { ConsensusReport, TopicConsensus } from '../../src/consensus/types.ts'
import { readClaimsDir } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { relatedTopics } from '../../src/vocabulary.ts'

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

function project(row: TopicConsensus, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    if (key === 'outliers') out.outliers = row.outliers.map((o) => ({ claim: o.claim, reason: o.reason }))
    else if (key === 'conflicts') out.conflicts = row.conflicts.map((c) => ({ claims: c.claims, scope: c.scope }))
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
        expect(project(row, Object.keys(want)), `${row.topic}/${row.condition}`).toEqual(want)
      })
    })
  }
})

describe('reasons on fixtures', () => {
  it('a within-source conflict names the source once and both quotes with their hours', async () => {
    const report = await fixtureReport('conflicts')
    const actives = report.topics.find((t) => t.topic === 'actives')!
    expect(actives.conflicts[0]).toEqual({
      claims: ['sweat-retinol-early', 'sweat-retinol-late'],
      sources: ['sweat', 'sweat'],
      scope: 'within-source',
      reason:
        'sweat allows retinol after 5–6 days (“Around the sixth day, you can start introducing retinol.”), ' +
        'but also says to avoid retinol for 3 weeks (“Avoid using retinol products for three weeks after your procedure.”)'
    })
  })

  it('a cross-source conflict over related topics names both sources', async () => {
    const report = await fixtureReport('conflicts')
    const sweating = report.topics.find((t) => t.topic === 'sweating' && t.condition === null)!
    expect(sweating.conflicts[0]!.reason).toBe(
      'sweat allows sweat right away (“If you are having microneedling done, you can sweat as usual.”), ' +
        'but needling says to avoid exercise for 3 days (“You must not engage in exercise for 72 hours.”)'
    )
    expect(sweating.conflicts[4]!.reason).toContain('but Dr Shotter, quoted in the same source, says to avoid workout for 48 h')
    expect(sweating.conflicts[2]!.reason).toContain('to avoid sweat without saying for how long')
  })

  it('an outlier carries its source, speaker, wait and factor', async () => {
    const report = await fixtureReport('outliers')
    const swimming = report.topics.find((t) => t.topic === 'swimming')!
    expect(swimming.outliers[0]).toMatchObject({ claim: 'charlie-swim', source: 'charlie', speaker: null, wait: { min: 24, max: 24 }, factor: 0.35 })
  })
})
