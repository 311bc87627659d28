/**
 * Hours and proportions in words, for the reasons the consensus gives and
 * for every report: "90 min", "24 h", "3 days", "1 week", "48–72 h",
 * "a third of".
 *
 * Units: under 2 hours a fractional wait is shown in minutes; whole weeks
 * in weeks; from 3 days on in days (to 0.1 day); everything else in hours
 * (whole hours from 10 h on). So 48 h stays "48 h" (sources say "48 hours"
 * far more often than "2 days") while 72 h reads "3 days" and 110 h "4.6
 * days". A range whose upper end is 72 h or less is shown in hours
 * ("48–72 h", as sources write it).
 *
 * Browser-safe, no dependencies.
 */
import type { Hours } from './types.ts'

const ordinals: Record<number, string> = {
  2: 'half',
  3: 'a third',
  4: 'a quarter',
  5: 'a fifth',
  6: 'a sixth',
  7: 'a seventh',
  8: 'an eighth',
  10: 'a tenth'
}
const multiples: Record<number, string> = {
  2: 'twice',
  3: 'three times',
  4: 'four times',
  5: 'five times',
  6: 'six times',
  7: 'seven times',
  8: 'eight times',
  10: 'ten times'
}

/**
 * Hours in the unit a reader expects.
 *
 * @param hours A wait in hours (≥ 0).
 * @returns Words such as `90 min`, `24 h`, `3 days`, `1 week`.
 * @example
 * formatHours(1.5) // '90 min'
 * formatHours(72) // '3 days'
 * formatHours(168) // '1 week'
 */
export function formatHours(hours: number): string {
  if (hours > 0 && hours < 2 && !Number.isInteger(hours)) return `${Math.round(hours * 60)} min`
  if (hours > 0 && hours % 168 === 0) return plural(hours / 168, 'week')
  if (hours >= 72) return plural(Math.round((hours / 24) * 10) / 10, 'day')
  const shown = hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10
  return `${shown} h`
}

/**
 * Two waits as one range, sharing the unit when both use the same one.
 *
 * @param min Lower end in hours.
 * @param max Upper end in hours.
 * @returns `48–72 h`, `3–5 days`, `48 h – 1 week`, or one wait when the ends are equal.
 * @example
 * formatRange(48, 72) // '48–72 h'
 * formatRange(72, 120) // '3–5 days'
 * formatRange(72, 168) // '3 days – 1 week'
 */
export function formatRange(min: number, max: number): string {
  const low = formatHours(min)
  const high = formatHours(max)
  if (low === high) return low
  if (max <= 72 && / h$/.test(low)) return `${low.slice(0, -2)}–${max} h`
  const a = /^([\d.]+) (\w+)$/.exec(low)
  const b = /^([\d.]+) (\w+)$/.exec(high)
  if (a && b && singular(a[2]!) === singular(b[2]!)) return `${a[1]}–${b[1]} ${b[2]}`
  return `${low} – ${high}`
}

/**
 * A wait in words.
 *
 * @param wait Hours (`max: null` is open ended).
 * @returns `24 h`, `48–72 h` or `72 h or more`.
 * @example
 * formatWait({min: 72, max: null}) // '3 days or more'
 */
export function formatWait(wait: Hours): string {
  if (wait.max === null) return `${formatHours(wait.min)} or more`
  return formatRange(wait.min, wait.max)
}

/**
 * How one number compares with another, in words.
 *
 * @param value The number compared (> 0).
 * @param reference The number it is compared with (> 0).
 * @returns `half of`, `a third of` (within 5%), `about a third of` (within 10%),
 *   `40% of`, `twice`, `2.3 times`.
 * @example
 * proportion(24, 72) // 'a third of'
 * proportion(24, 68) // 'about a third of'
 * proportion(168, 72) // '2.3 times'
 */
export function proportion(value: number, reference: number): string {
  const ratio = value / reference
  if (ratio < 1) {
    const k = Math.round(1 / ratio)
    const off = Math.abs(1 / ratio - k) / k
    if (ordinals[k] && off <= 0.05) return `${ordinals[k]} of`
    if (ordinals[k] && off <= 0.1) return `about ${ordinals[k]} of`
    return `${Math.round(ratio * 100)}% of`
  }
  const k = Math.round(ratio)
  if (multiples[k] && Math.abs(ratio - k) <= 0.05 * k) return multiples[k]!
  return `${(Math.round(ratio * 10) / 10).toString()} times`
}

/**
 * The gist of a quote: the quote itself when short, else its beginning cut
 * at a word, so reasons stay one readable line.
 *
 * @param quote A claim's quote.
 * @param limit Longest gist in characters (default: 100).
 * @returns The quote with whitespace collapsed, cut with `…` when longer than `limit`.
 */
export function gist(quote: string, limit = 100): string {
  const text = quote.replace(/\s+/g, ' ').trim()
  if (text.length <= limit) return text
  const cut = text.slice(0, limit - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/**
 * A count with its unit, plural when not 1.
 *
 * @param count Number of units.
 * @param unit Singular unit name.
 * @returns E.g. `1 week`, `3 days`.
 */
function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/**
 * The singular of a unit word.
 *
 * @param unit `days`, `day`, `h`…
 * @returns The unit without a trailing `s`.
 */
function singular(unit: string): string {
  return unit.replace(/s$/, '')
}
