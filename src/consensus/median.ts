/**
 * The median of numbers: the type-7 0.5-quantile, that is the middle value,
 * or the mean of the two middle values when their count is even.
 *
 * Browser-safe, no dependencies.
 */
import { quantile } from './quantile.ts'

/**
 * Compute the median of values.
 *
 * @param values Values to summarise; `null`, `undefined` and `NaN` are ignored.
 * @param valueof Reads a number from each element (default: the element itself).
 * @returns The median, or `undefined` when no value is left.
 * @example
 * median([72, 24, 168]) // 72
 * median([48, 72]) // 60
 * median([null, NaN]) // undefined
 */
export function median<T>(values: Iterable<T>, valueof?: (d: T, i: number) => number | null | undefined): number | undefined {
  return quantile(values, 0.5, valueof)
}
