/**
 * Grouped conflicts against the rule applied pair by pair: on seeded random
 * corpora, the groups count exactly the pairs the rule gives, the
 * within-source list is every such pair of one source, and the on-demand
 * lookup lists, for every claim, exactly the claims it conflicts with.
 * Plus the same sentence in two sources: ids repeat, keys do not.
 */
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { conflictLookup, conflicts, relatedLookup } from '../../src/consensus/conflicts.ts'
import { claimKey, countedClaims, rowKey } from '../../src/consensus/select.ts'
import type { ClaimsFile } from '../../src/schema.ts'
import { pageModel } from '../../web/model.ts'
import { claim, file } from './helpers.ts'

const related = { sweating: ['exercise', 'sauna'] }

/** A linear congruential generator (Numerical Recipes constants), so every run tests the same corpora. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => (a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296
}

/**
 * A random corpus: sources with claims on four topics (three related), two
 * conditions, both stances, numbered, open-ended and vague waits.
 */
function corpus(seed: number, sources: number): ClaimsFile[] {
  const next = random(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
  const waits: ([number, number | null] | null)[] = [[0, 0], [12, 12], [24, 24], [24, 48], [48, 72], [72, 72], [72, null], [168, 168], null]
  return Array.from({ length: sources }, (_, s) =>
    file(
      `s${s}`,
      Array.from({ length: 1 + Math.floor(next() * 8) }, (_, c) =>
        claim({
          id: `c${c}`,
          topic: pick(['sweating', 'exercise', 'sauna', 'swimming']),
          stance: pick(['avoid', 'allowed']),
          wait: pick(waits),
          condition: pick([null, null, null, 'deep']),
          speaker: pick([null, null, 'Dr A'])
        })
      )
    )
  )
}

describe('grouped conflicts against the rule pair by pair', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`corpus ${seed}: counts, within-source pairs and on-demand pairs are those of the rule`, () => {
      const files = corpus(seed, 40)
      const report = computeConsensus(files, { related })
      const entries = countedClaims(files)
      const lookup = relatedLookup(related)
      const pairs = new Map<string, Set<string>>()
      const perRow = new Map<string, { pairs: number; within: string[] }>()
      for (const a of entries) {
        for (const b of entries) {
          if (!conflicts(a, b, lookup)) continue
          const row = rowKey(a.claim.topic, a.claim.condition)
          const counts = perRow.get(row) ?? { pairs: 0, within: [] }
          perRow.set(row, counts)
          counts.pairs++
          if (a.source === b.source) counts.within.push(`${a.key} ${b.key}`)
          for (const [x, y] of [[a.key, b.key], [b.key, a.key]] as const) pairs.set(x, (pairs.get(x) ?? new Set()).add(y))
        }
      }
      expect([...perRow.values()].reduce((n, r) => n + r.pairs, 0)).toBeGreaterThan(50)
      for (const row of report.topics) {
        const want = perRow.get(rowKey(row.topic, row.condition)) ?? { pairs: 0, within: [] }
        expect(row.conflicts.pairs, `${row.topic}/${row.condition}`).toBe(want.pairs)
        expect(row.conflicts.groups.reduce((n, g) => n + g.pairs, 0)).toBe(want.pairs)
        expect(row.conflicts.withinSource.map((c) => `${claimKey(c.allowed.source, c.allowed.id)} ${claimKey(c.avoid.source, c.avoid.id)}`)).toEqual(want.within)
        expect(row.conflicts.groups.reduce((n, g) => n + g.withinSource, 0)).toBe(want.within.length)
        const times = row.conflicts.groups.map((g) => g.allowedFrom)
        expect(times).toEqual([...new Set(times)].sort((a, b) => a - b))
      }
      const conflictsOf = conflictLookup(report)
      for (const key of Object.keys(report.claims)) {
        const found = conflictsOf(key)
        const others = found.conflicts.map((c) => (claimKey(c.allowed.source, c.allowed.id) === key ? claimKey(c.avoid.source, c.avoid.id) : claimKey(c.allowed.source, c.allowed.id)))
        expect(new Set(others), key).toEqual(pairs.get(key) ?? new Set())
        expect(found.total).toBe(others.length)
        expect(conflictsOf(key, 2).conflicts.length).toBe(Math.min(2, others.length))
        expect(conflictsOf(key, 2).total).toBe(others.length)
      }
    })
  }

  for (const seed of [11, 12, 13]) {
    it(`corpus ${seed}: every figure of every group is that of the claims the rule lists for its time`, () => {
      const files = corpus(seed, seed === 13 ? 6 : 30)
      const report = computeConsensus(files, { related })
      const entries = countedClaims(files)
      const lookup = relatedLookup(related)
      let groups = 0
      for (const row of report.topics) {
        const allowed = entries.filter((e) => e.row === rowKey(row.topic, row.condition) && e.claim.stance === 'allowed' && e.claim.wait.min !== null)
        const times = [...new Set(allowed.map((e) => e.claim.wait.max ?? e.claim.wait.min!))].sort((a, b) => a - b)
        const expected = times.flatMap((time) => {
          const members = allowed.filter((e) => (e.claim.wait.max ?? e.claim.wait.min!) === time)
          // The contrary claims of this time: what the rule says each member conflicts with.
          const contrary = entries.filter((b) => conflicts(members[0]!, b, lookup))
          if (contrary.length === 0) return []
          const numbered = contrary.filter((b) => b.claim.wait.min !== null).sort((x, y) => x.claim.wait.min! - y.claim.wait.min! || x.order - y.order)
          const vague = contrary.filter((b) => b.claim.wait.min === null)
          const sources = new Set(contrary.map((b) => b.source))
          return [
            {
              allowedFrom: time,
              allowed: members.map((e) => e.key),
              allowedSources: new Set(members.map((e) => e.source)).size,
              contrary: {
                claims: contrary.length,
                sources: sources.size,
                topics: [...new Set(contrary.map((b) => b.claim.topic))].sort(),
                shortest: numbered[0]?.claim.wait.min ?? null,
                vague: vague.length,
                samples: [...numbered, ...vague].slice(0, 3).map((b) => b.key)
              },
              pairs: members.length * contrary.length,
              withinSource: members.reduce((n, a) => n + contrary.filter((b) => b.source === a.source).length, 0),
              only: { allowed: members[0]!.source, contrary: sources.size === 1 ? [...sources][0] : undefined }
            }
          ]
        })
        groups += expected.length
        expect(row.conflicts.groups.map(({ reason: _reason, ...group }) => group), `${row.topic}/${row.condition}`).toEqual(expected.map(({ only: _only, ...group }) => group))
        // A group with one source on a side names it.
        for (const [i, group] of row.conflicts.groups.entries()) {
          const { only } = expected[i]!
          if (group.allowedSources === 1) expect(group.reason).toContain(`from ${only.allowed} allow`)
          if (only.contrary) expect(group.reason).toContain(`from ${only.contrary} say`)
        }
      }
      expect(groups).toBeGreaterThan(seed === 13 ? 1 : 10)
    })
  }

  it('a group names its shortest contrary wait and samples the shortest first', () => {
    const files = [
      file('a', [claim({ id: 'now', topic: 'sweating', stance: 'allowed', wait: [0, 0] })]),
      file('b', [claim({ id: 'long', topic: 'sauna', wait: [168, 168] }), claim({ id: 'short', topic: 'exercise', wait: [24, 24] })]),
      file('c', [claim({ id: 'healed', topic: 'sweating', wait: null })])
    ]
    const row = computeConsensus(files, { related }).topics.find((t) => t.topic === 'sweating')!
    expect(row.conflicts.groups).toEqual([
      {
        allowedFrom: 0,
        allowed: ['a/now'],
        allowedSources: 1,
        contrary: { claims: 3, sources: 2, topics: ['exercise', 'sauna', 'sweating'], shortest: 24, vague: 1, samples: ['b/short', 'b/long', 'c/healed'] },
        pairs: 3,
        withinSource: 0,
        reason: '1 claim from a allows sweating right away, but 3 claims from 2 sources say to wait longer (the shortest wait 24 h; 1 without a number) about exercise, sauna or sweating'
      }
    ])
  })
})

describe('the same sentence in two sources', () => {
  const sentence = (source: string, stance: 'avoid' | 'allowed', wait: [number, number]) =>
    file(source, [claim({ id: 'exercise-1e0b7a55', topic: 'exercise', stance, wait, quote: 'Avoid exercise for 72 hours.' })])
  const files = [sentence('clinic', 'avoid', [72, 72]), sentence('blog', 'avoid', [72, 72]), file('quick', [claim({ id: 'exercise-quick', topic: 'exercise', stance: 'allowed', wait: [12, 12] })])]

  it('computeConsensus keeps both claims, keyed by source and id', () => {
    const report = computeConsensus(files)
    const row = report.topics[0]!
    expect(row.claims).toEqual(['blog/exercise-1e0b7a55', 'clinic/exercise-1e0b7a55', 'quick/exercise-quick'])
    expect(Object.keys(report.claims)).toEqual(row.claims)
    expect(row.voices).toBe(3)
    expect(row.conflicts.groups[0]!.contrary).toMatchObject({ claims: 2, sources: 2 })
    const found = conflictLookup(report)('quick/exercise-quick').conflicts
    expect(found.map((c) => c.avoid)).toEqual([
      { source: 'blog', id: 'exercise-1e0b7a55' },
      { source: 'clinic', id: 'exercise-1e0b7a55' }
    ])
    expect(conflictLookup(report)({ source: 'clinic', id: 'exercise-1e0b7a55' }).conflicts.map((c) => c.allowed)).toEqual([{ source: 'quick', id: 'exercise-quick' }])
  })

  it('the page model links each to its own source', () => {
    const report = computeConsensus(files)
    const data = { sources: [], files, topics: [{ name: 'exercise', label: 'Exercise', related: [] }], conditions: [] }
    const { rows, index } = pageModel(data, report)
    const views = rows[0]!.claims
    const quick = views.find((v) => v.source === 'quick')!
    expect(index.pairsOf(quick.key).map((c) => c.other).sort()).toEqual(['blog/exercise-1e0b7a55', 'clinic/exercise-1e0b7a55'])
    for (const v of views.filter((x) => x.source !== 'quick')) expect(index.pairsOf(v.key).map((c) => c.other)).toEqual(['quick/exercise-quick'])
    expect(views.map((v) => index.countOf(v.key))).toEqual(views.map((v) => index.pairsOf(v.key).length))
  })
})
