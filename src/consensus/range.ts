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
import { median } from './median.ts'
import { quantile } from './quantile.ts'
import { hoursFromLog, logHours, representativeHours, roundHours, upperHours } from './scale.ts'
import type { Hours } from './types.ts'

/** A consensus range and median, in hours. */
export interface ConsensusRange {
  min: number
  max: number
  median: number
}

/** Tolerance when comparing values on the log scale (floating-point noise). */
const epsilon = 1e-9

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
  const points = waits
    .map((wait) => ({ wait, x: logHours(representativeHours(wait)) }))
    .sort((a, b) => a.x - b.x)
  const m = median(points, (p) => p.x)
  if (m === undefined) return null
  const q1 = quantile(points, 0.25, (p) => p.x)!
  const q3 = quantile(points, 0.75, (p) => p.x)!
  const n = points.length
  const middleIndices = new Set(n % 2 === 1 ? [(n - 1) / 2] : [n / 2 - 1, n / 2])
  const middle = points.filter((p, i) => middleIndices.has(i) || (p.x >= q1 - epsilon && p.x <= q3 + epsilon))
  const medianHours = roundHours(hoursFromLog(m))
  return {
    min: Math.min(medianHours, ...middle.map((p) => p.wait.min)),
    max: Math.max(medianHours, ...middle.map((p) => upperHours(p.wait))),
    median: medianHours
  }
}
