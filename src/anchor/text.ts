/**
 * Small helpers on source text: where an offset is, and the text around a
 * quote. Pure; offsets are JavaScript string indices into the file's text.
 */
import type { Claim, Context } from '../schema.ts'

/** How many characters of source text {@link contextOf} keeps on each side of a quote. */
export const contextSize = 60

/**
 * The source text on each side of a span, as stored in a claim's `context`.
 *
 * Decision: {@link contextSize} (60) string indices on each side, clipped at
 * the ends of the text and never splitting a surrogate pair; whitespace and
 * Markdown are kept exactly as in the source.
 *
 * @param text Full text of the source file.
 * @param start Start of the quote (inclusive).
 * @param end End of the quote (exclusive).
 * @param size Characters per side (default: {@link contextSize}).
 * @returns `{before, after}`.
 * @example
 * contextOf('Rest. Avoid swimming for 72 hours. Then swim.', 6, 34, 5) // {before: 'est. ', after: ' Then'}
 */
export function contextOf(text: string, start: number, end: number, size = contextSize): Context {
  let from = Math.max(0, start - size)
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++
  let to = Math.min(text.length, end + size)
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--
  return { before: text.slice(from, start), after: text.slice(end, to) }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Whether some reviewed claim still lacks the stored `context` that fuzzy
 * re-anchoring needs. `mergeClaims` writes it, but only runs when the
 * source changed; an editor's review is recorded in between, so the first
 * edit after a review would re-anchor on the quote alone. A runner that
 * skips unchanged sources should merge anyway when this is true (the quote
 * is then still at its span, so the context comes from the unchanged text).
 *
 * @param claims Claims of one claims file.
 * @returns `true` when a reviewed, non-orphaned claim has no `context`.
 * @example
 * lacksContext([{...claim, review: {status: 'confirmed'}}]) // true
 */
export function lacksContext(claims: readonly Claim[]): boolean {
  return claims.some((claim) => claim.review.status !== 'unreviewed' && claim.status !== 'orphaned' && claim.context === undefined)
}
