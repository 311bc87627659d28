/**
 * A prepared corpus gives, for any set of sources switched off, the rows of
 * the whole consensus computed without them; updating only the rows a
 * toggle touches gives the same state as computing every row again. On the
 * bundled claims and on seeded random corpora (speakers, conditions,
 * related topics, vague and open waits, rejected, corrected and orphaned
 * claims).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { relatedLookup } from '../../src/consensus/conflicts.ts'
import { prepareConsensus, preparedRows, touchedRows } from '../../src/consensus/prepared.ts'
import { countedClaims, rowKey } from '../../src/consensus/select.ts'
import type { TopicConsensus } from '../../src/consensus/types.ts'
import { consensusOptions } from '../../src/diff/claims.ts'
import { readClaimsDir } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Claim, ClaimsFile } from '../../src/schema.ts'
import { random } from '../../bench/articles.ts'
import { claim, file } from './helpers.ts'

const related = { sweating: ['exercise', 'sauna'], sauna: ['heat'] }

/** A seeded corpus of `n` sources whose claims use every feature the rows read. */
function corpus(seed: number, n: number): ClaimsFile[] {
  const rand = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const topics = ['exercise', 'sweating', 'sauna', 'heat', 'swimming'] as const
  const waits: ([number, number | null] | null)[] = [[0, 0], [2, 2], [24, 24], [24, 48], [48, 48], [72, null], [168, 168], [336, 336], null]
  const files: ClaimsFile[] = []
  for (let i = 0; i < n; i++) {
    const source = `s${String(i).padStart(3, '0')}`
    const claims: Claim[] = []
    const count = 1 + Math.floor(rand() * 6)
    for (let k = 0; k < count; k++) {
      const wait = pick(waits)
      const c = claim({
        id: `${source}-${k}`,
        topic: pick(topics),
        stance: wait && wait[0] === 0 ? 'allowed' : rand() < 0.25 ? 'allowed' : 'avoid',
        wait,
        condition: rand() < 0.2 ? 'deep' : null,
        speaker: rand() < 0.15 ? 'Dr A' : null
      })
      const r = rand()
      if (r < 0.05) c.review = { status: 'rejected' }
      else if (r < 0.1) c.review = { status: 'corrected', corrected: { wait: { min: 96, max: 96, text: null } } }
      else if (r < 0.12) c.review = { status: 'corrected', corrected: { topic: 'sauna', stance: 'allowed' } }
      else if (r < 0.14) c.status = 'orphaned'
      claims.push(c)
    }
    files.push(file(source, claims))
  }
  // Two sources with the same claim id: keys must keep them apart.
  files[1]!.claims.push({ ...files[0]!.claims[0]!, id: files[0]!.claims[0]!.id })
  return files
}

/** Some sources of a corpus, chosen with a seed. */
function someSources(files: ClaimsFile[], seed: number, share: number): Set<string> {
  const rand = random(seed)
  return new Set(files.map((f) => f.source).filter(() => rand() < share))
}

describe('preparedRows(prepareConsensus(countedClaims(files)), exclude)', () => {
  it('is computeConsensus(files, {exclude}).topics on the bundled claims, for each source switched off', async () => {
    const files = (await readClaimsDir(join(import.meta.dirname, '..', '..', 'claims'))).map((r) => r.data!)
    const options = consensusOptions(await readVocabulary())
    const prepared = prepareConsensus(countedClaims(files), relatedLookup(options.related))
    expect(preparedRows(prepared, new Set())).toEqual(computeConsensus(files, options).topics)
    for (const { source } of files) {
      expect(preparedRows(prepared, new Set([source])), source).toEqual(computeConsensus(files, { ...options, exclude: [source] }).topics)
    }
  })

  it('is computeConsensus(files, {exclude}).topics on random corpora, for random sets switched off', () => {
    for (const seed of [1, 2, 3]) {
      const files = corpus(seed, 40)
      const prepared = prepareConsensus(countedClaims(files), relatedLookup(related))
      // The corpus has what the rows are made of: outliers, conflict groups, within-source pairs, conditions.
      const whole = computeConsensus(files, { related }).topics
      expect(whole.some((t) => t.outliers.length > 0) && whole.some((t) => t.conflicts.groups.length > 0)).toBe(true)
      expect(whole.some((t) => t.conflicts.withinSource.length > 0) && whole.some((t) => t.condition === 'deep')).toBe(true)
      for (const [i, share] of [0, 0.05, 0.3, 0.9, 1].entries()) {
        const exclude = someSources(files, seed * 10 + i, share)
        expect(preparedRows(prepared, exclude), `seed ${seed}, ${exclude.size} off`).toEqual(computeConsensus(files, { related, exclude: [...exclude] }).topics)
      }
    }
  })

  it('takes known within-source pairs as they are, so their reasons may come later', () => {
    const files = corpus(4, 30)
    const lookup = relatedLookup(related)
    const whole = computeConsensus(files, { related })
    const known = new Map(whole.topics.map((t) => [rowKey(t.topic, t.condition), t.conflicts.withinSource.map((c) => ({ ...c, reason: '' }))]))
    expect(whole.topics.some((t) => t.conflicts.withinSource.length > 0)).toBe(true)
    const prepared = prepareConsensus(countedClaims(files), lookup, (row) => known.get(row) ?? [])
    const exclude = someSources(files, 5, 0.3)
    const blank = (rows: TopicConsensus[]) => rows.map((t) => ({ ...t, conflicts: { ...t.conflicts, withinSource: t.conflicts.withinSource.map((c) => ({ ...c, reason: '' })) } }))
    expect(preparedRows(prepared, exclude)).toEqual(blank(computeConsensus(files, { related, exclude: [...exclude] }).topics))
  })

  it('a toggle recomputes only touchedRows: the other rows are as they were, and the state is the whole consensus', () => {
    const files = corpus(6, 40)
    const prepared = prepareConsensus(countedClaims(files), relatedLookup(related))
    const state = new Map(preparedRows(prepared, new Set()).map((t) => [rowKey(t.topic, t.condition), t]))
    const off = new Set<string>()
    for (const source of ['s003', 's017', 's003', 's029', 's017']) {
      if (off.has(source)) off.delete(source)
      else off.add(source)
      const touched = touchedRows(prepared, [source])
      expect(touched.size).toBeLessThan(prepared.rows.size)
      for (const key of touched) state.delete(key)
      for (const row of preparedRows(prepared, off, touched)) state.set(rowKey(row.topic, row.condition), row)
      const expected = computeConsensus(files, { related, exclude: [...off] }).topics
      expect(state.size).toBe(expected.length)
      expect(expected.map((t) => state.get(rowKey(t.topic, t.condition)))).toEqual(expected)
    }
  })
})
