/**
 * Numbers as durations write them: digits, number words ("forty-eight",
 * "twenty four"), "a"/"an", "a couple of", "a few" (2–4, vague), "several"
 * (3–5, vague), "half a"; ordinals ("sixth", "6th"); and the units of time
 * in hours. The duration grammar (`duration.ts`) reads its numbers here.
 */
import { rangeDashes, type Token } from './tokens.ts'

/** Hours in one of each unit of time. */
export const units: Record<string, number> = {
  minute: 1 / 60,
  minutes: 1 / 60,
  min: 1 / 60,
  mins: 1 / 60,
  hour: 1,
  hours: 1,
  hr: 1,
  hrs: 1,
  h: 1,
  day: 24,
  days: 24,
  night: 24,
  nights: 24,
  week: 168,
  weeks: 168,
  wk: 168,
  wks: 168,
  fortnight: 336,
  fortnights: 336,
  month: 720,
  months: 720
}

/** Number words below twenty. */
const ones: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19
}

/** Tens, as words. */
const tens: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90
}

/** Ordinal words. */
const ordinals: Record<string, number> = {
  zeroth: 0,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  twentieth: 20,
  thirtieth: 30
}

/** What follows digits in an ordinal ("6th"). */
const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th'])

/** A number read from tokens. */
export interface NumberRead {
  lo: number
  hi: number
  vague: boolean
  /** Index after the number. */
  next: number
  /** The number was just an article ("a", "an"), valid only before a unit. */
  article: boolean
}

/**
 * Read a cardinal number at `i`: digits, number words ("forty-eight",
 * "twenty four"), "a"/"an", "a couple of", "a few", "several".
 */
export function readNumber(tokens: Token[], i: number): NumberRead | undefined {
  const t = tokens[i]
  if (!t) return undefined
  if (t.kind === 'number') {
    const next = tokens[i + 1]
    // "6th day" is an ordinal, read elsewhere.
    if (next && ordinalSuffixes.has(next.norm) && next.start === t.end) return undefined
    return { lo: Number(t.norm), hi: Number(t.norm), vague: false, next: i + 1, article: false }
  }
  if (t.kind !== 'word') return undefined
  const w = t.norm
  if (w === 'a' || w === 'an') {
    const n1 = tokens[i + 1]?.norm
    if (n1 === 'couple') return { lo: 2, hi: 2, vague: false, next: tokens[i + 2]?.norm === 'of' ? i + 3 : i + 2, article: false }
    if (n1 === 'few') return { lo: 2, hi: 4, vague: true, next: tokens[i + 2]?.norm === 'more' ? i + 3 : i + 2, article: false }
    if (n1 === 'half') return { lo: 0.5, hi: 0.5, vague: false, next: i + 2, article: false }
    // "a full week", "an entire day", "a whole month"
    if ((n1 === 'full' || n1 === 'entire' || n1 === 'whole') && tokens[i + 2] && tokens[i + 2]!.norm in units) {
      return { lo: 1, hi: 1, vague: false, next: i + 2, article: true }
    }
    return { lo: 1, hi: 1, vague: false, next: i + 1, article: true }
  }
  if (w === 'few') return { lo: 2, hi: 4, vague: true, next: tokens[i + 1]?.norm === 'more' ? i + 2 : i + 1, article: false }
  if (w === 'several') return { lo: 3, hi: 5, vague: true, next: tokens[i + 1]?.norm === 'more' ? i + 2 : i + 1, article: false }
  if (w === 'half') {
    // "half an hour", "half a day"
    const n1 = tokens[i + 1]?.norm
    if (n1 === 'a' || n1 === 'an') return { lo: 0.5, hi: 0.5, vague: false, next: i + 2, article: false }
    return undefined
  }
  if (w in tens) {
    let value = tens[w]!
    let next = i + 1
    const dash = tokens[next]
    const after = dash && rangeDashes.has(dash.norm) && dash.start === t.end ? tokens[next + 1] : dash
    if (after && after.kind === 'word' && after.norm in ones && ones[after.norm]! < 10 && ones[after.norm]! > 0) {
      value += ones[after.norm]!
      next = after === dash ? next + 1 : next + 2
    }
    return { lo: value, hi: value, vague: false, next, article: false }
  }
  if (w in ones) return { lo: ones[w]!, hi: ones[w]!, vague: false, next: i + 1, article: false }
  return undefined
}

/** Read an ordinal at `i`: "sixth", "6th". Returns the number and the index after it. */
export function readOrdinal(tokens: Token[], i: number): { value: number; next: number } | undefined {
  const t = tokens[i]
  if (!t) return undefined
  if (t.kind === 'word' && t.norm in ordinals) return { value: ordinals[t.norm]!, next: i + 1 }
  const suffix = tokens[i + 1]
  if (t.kind === 'number' && suffix && ordinalSuffixes.has(suffix.norm) && suffix.start === t.end) {
    return { value: Number(t.norm), next: i + 2 }
  }
  return undefined
}

/** Read a plain day number after "day": digits or a number word. */
export function readDayNumber(tokens: Token[], i: number): { value: number; next: number } | undefined {
  const n = readNumber(tokens, i)
  if (!n || n.article || n.vague) return undefined
  return { value: n.lo, next: n.next }
}

/** Every word a number can start with: a duration phrase may start with one. */
export const numberWords: string[] = [...Object.keys(ones), ...Object.keys(tens), ...Object.keys(ordinals)]
