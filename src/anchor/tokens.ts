/**
 * Words of a quote as the fuzzy matcher sees them: lowercased, lightly
 * stemmed, numbers normalised, each with a class that decides its weight.
 * Pure and linear: one pass of a simple regular expression.
 */

/** What a token is, for weighting and for the hard checks of fuzzy matching. */
export type TokenKind = 'number' | 'unit' | 'cue' | 'stop' | 'word'

/** One word of text. */
export interface Token {
  /** Normalised form: lowercase, plural `s` dropped, number words as digits, units singular. */
  norm: string
  kind: TokenKind
  /** Start of the word in the text. */
  start: number
  /** End of the word in the text (exclusive). */
  end: number
}

const wordPattern = /\p{N}+(?:[.,]\p{N}+)?|\p{L}+/gu

const numberWords: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th',
  few: 'few', couple: 'couple', several: 'several', half: 'half', next: 'next', overnight: 'overnight',
  immediately: 'immediately', straight: 'straight'
}

const units: Record<string, string> = {
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', h: 'hour',
  day: 'day', days: 'day', night: 'night', nights: 'night', tomorrow: 'tomorrow',
  week: 'week', weeks: 'week', wk: 'week', wks: 'week', fortnight: 'fortnight',
  month: 'month', months: 'month'
}

/**
 * Words that carry the stance of a wait claim in general English (negation,
 * permission, prohibition). They weigh more than ordinary words so that
 * "you can swim after 72 hours" does not pass for "do not swim for 72 hours".
 */
const cues = new Set([
  'not', 'no', 'never', 't', 'avoid', 'avoiding', 'refrain', 'skip', 'stop', 'wait', 'until', 'before',
  'can', 'may', 'fine', 'ok', 'okay', 'safe', 'allowed', 'resume', 'return', 'start', 'usual', 'normal',
  'should', 'must', 'within', 'least', 'up', 'only'
])

const stopWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'are',
  'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'you', 'your', 'yours', 'we', 'our', 'i', 'my',
  'me', 'they', 'their', 'them', 'he', 'she', 'his', 'her', 'do', 'does', 'did', 'so', 'if', 'then', 'than',
  'also', 'any', 'all', 'some', 'such', 'very', 'just', 'will', 'would', 'could', 'have', 'has', 'had',
  'was', 'were', 'there', 'here', 'which', 'who', 'what', 'when', 'about', 'into', 'after', 'other', 'like',
  's', 'll', 're', 've', 'd', 'm', 'please', 'well', 'even', 'more', 'most', 'much'
])

/**
 * Split text into normalised, classified words.
 *
 * Classes: `number` (digits, number words — "seventy-two" is `72` — and
 * quantity words like "few", "couple", "next"; "a"/"an" right before a
 * unit is `1`), `unit` (minute, hour, day, night, week, month; singular),
 * `cue` (stance words: not, avoid, can, wait, until…), `stop` (function
 * words) and `word` (everything else). Words other than numbers and units
 * lose a plural ending ("saunas" → "sauna", "activities" → "activity").
 *
 * @param text Text to split.
 * @param offset Added to every `start`/`end` (default: 0).
 * @returns The tokens in text order.
 * @example
 * tokenize('Avoid saunas for a week').map((t) => t.norm) // ['avoid', 'sauna', 'for', '1', 'week']
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(wordPattern)) {
    const raw = match[0].toLowerCase()
    const start = offset + match.index
    const { norm, kind } = classify(raw)
    tokens.push({ norm, kind, start, end: start + match[0].length })
  }
  const joined: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const next = tokens[i + 1]
    if ((token.norm === 'a' || token.norm === 'an') && next?.kind === 'unit') {
      joined.push({ ...token, norm: '1', kind: 'number' })
    } else if (
      next &&
      isNumberWord(text, token, offset, /^[2-9]0$/) &&
      isNumberWord(text, next, offset, /^[1-9]$/) &&
      /^[ -]$/.test(text.slice(token.end - offset, next.start - offset))
    ) {
      joined.push({ norm: String(Number(token.norm) + Number(next.norm)), kind: 'number', start: token.start, end: next.end })
      i++
    } else {
      joined.push(token)
    }
  }
  return joined
}

/** Whether a token is a number written as a word (not digits) whose value matches `value`. */
function isNumberWord(text: string, token: Token, offset: number, value: RegExp): boolean {
  return token.kind === 'number' && value.test(token.norm) && /^\p{L}/u.test(text.slice(token.start - offset, token.end - offset))
}

function classify(raw: string): { norm: string; kind: TokenKind } {
  const code = raw.charCodeAt(0)
  if ((code >= 48 && code <= 57) || (code > 127 && /^\p{N}/u.test(raw))) return { norm: raw.replace(',', '.'), kind: 'number' }
  const number = numberWords[raw]
  if (number !== undefined) return { norm: number, kind: 'number' }
  const unit = units[raw]
  if (unit !== undefined) return { norm: unit, kind: 'unit' }
  if (cues.has(raw)) return { norm: raw, kind: 'cue' }
  if (stopWords.has(raw)) return { norm: raw, kind: 'stop' }
  return { norm: stem(raw), kind: 'word' }
}

/**
 * Drop a plural ending: `-ies` → `-y`, a final `-s` (not `-ss`, not `-us`,
 * words of four letters or more).
 *
 * @param word Lowercase word.
 * @returns The stem.
 */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1)
  return word
}
