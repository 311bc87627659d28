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
    if (j < n && !/\s/.test(text[j]!)) continue
    let k = j
    while (k < n && /\s/.test(text[k]!)) k++
    if (k >= n) break
    if (!/[\p{Lu}\p{N}‘“"'(•·▪*-]/u.test(text[k]!)) continue
    if (c === '.' && isAbbreviation(text, i)) continue
    push(ranges, text, from, j)
    from = k
    enders.lastIndex = k
  }
  push(ranges, text, from, n)
  return ranges
}

/** Whether the period at `dot` closes an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--
  const word = text.slice(s, dot).toLowerCase()
  if (word.length === 1) return true
  return abbreviations.has(word)
}

function push(ranges: Array<[number, number]>, text: string, from: number, to: number): void {
  while (from < to && /\s/.test(text[from]!)) from++
  while (to > from && /\s/.test(text[to - 1]!)) to--
  if (to > from) ranges.push([from, to])
}
