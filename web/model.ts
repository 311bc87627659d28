/**
 * The view model shared by the chart, the table and the CSV: which claims
 * are shown, in which rows, with what the consensus says about each. Pure.
 *
 * Decisions:
 * - Claims an editor rejected are not shown (they are extraction mistakes);
 *   corrected claims are shown with the editor's values.
 * - A source switched off hides its claims; its rows stay (with whatever
 *   consensus is left) so the band can be watched moving.
 * - Rows follow the vocabulary's topic order (related topics sit near each
 *   other); within a topic the general row comes first, then conditions in
 *   vocabulary order. Within a row claims go by source, speaker, file order.
 */
import { conflictLookup } from '../src/consensus/conflicts.ts'
import { claimKey } from '../src/consensus/select.ts'
import type { ConsensusReport, TopicConsensus } from '../src/consensus/types.ts'
import { effectiveClaim, type Claim } from '../src/schema.ts'
import type { SiteData, SiteSource } from '../src/site/data.ts'

/** What the reader chose to see. */
export interface ViewOptions {
  /** Topics to show (default: all). */
  topics?: readonly string[] | undefined
  /** Conditions to show, `null` for the general rows (default: all). */
  conditions?: readonly (string | null)[] | undefined
  /** Source ids switched off (default: none). */
  exclude?: readonly string[] | undefined
}

/** A conflict as seen from one of its claims. */
export interface ConflictView {
  /** Id of the other claim. */
  other: string
  /** Source of the other claim (ids are unique within a source only). */
  otherSource: string
  reason: string
}

/** Most conflicts listed per claim: the report counts pairs by groups, the page lists a few of each claim's. */
export const conflictsPerClaim = 20

/** One shown claim with everything the page says about it. */
export interface ClaimView {
  /** The claim with an editor's corrections applied. */
  claim: Claim
  /** The claim as stored (review status, original values). */
  stored: Claim
  /** Source id (the claims file's `source`). */
  source: string
  /** The source, when its text is in the data. */
  sourceInfo: SiteSource | undefined
  /** Source title, or its id. */
  sourceTitle: string
  /** Display label of the claim's topic. */
  topicLabel: string
  /** Why the consensus calls it an outlier, or `null`. */
  outlier: string | null
  /** Claims it conflicts with. */
  conflicts: ConflictView[]
}

/** One chart row: a topic, and a condition or the general case. */
export interface RowView {
  /** `topic` or `topic/condition`. */
  key: string
  topic: string
  condition: string | null
  topicLabel: string
  /** The consensus of this row, when the report has one. */
  consensus: TopicConsensus | undefined
  claims: ClaimView[]
}

/**
 * Group the shown claims into rows.
 *
 * @param data Site data.
 * @param report Consensus computed with the same `exclude`.
 * @param options Filters (see {@link ViewOptions}).
 * @returns Rows in display order; a row is kept while its topic and condition
 *   are selected and it has claims in the data, even if every source of it is off.
 * @example
 * viewRows(data, report, {topics: ['exercise']}).map((r) => r.key) // ['exercise', 'exercise/intense']
 */
export function viewRows(data: SiteData, report: ConsensusReport, options: ViewOptions = {}): RowView[] {
  const topicOrder = new Map(data.topics.map((t, i) => [t.name, i]))
  const conditionOrder = new Map(data.conditions.map((c, i) => [c, i]))
  const labels = new Map(data.topics.map((t) => [t.name, t.label]))
  const sources = new Map(data.sources.map((s) => [s.id, s]))
  const exclude = new Set(options.exclude ?? [])
  const topics = options.topics ? new Set(options.topics) : undefined
  const conditions = options.conditions ? new Set(options.conditions) : undefined
  const outliers = outlierReasons(report)
  const conflictsOf = conflictViews(report)
  const rows = new Map<string, RowView>()
  for (const file of data.files) {
    file.claims.forEach((stored) => {
      if (stored.review.status === 'rejected') return
      const claim = effectiveClaim(stored)
      if (topics && !topics.has(claim.topic)) return
      if (conditions && !conditions.has(claim.condition)) return
      const key = rowKey(claim.topic, claim.condition)
      let row = rows.get(key)
      if (!row) {
        row = {
          key,
          topic: claim.topic,
          condition: claim.condition,
          topicLabel: labels.get(claim.topic) ?? claim.topic,
          consensus: report.topics.find((t) => t.topic === claim.topic && t.condition === claim.condition),
          claims: []
        }
        rows.set(key, row)
      }
      if (exclude.has(file.source)) return
      const info = sources.get(file.source)
      row.claims.push({
        claim,
        stored,
        source: file.source,
        sourceInfo: info,
        sourceTitle: info?.title ?? file.source,
        topicLabel: row.topicLabel,
        outlier: outliers.get(claimKey(file.source, stored.id)) ?? null,
        conflicts: conflictsOf(file.source, stored.id)
      })
    })
  }
  const rank = (order: Map<string, number>, name: string) => order.get(name) ?? order.size
  const sorted = [...rows.values()].sort(
    (a, b) =>
      rank(topicOrder, a.topic) - rank(topicOrder, b.topic) ||
      compare(a.topic, b.topic) ||
      (a.condition === null ? -1 : 0) - (b.condition === null ? -1 : 0) ||
      (a.condition && b.condition ? rank(conditionOrder, a.condition) - rank(conditionOrder, b.condition) || compare(a.condition, b.condition) : 0)
  )
  for (const row of sorted) {
    // Array#sort is stable: claims of one voice keep their file order.
    row.claims.sort((a, b) => compare(a.source, b.source) || compare(a.claim.speaker ?? '', b.claim.speaker ?? ''))
  }
  return sorted
}

/**
 * The view of one claim, whether the chart shows it or not (a claim an
 * editor just rejected, or of a source switched off), for the side panel.
 *
 * @param data Site data.
 * @param claimId Claim id.
 * @param report Consensus to take the outlier reason and conflicts from
 *   (default: none, the claim is shown with neither).
 * @returns The view, or `undefined` when no claims file has that id.
 * @example
 * claimViewOf(data, 'clinic-sauna')?.sourceTitle // 'Clinic aftercare guide'
 */
export function claimViewOf(data: SiteData, claimId: string, report?: ConsensusReport): ClaimView | undefined {
  for (const file of data.files) {
    const stored = file.claims.find((c) => c.id === claimId)
    if (!stored) continue
    const claim = effectiveClaim(stored)
    const info = data.sources.find((s) => s.id === file.source)
    const topicLabel = data.topics.find((t) => t.name === claim.topic)?.label ?? claim.topic
    const outlier = report ? (outlierReasons(report).get(claimKey(file.source, stored.id)) ?? null) : null
    const conflicts = report ? conflictViews(report)(file.source, stored.id) : []
    return { claim, stored, source: file.source, sourceInfo: info, sourceTitle: info?.title ?? file.source, topicLabel, outlier, conflicts }
  }
  return undefined
}

/**
 * Key of a row.
 *
 * @param topic Topic name.
 * @param condition Condition, `null` for the general row.
 * @returns `topic` or `topic/condition`.
 */
export function rowKey(topic: string, condition: string | null): string {
  return condition === null ? topic : `${topic}/${condition}`
}

/**
 * Every claim the chart would show with no filter and no source off.
 *
 * @param data Site data.
 * @returns Number of claims not rejected by an editor.
 */
export function countShownClaims(data: SiteData): number {
  let n = 0
  for (const file of data.files) for (const claim of file.claims) if (claim.review.status !== 'rejected') n++
  return n
}

/**
 * The outlier reasons of a report by claim key.
 *
 * @param report A consensus report.
 * @returns Map from `<source>/<id>` to the reason.
 */
function outlierReasons(report: ConsensusReport): Map<string, string> {
  const out = new Map<string, string>()
  for (const row of report.topics) for (const o of row.outliers) out.set(claimKey(o.source, o.claim), o.reason)
  return out
}

/**
 * The conflicts of single claims, on demand (at most {@link conflictsPerClaim} each).
 *
 * @param report A consensus report.
 * @returns A function from a claim's source and id to its conflicts, as the other claim and the reason.
 */
function conflictViews(report: ConsensusReport): (source: string, id: string) => ConflictView[] {
  const lookup = conflictLookup(report)
  return (source, id) =>
    lookup({ source, id }, conflictsPerClaim).conflicts.map((c) => {
      const other = c.allowed.source === source && c.allowed.id === id ? c.avoid : c.allowed
      return { other: other.id, otherSource: other.source, reason: c.reason }
    })
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
