/**
 * Sentence boundaries in a block of text, found by a single linear scan.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
 * brackets after it) followed by whitespace and a capital, a digit, an
 * opening quote or a bullet. Abbreviations ("Dr.", "e.g.", "vs.") and
 * initials ("J. Smith", "e. g.") do not end a sentence. This is what
 * `Intl.Segmenter` does for English prose, without its cost on long text or
 * its split after "Dr.".
 */

import { isAsciiLetter, isSpace } from '../chars.ts'
const abbreviations = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'sr', 'jr', 'vs', 'etc', 'eg', 'ie', 'approx', 'no', 'nos', 'fig', 'inc', 'ltd', 'co', 'dept', 'est', 'min', 'max', 'hrs', 'wk', 'wks', 'mo', 'e.g', 'i.e', 'u.s', 'cf', 'al'
])

const enders = /[.!?…]/g
const closers = new Set(['"', "'", '”', '’', ')', ']', '»'])

/**
 * Split a block into sentences.
 *
 * @param text Block text.
 * @returns `[from, to)` ranges of the sentences, trimmed, in order.
 * @example
 * splitSentences('Ask Dr. Lee. Then wait 2 days.').map(([a, b]) => 'Ask Dr. Lee. Then wait 2 days.'.slice(a, b))
 * // ['Ask Dr. Lee.', 'Then wait 2 days.']
 */
export function splitSentences(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = 0
  const n = text.length
  enders.lastIndex = 0
  let found: RegExpExecArray | null
  while ((found = enders.exec(text))) {
    const i = found.index
    const c = text[i]!
    let j = i + 1
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++
    while (j < n && closers.has(text[j]!)) j++
    if (j < n && !isSpace(text.charCodeAt(j))) continue
    let k = j
    while (k < n && isSpace(text.charCodeAt(k))) k++
    if (k >= n) break
    if (!opensSentence(text.charCodeAt(k), text[k]!)) continue
    if (c === '.' && isAbbreviation(text, i)) continue
    push(ranges, text, from, j)
    from = k
    enders.lastIndex = k
  }
  push(ranges, text, from, n)
  return ranges
}

/** Whether a character can start a sentence: a capital, a digit, an opening quote or bracket, a bullet. */
function opensSentence(code: number, ch: string): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40 || code === 42 || code === 45
  return /[\p{Lu}\p{N}‘“•·▪]/u.test(ch)
}

/** Whether a code unit is a letter (or a period, for "e.g."), with a fast path for ASCII. */
function isWordOrDot(code: number, ch: string): boolean {
  if (code < 128) return isAsciiLetter(code) || code === 46
  return /[\p{L}]/u.test(ch)
}

/** Whether the period at `dot` closes an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot
  while (s > 0 && isWordOrDot(text.charCodeAt(s - 1), text[s - 1]!)) s--
  const word = text.slice(s, dot).toLowerCase()
  if (word.length === 1) return true
  return abbreviations.has(word)
}

function push(ranges: Array<[number, number]>, text: string, from: number, to: number): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  if (to > from) ranges.push([from, to])
}
