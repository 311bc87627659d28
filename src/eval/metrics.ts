/**
 * Precision, recall and F1 from match counts.
 *
 * Browser-safe: no Node APIs.
 */

/** Counts of one comparison: matched, extracted but not in gold, in gold but not extracted. */
export interface Counts {
  /** True positives: gold claims matched by an extracted claim. */
  tp: number
  /** False positives (false alarms): extracted claims that match no gold claim. */
  fp: number
  /** False negatives (misses): gold claims no extracted claim matches. */
  fn: number
}

/** Rates derived from {@link Counts}; `null` where the rate is undefined. */
export interface Rates {
  /** tp / (tp + fp); `null` when nothing was extracted. */
  precision: number | null
  /** tp / (tp + fn); `null` when there is no gold claim. */
  recall: number | null
  /**
   * 2·tp / (2·tp + fp + fn): the harmonic mean of precision and recall when
   * both are defined, 0 when one side is empty and the other is not, `null`
   * when both are empty.
   */
  f1: number | null
}

/**
 * Compute precision, recall and F1.
 *
 * @param counts Matched, false alarm and miss counts.
 * @returns The rates (see {@link Rates} for the empty cases).
 * @example
 * rates({tp: 8, fp: 2, fn: 0}) // {precision: 0.8, recall: 1, f1: 0.888…}
 */
export function rates(counts: Counts): Rates {
  const { tp, fp, fn } = counts
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    f1: tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn)
  }
}

/**
 * Add counts together (micro-averaging sums counts before computing rates).
 *
 * @param parts Counts to add.
 * @returns Their sum (all zero for no parts).
 */
export function sumCounts(parts: Iterable<Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0 }
  for (const part of parts) {
    total.tp += part.tp
    total.fp += part.fp
    total.fn += part.fn
  }
  return total
}
