/**
 * The consensus of a set of claims files: per topic, and per condition
 * where sources make conditional claims, the voices, a consensus range with
 * its median, the outliers, the conflicts and the vague claims. The rules
 * are in `voices.ts`, `range.ts`, `outliers.ts`, `conflicts.ts` and, in
 * words, in `rules.ts`.
 *
 * Browser-safe (no Node APIs): the chart page recomputes the consensus
 * when an editor switches sources off.
 */
import type { ClaimsFile } from '../schema.ts'
import { comparedTopics, findConflicts, relatedLookup } from './conflicts.ts'
import { findOutliers } from './outliers.ts'
import { consensusRange } from './range.ts'
import { rules } from './rules.ts'
import { compareRows, countedClaims, type CountedClaim } from './select.ts'
import type { ClaimSummary, ConsensusOptions, ConsensusReport, Hours, RowConflicts, TopicConsensus, Voice } from './types.ts'
import { groupVoices } from './voices.ts'

/**
 * Compute where sources agree, who is out of line and which claims cannot
 * both be followed.
 *
 * Rows: one per topic with claims, the general row (claims without a
 * condition) first, then one row per condition (alphabetical); topics are
 * alphabetical. Conditional claims are compared only within their
 * condition, so they are never outliers against general advice.
 *
 * @param files Validated claims files (see `read/claims.ts`).
 * @param options Related topics and sources to leave out (see {@link ConsensusOptions}).
 * @returns The report; the same input always gives the same report.
 * @example
 * const report = computeConsensus(files, {related: {sweating: ['exercise', 'sauna']}})
 * report.topics.find((t) => t.topic === 'swimming' && t.condition === null)?.outliers[0]?.reason
 * // '24 h is a third of the median of 3 days, outside the consensus 3 days'
 */
export function computeConsensus(files: ClaimsFile[], options: ConsensusOptions = {}): ConsensusReport {
  const entries = countedClaims(files, options.exclude)
  const rows = new Map<string, CountedClaim[]>()
  for (const entry of entries) {
    const list = rows.get(entry.row)
    if (list) list.push(entry)
    else rows.set(entry.row, [entry])
  }
  const related = relatedLookup(options.related)
  const conflictsByRow = findConflicts(entries, related)
  const topics = [...rows.entries()]
    .map(([key, list]) => computeRow(list, conflictsByRow.get(key) ?? noConflicts(list[0]!.claim.topic, related)))
    .sort(compareRows)
  return { rules, topics, claims: summarise(entries) }
}

/**
 * Compute one row.
 *
 * @param entries The row's counted claims (all of one topic and condition), in stable order.
 * @param conflicts The conflicts listed in this row.
 * @param voices The row's voices when known already (what `groupVoices(entries)` gives; default: grouped here).
 * @returns The row.
 */
export function computeRow(entries: CountedClaim[], conflicts: RowConflicts, voices?: Voice[]): TopicConsensus {
  const first = entries[0]!.claim
  const voiceList = voices ?? groupVoices(entries)
  const waits = voiceList.map((v) => v.wait).filter((w): w is Hours => w !== null)
  const consensus = consensusRange(waits)
  return {
    topic: first.topic,
    condition: first.condition,
    voices: voiceList.length,
    consensus,
    claims: entries.map((e) => e.key),
    voiceList,
    outliers: consensus ? findOutliers(entries, waits.length, consensus) : [],
    conflicts,
    vague: entries.filter((e) => e.claim.wait.min === null).map((e) => e.key)
  }
}

/**
 * The conflicts of a row whose allowed claims have none.
 *
 * @param topic The row's topic.
 * @param related Symmetric related-topics lookup (see `relatedLookup`).
 * @returns No pairs and no groups, with the topics the row would be compared with.
 */
export function noConflicts(topic: string, related: Map<string, Set<string>>): RowConflicts {
  return { pairs: 0, withinSourcePairs: 0, topics: comparedTopics(topic, related), groups: [], withinSource: [] }
}



/**
 * The claim summaries reports show quotes from.
 *
 * @param entries Counted claims, in stable order.
 * @returns Summaries by claim key (`<source>/<id>`), in that order.
 */
export function summarise(entries: CountedClaim[]): Record<string, ClaimSummary> {
  const out: Record<string, ClaimSummary> = {}
  for (const { claim, source, key } of entries) {
    out[key] = {
      id: claim.id,
      source,
      speaker: claim.speaker,
      topic: claim.topic,
      condition: claim.condition,
      activity: claim.activity,
      stance: claim.stance,
      wait: claim.wait,
      quote: claim.quote,
      line: claim.span.line,
      review: claim.review.status
    }
  }
  return out
}
