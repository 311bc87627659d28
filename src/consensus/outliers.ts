/**
 * Outliers: claims whose wait lies clearly outside a row's consensus.
 *
 * Rule: a claim is an outlier when (1) its row has at least
 * {@link minimumVoices} voices with a number, (2) its stated wait lies
 * wholly outside the consensus range, and (3) it differs from the median by
 * more than a factor of {@link outlierFactor} on the hours + 1 scale, that
 * is |log(h + 1) − log(median + 1)| > log 2.5. Every numbered claim of the
 * row is checked, not only the claim that sets its voice's wait, so a short
 * wait a source gives in passing is flagged even when the same source says
 * longer elsewhere.
 *
 * Why a fixed factor rather than a robust z-score (distance over 1.4826 ×
 * MAD): rows have three to seven voices, and there the MAD is set by the
 * very voices under test — with waits of 24 h, 72 h and 1 week it is 0.84
 * on the log scale, so no voice could ever stand out. A factor means the
 * same in every row and is what the reason says in words ("a third of").
 *
 * Browser-safe (no Node APIs).
 */
import { logHours, representativeHours } from './scale.ts'
import type { CountedClaim } from './select.ts'
import type { ConsensusRange } from './range.ts'
import type { Hours, Outlier } from './types.ts'
import { formatHours, formatRange, formatWait, proportion } from './words.ts'

/** Fewest voices with a number for a row to have outliers. */
export const minimumVoices = 3

/** Smallest factor (on hours + 1) between a wait and the median that makes an outlier. */
export const outlierFactor = 2.5

/**
 * Find the outliers of one row (rule in the module doc).
 *
 * @param entries The row's counted claims, in stable order.
 * @param numberedVoices How many of the row's voices state a number.
 * @param range The row's consensus range.
 * @returns The outliers, in claim order.
 */
export function findOutliers(entries: CountedClaim[], numberedVoices: number, range: ConsensusRange): Outlier[] {
  if (numberedVoices < minimumVoices) return []
  const out: Outlier[] = []
  // A row states few distinct waits: each is judged (and its reason worded) once.
  const judged = new Map<number, Map<number | null, OutlierWait | null>>()
  for (const { claim, source } of entries) {
    const { min, max } = claim.wait
    if (min === null || ((max ?? min) >= range.min && min <= range.max)) continue
    let byMax = judged.get(min)
    if (!byMax) judged.set(min, (byMax = new Map()))
    let found = byMax.get(max)
    if (found === undefined) byMax.set(max, (found = outlierWait({ min, max }, range)))
    if (found) out.push({ claim: claim.id, source, speaker: claim.speaker, wait: found.wait, reason: found.reason, factor: found.factor })
  }
  return out
}

/** What an outlier says of its wait: the same for every claim that states it. */
export type OutlierWait = Pick<Outlier, 'wait' | 'reason' | 'factor'>

/**
 * Whether a wait is an outlier in a row that has enough voices with a
 * number (rule in the module doc), and what the outlier then says.
 *
 * @param wait A stated wait.
 * @param range The row's consensus range.
 * @returns The wait, reason and factor; `null` when the wait is no outlier.
 */
export function outlierWait(wait: Hours, range: ConsensusRange): OutlierWait | null {
  if ((wait.max ?? wait.min) >= range.min && wait.min <= range.max) return null
  const distance = logHours(representativeHours(wait)) - logHours(range.median)
  if (Math.abs(distance) <= Math.log(outlierFactor)) return null
  return { wait, reason: outlierReason(wait, range), factor: Math.round(Math.exp(distance) * 100) / 100 }
}

/**
 * Say why a wait is an outlier.
 *
 * @param wait The outlying wait.
 * @param range The row's consensus range.
 * @returns E.g. "24 h is a third of the median of 3 days, outside the consensus 48–96 h".
 */
export function outlierReason(wait: Hours, range: ConsensusRange): string {
  const hours = representativeHours(wait)
  const consensus = `outside the consensus ${formatRange(range.min, range.max)}`
  const med = formatHours(range.median)
  if (hours === 0) return `no wait (0 h) against a median of ${med}, ${consensus}`
  if (range.median === 0) return `${formatWait(wait)} against a median of no wait (0 h), ${consensus}`
  return `${formatWait(wait)} is ${proportion(hours, range.median)} the median of ${med}, ${consensus}`
}
