/**
 * The bounds of a wait with no number, and a wait borrowed from the advice
 * before: the words that make an untimed avoid a claim (`time/open-avoid`:
 * "for a while", "while it heals", a statement of the skin's state in its
 * paragraph) and `time/carried` (docs and examples in `rules/time.ts`).
 */
import { splitSentences } from '../parse/sentences.ts'
import type { Wait } from '../schema.ts'
import { findDurations } from './duration.ts'
import {
  anaphorStarts,
  boundPhrases,
  boundWords,
  carryWords,
  demonstratives,
  freshDeterminers,
  freshWords,
  healingWords,
  longer,
  phraseAt,
  stateWords
} from './grammar.ts'
import { matchesOf } from './lexicon.ts'
import { isWait, treatmentAt } from './not-a-claim.ts'
import type { BlockContext, Draft, Reading } from './state.ts'
import { tokenize, type Token } from './tokens.ts'
import { waitOf } from './time.ts'

/**
 * The vague bound of a wait with no number, when a clause states one: "for a
 * bit", "for a while", "immediately", "right after", "while it heals",
 * "during the healing period", "the same day", "tonight", "the rest of the
 * day", "yet", "before it has healed", "after the treatment" (a procedure
 * after "after", "following" or "post"). A claim to avoid something with no
 * number needs one (`time/open-avoid`); without it the statement gives no
 * time (`not-a-claim/no-time`).
 *
 * @param clause Tokens of the clause.
 * @param ctx The block's context (procedure names).
 * @returns The offsets of the bound's words, or `undefined`.
 */
export function boundOf(clause: Token[], ctx: BlockContext): { start: number; end: number } | undefined {
  for (let i = 0; i < clause.length; i++) {
    const t = clause[i]!
    const phrase = phraseAt(clause, i, boundPhrases)
    // "wait a little longer": longer than something, not a bound of its own.
    if (phrase && clause[i + phrase.length]?.norm !== longer) return { start: t.start, end: clause[i + phrase.length - 1]!.end }
    if (boundWords.has(t.norm) && i + 1 < clause.length) {
      // "while it heals", "during the initial healing period": to the next punctuation; not "during the session".
      let last = i + 1
      while (last < clause.length && clause[last]!.kind !== 'punct') last++
      if (clause.slice(i + 1, last).some((x) => healingWords.has(x.norm))) return { start: t.start, end: clause[last - 1]!.end }
    }
    if (t.norm === 'before' && clause.slice(i + 1, i + 6).some((x) => x.norm.startsWith('heal'))) return { start: t.start, end: clause.at(-1)!.end }
    // "your fresh tattoo", "a newly pierced ear": while it is new, that is, while it heals.
    if (freshWords.has(t.norm) && freshDeterminers.has(clause[i - 1]?.norm ?? '') && treatmentAt(clause, i + 1, ctx.lexicon)) return { start: t.start, end: clause[i + 1]!.end }
  }
  return undefined
}

/**
 * A bound from the paragraph around: another sentence of the block that
 * says how the skin is for a while, with a bound and a word of healing or
 * sensitivity ("Right after the session your skin will be sensitive.",
 * "It irritates the skin during this time of increased sensitivity."),
 * bounds an untimed avoid of the block (`time/open-avoid`). A sentence that
 * gives advice of its own ("cleanse gently immediately after") is no such
 * statement of the skin's state.
 *
 * @param ctx The block's context (its text).
 * @param sentence The clause's sentence (its own words are looked at already).
 * @returns The bound's offsets, or `undefined`.
 */
export function stateBound(ctx: BlockContext, sentence: Token[]): { start: number; end: number } | undefined {
  if (ctx.blockText === undefined || ctx.blockStart === undefined || ctx.heading || ctx.blockText.length > maxStateBlock) return undefined
  // Read once per block: the statements of the skin's state and their bounds.
  let states = stateCache.get(ctx)
  if (!states) {
    states = []
    for (const [from, to] of splitSentences(ctx.blockText)) {
      const tokens = tokenize(ctx.blockText.slice(from, to), ctx.blockStart + from)
      if (!tokens.some((t) => stateWords.has(t.norm))) continue
      const matches = matchesOf(tokens, ctx.lexicon)
      if (matches.stance.length > 0 || matches.negation.length > 0) continue
      const bound = boundOf(tokens, ctx)
      if (bound) states.push({ start: ctx.blockStart + from, bound })
    }
    stateCache.set(ctx, states)
  }
  return states.find((s) => s.start !== sentence[0]!.start)?.bound
}

/** A paragraph longer than this is no place to look for a statement of the skin's state (bounded work on hostile text). */
const maxStateBlock = 4000
/** The state statements of each block read so far. */
const stateCache = new WeakMap<BlockContext, Array<{ start: number; bound: { start: number; end: number } }>>()

/**
 * A wait borrowed from the claim before (`time/carried`): a clause with no
 * time that says "also", "too", "as well" or "likewise" continues the
 * advice before it ("For the first day, skip hot showers. You should also
 * pass on saunas"), and one that points back at the time stated before
 * ("during this phase", "during those few days") takes it.
 *
 * @param clause Tokens of the clause.
 * @param before The last claim before it in the section (its block or the block before).
 * @param ctx The block's context (the block's text, for the time an anaphor points at).
 * @param offset Where the sentence starts.
 * @returns The wait and its rule, or `undefined`.
 */
export function carriedTime(clause: Token[], before: Draft | undefined, ctx: BlockContext, offset: number): Reading<Wait> | undefined {
  const anaphor = clause.some((t, i) => anaphorStarts.has(t.norm) && demonstratives.has(clause[i + 1]?.norm ?? '') || (anaphorStarts.has(t.norm) && (clause[i + 1]?.norm === 'this' || clause[i + 1]?.norm === 'that')))
  if (anaphor && ctx.blockText !== undefined && ctx.blockStart !== undefined) {
    const earlier = tokenize(ctx.blockText.slice(0, Math.max(0, offset - ctx.blockStart)), ctx.blockStart)
    const figure = findDurations(earlier).filter((d) => isWait(earlier, d, ctx.lexicon)).at(-1)
    if (figure) return { value: waitOf(figure, 'avoid', ctx.text.slice(earlier[figure.first]!.start, earlier[figure.last - 1]!.end), undefined).value, rules: ['time/carried'] }
  }
  if (!before || before.stance !== 'avoid') return undefined
  // "too" only at the end ("skip saunas too"), not "too hard".
  const closes = (i: number) => clause[i] === undefined || clause[i]!.kind === 'punct'
  const carries = clause.some((t, i) => carryWords.has(t.norm) || (t.norm === 'too' && closes(i + 1)) || (t.norm === 'as' && clause[i + 1]?.norm === 'well' && closes(i + 2)))
  if (!carries && !anaphor) return undefined
  return { value: { ...before.wait }, rules: ['time/carried'] }
}
