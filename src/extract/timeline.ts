/**
 * Timeline headings ("0–24 hours after microneedling", "Days 3–7", "The
 * First Week") give their time to the statements under them: an `avoid`
 * statement takes the section's end, an `allowed` one its start
 * (`timeline/section`; doc and examples in `rules/timeline.ts`).
 */
import type { Block } from '../parse/blocks.ts'
import { findDurations, type Duration } from './duration.ts'
import { timelineLeading } from './grammar.ts'
import { tokenize, type Token } from './tokens.ts'

/** The time a timeline heading covers, in hours. */
export interface Timeline {
  /** When the section starts (an `allowed` item is fine from here). */
  start: number
  /** When it ends (an `avoid` item waits until here); `max: null` is open ended. */
  end: { min: number; max: number | null }
  /** The heading's words for the time ("0–24 hours"). */
  text: string
  /** Its day numbers count the treatment day as day 1 (`timeline/day-one`). */
  dayOne?: true
  /** It starts where the timeline heading before it ended, not at its own start ("Month 1" after "Week 1": from 168 h; `timeline/sequence`). */
  sequence?: true
  /** The time is in brackets after a name ("The critical phase (0–48 hours)"): a phase whose plain sub-headings it spans. */
  phase?: true
}

/**
 * Read a heading as a timeline heading: a time at its start ("Days 3–7",
 * "In the first 48 hours"), or in brackets at its end ("Early recovery
 * (days 1–3)").
 *
 * Day numbers (`timeline/day-one`): a page that lays out recovery day by day
 * counts the treatment day as day 1 ("Day 1: immediately after", so day N
 * runs from 24·(N−1) to 24·N h), unless it names a "Day 0" anywhere, which
 * makes the treatment day day 0 (day N from 24·N). Day numbers inside a
 * sentence keep the day-0 reading of `duration.ts` ("around the sixth
 * day" = 144 h); only headings and run-in labels ("Days 3–5:") are shifted.
 *
 * @param tokens Tokens of the heading (numbering like "1." allowed before the time).
 * @param text The text the tokens' offsets point into.
 * @param dayOne Whether day numbers count the treatment day as day 1 (default: `false`, day 0).
 * @returns The section's time, or `undefined` when the heading does not start (or end in brackets) with a time.
 * @example
 * timelineOf(tokenize('Days 3–7'), 'Days 3–7') // {start: 72, end: {min: 168, max: 168}, text: 'Days 3–7'}
 * timelineOf(tokenize('Days 3–7'), 'Days 3–7', true) // {start: 48, end: {min: 168, max: 168}, text: 'Days 3–7'}
 */
export function timelineOf(tokens: Token[], text: string, dayOne = false): Timeline | undefined {
  const durations = findDurations(tokens)
  const first = durations[0]
  if (!first || first.min === null) return undefined
  // Only numbering and a few function words may come before the time; or the time is in brackets at the end.
  for (let i = 0; i < first.first; i++) {
    const t = tokens[i]!
    if (t.kind === 'number' || t.kind === 'punct') continue
    if (!timelineLeading.has(t.norm)) return bracketed(tokens, text, dayOne)
  }
  const words = text.slice(tokens[first.first]!.start, tokens[first.last - 1]!.end)
  return { ...periodOf(first, dayOne), text: words }
}

/** The time in brackets at the end of a heading ("The critical phase (0–48 hours)"). */
function bracketed(tokens: Token[], text: string, dayOne: boolean): Timeline | undefined {
  let close = tokens.length - 1
  while (close >= 0 && tokens[close]!.kind === 'punct' && tokens[close]!.norm !== ')') close--
  if (close < 1 || tokens[close]!.norm !== ')') return undefined
  let open = close - 1
  while (open >= 0 && tokens[open]!.norm !== '(') open--
  if (open < 0) return undefined
  const inside = tokens.slice(open + 1, close)
  const d = findDurations(inside)[0]
  if (!d || d.min === null || d.first !== 0 || d.last !== inside.length) return undefined
  return { ...periodOf(d, dayOne), text: text.slice(inside[0]!.start, inside.at(-1)!.end), phase: true }
}

function periodOf(d: Duration, dayOne: boolean): Omit<Timeline, 'text'> {
  const min = d.min!
  // A day number of a heading on a page with no day 0: day 1 is the treatment day, so day N starts 24 h
  // earlier; a single day ends 24 h earlier too, a range "days A–B" already ends at 24·B (duration.ts).
  if (d.period && d.dayNumber && dayOne) {
    const end = d.dayNumber === 'one' ? d.period.end - 24 : d.period.end
    return { start: Math.max(0, d.period.start - 24), end: { min: end, max: end }, dayOne: true }
  }
  if (d.period) return { start: d.period.start, end: { min: d.period.end, max: d.period.end } }
  // "The first 24–48 hours" (with or without "the"): from the start, an avoid item for 24–48 h.
  if (d.qualifier === 'first') return { start: 0, end: { min, max: d.max } }
  if (d.max === null || d.max > min) {
    // "24–48 hours after": the section runs from 24 to 48.
    return { start: min, end: { min: d.top ?? min, max: d.max } }
  }
  return { start: min, end: { min, max: min } }
}

/** A page that names a day 0 ("Day 0 — rest") counts the treatment day as day 0. */
export const dayZero = /\bday[\s-]*(?:0|zero)\b/i

/** The level of a plain-text heading line (see `parse/blocks.ts`). */
export const plainHeadingLevel = 7

/** The most tokens a run-in label may have before its colon ("• Days 3 to 5:"). */
const maxLabelTokens = 10

/**
 * A run-in label with a time at the start of a block, before a colon or a
 * spaced dash ("Days 1–2: Your brows
 * may look darker. Avoid touching them.", "• 72 hours to 1 week: resume
 * workouts"): its time is a timeline for every sentence of the block
 * (`timeline/label`), a window as a timeline heading's is, not the first
 * sentence's own duration.
 *
 * @param block The block.
 * @param text The source's full text.
 * @param dayOne Whether day numbers count the treatment day as day 1.
 * @returns The label's time and where the label ends, or `undefined`.
 */
export function labelOf(block: Block, text: string, dayOne: boolean): { timeline: Timeline; end: number } | undefined {
  // The label ends at a colon or at a spaced dash ("Week 2 — keep it dry").
  const mark = /:|\s[–—-]\s/.exec(block.text.slice(0, 61))
  const colon = mark ? mark.index + (mark[0] === ':' ? 0 : 1) : -1
  if (colon === -1 || colon > 60) return undefined
  const tokens = tokenize(block.text.slice(0, colon), block.start)
  if (tokens.length === 0 || tokens.length > maxLabelTokens) return undefined
  // Before a dash only a bare time is a label ("Week 2 —"), not a sentence's start ("For at least 4 hours – and ideally…").
  if (mark![0] !== ':' && findDurations(tokens)[0]?.first !== 0) return undefined
  const timeline = timelineOf(tokens, text, dayOne)
  return timeline ? { timeline, end: block.start + colon + 1 } : undefined
}
