/**
 * The duration grammar: reads how long to wait from tokens, as real articles
 * write it. Hand-written and linear: every rule looks at a bounded window of
 * tokens from its start, so the whole scan is O(tokens).
 *
 * Conventions (hours; also in the README):
 * - minute = 1/60, hour = 1, day = night = 24, week = 168, fortnight = 336,
 *   month = 720.
 * - Ranges: "24–48 hours", "48 to 72 hours", "1-2 days", "a day or two",
 *   "one or two days" → `{min, max}`.
 * - "a few days" = 2–4 days and "several days" = 3–5 days, marked `vague`;
 *   "a few hours", "several weeks", "a few more weeks" are vague with no
 *   number (the labelling guidelines give a figure only for "a few days").
 * - "next day", "the following day", "tomorrow" = 24; so is the treatment
 *   day itself ("the day you receive the peel"; not "the day of treatment",
 *   which a list of preparations uses for the hours before it).
 * - Day numbers count from the treatment day (day 0): "day four" = 96,
 *   "the sixth day" = 144, "days two and three" = a period from 48 to 72.
 * - "at least 24 hours" = 24 (qualifier `at-least`); "72+ hours" and
 *   "72 hours or more" are open ended (`open`).
 * - "until the inflammation subsides" is a wait with no number (`until`).
 *
 * @example
 * findDurations(tokenize('wait a day or two')).map((d) => [d.min, d.max]) // [[24, 48]]
 */
import { numberWords, readDayNumber, readNumber, readOrdinal, units } from './numbers.ts'
import { rangeDashes, type Token } from './tokens.ts'

/** A duration found in tokens. */
export interface Duration {
  /** Lower bound in hours (`null` for a wait with no number). */
  min: number | null
  /** Upper bound in hours (`null` when open ended or no number). */
  max: number | null
  /** Approximate number ("a few days"). */
  vague: boolean
  /** `span`: a length of time; `day`: a day number or day period; `until`: no number; `now`: no wait. */
  kind: 'span' | 'day' | 'until' | 'now'
  /** How the phrase qualifies the number. */
  qualifier: 'at-least' | 'up-to' | 'first' | null
  /** "72+ hours", "72 hours or more". */
  open: boolean
  /** The highest number stated, in hours, even when open ended ("48–72+ hours" → 72). */
  top: number | null
  /** Index of the first token of the phrase. */
  first: number
  /** Index after the last token of the phrase. */
  last: number
  /** For day periods ("days 3–7", "day 0"): the period's start and end in hours. */
  period?: { start: number; end: number }
  /** The period is a day number, one ("day 3", "the sixth day") or a range ("days 3–7"), counted from day 0; not a week number. */
  dayNumber?: 'one' | 'range'
}

const approximators = new Set(['about', 'around', 'approximately', 'approx', 'roughly', 'some', 'nearly', 'almost', 'over', 'another', 'additional', 'extra', 'full', 'entire', 'whole'])
const rangeWords = new Set(['to', 'or', 'through', 'till', 'until'])
/** "the day you <verb> …": the verbs of having the treatment. */
const treatmentDayVerbs = ['receive', 'get', 'have', 'had', 'got', 'received']
/** Words that name the treatment after "the day you get". */
const treatmentDayNouns = new Set(['treatment', 'procedure', 'session', 'appointment', 'peel', 'injection', 'injections', 'tattoo', 'piercing', 'facial', 'filler', 'fillers', 'botox', 'microneedling', 'laser'])

function isWord(tokens: Token[], i: number, ...words: string[]): boolean {
  const t = tokens[i]
  return t !== undefined && words.includes(t.norm)
}

/**
 * Read a duration starting exactly at token `i` (without qualifiers).
 */
function readCore(tokens: Token[], i: number): Omit<Duration, 'qualifier' | 'first'> | undefined {
  const t = tokens[i]
  if (!t) return undefined

  // "next day", "the following day", "the day after", "tomorrow", "the next morning"
  if (t.norm === 'tomorrow') return day(24, 24, i + 1)
  if ((t.norm === 'next' || t.norm === 'following') && isWord(tokens, i + 1, 'day', 'morning')) return day(24, 24, i + 2)
  if (t.norm === 'day' && isWord(tokens, i + 1, 'after') && !readNumber(tokens, i + 2)) return day(24, 24, i + 2)
  // "the day you receive the peel": the treatment day, the first 24 hours ("the day of treatment" may be before it, in a list of preparations).
  if (t.norm === 'the' && isWord(tokens, i + 1, 'day')) {
    const k = isWord(tokens, i + 2, 'you') && isWord(tokens, i + 3, ...treatmentDayVerbs) ? i + 4 : -1
    if (k !== -1) {
      const end = tokens.slice(k, k + 3).findIndex((x) => treatmentDayNouns.has(x.norm))
      if (end !== -1) return day(24, 24, k + end + 1)
    }
  }

  // "week two", "the end of week 2": the end of that week
  if ((t.norm === 'week' || t.norm === 'month') && !isWord(tokens, i - 1, 'a', 'per', 'each', 'every', 'next', 'first', 'following', 'this', 'that', 'one')) {
    const n = readDayNumber(tokens, i + 1)
    const unit = t.norm === 'week' ? 168 : 720
    if (n && n.value >= 1 && n.value <= 52) return { ...day(n.value * unit, n.value * unit, n.next), period: { start: (n.value - 1) * unit, end: n.value * unit } }
  }
  // "day four", "day 3", "days two and three", "days 3–7"
  if (t.norm === 'day' || t.norm === 'days') {
    const a = readDayNumber(tokens, i + 1)
    if (a) {
      const joiner = tokens[a.next]
      if (joiner && (rangeDashes.has(joiner.norm) || joiner.norm === 'and' || joiner.norm === 'to' || joiner.norm === 'through')) {
        const b = readDayNumber(tokens, a.next + 1)
        if (b && b.value > a.value) return { ...day(a.value * 24, a.value * 24, b.next), period: { start: a.value * 24, end: b.value * 24 }, dayNumber: 'range' }
      }
      return { ...day(a.value * 24, a.value * 24, a.next), period: { start: a.value * 24, end: a.value * 24 + 24 }, dayNumber: 'one' }
    }
  }
  // "the sixth day", "the 2nd to the 5th day", "sixth day"
  const ord = readOrdinal(tokens, t.norm === 'the' ? i + 1 : i)
  if (ord) {
    let k = ord.next
    let end = ord.value
    if (isWord(tokens, k, 'to', 'through', 'and') || (tokens[k] && rangeDashes.has(tokens[k]!.norm))) {
      const second = readOrdinal(tokens, isWord(tokens, k + 1, 'the') ? k + 2 : k + 1)
      if (second && second.value > ord.value && isWord(tokens, second.next, 'day', 'days')) {
        end = second.value
        k = second.next
      }
    }
    if (isWord(tokens, k, 'day', 'days')) {
      const period = { start: ord.value * 24, end: end === ord.value ? ord.value * 24 + 24 : end * 24 }
      return { ...day(ord.value * 24, ord.value * 24, k + 1), period, dayNumber: end === ord.value ? 'one' : 'range' }
    }
  }

  // Quantity + unit, with ranges.
  const n = readNumber(tokens, i)
  if (!n) return undefined
  let lo = n.lo
  let hi = n.hi
  let vague = n.vague
  let k = n.next
  let open = false
  // "72+ hours"
  if (tokens[k]?.norm === '+') {
    open = true
    k++
  }
  // Range before the unit: "24–48 hours", "one or two days", "48 to 72 hours"
  const joiner = tokens[k]
  if (!n.article && joiner && (rangeDashes.has(joiner.norm) || rangeWords.has(joiner.norm))) {
    const m = readNumber(tokens, k + 1)
    if (m && !m.article && m.lo >= lo && unitAt(tokens, m.next + (tokens[m.next]?.norm === '+' ? 1 : 0)) !== undefined) {
      hi = m.hi
      vague ||= m.vague
      k = m.next
      if (tokens[k]?.norm === '+') {
        open = true
        k++
      }
    }
  }
  // "a two-week review", "24-hour": a hyphen between number and unit
  if (tokens[k] && rangeDashes.has(tokens[k]!.norm) && tokens[k]!.start === tokens[k - 1]!.end && unitAt(tokens, k + 1) !== undefined) k++
  const unit = unitAt(tokens, k)
  if (unit === undefined) return undefined
  k++
  lo *= unit
  hi *= unit
  // "a day or two", "a week or two", "one day or two"
  if (isWord(tokens, k, 'or') && lo === hi) {
    const m = readNumber(tokens, k + 1)
    if (m && !m.article && m.lo * unit > lo && unitAt(tokens, m.next) === undefined) {
      hi = m.hi * unit
      k = m.next
    }
  }
  // "a week and a half"
  if (isWord(tokens, k, 'and') && isWord(tokens, k + 1, 'a') && isWord(tokens, k + 2, 'half')) {
    lo += unit / 2
    hi += unit / 2
    k += 3
  }
  // "72 hours or more", "or longer", "plus"
  if (isWord(tokens, k, 'or') && isWord(tokens, k + 1, 'more', 'longer')) {
    open = true
    k += 2
  } else if (isWord(tokens, k, 'plus')) {
    open = true
    k++
  }
  // "a few hours", "several weeks": vague, with no number (only a few or several days have one, 48–96 and 72–120 h).
  if (n.vague && unit !== 24) return { min: null, max: null, vague, kind: 'span', open: false, top: null, last: k }
  return { min: round(lo), max: open ? null : round(hi), vague, kind: 'span', open, top: round(hi), last: k }
}

function day(min: number, max: number, last: number): Omit<Duration, 'qualifier' | 'first'> {
  return { min, max, vague: false, kind: 'day', open: false, top: max, last }
}

/** The unit (in hours) of the token at `i`, skipping a hyphen in "10-minute". */
function unitAt(tokens: Token[], i: number): number | undefined {
  const t = tokens[i]
  if (!t) return undefined
  if (t.norm in units) {
    // "h" only directly after a number ("48h"), never as a word on its own.
    if (t.norm === 'h' && tokens[i - 1]?.end !== t.start) return undefined
    return units[t.norm]
  }
  return undefined
}

function round(hours: number): number {
  return Math.round(hours * 1000) / 1000
}

/**
 * Find every duration in a token list, left to right, without overlaps.
 * Qualifiers ("at least", "up to", "the first", "about") are folded into the
 * duration they precede.
 *
 * @param tokens Tokens of a sentence.
 * @returns Durations in order.
 */
export function findDurations(tokens: Token[]): Duration[] {
  const found: Duration[] = []
  let i = 0
  while (i < tokens.length) {
    const read = readAt(tokens, i)
    if (read) {
      found.push(read)
      i = read.last
    } else i++
  }
  return found
}

// Words a duration phrase can start with (besides digits); anything else is skipped at once.
const startWords = new Set([
  ...numberWords,
  ...approximators,
  'a', 'an', 'at', 'up', 'the', 'your', 'first', 'next', 'following', 'minimum', 'min', 'half', 'few', 'several', 'tomorrow', 'day', 'days', 'week', 'month'
])

/** Read a duration with its qualifiers starting at token `i`. */
function readAt(tokens: Token[], i: number): Duration | undefined {
  const start = tokens[i]!
  if (start.kind !== 'number' && !startWords.has(start.norm)) return undefined
  let k = i
  let qualifier: Duration['qualifier'] = null
  const w = tokens[k]?.norm
  const w1 = tokens[k + 1]?.norm
  if ((w === 'at' && w1 === 'least') || (w === 'a' && w1 === 'minimum' && tokens[k + 2]?.norm === 'of')) {
    qualifier = 'at-least'
    k += w === 'at' ? 2 : 3
  } else if (w === 'minimum' || w === 'min') {
    if (readCore(tokens, k + 1)) {
      qualifier = 'at-least'
      k += 1
    }
  } else if (w === 'up' && w1 === 'to') {
    qualifier = 'up-to'
    k += 2
  } else if ((w === 'the' || w === 'your') && (w1 === 'first' || w1 === 'next' || w1 === 'following')) {
    // "the first 48 hours", "the first week", "the next week", "the first few days"
    const after = readCore(tokens, k + 2)
    if (after && after.kind === 'span') return { ...after, qualifier: w1 === 'first' ? 'first' : null, first: i }
    const unit = unitAt(tokens, k + 2)
    // Only a singular unit: "the first week", not "the following days".
    if (unit !== undefined && !tokens[k + 2]!.norm.endsWith('s')) {
      return { min: unit, max: unit, vague: false, kind: 'span', open: false, top: unit, qualifier: w1 === 'first' ? 'first' : null, first: i, last: k + 3 }
    }
  } else if (w === 'first' && !isWord(tokens, k - 1, 'the') && readCore(tokens, k + 1)?.kind === 'span') {
    // "(First 24 Hours)", "first 2–3 days": a heading's or a label's "the first" without its article.
    return { ...readCore(tokens, k + 1)!, qualifier: 'first', first: i }
  } else if ((w === 'first' || w === 'next') && unitAt(tokens, k + 1) !== undefined && !isWord(tokens, k - 1, 'the')) {
    const unit = unitAt(tokens, k + 1)!
    return { min: unit, max: unit, vague: false, kind: 'span', open: false, top: unit, qualifier: w === 'first' ? 'first' : null, first: i, last: k + 2 }
  }
  // Approximators are part of the phrase but change nothing.
  while (tokens[k] && approximators.has(tokens[k]!.norm) && readCore(tokens, k + 1)) k++
  const core = readCore(tokens, k)
  if (!core) return undefined
  return { ...core, qualifier, first: i }
}
