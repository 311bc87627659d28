/**
 * Place gold quotes in their source: a gold claim has no offsets, only the
 * exact words, so its span is where those words occur in the source text.
 *
 * Browser-safe: no Node APIs.
 */
import { lineAt } from '../lines.ts'

/** Where a quote sits: JavaScript string indices (end exclusive) and its 1-based line. */
export interface QuoteSpan {
  start: number
  end: number
  line: number
}

/** A gold quote that cannot be placed: not in the text, or ambiguous. */
export class QuoteError extends Error {
  /** The quote that could not be placed. */
  readonly quote: string

  /**
   * @param reason One line, values in backticks.
   * @param quote The quote concerned.
   */
  constructor(reason: string, quote: string) {
    super(reason)
    this.name = 'QuoteError'
    this.quote = quote
  }
}

/**
 * Find every start offset of `needle` in `text` (occurrences may overlap).
 *
 * @param text Text to search.
 * @param needle Non-empty string to find.
 * @returns Start offsets, ascending.
 */
export function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = []
  if (needle === '') return found
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at)
  return found
}

/** Re-exported: the line of an offset, as the eval reports it. */
export { lineAt }

/**
 * Locate a gold quote in its source text.
 *
 * A quote must occur exactly once, or name which occurrence it means.
 *
 * @param text Full text of the source (offsets are into it).
 * @param quote Exact words of the claim.
 * @param occurrence Which occurrence, 1-based (default: the only one).
 * @returns The quote's span and line.
 * @throws {QuoteError} When the quote is not in the text, occurs more than
 *   once without `occurrence`, or occurs fewer than `occurrence` times.
 * @example
 * locateQuote('Avoid saunas for 48 hours.', 'saunas for 48 hours') // {start: 6, end: 25, line: 1}
 */
export function locateQuote(text: string, quote: string, occurrence?: number): QuoteSpan {
  const found = occurrencesOf(text, quote)
  if (found.length === 0) throw new QuoteError(`Quote not found in the source: \`${clip(quote)}\``, quote)
  if (occurrence === undefined && found.length > 1) {
    throw new QuoteError(`Quote occurs ${found.length} times in the source, expected \`occurrence: N\` to say which: \`${clip(quote)}\``, quote)
  }
  const index = (occurrence ?? 1) - 1
  const start = found[index]
  if (start === undefined) {
    throw new QuoteError(`Quote occurs ${found.length} time${found.length === 1 ? '' : 's'}, expected at least ${occurrence} for \`occurrence: ${occurrence}\`: \`${clip(quote)}\``, quote)
  }
  return { start, end: start + quote.length, line: lineAt(text, start) }
}

/** Shorten a quote for a one-line message. */
function clip(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ')
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
}
