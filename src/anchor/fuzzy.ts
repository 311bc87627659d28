/**
 * Find a reviewed claim's quote again after its own sentence was edited.
 *
 * ## The score
 *
 * Words are compared after {@link tokenize} (lowercase, plural dropped,
 * number words as digits, units singular). Each word has a weight:
 *
 * | word                                                        | weight |
 * | ----------------------------------------------------------- | ------ |
 * | number or unit ("72", "seventy-two", "a" before a unit, "hours") | 4 |
 * | activity word (from the claim's `activity`, or its topic)   | 4      |
 * | stance cue ("not", "avoid", "can", "until", "wait"…)        | 2      |
 * | other word                                                  | 1      |
 * | function word ("the", "for", "your"…)                      | 0.25   |
 *
 * - **quote score** `q`: weighted Dice similarity of the two word multisets,
 *   `2·shared / (weight(old quote) + weight(candidate))`, from 0 to 1.
 * - **context score** `c`: the mean of the same similarity between the
 *   stored `context.before` and the 60 characters before the candidate, and
 *   between `context.after` and the 60 characters after it (activity words
 *   get no extra weight there).
 * - **score**: `0.6·q + 0.4·c` when the claim has a stored context; `q`
 *   alone otherwise.
 *
 * ## Hard checks (before any score)
 *
 * A candidate is rejected outright, whatever its score, unless
 * 1. its numbers and units are exactly those of the old quote (as a
 *    multiset: "24 to 48 hours" matches "24–48 hours", but not "48 hours" or
 *    "72 days"), and
 * 2. it contains every activity word of the claim that the old quote
 *    contained (the words of `activity`, or of `topic` when those are not
 *    in the quote).
 *
 * So a lookalike sentence elsewhere — same shape, another activity or
 * another number ("Avoid saunas for 72 hours" for a deleted "Avoid swimming
 * for 72 hours") — can never capture a claim. An edit that changes the
 * claim's number or activity orphans the reviewed claim on purpose: the
 * editor reviewed *that* wait, and the fresh extraction reports the new one.
 *
 * ## Thresholds
 *
 * With a stored context the score must reach {@link fuzzyThreshold}
 * `.withContext` (0.7) and `q` must reach `.quoteFloor` (0.6). Without a
 * context only the quote speaks, so the bar is higher: `q` ≥
 * `.quoteOnly` (0.85). Measured on the fixtures in
 * `test/anchor/fixtures/aftercare/` for "Avoid swimming for 72 hours after
 * treatment.": light rewording in place scores 0.83–0.94 with context
 * ("Don't go swimming…" 0.89, "Please avoid swimming pools for at least 72
 * hours after your treatment." 0.94); a similar sentence in another part
 * of the article scores 0.54–0.60 ("If you had deep needling, avoid
 * swimming in the sea for 72 hours…", a recap "- Avoid swimming for 72
 * hours after a treatment."). Without context the recap scores 0.99 and is
 * taken: nothing tells it apart from the quote; this is why the context is
 * stored.
 *
 * ## Candidates
 *
 * Word windows of the new text from half to twice the quote's word count
 * that do not cross a blank line. When the old quote began at a clause
 * boundary (after `.`, `,`, `;`, `:`, a line break, a list or heading mark…
 * judged from its stored context, or from a leading capital without one),
 * windows must too; likewise for its end. So a window cannot shave off the
 * words that make a lookalike different ("If you had deep needling, …").
 * The best score wins; ties go to the window nearest the old position.
 * Windows overlapping `exclude` are skipped.
 *
 * Cost: linear in the text for a given quote — paragraphs lacking one of
 * the quote's numbers or activity words are skipped whole, and counts are
 * kept incrementally per window start (at most twice the quote's words per
 * start). Measured: 20 ms for a 200 kB article with no candidate; 1.4 s in
 * the worst case of a 1 MB text where every sentence passes the hard checks.
 */
import type { Claim, Context } from '../schema.ts'
import { contextOf } from './text.ts'
import { tokenize, type Token, type TokenKind } from './tokens.ts'

/** The minimum scores of fuzzy matching (see the module doc). */
export const fuzzyThreshold = {
  /** Minimum `0.6·q + 0.4·c` when the claim has a stored context. */
  withContext: 0.7,
  /** Minimum quote score `q` when the claim has a stored context. */
  quoteFloor: 0.6,
  /** Minimum quote score `q` when the claim has no stored context. */
  quoteOnly: 0.85
} as const

/** Weight of each kind of word in the quote score. */
export const tokenWeights: Record<TokenKind | 'activity', number> = {
  number: 4,
  unit: 4,
  activity: 4,
  cue: 2,
  word: 1,
  stop: 0.25
}

/** Share of the quote score in the combined score when a context is stored. */
const quoteShare = 0.6

/** A fuzzy match of a claim's quote in new text. */
export interface FuzzyMatch {
  /** Start of the matched text. */
  start: number
  /** End of the matched text (exclusive). */
  end: number
  /** The combined score that cleared the threshold. */
  score: number
  /** The quote score `q`. */
  quoteScore: number
  /** The context score `c`; `undefined` when the claim stored no context. */
  contextScore: number | undefined
}

/** A range of the text, end exclusive. */
export interface Range {
  start: number
  end: number
}

/** What fuzzy matching reads from a claim. */
export type FuzzyClaim = Pick<Claim, 'quote' | 'activity' | 'topic' | 'span'> & { context?: Context | undefined }

/**
 * Find the best fuzzy match of a claim's quote in a new version of its source.
 *
 * @param text Full new text of the source file.
 * @param claim The reviewed claim (its old quote, activity, topic, span and stored context).
 * @param tokens `tokenize(text)`, when the caller already has it (default: computed).
 * @param exclude Ranges already taken by other claims: no match may overlap them (default: none).
 * @returns The best match that passes the hard checks and clears the
 *   threshold, or `undefined`.
 * @example
 * findFuzzy('Intro.\n\nPlease avoid swimming pools for 72 hours after treatment.', {
 *   quote: 'Avoid swimming for 72 hours after treatment.', activity: 'swimming', topic: 'swimming',
 *   span: {start: 0, end: 44, line: 1}
 * })?.start // 8
 */
export function findFuzzy(
  text: string,
  claim: FuzzyClaim,
  tokens: Token[] = tokenize(text),
  exclude: readonly Range[] = []
): FuzzyMatch | undefined {
  const quoteTokens = tokenize(claim.quote)
  if (quoteTokens.length === 0) return undefined
  const heavy = activityWords(claim, quoteTokens)
  const weightOf = (token: Token) => (heavy.has(token.norm) ? tokenWeights.activity : tokenWeights[token.kind])
  const quoteCounts = new Map<string, number>()
  const weights = new Map<string, number>()
  let quoteWeight = 0
  let quantityCount = 0
  for (const token of quoteTokens) {
    quoteCounts.set(token.norm, (quoteCounts.get(token.norm) ?? 0) + 1)
    weights.set(token.norm, weightOf(token))
    quoteWeight += weightOf(token)
    if (isQuantity(token)) quantityCount++
  }
  const minLength = Math.max(1, Math.ceil(quoteTokens.length / 2))
  const maxLength = quoteTokens.length * 2
  const gaps = gapKinds(text, tokens)
  const alignStart = startsAtBoundary(claim)
  const alignEnd = endsAtBoundary(claim)
  const hasContext = claim.context !== undefined
  const stored = claim.context ? { before: tokenize(claim.context.before), after: tokenize(claim.context.after) } : undefined
  const floor = hasContext ? fuzzyThreshold.quoteFloor : fuzzyThreshold.quoteOnly
  const required = new Set([...heavy, ...quoteTokens.filter(isQuantity).map((t) => t.norm)])
  const usable = usableParagraphs(tokens, gaps, required)
  let best: FuzzyMatch | undefined
  for (let first = 0; first < tokens.length; first++) {
    if (!usable[first]) continue
    if (alignStart && first > 0 && gaps[first - 1] === 'none') continue
    const counts = new Map<string, number>()
    let shared = 0
    let candidateWeight = 0
    let quantitiesMatched = 0
    let quantitiesSeen = 0
    let heavySeen = 0
    for (let last = first; last < tokens.length && last - first < maxLength; last++) {
      if (last > first && gaps[last - 1] === 'paragraph') break
      const token = tokens[last]!
      const have = counts.get(token.norm) ?? 0
      const want = quoteCounts.get(token.norm) ?? 0
      const weight = weights.get(token.norm) ?? weightOf(token)
      counts.set(token.norm, have + 1)
      candidateWeight += weight
      if (have < want) shared += weight
      if (isQuantity(token)) {
        quantitiesSeen++
        if (quantitiesSeen > quantityCount) break // longer windows only add numbers
        if (have < want) quantitiesMatched++
      }
      if (have === 0 && heavy.has(token.norm)) heavySeen++
      if (last - first + 1 < minLength) continue
      if (alignEnd && last + 1 < tokens.length && gaps[last] === 'none') continue
      if (quantitiesSeen !== quantityCount || quantitiesMatched !== quantityCount || heavySeen !== heavy.size) continue
      const quoteScore = (2 * shared) / (quoteWeight + candidateWeight)
      if (quoteScore < floor) continue
      const [start, end] = widen(text, claim.quote, token, tokens[first]!)
      if (exclude.some((range) => start < range.end && range.start < end)) continue
      // The context can add at most its share: skip windows that could not reach the bar or the best so far.
      if (stored && quoteShare * quoteScore + (1 - quoteShare) < Math.max(fuzzyThreshold.withContext, best?.score ?? 0) - 1e-9) continue
      const contextScore = stored ? tokenContextSimilarity(stored, contextOf(text, start, end)) : undefined
      const score = contextScore === undefined ? quoteScore : quoteShare * quoteScore + (1 - quoteShare) * contextScore
      if (hasContext && score < fuzzyThreshold.withContext) continue
      if (!best || isBetter({ start, end, score }, best, claim.span.start)) {
        best = { start, end, score, quoteScore, contextScore }
      }
    }
  }
  return best
}

/**
 * Weighted Dice similarity of two texts' words, as used for context.
 *
 * @param a First text's tokens.
 * @param b Second text's tokens.
 * @returns From 0 (nothing shared) to 1 (same words); 1 when both are empty.
 */
export function diceSimilarity(a: Token[], b: Token[]): number {
  if (a.length === 0 && b.length === 0) return 1
  const counts = new Map<string, number>()
  let total = 0
  for (const token of a) {
    counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1)
    total += tokenWeights[token.kind]
  }
  let shared = 0
  for (const token of b) {
    total += tokenWeights[token.kind]
    const left = counts.get(token.norm) ?? 0
    if (left > 0) {
      shared += tokenWeights[token.kind]
      counts.set(token.norm, left - 1)
    }
  }
  return total === 0 ? 0 : (2 * shared) / total
}

/**
 * Context score: the mean similarity of the text before and the text after.
 *
 * @param stored The context stored with the claim.
 * @param found The context around a candidate in the new text.
 * @returns From 0 to 1.
 */
export function contextSimilarity(stored: Context, found: Context): number {
  return tokenContextSimilarity({ before: tokenize(stored.before), after: tokenize(stored.after) }, found)
}

function tokenContextSimilarity(stored: { before: Token[]; after: Token[] }, found: Context): number {
  return (diceSimilarity(stored.before, tokenize(found.before)) + diceSimilarity(stored.after, tokenize(found.after))) / 2
}

/** The claim's activity words that its quote contains (falling back to its topic's words). */
function activityWords(claim: FuzzyClaim, quoteTokens: Token[]): Set<string> {
  const inQuote = new Set(quoteTokens.filter((t) => t.kind === 'word').map((t) => t.norm))
  for (const source of [claim.activity, claim.topic.replace(/-/g, ' ')]) {
    const words = tokenize(source).filter((t) => t.kind === 'word' && inQuote.has(t.norm))
    if (words.length > 0) return new Set(words.map((t) => t.norm))
  }
  return new Set()
}

function isQuantity(token: Token): boolean {
  return token.kind === 'number' || token.kind === 'unit'
}

/**
 * `usable[i]` is true when token `i`'s paragraph (tokens between blank
 * lines) holds every word in `required`: windows never cross a blank line,
 * so other paragraphs cannot pass the hard checks and are skipped whole.
 */
function usableParagraphs(tokens: Token[], gaps: ('paragraph' | 'clause' | 'none')[], required: Set<string>): boolean[] {
  const usable: boolean[] = new Array(tokens.length).fill(false)
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    if (i + 1 < tokens.length && gaps[i] !== 'paragraph') continue
    const words = new Set<string>()
    for (let k = from; k <= i; k++) words.add(tokens[k]!.norm)
    const ok = [...required].every((word) => words.has(word))
    if (ok) usable.fill(true, from, i + 1)
    from = i + 1
  }
  return usable
}

/** Punctuation and Markdown marks that end or start a clause. */
const boundaryPattern = /[.!?;:,()[\]"“”—–•\n*#>+]/

/**
 * What separates token `i` from token `i + 1`: a blank line (`paragraph`),
 * clause punctuation or a line break (`clause`), or only spaces and
 * in-word marks like an apostrophe (`none`).
 */
function gapKinds(text: string, tokens: Token[]): ('paragraph' | 'clause' | 'none')[] {
  const kinds: ('paragraph' | 'clause' | 'none')[] = []
  for (let i = 0; i + 1 < tokens.length; i++) {
    const gap = text.slice(tokens[i]!.end, tokens[i + 1]!.start)
    kinds.push(/\n[ \t]*\r?\n/.test(gap) ? 'paragraph' : boundaryPattern.test(gap) ? 'clause' : 'none')
  }
  return kinds
}

/**
 * Whether the old quote began at a clause boundary, so that candidates
 * must too. Read from the stored context (the text before it ends with
 * clause punctuation, a line break or nothing); without a context, from
 * the quote itself (it begins with a capital letter, a digit or an
 * opening mark).
 */
function startsAtBoundary(claim: FuzzyClaim): boolean {
  if (claim.context) return boundaryPattern.test(trailingMarks(claim.context.before)) || !/[\p{L}\p{N}]/u.test(claim.context.before)
  return /^[\p{Lu}\p{N}("“[]/u.test(claim.quote)
}

/**
 * Whether the old quote ended at a clause boundary, so that candidates
 * must too: it ends on clause punctuation, or the stored text after it
 * starts with some (or is empty).
 */
function endsAtBoundary(claim: FuzzyClaim): boolean {
  if (boundaryPattern.test(trailingMarks(claim.quote))) return true
  if (!claim.context) return false
  return boundaryPattern.test(leadingMarks(claim.context.after)) || !/[\p{L}\p{N}]/u.test(claim.context.after)
}

/** The characters after the last letter or digit. */
function trailingMarks(text: string): string {
  let i = text.length
  while (i > 0 && !/[\p{L}\p{N}]/u.test(text[i - 1]!)) i--
  return text.slice(i)
}

/** The characters before the first letter or digit. */
function leadingMarks(text: string): string {
  let i = 0
  while (i < text.length && !/[\p{L}\p{N}]/u.test(text[i]!)) i++
  return text.slice(0, i)
}

const closing = new Set(['.', '!', '?', '…', ')', ']', '"', '”', '’', "'", ';', ':'])
const opening = new Set(['(', '[', '"', '“', '‘', "'"])

/**
 * The text range of a word window, widened over punctuation the way the old
 * quote was: closing punctuation when the old quote ended on punctuation, an
 * opening mark when it began with one.
 */
function widen(text: string, quote: string, last: Token, first: Token): [number, number] {
  let start = first.start
  let end = last.end
  if (!/[\p{L}\p{N}]$/u.test(quote)) {
    let taken = 0
    while (end < text.length && taken < 3 && closing.has(text[end]!)) {
      end++
      taken++
    }
  }
  if (!/^[\p{L}\p{N}]/u.test(quote) && start > 0 && opening.has(text[start - 1]!)) start--
  return [start, end]
}

/** Higher score wins; on equal scores, the candidate nearer the old position, then the earlier one. */
function isBetter(a: { start: number; end: number; score: number }, b: FuzzyMatch, origin: number): boolean {
  if (Math.abs(a.score - b.score) > 1e-9) return a.score > b.score
  const da = Math.abs(a.start - origin)
  const db = Math.abs(b.start - origin)
  if (da !== db) return da < db
  return a.start < b.start || (a.start === b.start && a.end < b.end)
}
