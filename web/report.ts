/**
 * What the page reads out of a consensus report, by claim key
 * (`<source>/<id>`: ids are unique within one source only): each claim's
 * outlier reason, the conflict groups of each row, its within-source pairs,
 * and the pairs of one claim on demand. This is the only module that knows
 * how the report stores conflicts; the chart, the table and the CSV read
 * this index. Pure.
 *
 * Decision: a conflict *group* is every claim of a row that allows the
 * activity from one time, against every claim that says to wait longer
 * (the rule is `src/consensus/conflicts.ts`). The chart draws a group as one
 * labelled bracket from that time to the shortest contrary wait, and the
 * pairs of a claim only while it is focused.
 */
import { representativeHours, upperHours } from '../src/consensus/scale.ts'
import type { Conflict, ConsensusReport, TopicConsensus } from '../src/consensus/types.ts'

/** A conflict as seen from one of its claims. */
export interface PairView {
  /** Key of the other claim. */
  other: string
  /** Both claims in words. */
  reason: string
  scope: Conflict['scope']
}

/** One stance group of a row: the claims that allow from one time, and those that say wait longer. */
export interface ConflictGroupView {
  /** Hours from which the group's claims allow the activity (0 = right away). */
  allowedFrom: number
  /** Keys of those claims. */
  allowed: string[]
  /** How many sources they come from. */
  allowedSources: number
  contrary: {
    /** Keys of the claims that say to wait longer. */
    claims: string[]
    sources: number
    /** Topics they are on (the row's own and related ones), sorted. */
    topics: string[]
    /** The shortest wait they state, hours; `null` when none states a number. */
    shortest: number | null
  }
  /** Pairs in this group with both claims in one source. */
  withinSource: number
}

/** A within-source pair, by keys. */
export interface WithinPair {
  allowed: string
  avoid: string
  source: string
  reason: string
}

/** The report, indexed for the page. */
export interface ReportIndex {
  /** Outlier reason by claim key. */
  outliers: Map<string, string>
  /** Conflict groups of a row, earliest allowed time first. */
  groups(row: TopicConsensus): ConflictGroupView[]
  /** Within-source pairs of a row. */
  withinSource(row: TopicConsensus): WithinPair[]
  /** Every conflict of one claim (computed when asked). */
  pairsOf(key: string): PairView[]
  /** Number of conflicts of one claim. */
  countOf(key: string): number
}

/**
 * The key of a claim.
 *
 * @param source Source id.
 * @param id Claim id.
 * @returns `<source>/<id>`.
 * @example
 * claimKey('derm-blog', 'derm-gym') // 'derm-blog/derm-gym'
 */
export function claimKey(source: string, id: string): string {
  return `${source}/${id}`
}

/**
 * Index a report for the page.
 *
 * @param report A consensus report.
 * @returns The index (see {@link ReportIndex}).
 * @example
 * indexReport(report).outliers.get('quick-tips/quick-exercise') // '2 h is …'
 */
export function indexReport(report: ConsensusReport): ReportIndex {
  const keyOf = (id: string, source: string) => claimKey(source, id)
  const outliers = new Map<string, string>()
  const pairs = new Map<string, PairView[]>()
  const push = (key: string, pair: PairView) => {
    const list = pairs.get(key)
    if (list) list.push(pair)
    else pairs.set(key, [pair])
  }
  const seen = new Set<string>()
  for (const row of report.topics) {
    for (const o of row.outliers) outliers.set(keyOf(o.claim, o.source), o.reason)
    for (const c of row.conflicts) {
      const a = keyOf(c.claims[0], c.sources[0])
      const b = keyOf(c.claims[1], c.sources[1])
      if (seen.has(`${a} ${b}`)) continue
      seen.add(`${a} ${b}`)
      push(a, { other: b, reason: c.reason, scope: c.scope })
      push(b, { other: a, reason: c.reason, scope: c.scope })
    }
  }
  const summary = (key: string) => report.claims[key.slice(key.indexOf('/') + 1)]
  return {
    outliers,
    groups(row) {
      const byTime = new Map<number, { allowed: Set<string>; contrary: Set<string>; within: number }>()
      for (const c of row.conflicts) {
        const allowed = summary(keyOf(c.claims[0], c.sources[0]))
        if (!allowed || allowed.wait.min === null) continue
        const from = upperHours({ min: allowed.wait.min, max: allowed.wait.max })
        const group = byTime.get(from) ?? { allowed: new Set<string>(), contrary: new Set<string>(), within: 0 }
        group.allowed.add(keyOf(c.claims[0], c.sources[0]))
        group.contrary.add(keyOf(c.claims[1], c.sources[1]))
        if (c.scope === 'within-source') group.within++
        byTime.set(from, group)
      }
      return [...byTime.entries()]
        .sort(([a], [b]) => a - b)
        .map(([allowedFrom, g]) => {
          const contrary = [...g.contrary]
          const waits = contrary.map((k) => summary(k)?.wait.min).filter((w): w is number => typeof w === 'number')
          return {
            allowedFrom,
            allowed: [...g.allowed],
            allowedSources: sourcesOf(g.allowed),
            contrary: {
              claims: contrary,
              sources: sourcesOf(contrary),
              topics: [...new Set(contrary.map((k) => summary(k)?.topic ?? row.topic))].sort(),
              shortest: waits.length ? Math.min(...waits) : null
            },
            withinSource: g.within
          }
        })
    },
    withinSource(row) {
      return row.conflicts
        .filter((c) => c.scope === 'within-source')
        .map((c) => ({ allowed: keyOf(c.claims[0], c.sources[0]), avoid: keyOf(c.claims[1], c.sources[1]), source: c.sources[0], reason: c.reason }))
    },
    pairsOf: (key) => pairs.get(key) ?? [],
    countOf: (key) => pairs.get(key)?.length ?? 0
  }
}

/**
 * Order hours for display: by representative, then upper end.
 *
 * @param a First wait.
 * @param b Second wait.
 * @returns Negative when `a` reads shorter.
 */
export function compareHours(a: { min: number; max: number | null } | null, b: { min: number; max: number | null } | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1)
  return representativeHours(a) - representativeHours(b) || upperHours(a) - upperHours(b)
}

function sourcesOf(keys: Iterable<string>): number {
  const sources = new Set<string>()
  for (const key of keys) sources.add(key.slice(0, key.indexOf('/')))
  return sources.size
}
