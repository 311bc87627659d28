/**
 * Timeline headings ("0–24 hours after microneedling", "Days 3–7", "The
 * First Week") give their time to the statements under them: an `avoid`
 * statement takes the section's end, an `allowed` one its start
 * (`timeline/section`; doc and examples in `rules/timeline.ts`).
 */
import { findDurations, type Duration } from './duration.ts'
import { timelineLeading } from './grammar.ts'
import type { Token } from './tokens.ts'

/** The time a timeline heading covers, in hours. */
export interface Timeline {
  /** When the section starts (an `allowed` item is fine from here). */
  start: number
  /** When it ends (an `avoid` item waits until here); `max: null` is open ended. */
  end: { min: number; max: number | null }
  /** The heading's words for the time ("0–24 hours"). */
  text: string
}

/**
 * Read a heading as a timeline heading.
 *
 * @param tokens Tokens of the heading (numbering like "1." allowed before the time).
 * @param text The text the tokens' offsets point into.
 * @returns The section's time, or `undefined` when the heading does not start with a time.
 * @example
 * timelineOf(tokenize('Days 3–7'), 'Days 3–7') // {start: 72, end: {min: 168, max: 168}, text: 'Days 3–7'}
 */
export function timelineOf(tokens: Token[], text: string): Timeline | undefined {
  const durations = findDurations(tokens)
  const first = durations[0]
  if (!first || first.min === null) return undefined
  // Only numbering and a few function words may come before the time.
  for (let i = 0; i < first.first; i++) {
    const t = tokens[i]!
    if (t.kind === 'number' || t.kind === 'punct') continue
    if (!timelineLeading.has(t.norm)) return undefined
  }
  const words = text.slice(tokens[first.first]!.start, tokens[first.last - 1]!.end)
  return { ...periodOf(first), text: words }
}

function periodOf(d: Duration): Omit<Timeline, 'text'> {
  const min = d.min!
  if (d.period) return { start: d.period.start, end: { min: d.period.end, max: d.period.end } }
  if (d.qualifier === 'first') return { start: 0, end: { min, max: d.max } }
  if (d.max === null || d.max > min) {
    // "24–48 hours after": the section runs from 24 to 48.
    return { start: min, end: { min: d.top ?? min, max: d.max } }
  }
  return { start: min, end: { min, max: min } }
}
