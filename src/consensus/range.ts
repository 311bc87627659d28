/**
 * The consensus range of one row: where the voices with a number agree.
 *
 * Rule: each voice's wait is represented on the log(hours + 1) scale (a
 * stated range by its geometric midpoint, an open-ended wait by its lower
 * bound; see `scale.ts`). The median is the median of these values, back
 * in hours. The *middle voices* are the voices whose value lies within the
 * interquartile range (type-7 quartiles of the values), together with the
 * median voice(s) — which with one or two voices means all of them. The
 * consensus range spans the stated waits of the middle voices, from the
 * lowest `min` to the highest `max` (an open-ended wait counts to its lower
 * bound).
 *
 * So the range ends are always waits some voice actually states ("48–72
 * h"), never interpolated hours, and a far-off voice at either end cannot
 * stretch the range: with waits of 24 h, 72 h and 1 week the consensus is
 * 72 h.
 *
 * Browser-safe (no Node APIs).
 */
import { hoursFromLog, logHours, representativeHours, roundHours } from './scale.ts'
import type { Hours } from './types.ts'

/** A consensus range and median, in hours. */
export interface ConsensusRange {
  min: number
  max: number
  median: number
}

/** Tolerance when comparing values on the log scale (floating-point noise). */
const epsilon = 1e-9

/** A wait counted: `[min, max, how many]` (`max: null` is open ended). */
export type WaitCount = [min: number, max: number | null, count: number]

/**
 * Compute the consensus range and median of voices' waits (rule in the module doc).
 *
 * @param waits One wait per voice that states a number.
 * @returns The range and median in hours (median rounded to 0.1 h), or `null` when `waits` is empty.
 * @example
 * consensusRange([{min: 24, max: 24}, {min: 72, max: 72}, {min: 168, max: 168}]) // {min: 72, max: 72, median: 72}
 * consensusRange([{min: 48, max: 72}]) // {min: 48, max: 72, median: 58.8}
 */
export function consensusRange(waits: Hours[]): ConsensusRange | null {
  return rangeOfCounts(countWaits(waits))
}

/**
 * The same as {@link consensusRange}, from waits counted: a row of
 * thousands of voices states a few distinct waits. The result depends on
 * the values alone, not on the voices' order: the median and quartiles on
 * the sorted values, and the middle voices (those within the quartiles;
 * with one or two voices, all) on each value.
 *
 * @param counted Each distinct wait with how many voices state it (see {@link countWaits}).
 * @returns The range and median, or `null` when no voice is counted.
 */
export function rangeOfCounts(counted: WaitCount[]): ConsensusRange | null {
  const points = counted
    .filter((w) => w[2] > 0)
    .map(([min, max, count]) => ({ min, upper: max ?? min, count, x: logHours(representativeHours({ min, max })) }))
    .sort((a, b) => a.x - b.x)
  let n = 0
  for (const p of points) n += p.count
  if (n === 0) return null
  // The value at a position of the sorted values.
  const at = (position: number): number => {
    let seen = 0
    for (const p of points) {
      seen += p.count
      if (position < seen) return p.x
    }
    return points.at(-1)!.x
  }
  // Type-7 quantiles, as `quantile` computes them on the sorted values.
  const quantileAt = (q: number): number => {
    const position = (n - 1) * q
    const lo = Math.floor(position)
    const below = at(lo)
    const above = at(Math.min(lo + 1, n - 1))
    return below + (above - below) * (position - lo)
  }
  const m = quantileAt(0.5)
  const q1 = quantileAt(0.25)
  const q3 = quantileAt(0.75)
  // From three voices on, the median voice(s) lie within the quartiles; with one or two, every voice is a median voice.
  const middle = points.filter((p) => n <= 2 || (p.x >= q1 - epsilon && p.x <= q3 + epsilon))
  const medianHours = roundHours(hoursFromLog(m))
  let min = medianHours
  let max = medianHours
  for (const p of middle) {
    if (p.min < min) min = p.min
    if (p.upper > max) max = p.upper
  }
  return { min, max, median: medianHours }
}

/**
 * Count waits.
 *
 * @param waits Waits; those without a number (`min: null`) are left out.
 * @returns Each distinct wait with how often it occurs, by min then max (open end last).
 * @example
 * countWaits([{min: 24, max: 24}, {min: 24, max: 24}, {min: 48, max: null}]) // [[24, 24, 2], [48, null, 1]]
 */
export function countWaits(waits: { min: number | null; max: number | null }[]): WaitCount[] {
  const byMin = new Map<number, Map<number | null, WaitCount>>()
  const out: WaitCount[] = []
  for (let i = 0; i < waits.length; i++) {
    const { min, max } = waits[i]!
    if (min === null) continue
    let byMax = byMin.get(min)
    if (!byMax) byMin.set(min, (byMax = new Map()))
    const counted = byMax.get(max)
    if (counted) counted[2]++
    else {
      const fresh: WaitCount = [min, max, 1]
      byMax.set(max, fresh)
      out.push(fresh)
    }
  }
  return sortWaits(out)
}

/**
 * Sort counted waits by min, then max (open end last).
 *
 * @param waits Counted waits.
 * @returns The same array, sorted.
 */
export function sortWaits(waits: WaitCount[]): WaitCount[] {
  return waits.sort((a, b) => a[0] - b[0] || (a[1] ?? Infinity) - (b[1] ?? Infinity))
}
