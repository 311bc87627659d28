/**
 * The chart's time axis: a "now" column for 0 h (no wait) at the left edge,
 * a log scale for waits from 1 h on, and an "open end" strip at the right
 * edge where open-ended and number-less claims point. Pure.
 */
import { scaleLog } from 'd3'

/** Candidate ticks in hours: 1 h, 4 h, 1 day, 2, 3 days, 1, 2, 3 weeks, then longer. */
export const humanTicks = [1, 4, 24, 48, 72, 168, 336, 504, 720, 1440, 2160, 4320, 8760] as const

/** Where the time axis sits, in pixels. */
export interface TimeAxisLayout {
  /** Left edge of the "now" column. */
  left: number
  /** Right edge of the open-end strip. */
  right: number
  /** Width of the "now" column. */
  nowWidth: number
  /** Width of the open-end strip. */
  openWidth: number
  /** Gap between the now column and the log area. */
  gap: number
}

/** A ready-to-use time axis. */
export interface TimeAxis {
  /** Centre of the "now" column (where 0 h is drawn). */
  nowX: number
  /** Start of the log area (the lowest tick). */
  x0: number
  /** End of the log area (the highest tick). */
  x1: number
  /** The open-end edge, where arrows end. */
  openX: number
  /** Lowest and highest hour on the log area. */
  domain: [number, number]
  /** Ticks within the domain, scaled. */
  ticks: { hours: number; x: number }[]
  /** Position of a wait in hours: 0 → now column; others on the log area, clamped to it. */
  x(hours: number): number
}

/**
 * Build the time axis for waits up to `maxHours`.
 *
 * Decision: the log area always runs from 1 h to at least 3 weeks so charts of
 * different procedures read alike; it extends to the next human tick when a
 * claim names a longer wait. Waits between 0 and 1 h are drawn at 1 h.
 *
 * @param layout Pixel positions (see {@link TimeAxisLayout}).
 * @param maxHours Longest finite wait to show (0 or less: only the default span).
 * @returns The axis.
 * @example
 * timeAxis({left: 0, right: 400, nowWidth: 40, openWidth: 20, gap: 6}, 72).domain // [1, 504]
 */
export function timeAxis(layout: TimeAxisLayout, maxHours: number): TimeAxis {
  const lo = humanTicks[0]
  const hi = humanTicks.find((t) => t >= Math.max(504, maxHours)) ?? humanTicks[humanTicks.length - 1]!
  const nowX = layout.left + layout.nowWidth / 2
  const x0 = layout.left + layout.nowWidth + layout.gap
  const openX = layout.right
  const x1 = openX - layout.openWidth
  const log = scaleLog().domain([lo, hi]).range([x0, x1]).clamp(true)
  const ticks = humanTicks.filter((t) => t <= hi).map((hours) => ({ hours, x: log(hours) }))
  return {
    nowX,
    x0,
    x1,
    openX,
    domain: [lo, hi],
    ticks,
    x: (hours) => (hours <= 0 ? nowX : log(Math.max(hours, lo)))
  }
}
