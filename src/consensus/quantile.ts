/**
 * The p-quantile of numbers, by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the method of R's default, Excel's
 * `PERCENTILE.INC` and `d3.quantile`): with the n values sorted, the
 * quantile sits at position (n − 1)·p.
 *
 * Browser-safe, no dependencies.
 */

/**
 * Compute the p-quantile of values (type 7: linear interpolation).
 *
 * @param values Values to summarise; `null`, `undefined` and `NaN` are ignored.
 * @param p Probability in [0, 1]: 0.25 is the lower quartile, 0.5 the median.
 * @param valueof Reads a number from each element (default: the element itself).
 * @returns The quantile, or `undefined` when no value is left.
 * @throws {RangeError} When `p` is not a number in [0, 1] (a programming error).
 * @example
 * quantile([1, 2, 3, 4], 0.25) // 1.75
 * quantile([], 0.5) // undefined
 */
export function quantile<T>(
  values: Iterable<T>,
  p: number,
  valueof?: (d: T, i: number) => number | null | undefined
): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Unexpected quantile probability \`${p}\`, expected a number in [0, 1]`)
  const sorted = numbers(values, valueof).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const position = (sorted.length - 1) * p
  const lo = Math.floor(position)
  const below = sorted[lo]!
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!
  return below + (above - below) * (position - lo)
}

/**
 * Collect the usable numbers of an iterable.
 *
 * @param values Values to read.
 * @param valueof Reads a number from each element (default: the element itself).
 * @returns The numbers, in input order, without `null`, `undefined` and `NaN`.
 */
export function numbers<T>(values: Iterable<T>, valueof?: (d: T, i: number) => number | null | undefined): number[] {
  const out: number[] = []
  let i = 0
  for (const d of values) {
    const v = valueof ? valueof(d, i) : (d as unknown as number | null | undefined)
    i++
    if (v === null || v === undefined) continue
    const n = +v
    if (!Number.isNaN(n)) out.push(n)
  }
  return out
}
