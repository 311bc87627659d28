/**
 * Rows of a change from row tallies (`changeRows`) against the whole
 * consensus: on seeded random corpora and random histories of changes
 * (sources added, removed, edited, claims rejected, corrected or
 * orphaned), every step's what-changed is that of comparing the whole
 * consensus before and after, every touched row's range, voice count and
 * conflict groups are the whole row's, and the tallies kept from step to
 * step give what tallies counted from scratch give. Where the tallies
 * cannot say it, `changeRows` says so, and that stays the exception.
 */
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { relatedLookup } from '../../src/consensus/conflicts.ts'
import { affectedRows, digestSource, type SourceDigest } from '../../src/consensus/partial.ts'
import { rowKey } from '../../src/consensus/select.ts'
import { changeRows, tallyDigests, type Tallies } from '../../src/consensus/update.ts'
import type { TopicConsensus } from '../../src/consensus/types.ts'
import { diffRows, newlyOrphaned } from '../../src/diff/consensus.ts'
import type { Claim, ClaimsFile } from '../../src/schema.ts'
import { claim, file } from './helpers.ts'

const related = { sweating: ['exercise', 'sauna'], swimming: ['sauna'] }
const lookup = relatedLookup(related)

/** A linear congruential generator (Numerical Recipes constants), so every run tests the same histories. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => (a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296
}

/** Random claims and sources of one seed. */
function generator(seed: number) {
  const next = random(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
  const waits: ([number, number | null] | null)[] = [[0, 0], [1.5, 1.5], [12, 12], [24, 24], [24, 48], [48, 72], [72, 72], [72, null], [168, 168], [336, 336], null]
  let made = 0
  const oneClaim = (): Claim =>
    claim({
      id: `c${made++}`,
      topic: pick(['sweating', 'exercise', 'sauna', 'swimming', 'makeup']),
      stance: pick(['avoid', 'avoid', 'allowed']),
      wait: pick(waits),
      condition: pick([null, null, null, 'deep']),
      speaker: pick([null, null, null, 'Dr A'])
    })
  const source = (id: string): ClaimsFile => file(id, Array.from({ length: 1 + Math.floor(next() * 7) }, oneClaim))
  /** A changed copy of a source: claims replaced, added, rejected, corrected or orphaned. */
  const edit = (old: ClaimsFile): ClaimsFile => {
    const claims = old.claims.map((c) => ({ ...c }))
    const kind = pick(['replace', 'add', 'reject', 'correct', 'orphan', 'unreview'])
    const i = Math.floor(next() * claims.length)
    if (kind === 'replace') claims[i] = oneClaim()
    else if (kind === 'add') claims.push(oneClaim())
    else if (kind === 'reject') claims[i] = { ...claims[i]!, review: { status: 'rejected' } }
    else if (kind === 'correct') {
      const wait = pick(waits.filter((w) => w !== null))!
      claims[i] = { ...claims[i]!, review: { status: 'corrected', corrected: { wait: { min: wait[0], max: wait[1], text: null }, stance: pick(['avoid', 'allowed']) } } }
    } else if (kind === 'orphan') claims[i] = { ...claims[i]!, status: 'orphaned' }
    else claims[i] = { ...claims[i]!, review: { status: 'unreviewed' } }
    return file(old.source, claims)
  }
  return { next, pick, source, edit }
}

/** The rows of a report by key. */
function byKey(rows: TopicConsensus[]): Map<string, TopicConsensus> {
  return new Map(rows.map((row) => [rowKey(row.topic, row.condition), row]))
}

/**
 * Play a random history and check every step.
 *
 * @returns How many steps the tallies answered, and how many there were.
 */
function play(seed: number, sources: number, steps: number): { answered: number; steps: number } {
  const g = generator(seed)
  let files = new Map(Array.from({ length: sources }, (_, i) => [`s${String(i).padStart(3, '0')}`, g.source(`s${String(i).padStart(3, '0')}`)]))
  const digestOf = new Map<ClaimsFile, SourceDigest>()
  const digest = (f: ClaimsFile) => digestOf.get(f) ?? digestOf.set(f, digestSource(f, lookup)).get(f)!
  let tallies: Tallies = tallyDigests([...files.values()].map(digest), lookup)
  let answered = 0
  let added = sources
  for (let step = 0; step < steps; step++) {
    const after = new Map(files)
    const changed = new Set<string>()
    for (let n = g.next() < 0.8 ? 1 : 2; n > 0; n--) {
      const kind = g.pick(['add', 'add', 'edit', 'edit', 'edit', 'remove'])
      const ids = [...after.keys()].filter((id) => !changed.has(id))
      if (kind === 'add' || ids.length === 0) {
        const id = `s${String(added++).padStart(3, '0')}`
        after.set(id, g.source(id))
        changed.add(id)
      } else {
        const id = g.pick(ids)
        if (kind === 'edit') after.set(id, g.edit(after.get(id)!))
        else after.delete(id)
        changed.add(id)
      }
    }
    const beforeFiles = [...files.values()]
    const afterFiles = [...after.values()]
    const changes = [...changed].map((id) => ({
      ...(files.has(id) ? { before: digest(files.get(id)!) } : {}),
      ...(after.has(id) ? { after: digest(after.get(id)!) } : {})
    }))
    const rows = new Set<string>()
    for (const c of changes) for (const key of affectedRows(c.before, c.after, lookup)) rows.add(key)
    const whole = { before: computeConsensus(beforeFiles, { related }).topics, after: computeConsensus(afterFiles, { related }).topics }
    const orphaned = newlyOrphaned(beforeFiles, afterFiles)
    const totals = { rowsBefore: whole.before.length, rowsAfter: whole.after.length, sourcesBefore: files.size, sourcesAfter: after.size }
    const result = changeRows(tallies, changes, rows, lookup)
    if (result) {
      answered++
      expect(diffRows(result.before, result.after, orphaned, totals), `seed ${seed}, step ${step}`).toEqual(diffRows(whole.before, whole.after, orphaned, totals))
      for (const [side, mine] of [['before', result.before], ['after', result.after]] as const) {
        const full = byKey(whole[side])
        for (const row of mine) {
          const want = full.get(rowKey(row.topic, row.condition))!
          expect({ consensus: row.consensus, voices: row.voices, conflicts: { ...row.conflicts, withinSource: [] } }, `seed ${seed}, step ${step}, ${side} ${row.topic}/${row.condition}`).toEqual({
            consensus: want.consensus,
            voices: want.voices,
            conflicts: { ...want.conflicts, withinSource: [] }
          })
        }
        expect(mine.map((row) => rowKey(row.topic, row.condition))).toEqual(whole[side].map((row) => rowKey(row.topic, row.condition)).filter((key) => rows.has(key)))
      }
      tallies = result.tallies
      // Every row read from the kept tallies (no change asked for) is the whole row, also rows this step did not touch.
      const all = changeRows(tallies, [], new Set(whole.after.map((row) => rowKey(row.topic, row.condition))), lookup)
      if (all) {
        const full = byKey(whole.after)
        for (const row of all.after) {
          const want = full.get(rowKey(row.topic, row.condition))!
          expect([row.consensus, row.voices, row.conflicts.groups], `seed ${seed}, step ${step}, all rows, ${row.topic}/${row.condition}`).toEqual([want.consensus, want.voices, want.conflicts.groups])
        }
      }
    } else tallies = tallyDigests(afterFiles.map(digest), lookup)
    files = after
  }
  // What the tallies kept through the history count is what counting from scratch gives.
  const fresh = tallyDigests([...files.values()].map(digest), lookup)
  expect([...tallies.keys()].sort()).toEqual([...fresh.keys()].sort())
  for (const [key, tally] of fresh) {
    const kept = tallies.get(key)!
    expect({ ...kept, avoid: counts(kept), contrary: kept.contrary.longest }, key).toEqual({ ...tally, avoid: counts(tally), contrary: tally.contrary.longest })
    // The first claims a kept tally names are the first of the fresh one's, in the same order.
    for (const [i, bucket] of [...kept.avoid.numbered, kept.avoid.vague].entries()) {
      const first = [...tally.avoid.numbered, tally.avoid.vague][i]!.first
      expect(bucket.first.map((ref) => ref[0]), key).toEqual(first.slice(0, bucket.first.length).map((ref) => ref[0]))
    }
  }
  return { answered, steps }
}

/** A row's avoid tally without the claims it names (a kept tally may name fewer than a fresh one). */
function counts(tally: Tallies extends Map<string, infer T> ? T : never): number[] {
  return [...tally.avoid.numbered.flatMap((b) => [b.min, b.count]), tally.avoid.vague.count]
}

describe("changeRows: a source's claims in rows its change does not touch", () => {
  it('keep their place in the file among its claims in the rows it touches (samples of a group stay in file order)', () => {
    const a = file('a', [claim({ id: 'now', topic: 'sweating', stance: 'allowed', wait: [0, 0] })])
    // Source `aa` sorts before the others, so a group's samples are its claims; three more keep the ranges still.
    const s = (claims: Claim[]) => file('aa', claims)
    const others = ['c', 'd', 'e'].map((id) => file(id, [claim({ id: 'sweat', topic: 'sweating', wait: [48, 48] })]))
    const sweat = claim({ id: 'sweat', topic: 'sweating', wait: [48, 48] })
    const swim = claim({ id: 'swim', topic: 'swimming', wait: [24, 24] })
    const sauna = claim({ id: 'sauna', topic: 'sauna', wait: [48, 48] })
    const rejected = { ...swim, review: { status: 'rejected' as const } }
    const states = [
      [a, s([sweat, swim, sauna]), ...others],
      // The swimming claim rejected: the sauna claim moves up among the source's counted claims; the sweating row is not touched.
      [a, s([sweat, rejected, sauna]), ...others],
      // Then a new source touches the sweating row, whose group samples both of aa's claims.
      [a, s([sweat, rejected, sauna]), ...others, file('b', [claim({ id: 'soon', topic: 'sweating', stance: 'allowed', wait: [0, 0] })])]
    ]
    let tallies = tallyDigests(states[0]!.map((f) => digestSource(f, lookup)), lookup)
    for (let i = 1; i < states.length; i++) {
      const before = new Map(states[i - 1]!.map((f) => [f.source, digestSource(f, lookup)]))
      const after = new Map(states[i]!.map((f) => [f.source, digestSource(f, lookup)]))
      const changes = [...new Set([...before.keys(), ...after.keys()])]
        .filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)))
        .map((id) => ({ ...(before.has(id) ? { before: before.get(id)! } : {}), ...(after.has(id) ? { after: after.get(id)! } : {}) }))
      const rows = new Set<string>()
      for (const c of changes) for (const key of affectedRows(c.before, c.after, lookup)) rows.add(key)
      const result = changeRows(tallies, changes, rows, lookup)!
      expect(result, `step ${i}`).toBeDefined()
      const whole = byKey(computeConsensus(states[i]!, { related }).topics)
      for (const row of result.after) expect(row.conflicts.groups, `step ${i}, ${row.topic}`).toEqual(whole.get(rowKey(row.topic, row.condition))!.conflicts.groups)
      if (i === 2) expect(whole.get(rowKey('sweating', null))!.conflicts.groups[0]!.contrary.samples).toEqual(['aa/sweat', 'aa/sauna', 'c/sweat'])
      tallies = result.tallies
    }
  })
})

describe('changeRows(tallies, changes) against the whole consensus', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`history ${seed} on ${seed % 2 ? 12 : 40} sources: every step's rows diff as the whole consensus does`, () => {
      const { answered, steps } = play(seed, seed % 2 ? 12 : 40, 60)
      // In a small corpus one source often moves a range so that other sources' claims become or stop being outliers.
      expect(answered).toBeGreaterThan(steps * 0.3)
    })
  }
  for (const seed of [7, 8]) {
    it(`history ${seed} on 300 sources: the tallies answer most steps`, () => {
      const { answered, steps } = play(seed, 300, 30)
      expect(answered).toBeGreaterThan(steps * 0.7)
    })
  }
})
