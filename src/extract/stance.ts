/**
 * The stance stage: whether a clause says to wait (`avoid`) or that the
 * activity is fine (`allowed`). The `stance/…` rules (docs and examples in
 * `rules/stance.ts`): cues of the vocabulary, turned around by a negation
 * that reaches them; a few cues that need a grammatical partner (a modal
 * its subject, a verb its object); a directive negation on its own; the
 * stance of the clause before; and, for a clause with none, what leads its
 * block (`lead-ins/…`).
 */
import type { Stance } from '../schema.ts'
import type { Duration } from './duration.ts'
import {
  banNegation,
  conditionalWords,
  directiveFrames,
  nowPhrases,
  phraseAt,
  describingParticiples,
  directiveNegations,
  dutyWords,
  freeWord,
  giveVerb,
  startWords,
  giveWindow,
  infinitiveMarker,
  infinitiveNegation,
  irregularParticiples,
  keepVerbs,
  knowingVerbs,
  modals,
  nextStep,
  notBanned,
  offParticle,
  onlyIf,
  passiveAuxiliary,
  questionWords,
  reasonStarts,
  relativeWords,
  subjects,
  timeOff,
  unitWords,
  verbCues,
  verbObjectWindow
} from './grammar.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import type { PhraseMatch } from './phrase-matcher.ts'
import type { RuleId } from './rules/index.ts'
import type { BlockContext, Reading, SentenceState } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * The stance a clause states itself, or `null` when it has no cue. `avoid`
 * wins when both appear; the rules of the winning side are returned.
 *
 * @param clause Tokens of the clause.
 * @param durations Its waits (token indexes into `clause`): "take a day off", "give it a day".
 * @param lexicon The compiled vocabulary.
 * @returns The stance and the rules that gave it.
 */
export function stanceOf(clause: Token[], durations: Duration[], lexicon: Lexicon): Reading<Stance> | null {
  const matches = matchesOf(clause, lexicon)
  const mentions = matches.topics
  const negations = matches.negation
  const avoid: RuleId[] = []
  const allowed: RuleId[] = []
  const used = new Set<PhraseMatch<true>>()
  for (const c of matches.stance) {
    // "you won't need a separate exfoliant" is avoid; "you won't need to wait" is no cue of this kind.
    if (c.value === 'avoid' && clause[c.last - 1]!.norm === 'need' && clause[c.last]?.norm === 'to') continue
    const kind = c.value === 'avoid' ? 'stance/avoid-cue' : allowedCueKind(clause, c, mentions)
    if (!kind) continue
    const negation = negations.find((n) => reaches(clause, n, c))
    if (negation) used.add(negation)
    if (c.value === 'avoid') (negation ? allowed : avoid).push(negation ? 'stance/negated-avoid' : 'stance/avoid-cue')
    else (negation ? avoid : allowed).push(negation ? 'stance/negated-allowed' : kind)
  }
  // "leave makeup off", "keep it off"
  for (const m of mentions) if (clause[m.last]?.norm === offParticle || (clause[m.last + 1]?.norm === offParticle && clause[m.last]?.kind === 'word')) avoid.push('stance/left-off')
  // "stay makeup-free", "keep your skin makeup free": only with a keep/stay verb before it (a "fragrance-free cleanser" is no cue).
  for (const m of mentions) if (isKeptFree(clause, m)) avoid.push('stance/kept-free')
  // "a week before you feel hot and sweaty", "take a day or two off", "give the pool a day or two"
  for (const d of durations) {
    const next = clause[d.last]?.norm
    if (next !== undefined && timeOff.has(next)) avoid.push('stance/time-off')
    for (let i = Math.max(0, d.first - giveWindow); i < d.first; i++) if (clause[i]!.norm === giveVerb) avoid.push('stance/give-time')
  }
  if (avoid.length > 0) return { value: 'avoid', rules: unique(avoid) }
  if (allowed.length > 0) return { value: 'allowed', rules: unique(allowed) }
  // A bare negation: "do not go swimming", "you must not engage in exercise".
  const bare = negations.some((n) => !used.has(n) && isDirectiveNegation(clause, n))
  return bare ? { value: 'avoid', rules: ['stance/directive-negation'] } : null
}

/**
 * The stance stage of a clause: its own (see {@link stanceOf}); else that
 * of the clause before (`stance/clause-before`), unless the clause is a next
 * step or a reason, which states its own or none; else what leads its block
 * (`lead-ins/…`).
 *
 * @param clause Tokens of the clause.
 * @param own Its own stance, from {@link stanceOf}.
 * @param state The sentence state (its `stance` is read).
 * @param ctx The block's context.
 * @returns The stance and its rules, or `null`.
 */
export function clauseStance(clause: Token[], own: Reading<Stance> | null, state: SentenceState, ctx: BlockContext): Reading<Stance> | null {
  if (own) return own
  // "…, then train as usual": a next step states its own stance, it does not carry on the
  // one before; nor does a reason ("…, because stretching the mouth can move the filler").
  const fresh = clause[0]!.norm === nextStep || reasonStarts.has(clause[0]!.norm)
  if (!fresh && state.stance) return { value: state.stance.value, rules: ['stance/clause-before'] }
  return ledStanceOf(clause, ctx)
}

/**
 * The stance a clause takes from what leads its block when it states none:
 * the lead's ("When it's safe" + "Same day": allowed), turned around by a
 * negation ("Not until fully healed": avoid, `lead-ins/negated`).
 */
function ledStanceOf(clause: Token[], ctx: BlockContext): Reading<Stance> | null {
  if (!ctx.ledStance) return null
  if (matchesOf(clause, ctx.lexicon).negation.length === 0) return { value: ctx.ledStance, rules: [ctx.ledRule ?? 'lead-ins/colon'] }
  return { value: ctx.ledStance === 'allowed' ? 'avoid' : 'allowed', rules: ['lead-ins/negated'] }
}

/**
 * Whether a negation gives a directive ("do not swim") rather than describe
 * ("workouts that won't make you sweat", "if you're not sweating") or lift a
 * duty ("you don't have to exfoliate").
 *
 * @param clause Tokens of the clause.
 * @param n A negation found in it.
 * @returns `true` for an order.
 */
export function isDirectiveNegation(clause: Token[], n: PhraseMatch<true>): boolean {
  const word = clause[n.first]!.norm
  // "no exercise for 72 hours", "no drinks for 24 hours"
  if (word === banNegation) return clause.slice(n.last, n.last + 4).some((t) => t.kind === 'number' || unitWords.has(t.norm)) || nounAfter(clause, n.last)
  if (!directiveNegations.has(word)) {
    // "advise you not to", "to not come into contact"
    if (word !== infinitiveNegation || !(clause[n.first - 1]?.norm === infinitiveMarker || clause[n.last]?.norm === infinitiveMarker)) return false
  }
  const before = clause[n.first - 1]?.norm
  if (before && relativeWords.has(before)) return false
  // "If you sweat, do not…": the order is the main clause after the condition's comma.
  if (opensCondition(clause) && !clause.slice(0, n.first).some((t) => t.norm === ',')) return false
  const after = clause[n.last]?.norm
  return !(after !== undefined && dutyWords.has(after))
}

/**
 * Whether a clause opens with a condition ("if", "unless", "whether", "only if").
 *
 * @param clause Tokens of the clause.
 * @returns `true` when it does.
 */
export function opensCondition(clause: Token[]): boolean {
  return conditionalWords.has(clause[0]!.norm) || (clause[0]!.norm === onlyIf[0] && clause[1]?.norm === onlyIf[1])
}

/**
 * Whether a word (not a number, not "one", "more", "need", "reason",
 * "longer") follows at `i`: "no" + a noun is a ban ("no exercise", "no
 * drinks"), unlike "no need", "no more than", "no reason".
 */
function nounAfter(clause: Token[], i: number): boolean {
  return clause[i] !== undefined && clause[i]!.kind === 'word' && /^[a-z]/.test(clause[i]!.norm) && !notBanned.has(clause[i]!.norm)
}

/**
 * Whether an allowed cue counts as one, and by which rule: "can", "could",
 * "may" only with a person as subject (`stance/modal-subject`) or in a
 * passive with the activity as subject (`stance/modal-passive`), never in an
 * indirect question; verb cues ("return", "introduce") only with the
 * activity as their object (`stance/verb-object`).
 *
 * @param clause Tokens of the clause.
 * @param cue An allowed cue found in it.
 * @param mentions The clause's activity matches.
 * @returns The rule it counts by, or `undefined` when it is no cue here.
 */
export function allowedCueKind(clause: Token[], cue: PhraseMatch<'avoid' | 'allowed'>, mentions: PhraseMatch<string>[]): RuleId | undefined {
  const word = clause[cue.first]!.norm
  // "Deciding when it's safe to swim takes patience": a question about the wait, not a permission.
  for (let i = Math.max(0, cue.first - 3); i < cue.first; i++) {
    if (questionWords.has(clause[i]!.norm) && clause.slice(Math.max(0, i - 3), i).some((t) => knowingVerbs.has(t.norm))) return undefined
  }
  if (verbCues.has(word) && cue.last - cue.first === 1) {
    if (mentions.length === 0) return 'stance/allowed-cue'
    return mentions.some((m) => m.first >= cue.last && m.first - cue.last <= verbObjectWindow) ? 'stance/verb-object' : undefined
  }
  if (!modals.has(word) || cue.last - cue.first > 1) return 'stance/allowed-cue'
  // "find out if you can sweat", "when you can exercise": a question, not advice.
  for (let i = Math.max(0, cue.first - 3); i < cue.first; i++) if (questionWords.has(clause[i]!.norm)) return undefined
  for (let i = Math.max(0, cue.first - 2); i < cue.first; i++) if (subjects.has(clause[i]!.norm)) return 'stance/modal-subject'
  // The activity as the subject of a passive: "Exercise can be resumed after 48 hours", "Makeup may be worn";
  // with no vocabulary activity, any subject (an activity the vocabulary does not list: "A brightening cream can be applied").
  if (mentions.length === 0) return cue.first > 0 && isPassiveSubject(clause, { first: cue.first - 1, last: cue.first }, cue) ? 'stance/modal-passive' : undefined
  return mentions.some((m) => isPassiveSubject(clause, m, cue)) ? 'stance/modal-passive' : undefined
}

/**
 * Whether an allowed cue counts as one (see {@link allowedCueKind}).
 *
 * @param clause Tokens of the clause.
 * @param cue An allowed cue.
 * @param mentions The clause's activity matches.
 * @returns `true` when it counts.
 */
export function isAllowedCue(clause: Token[], cue: PhraseMatch<'avoid' | 'allowed'>, mentions: PhraseMatch<string>[]): boolean {
  return allowedCueKind(clause, cue, mentions) !== undefined
}

/**
 * Whether an activity is the subject of a modal passive ("Exercise can be
 * resumed"): named at most a few words before "can be" + a participle.
 *
 * @param clause Tokens of the clause.
 * @param m The activity's place.
 * @param cue The modal.
 * @returns `true` for a passive with the activity as subject.
 */
export function isPassiveSubject(clause: Token[], m: { first: number; last: number }, cue: PhraseMatch<'avoid' | 'allowed'>): boolean {
  if (m.last > cue.first || cue.first - m.last > 4 || !modals.has(clause[cue.first]!.norm)) return false
  const participle = clause[cue.last + 1]
  if (clause[cue.last]?.norm !== passiveAuxiliary || participle?.kind !== 'word' || describingParticiples.has(participle.norm)) return false
  return participle.norm.endsWith('ed') || irregularParticiples.has(participle.norm)
}

/**
 * Whether a negation bears on a cue: at most three words before it, no punctuation between.
 *
 * @param clause Tokens of the clause.
 * @param n The negation.
 * @param c The cue.
 * @returns `true` when the negation turns the cue around.
 */
export function reaches(clause: Token[], n: PhraseMatch<true>, c: PhraseMatch<unknown>): boolean {
  if (n.last > c.first || c.first - n.last > 3) return false
  for (let i = n.last; i < c.first; i++) if (clause[i]!.kind === 'punct') return false
  return true
}

/**
 * Whether an activity is kept off the skin with "-free" ("staying
 * makeup-free", "keep your skin makeup free"): "free" right after it, and
 * "keep", "stay" or "remain" at most four words before it.
 *
 * @param clause Tokens of the clause.
 * @param m The activity's place.
 * @returns `true` for a "kept free" avoid.
 */
export function isKeptFree(clause: Token[], m: { first: number; last: number }): boolean {
  const next = clause[m.last]?.norm === '-' ? clause[m.last + 1] : clause[m.last]
  if (next?.norm !== freeWord) return false
  for (let i = Math.max(0, m.first - 4); i < m.first; i++) if (keepVerbs.has(clause[i]!.norm)) return true
  return false
}

/** The rules in order of first appearance, each once. */
function unique(rules: RuleId[]): RuleId[] {
  return rules.length < 2 ? rules : [...new Set(rules)]
}

/**
 * A directive to do the activity from a point in time, with no permission
 * cue (`stance/directive-start`): the clause opens with the activity's own
 * verb ("Cleanse gently with a mild cleanser" under "Days 2–7:"; "Starting
 * the day after, wash with lukewarm water") and its time is a start point:
 * "starting"/"beginning" before its duration, or the window of the run-in
 * label or timeline heading it sits under. That is allowed from then. Not
 * "for <duration>", which says how long to keep doing it (a duty).
 *
 * @param clause Tokens of the clause.
 * @param mentions Its own activities.
 * @param durations Its waits (token indexes into `clause`).
 * @param ctx The block's context.
 * @returns An allowed stance with its rule, or `null`.
 */
export function directiveStart(clause: Token[], mentions: ReadonlyArray<{ first: number }>, durations: Duration[], ctx: BlockContext): Reading<Stance> | null {
  if (ctx.heading || mentions.length === 0) return null
  // The clause's first word, after a start phrase ("Starting the day after treatment,") and adverbs ("gently").
  let i = 0
  const opener = clause[0]?.norm
  const starts = opener !== undefined && startWords.has(opener)
  if (starts) {
    const d = durations[0]
    if (!d || d.first > 2) return null
    i = d.last
    while (i < clause.length && (clause[i]!.kind === 'punct' || clause[i]!.norm === 'after' || ctx.lexicon.procedures.matchAt(clause, i) || clause[i]!.norm === 'the' || clause[i]!.norm === 'your')) i++
  } else if (durations.length === 0 && clause.some((_, k) => phraseAt(clause, k, nowPhrases) !== undefined)) {
    // "Wash the tattoo with mild soap that evening", "You'll want to cleanse gently immediately after": do it now.
    while (i < clause.length && clause[i]!.kind === 'punct') i++
    i += phraseAt(clause, i, directiveFrames)?.length ?? 0
    while (i < clause.length && (clause[i]!.kind === 'punct' || /^[a-z]{3,}ly$/.test(clause[i]!.norm))) i++
    const mention = mentions.find((m) => m.first === i) as { first: number; last?: number } | undefined
    if (!mention || clause[i]?.norm.endsWith('ing')) return null
    // "Exercise right after the treatment can raise redness": the activity is a subject, not an order.
    if (clause.slice(mention.last ?? i + 1).some((t) => modals.has(t.norm) || /^(is|are|was|were|will|can|may|might|could|does|do)$/.test(t.norm))) return null
    return { value: 'allowed', rules: ['stance/directive-now'] }
  } else if (!(ctx.timeline && ctx.timelineRule === 'timeline/label') || durations.length > 0) return null
  // Past the run-in label itself ("Days 2–7:").
  while (i < clause.length && clause[i]!.start < (ctx.labelEnd ?? -1)) i++
  while (i < clause.length && (clause[i]!.kind === 'punct' || /^[a-z]{3,}ly$/.test(clause[i]!.norm))) i++
  if (!mentions.some((m) => m.first === i) || clause[i]?.norm.endsWith('ing')) return null
  return { value: 'allowed', rules: ['stance/directive-start'] }
}
