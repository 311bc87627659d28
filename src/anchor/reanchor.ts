/**
 * Re-anchor one reviewed claim in a new version of its source.
 */
import type { Claim } from '../schema.ts'
import { findExact } from './exact.ts'
import { findFuzzy, type Range } from './fuzzy.ts'
import { lineAt } from '../lines.ts'
import { contextOf } from './text.ts'
import { tokenize, type Token } from './tokens.ts'

/** How a claim was found again: see {@link reanchorClaim}. */
export type AnchorMethod = 'span' | 'moved' | 'fuzzy' | 'orphaned'

/** The outcome of re-anchoring one claim. */
export interface Anchoring {
  /** The claim as it should now be stored. */
  claim: Claim
  /** How it was found (`orphaned`: not found). */
  method: AnchorMethod
  /** The fuzzy score, for `fuzzy` only. */
  score?: number
}

/** Options of {@link reanchorClaim}. */
export interface ReanchorOptions {
  /**
   * Gives `tokenize(text)`, so that the claims of one source share it and it
   * is only computed when a claim needs fuzzy matching (default: computed
   * here when needed).
   */
  tokens?: () => Token[]
  /**
   * Ranges already taken by other claims of the same topic and condition: a match
   * elsewhere may not overlap them (default: none). The quote still at its
   * old span is always accepted.
   */
  exclude?: readonly Range[]
}

/**
 * Find a reviewed claim again in a new version of its source, in order:
 * 1. `span` — the exact quote still at its old span;
 * 2. `moved` — the exact quote elsewhere (see `findExact`);
 * 3. `fuzzy` — a fuzzy match of the quote and its stored context that
 *    clears the minimum score (see `findFuzzy` for the scoring and the
 *    thresholds); the claim takes the new quote text;
 * 4. `orphaned` — none of these: the claim is kept as it was, with
 *    `status: orphaned`.
 *
 * A found claim keeps its id and review, gets the new span (line
 * recomputed) and a fresh `context` from the new text, and loses
 * `status: orphaned` if it had it. An orphaned claim keeps its old quote,
 * span and context, so that a later edit restoring the text re-anchors it.
 *
 * @param claim The claim from the previous claims file.
 * @param text Full new text of the source file.
 * @param options See {@link ReanchorOptions}.
 * @returns The updated claim and how it was found.
 * @example
 * reanchorClaim(claim, 'A new first paragraph.\n\n' + oldText).method // 'moved'
 */
export function reanchorClaim(claim: Claim, text: string, options: ReanchorOptions = {}): Anchoring {
  const exclude = options.exclude ?? []
  const exact = findExact(text, claim.quote, claim.span, claim.context, exclude)
  if (exact) return { claim: placed(claim, text, exact.start, exact.start + claim.quote.length), method: exact.method }
  const tokens = options.tokens ? options.tokens() : tokenize(text)
  const fuzzy = findFuzzy(text, claim, tokens, exclude)
  if (fuzzy) return { claim: placed(claim, text, fuzzy.start, fuzzy.end), method: 'fuzzy', score: round(fuzzy.score) }
  return { claim: { ...claim, status: 'orphaned' }, method: 'orphaned' }
}

function placed(claim: Claim, text: string, start: number, end: number): Claim {
  const { status: _status, ...rest } = claim
  return {
    ...rest,
    quote: text.slice(start, end),
    span: { start, end, line: lineAt(text, start) },
    context: contextOf(text, start, end)
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
