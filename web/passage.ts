/**
 * Find a claim's passage in its source text, for the side panel. Pure.
 */
import type { Claim } from '../src/schema.ts'

/** Where a quote was found. */
export interface Passage {
  start: number
  end: number
  /** How it was found: at its recorded span, as the same text elsewhere, or with other whitespace. */
  how: 'span' | 'text' | 'words'
}

/**
 * Locate a quote in a source.
 *
 * Decision: the recorded span wins when the text there still equals the
 * quote; otherwise the first exact occurrence; otherwise the first place
 * where the quote's words appear with any whitespace between them (a source
 * edited since extraction). `null` when the words are gone.
 *
 * @param text Full source text (the offsets of `span` point into it).
 * @param claim The claim (its `quote` and `span`).
 * @returns The passage, or `null`.
 * @example
 * locatePassage('Avoid the gym for 72 hours.', {quote: 'the gym for 72 hours', span: {start: 6, end: 26, line: 1}, …})
 * // {start: 6, end: 26, how: 'span'}
 */
export function locatePassage(text: string, claim: Pick<Claim, 'quote' | 'span'>): Passage | null {
  const { quote, span } = claim
  if (text.slice(span.start, span.end) === quote) return { start: span.start, end: span.end, how: 'span' }
  const at = text.indexOf(quote)
  if (at !== -1) return { start: at, end: at + quote.length, how: 'text' }
  const words = quote.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
  const match = pattern.exec(text)
  return match ? { start: match.index, end: match.index + match[0].length, how: 'words' } : null
}
