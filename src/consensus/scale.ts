/**
 * The scale waits are compared on: log(hours + 1). On it 24 h against 168 h
 * is a factor, not a difference, and 0 h ("no wait") is 0 instead of −∞.
 *
 * A wait is an interval in hours (`max: null` is open ended). Where one
 * number must stand for it, that is its *representative*: the midpoint of
 * the interval on this scale (the geometric midpoint of hours + 1); an
 * open-ended wait ("72 hours or more") is represented by its lower bound,
 * the only number it states.
 *
 * Browser-safe, no dependencies.
 */
import type { Hours } from './types.ts'

/**
 * Hours to the log scale.
 *
 * @param hours A wait in hours (≥ 0).
 * @returns log(hours + 1).
 * @example
 * logHours(0) // 0
 */
export function logHours(hours: number): number {
  return Math.log1p(hours)
}

/**
 * The log scale back to hours.
 *
 * @param value A value on the log(hours + 1) scale.
 * @returns The hours it stands for.
 */
export function hoursFromLog(value: number): number {
  return Math.expm1(value)
}

/**
 * The upper end of a wait: `max`, or `min` when it is open ended.
 *
 * @param wait A wait with a number.
 * @returns Hours.
 */
export function upperHours(wait: Hours): number {
  return wait.max ?? wait.min
}

/**
 * The one number that stands for a wait: its midpoint on the log scale.
 *
 * @param wait A wait with a number.
 * @returns Hours, rounded to 0.1 h (48–72 h gives 58.8).
 * @example
 * representativeHours({min: 48, max: 72}) // 58.8
 * representativeHours({min: 72, max: null}) // 72
 */
export function representativeHours(wait: Hours): number {
  return roundHours(hoursFromLog((logHours(wait.min) + logHours(upperHours(wait))) / 2))
}

/**
 * Round hours for output, so floating-point noise never shows.
 *
 * @param hours Hours.
 * @returns Hours rounded to 0.1.
 */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10
}
