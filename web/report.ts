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
import { conflictLookup } from '../src/consensus/conflicts.ts'
import { representativeHours, upperHours } from '../src/consensus/scale.ts'
import { claimKey, rowKey as engineRowKey } from '../src/consensus/select.ts'
import type { Conflict, ConflictGroup, ConsensusReport, TopicConsensus } from '../src/consensus/types.ts'

export { claimKey }

/** A conflict as seen from one of its claims. */
export interface PairView {
  /** Key of the other claim. */
  other: string
  /** Both claims in words. */
  reason: string
  scope: Conflict['scope']
}

/** One stance group of a row (the engine's {@link ConflictGroup}). */
export type ConflictGroupView = ConflictGroup

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
  /** The conflicts of one claim (enumerated when asked, at most {@link pairsListed}). */
  pairsOf(key: string): PairView[]
  /** Number of conflicts of one claim. */
  countOf(key: string): number
}

/** Most pairs listed for one claim (the panel and the links of a focused claim). */
export const pairsListed = 60

/**
 * Index a report for the page.
 *
 * Counting a claim's conflicts reads the groups only: an allowed claim
 * conflicts with its group's contrary claims; an avoid claim with every
 * claim of the groups (in rows compared with its topic, same condition)
 * that allow from before its shortest wait — from 0 h when it states none.
 * That is the engine's rule (`conflictLookup` gives the same totals), at
 * the cost of a few groups per claim, so a 10,000-source page can count
 * every claim's conflicts; the pairs themselves are listed only when asked.
 *
 * @param report A consensus report.
 * @returns The index (see {@link ReportIndex}).
 * @example
 * indexReport(report).outliers.get('quick-tips/quick-exercise') // '2 h is …'
 */
export function indexReport(report: ConsensusReport): ReportIndex {
  const outliers = new Map<string, string>()
  const allowedCount = new Map<string, number>()
  const against = new Map<string, ConflictGroup[]>()
  for (const row of report.topics) {
    for (const o of row.outliers) outliers.set(claimKey(o.source, o.claim), o.reason)
    for (const group of row.conflicts.groups) {
      for (const key of group.allowed) allowedCount.set(key, group.contrary.claims)
      for (const topic of row.conflicts.topics) {
        const k = engineRowKey(topic, row.condition)
        against.set(k, [...(against.get(k) ?? []), group])
      }
    }
  }
  let lookup: ReturnType<typeof conflictLookup> | undefined
  return {
    outliers,
    groups: (row) => row.conflicts.groups,
    withinSource: (row) =>
      row.conflicts.withinSource.map((c) => ({
        allowed: claimKey(c.allowed.source, c.allowed.id),
        avoid: claimKey(c.avoid.source, c.avoid.id),
        source: c.allowed.source,
        reason: c.reason
      })),
    pairsOf(key) {
      lookup ??= conflictLookup(report)
      return lookup(key, pairsListed).conflicts.map((c) => {
        const allowed = claimKey(c.allowed.source, c.allowed.id)
        return { other: allowed === key ? claimKey(c.avoid.source, c.avoid.id) : allowed, reason: c.reason, scope: c.scope }
      })
    },
    countOf(key) {
      const claim = report.claims[key]
      if (!claim) return 0
      if (claim.stance === 'allowed') return allowedCount.get(key) ?? 0
      let n = 0
      for (const group of against.get(engineRowKey(claim.topic, claim.condition)) ?? []) {
        if (claim.wait.min === null ? group.allowedFrom === 0 : group.allowedFrom < claim.wait.min) n += group.allowed.length
      }
      return n
    }
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
