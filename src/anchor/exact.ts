/**
 * Find a claim's exact quote in a new version of its source.
 */
import type { Context, Span } from '../schema.ts'
import { contextSimilarity, type Range } from './fuzzy.ts'
import { contextOf } from './text.ts'

/** Where an exact quote was found, and how. */
export interface ExactMatch {
  /** Start of the quote in the new text. */
  start: number
  /** `span`: still at its old offset; `moved`: found elsewhere. */
  method: 'span' | 'moved'
}

/**
 * Find the exact quote: at its old offset if it is still there, else
 * elsewhere in the text.
 *
 * Decision: when the quote occurs several times elsewhere, the occurrence
 * whose surrounding text best matches the stored `context` wins (the same
 * sentence repeated in a summary has other neighbours), then the one
 * nearest the old offset, then the earlier one. Without a stored context
 * the nearest wins.
 *
 * @param text Full new text of the source file.
 * @param quote The claim's quote (exact text).
 * @param span The claim's old span.
 * @param context The claim's stored context, if any.
 * @param exclude Ranges already taken by other claims: an occurrence elsewhere
 *   that overlaps one is skipped (default: none; the old span itself always counts).
 * @returns The match, or `undefined` when the quote occurs nowhere.
 * @example
 * findExact('New intro. Avoid swimming for 72 hours.', 'Avoid swimming for 72 hours.', {start: 0, end: 28, line: 1})
 * // {start: 11, method: 'moved'}
 */
export function findExact(
  text: string,
  quote: string,
  span: Span,
  context?: Context,
  exclude: readonly Range[] = []
): ExactMatch | undefined {
  if (quote === '') return undefined
  if (text.startsWith(quote, span.start)) return { start: span.start, method: 'span' }
  let best: { start: number; similarity: number } | undefined
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (exclude.some((range) => at < range.end && range.start < at + quote.length)) continue
    const similarity = context ? contextSimilarity(context, contextOf(text, at, at + quote.length)) : 0
    if (!best || isBetter(at, similarity, best, span.start)) best = { start: at, similarity }
  }
  return best && { start: best.start, method: 'moved' }
}

function isBetter(at: number, similarity: number, best: { start: number; similarity: number }, origin: number): boolean {
  if (Math.abs(similarity - best.similarity) > 1e-9) return similarity > best.similarity
  const distance = Math.abs(at - origin)
  const bestDistance = Math.abs(best.start - origin)
  return distance < bestDistance
}
