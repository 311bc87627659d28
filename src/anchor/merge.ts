/**
 * Merge a fresh extraction with the previous claims file so that nothing an
 * editor decided is lost.
 */
import type { Message } from '../message.ts'
import { effectiveClaim, isReviewed, type Claim, type ClaimsFile, type Span } from '../schema.ts'
import { reanchorClaim, type Anchoring } from './reanchor.ts'
import { tokenize, type Token } from './tokens.ts'

/** Options of {@link mergeClaims}. */
export interface MergeOptions {
  /** Path named in messages (default: the previous file's `source`, else `''`). */
  file?: string
}

/** What {@link mergeClaims} returns. */
export interface MergeResult {
  /** The claims to write, in file order. */
  claims: Claim[]
  /**
   * Warnings for the editor: a reviewed claim orphaned by this edit
   * (`orphaned`), or found again only by fuzzy matching (`reanchored`).
   */
  messages: Message[]
  /** One entry per surviving previous claim, in the previous file's order: how it was found. */
  anchorings: Anchoring[]
}

/**
 * Merge freshly extracted claims with the previous claims file of the same
 * source.
 *
 * - Every previous claim an editor decided on (review `confirmed`,
 *   `rejected` or `corrected`), and every claim already `orphaned`,
 *   survives with its review intact; it is re-anchored in `text` with
 *   `reanchorClaim` (exact at the old span, exact elsewhere, fuzzy, else
 *   orphaned) and gets a fresh `context` (only written when this runs:
 *   see `lacksContext` for claims reviewed since the last run). Claims still at their old span
 *   are placed first; the others may not land on a place already taken by
 *   a surviving claim of the same topic and condition (two reviews never
 *   merge into one). Unreviewed previous claims are dropped: the fresh
 *   extraction replaces them.
 * - A surviving claim takes the `rules` of the fresh claim with its id.
 * - A fresh claim is dropped when a surviving claim has its id, or when a
 *   re-anchored claim has its topic and condition (as extracted or as
 *   corrected) and a span that overlaps it: the reviewed claim stands for it. A rejected
 *   claim therefore stays rejected instead of coming back unreviewed.
 * - Order: by span start (then end, then id); orphaned claims last, in
 *   their previous order. The same input always gives the same output.
 *
 * @param previous The previous claims file (`undefined` when there is none).
 * @param extracted Claims freshly extracted from `text`.
 * @param text Full current text of the source file.
 * @param options See {@link MergeOptions}.
 * @returns The merged claims, warnings, and how each surviving claim was found.
 * @example
 * const {claims} = mergeClaims(previousFile, extractClaims(source, vocabulary), source.text)
 */
export function mergeClaims(previous: ClaimsFile | undefined, extracted: Claim[], text: string, options: MergeOptions = {}): MergeResult {
  const file = options.file ?? previous?.source ?? ''
  const survivors = (previous?.claims ?? []).filter((claim) => isReviewed(claim) || claim.status === 'orphaned')
  let tokens: Token[] | undefined
  const sharedTokens = () => (tokens ??= tokenize(text))
  // First the claims whose quote is still at its old span, then the others
  // in file order, each kept off the places already taken by its topic.
  const anchorings: Anchoring[] = new Array(survivors.length)
  const taken: Claim[] = []
  survivors.forEach((claim, index) => {
    if (claim.quote === '' || !text.startsWith(claim.quote, claim.span.start)) return
    anchorings[index] = reanchorClaim(claim, text)
    taken.push(anchorings[index].claim)
  })
  survivors.forEach((claim, index) => {
    if (anchorings[index]) return
    const exclude = taken.filter((other) => sameSlot(other, claim)).map((other) => other.span)
    anchorings[index] = reanchorClaim(claim, text, { tokens: sharedTokens, exclude })
    if (anchorings[index].method !== 'orphaned') taken.push(anchorings[index].claim)
  })
  const ids = new Set(anchorings.map((a) => a.claim.id))
  const freshById = new Map(extracted.map((claim) => [claim.id, claim]))
  const placed = anchorings.filter((a) => a.method !== 'orphaned').map((a) => withRulesOf(a.claim, freshById.get(a.claim.id)))
  const fresh = extracted.filter((claim) => !ids.has(claim.id) && !placed.some((survivor) => standsFor(survivor, claim)))
  const claims = [...placed, ...fresh].sort(compareBySpan)
  for (const a of anchorings) if (a.method === 'orphaned') claims.push(a.claim)
  const messages: Message[] = []
  anchorings.forEach((a, index) => {
    const before = survivors[index]!
    if (a.method === 'orphaned' && before.status !== 'orphaned') {
      messages.push({
        file,
        reason: `Reviewed claim \`${a.claim.id}\` lost its quote \`${excerpt(a.claim.quote)}\` in the source; kept with \`status: orphaned\` and its review`,
        ruleId: 'orphaned',
        severity: 'warning'
      })
    } else if (a.method === 'fuzzy') {
      messages.push({
        file,
        reason: `Reviewed claim \`${a.claim.id}\` re-anchored by fuzzy match (score ${a.score}) at line ${a.claim.span.line}: check its quote \`${excerpt(a.claim.quote)}\``,
        ruleId: 'reanchored',
        severity: 'warning'
      })
    }
  })
  return { claims, messages, anchorings }
}

/**
 * A surviving claim with the rules of the fresh claim that has its id (the
 * same words read the same way: the id hashes topic, condition, stance and
 * quote), so that the rules shown for a reviewed claim are the current
 * extractor's. The review is untouched.
 */
function withRulesOf(survivor: Claim, fresh: Claim | undefined): Claim {
  return fresh?.rules ? { ...survivor, rules: fresh.rules } : survivor
}

/** Whether a surviving reviewed claim stands for a fresh claim (same topic and condition, overlapping span). */
function standsFor(survivor: Claim, fresh: Claim): boolean {
  return sameSlot(survivor, fresh) && overlaps(survivor.span, fresh.span)
}

/**
 * Whether two claims are about the same thing: same topic and same
 * condition, each as extracted or as corrected by an editor. Stance is left
 * out on purpose: a reworded sentence may say the same wait the other way
 * round ("avoid for 72 hours" / "fine after 72 hours"). The condition
 * keeps apart two claims of one sentence ("light exercise after 24 hours,
 * intense exercise after 72").
 */
function sameSlot(a: Claim, b: Claim): boolean {
  const ea = effectiveClaim(a)
  const eb = effectiveClaim(b)
  const overlap = <T>(x: T[], y: T[]) => x.some((value) => y.includes(value))
  return overlap([a.topic, ea.topic], [b.topic, eb.topic]) && overlap([a.condition, ea.condition], [b.condition, eb.condition])
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

function compareBySpan(a: Claim, b: Claim): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function excerpt(quote: string): string {
  const line = quote.replace(/\s+/g, ' ')
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}
