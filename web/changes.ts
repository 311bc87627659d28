/**
 * What a review changed in the consensus, in words: the same "what
 * changed" report `extract` prints (`src/diff/`), for the rows the review
 * touched — a range that moved, an outlier new or resolved, a source's
 * voice that changed stance or wait. Pure.
 */
import type { TopicConsensus } from '../src/consensus/types.ts'
import { diffRows, formatConsensusDiff, newlyOrphaned } from '../src/diff/index.ts'
import type { ClaimsFile } from '../src/schema.ts'

/**
 * Say what changed between two states of the data.
 *
 * @param before Consensus rows before the review, and the files they were computed from.
 * @param after Consensus rows after, and their files.
 * @param labels Topic display names.
 * @returns Lines of text ("What changed in the consensus:" and one line per
 *   change), or "No change in the consensus.".
 * @example
 * reviewEffect({rows: r1.topics, files: f1}, {rows: r2.topics, files: f2}, {sweating: 'Sweating'})
 * // 'What changed in the consensus:\n  Sweating: …\n    voice sweat-after-microneedling: allowed 0 h → avoid no number'
 */
export function reviewEffect(
  before: { rows: TopicConsensus[]; files: ClaimsFile[] },
  after: { rows: TopicConsensus[]; files: ClaimsFile[] },
  labels: Record<string, string>
): string {
  const totals = { rowsBefore: before.rows.length, rowsAfter: after.rows.length, sourcesBefore: before.files.length, sourcesAfter: after.files.length }
  return formatConsensusDiff(diffRows(before.rows, after.rows, newlyOrphaned(before.files, after.files), totals), { labels })
}
