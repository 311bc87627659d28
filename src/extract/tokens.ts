/**
 * Word tokens with their offsets. Every later stage of extraction (topic
 * words, durations, stance cues) works on tokens, never on regular
 * expressions over whole sentences, so the cost stays linear.
 *
 * The scanner is a single pass over character codes: letters (with marks and
 * inner apostrophes: "don't", "you’re") make a word, digits (with one decimal
 * part) a number, any other non-space character a punctuation token. Lowercase
 * forms are cached, since the same words come back again and again.
 */
import { isAsciiLetter } from '../chars.ts'

/** One token: a word, a number or a single punctuation character. */
export interface Token {
  /** Lowercased text; curly apostrophes become `'`. */
  norm: string
  /** Start offset in the text the tokens were read from. */
  start: number
  /** End offset (exclusive). */
  end: number
  /** `word`, `number` (digits, maybe with a decimal part) or `punct`. */
  kind: 'word' | 'number' | 'punct'
}

// Character classes of the Basic Multilingual Plane, filled on first use:
// 0 unknown, 1 letter or mark, 2 space, 3 other.
const classes = new Uint8Array(65536)
const letterPattern = /[\p{L}\p{M}]/u
const spacePattern = /\s/u

function classOf(code: number): number {
  let c = classes[code]!
  if (c === 0) {
    const ch = String.fromCharCode(code)
    c = letterPattern.test(ch) ? 1 : spacePattern.test(ch) ? 2 : 3
    classes[code] = c
  }
  return c
}

const norms = new Map<string, string>()

function normOf(raw: string): string {
  let norm = norms.get(raw)
  if (norm === undefined) {
    norm = raw.toLowerCase().replace(/’/g, "'")
    // Bounded memory on input with endless distinct words.
    if (norms.size > 200000) norms.clear()
    norms.set(raw, norm)
  }
  return norm
}

/**
 * Split text into tokens.
 *
 * @param text Text to tokenize (a sentence or a block).
 * @param offset Added to every token's offsets (default: 0).
 * @returns Tokens in order.
 * @example
 * tokenize("Don’t swim for 24–48h").map((t) => t.norm)
 * // ["don't", 'swim', 'for', '24', '–', '48', 'h']
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      let j = i + 1
      while (j < n && isDigit(text.charCodeAt(j))) j++
      if (j + 1 < n && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j += 2
        while (j < n && isDigit(text.charCodeAt(j))) j++
      }
      tokens.push({ norm: text.slice(i, j), start: offset + i, end: offset + j, kind: 'number' })
      i = j
      continue
    }
    const cls = code < 128 ? asciiClass(code) : code >= 0xd800 && code <= 0xdbff ? 3 : classOf(code)
    if (cls === 2) {
      i++
      continue
    }
    if (cls === 1) {
      let j = i + 1
      while (j < n) {
        const c = text.charCodeAt(j)
        if (isLetter(c)) j++
        else if ((c === 39 || c === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1))) j += 2
        else break
      }
      tokens.push({ norm: normOf(text.slice(i, j)), start: offset + i, end: offset + j, kind: 'word' })
      i = j
      continue
    }
    // One character (a whole surrogate pair for astral characters).
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1
    tokens.push({ norm: text.slice(i, i + width), start: offset + i, end: offset + i + width, kind: 'punct' })
    i += width
  }
  return tokens
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function asciiClass(code: number): number {
  if (isAsciiLetter(code)) return 1
  if (code === 32 || (code >= 9 && code <= 13)) return 2
  return 3
}

function isLetter(code: number): boolean {
  if (code < 128) return isAsciiLetter(code)
  if (code >= 0xd800 && code <= 0xdfff) return false
  return classOf(code) === 1
}

/** Dashes that join a range ("24–48"). */
export const rangeDashes = new Set(['-', '–', '—', '‒', '―', '~'])
