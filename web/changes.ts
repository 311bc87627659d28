/**
 * What a review changed in the consensus, in words: the same "what
 * changed" report `extract` prints (`src/diff/`), for the rows the review
 * touched — a range that moved, an outlier new or resolved, a source's
 * voice that changed stance or wait. Pure.
 */
import type { ConsensusReport } from '../src/consensus/types.ts'
import { diffConsensus, formatConsensusDiff } from '../src/diff/index.ts'
import type { ClaimsFile } from '../src/schema.ts'

/**
 * Say what changed between two states of the data.
 *
 * @param before Consensus before the review, and the files it was computed from.
 * @param after Consensus after, and its files.
 * @param labels Topic display names.
 * @returns Lines of text ("What changed in the consensus:" and one line per
 *   change), or "No change in the consensus.".
 * @example
 * reviewEffect({report: r1, files: f1}, {report: r2, files: f2}, {sweating: 'Sweating'})
 * // 'What changed in the consensus:\n  Sweating: …\n    voice sweat-after-microneedling: allowed 0 h → avoid no number'
 */
export function reviewEffect(
  before: { report: ConsensusReport; files: ClaimsFile[] },
  after: { report: ConsensusReport; files: ClaimsFile[] },
  labels: Record<string, string>
): string {
  return formatConsensusDiff(diffConsensus(before.report, after.report, before.files, after.files), { labels })
}
