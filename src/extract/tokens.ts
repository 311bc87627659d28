/**
 * Word tokens with their offsets. Every later stage of extraction (topic
 * words, durations, stance cues) works on tokens, never on regular
 * expressions over whole sentences, so the cost stays linear.
 */

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

// Each alternative consumes at least one character and never backtracks
// across alternatives, so matching is linear in the input.
const tokenPattern = /(\d+(?:\.\d+)?)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\S)/gu

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
  tokenPattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = tokenPattern.exec(text))) {
    const kind = match[1] ? 'number' : match[2] ? 'word' : 'punct'
    const raw = match[0]
    tokens.push({
      norm: kind === 'word' ? raw.toLowerCase().replace(/’/g, "'") : raw,
      start: offset + match.index,
      end: offset + match.index + raw.length,
      kind
    })
  }
  return tokens
}

/** Dashes that join a range ("24–48"). */
export const rangeDashes = new Set(['-', '–', '—', '‒', '―', '~'])
