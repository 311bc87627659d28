/**
 * Words for waits: hours as the consensus engine says them ("48 h",
 * "3 days", "1 week", so the chart reads like the reasons it quotes),
 * ranges, open ends, waits with no number, and axis tick labels. Pure; used
 * by the chart, the tooltip, the table and the CSV.
 */
import { formatHours as engineHours, formatRange as engineRange } from '../src/consensus/words.ts'
import type { Wait } from '../src/schema.ts'

const HOURS_PER_DAY = 24
const HOURS_PER_WEEK = 168

/**
 * Format a number of hours as every claimrange output does (the consensus
 * engine's words: "24 h", "3 days", "1 week"), with 0 as "no wait".
 *
 * @param hours Hours (non-negative).
 * @returns Words such as `no wait`, `4 h`, `48 h`, `3 days`, `2 weeks`.
 * @example
 * formatHours(72) // '3 days'
 * formatHours(0) // 'no wait'
 */
export function formatHours(hours: number): string {
  return hours === 0 ? 'no wait' : engineHours(hours)
}

/**
 * Format a range of hours.
 *
 * @param min Lower end, hours.
 * @param max Upper end, hours; `null` is open ended.
 * @returns `24 h`, `48–72 h`, `3 days – 1 week`, `3 days or more`, `up to 48 h` (min 0).
 * @example
 * formatRange(48, 72) // '48–72 h'
 */
export function formatRange(min: number, max: number | null): string {
  if (max === null) return min === 0 ? 'any time, no upper limit' : `${engineHours(min)} or more`
  if (min === max) return formatHours(min)
  if (min === 0) return `up to ${engineHours(max)}`
  return engineRange(min, max)
}

/**
 * Format a claim's wait, saying plainly when it has no number.
 *
 * @param wait The claim's wait.
 * @returns The range in words, `about …` for vague numbers, or `no number ("until healed")`.
 * @example
 * formatWait({min: null, max: null, text: 'until healed'}) // 'no number ("until healed")'
 */
export function formatWait(wait: Wait): string {
  if (wait.min === null) return wait.text ? `no number ("${wait.text}")` : 'no number'
  const range = formatRange(wait.min, wait.max)
  return wait.vague ? `about ${range}` : range
}

/**
 * Short tick label for narrow screens: `1h`, `4h`, `1d`, `3d`, `1w`, `3mo`.
 *
 * @param hours Tick value in hours.
 * @returns Compact label.
 */
export function shortHours(hours: number): string {
  if (hours >= 720 && hours % 720 === 0) return `${hours / 720}mo`
  if (hours >= HOURS_PER_WEEK && hours % HOURS_PER_WEEK === 0) return `${hours / HOURS_PER_WEEK}w`
  if (hours >= HOURS_PER_DAY && hours % HOURS_PER_DAY === 0) return `${hours / HOURS_PER_DAY}d`
  return `${round(hours)}h`
}

/**
 * Long tick label: `1 h`, `4 h`, `1 day`, `2 days`, `1 week`, `3 months`.
 *
 * @param hours Tick value in hours.
 * @returns Label in words.
 */
export function tickLabel(hours: number): string {
  if (hours >= 720 && hours % 720 === 0) return plural(hours / 720, 'month')
  if (hours >= HOURS_PER_WEEK && hours % HOURS_PER_WEEK === 0) return plural(hours / HOURS_PER_WEEK, 'week')
  if (hours >= HOURS_PER_DAY && hours % HOURS_PER_DAY === 0) return plural(hours / HOURS_PER_DAY, 'day')
  return `${round(hours)} h`
}

/**
 * A count with its noun, plural unless it is 1, the number written with
 * thousands separators: every count sentence of the page says it this way.
 *
 * @param n The count.
 * @param noun The noun, singular.
 * @param many Its plural (default: the noun and `s`).
 * @returns E.g. `1 claim`, `2 claims`, `1,234 sources`, `1 source contradicts itself` (with `many`).
 * @example
 * count(1, 'claim') // '1 claim'
 * count(10000, 'source') // '10,000 sources'
 */
export function count(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : many}`
}

/**
 * The form of a word that agrees with a count.
 *
 * @param n The count.
 * @param one The form for 1 (`says`).
 * @param many The form for any other count (`say`).
 * @returns `one` when `n` is 1, else `many`.
 * @example
 * `${count(1, 'claim')} ${agree(1, 'says', 'say')}` // '1 claim says'
 */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}

function plural(n: number, unit: string): string {
  return `${round(n)} ${unit}${n === 1 ? '' : 's'}`
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10)
}
