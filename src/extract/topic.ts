/**
 * The topic stage: which activities a clause is about. The `topic/…` rules
 * (docs and examples in `rules/topic.ts`), tried in order: the clause's own
 * words, those of the clause before, the sentence before when the clause
 * refers back, the heading above. A new source of activities (words outside
 * the vocabulary, say) is one more step in {@link clauseTopics}: every
 * mention carries the rule that found it.
 */
import { conditionApplies } from './condition.ts'
import {
  adjectiveCues,
  conditionWords,
  demonstratives,
  destinationPossessive,
  destinations,
  modals,
  modalWindow,
  allowedWindow,
  lightVerbs,
  negativePrefix,
  passiveAvoid,
  pronouns,
  relativeWords,
  secondPerson,
  singularPronouns
} from './grammar.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import type { RuleId } from './rules/index.ts'
import type { BlockContext, Mention, SentenceState } from './state.ts'
import { isAllowedCue, isPassiveSubject } from './stance.ts'
import { findDurations } from './duration.ts'
import type { Token } from './tokens.ts'

/**
 * Every topic mention in tokens, first per topic, with its activity
 * condition (`topic/own-words`). Not a phrase from the vocabulary's
 * `ignore` list ("alcohol wipes"), a procedure's name ("chemical peel") or
 * a "non-" word ("non-exfoliating").
 *
 * @param tokens Tokens of a clause or sentence.
 * @param lexicon The compiled vocabulary.
 * @param text The text the tokens point into (for the activity's words).
 * @returns The mentions, in order of first appearance.
 */
export function topicMentions(tokens: Token[], lexicon: Lexicon, text: string): Mention[] {
  const { ignore, topics, procedures, conditions } = matchesOf(tokens, lexicon)
  const mentions: Mention[] = []
  for (const m of topics) {
    // Part of a phrase that is not the activity ("alcohol wipes").
    if (ignore.length > 0 && ignore.some((x) => x.first <= m.first && x.last >= m.last)) continue
    // A procedure's name ("chemical peel") is not an activity.
    if (procedures.length > 0 && procedures.some((p) => p.first <= m.first && p.last >= m.last && p.last - p.first > m.last - m.first)) continue
    // "non-exfoliating" names what is fine, not the activity.
    if (tokens[m.first - 1]?.norm === '-' && tokens[m.first - 2]?.norm === negativePrefix) continue
    let first = m.first
    let condition: string | null = null
    for (const c of conditions) {
      if (lexicon.conditionKinds.get(c.value) !== 'activity') continue
      if (!conditionApplies(lexicon, c.value, m.value)) continue
      const adjacent = c.last <= m.first && m.first - c.last <= 2
      const inside = c.first >= m.first && c.last <= m.last
      if (adjacent || inside) {
        condition = c.value
        if (adjacent && m.first - c.last === 0) first = c.first
      }
    }
    const existing = mentions.find((x) => x.topic === m.value)
    if (existing) {
      if (!existing.condition && condition) existing.condition = condition
      continue
    }
    mentions.push({ topic: m.value, first, last: m.last, activity: text.slice(tokens[first]!.start, tokens[m.last - 1]!.end), condition, rule: 'topic/own-words' })
  }
  return mentions
}

/** The activities of a clause and where they came from. */
export interface ClauseTopics {
  mentions: Mention[]
  /** Whether the clause names none of its own and borrows them. */
  inherited: boolean
  /** The rule that lent them (`topic/clause-before`, `topic/refers-back`, `topic/heading`); `undefined` for the clause's own. */
  source: RuleId | undefined
}

/**
 * The topic stage of a clause: its own activities (`topic/own-words`, less
 * those only in a condition on the reader, `topic/condition-on-reader`);
 * else the clause before's (`topic/clause-before`); else, when it refers
 * back, the sentence before's (`topic/refers-back`); else the heading's
 * (`topic/heading`). Records the clause's own activities in the state.
 *
 * @param clause Tokens of the clause.
 * @param own Its own mentions (read already for a one-clause sentence).
 * @param state The sentence state (its `topics` are read and set).
 * @param ctx The block's context.
 * @returns The mentions and their source.
 */
export function clauseTopics(clause: Token[], own: Mention[], state: SentenceState, ctx: BlockContext, sentence?: Token[]): ClauseTopics {
  const mentions = advised(clause, own, ctx)
  if (mentions.length > 0) {
    state.topics = mentions
    return { mentions, inherited: false, source: undefined }
  }
  if (state.topics.length > 0) return { mentions: state.topics, inherited: true, source: 'topic/clause-before' }
  if (refersBack(clause, ctx.lexicon)) {
    const before = ctx.previous.get()
    if (before.length > 0) {
      // "avoid them", "these habits": every activity named before; "it": the last one.
      return { mentions: clause.some((t) => singularPronouns.has(t.norm)) ? before.slice(-1) : before, inherited: true, source: 'topic/refers-back' }
    }
  }
  if (ctx.context && ctx.context.length > 0) return { mentions: ctx.context, inherited: true, source: 'topic/heading' }
  // "…to start wearing makeup again. In general, wait five to seven days.": a bare wait is for the activities named just before.
  if (bareWait(clause, sentence ?? clause)) {
    const before = ctx.previous.get()
    if (before.length > 0) return { mentions: before, inherited: true, source: 'topic/bare-wait' }
  }
  return { mentions, inherited: true, source: undefined }
}

/**
 * Whether a clause says to wait a stated time with no activity after it
 * ("I tell my clients to wait 10 days", "wait five to seven days after
 * erbium treatments"): not "wait 24 hours before swimming" or "to reapply",
 * which name it, nor "while waiting for the scabs".
 */
function bareWait(clause: Token[], sentence: Token[]): boolean {
  const w = clause.findIndex((t) => t.norm === 'wait' || t.norm === 'waiting')
  if (w === -1 || /^(while|whilst|for|when|of)$/.test(clause[w - 1]?.norm ?? '')) return false
  // "Dental work can wait two weeks": the subject before a modal is what waits.
  let m = w - 1
  while (m > 0 && /^(also|just|easily|still)$/.test(clause[m]!.norm)) m--
  if (modals.has(clause[m]?.norm ?? '') && !secondPerson.has(clause[m - 1]?.norm ?? '')) return false
  // The time right after the wait ("wait 10 days", "wait for at least a week").
  const d = findDurations(clause).find((x) => x.first > w && x.min !== null && clause.slice(w + 1, x.first).every((t) => /^(for|at|least|about|around|roughly|approximately|another|an|extra)$/.test(t.norm)))
  if (!d) return false
  // After the time, only the treatment it counts from, a condition or the end ("10 days, if at all possible").
  const next = clause[d.last]
  if (next && next.kind === 'word' && !/^(after|following|post|if|since|from)$/.test(next.norm)) return false
  // Nor anything later in the sentence that names what for ("… but at least 6 hours before showering").
  const from = sentence.indexOf(clause[w]!)
  const spans = findDurations(sentence)
  return !sentence.some((t, i) => i > from && !spans.some((x) => x.first <= i && i < x.last) && (t.norm === 'before' || t.norm === 'until' || (t.norm === 'to' && sentence[i - 1]?.norm !== 'up')))
}

/**
 * The activities a clause advises on: not one that only sets a condition
 * ("Avoid the gym for two days, and wear a headband if you sweat a lot";
 * "If you exercise, skip the sauna") when the clause names another
 * (`topic/condition-on-reader`). An activity named only in the condition
 * stays ("If you want to swim, wait a week").
 */
function advised(clause: Token[], mentions: Mention[], ctx: BlockContext): Mention[] {
  if (mentions.length < 2) return mentions
  let kept = mentions.filter((m) => !inCondition(clause, m.first))
  if (kept.length === 0) return mentions
  if (ctx.trace && kept.length < mentions.length) {
    for (const m of mentions) if (!kept.includes(m)) ctx.trace('topic/condition-on-reader', clause[m.first]!.start, clause[m.last - 1]!.end)
  }
  // "Avoid workouts that make you sweat": the relative clause qualifies the activity named before it (`topic/qualifier`).
  const qualified = kept.filter((m) => qualifies(clause, m, kept))
  if (qualified.length > 0 && qualified.length < kept.length) {
    for (const m of qualified) ctx.trace?.('topic/qualifier', clause[m.first]!.start, clause[m.last - 1]!.end)
    kept = kept.filter((m) => !qualified.includes(m))
  }
  return kept
}

/** Whether a mention sits in a relative clause right after another mention ("workouts *that make you sweat*"). */
function qualifies(clause: Token[], m: Mention, mentions: Mention[]): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 5); i--) {
    if (clause[i]!.kind === 'punct') return false
    if (relativeWords.has(clause[i]!.norm)) return mentions.some((o) => o !== m && o.last === i)
  }
  return false
}

/** Whether the words before token `at` open a condition on the reader: "if you", "when you're", "unless you". */
function inCondition(clause: Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    if (!secondPerson.has(clause[i]!.norm)) continue
    return conditionWords.has(clause[i - 1]?.norm ?? '')
  }
  return false
}

/**
 * Whether a token refers back to an activity named before ("it", "them", "these").
 *
 * @param t A token, or `undefined` past the end.
 * @returns `true` for a pronoun or demonstrative.
 */
export function isRef(t: Token | undefined): boolean {
  return t !== undefined && (pronouns.has(t.norm) || demonstratives.has(t.norm))
}

/**
 * Whether a clause refers back to the activities of the sentence before: a
 * pronoun right after a cue ("avoid them", "Avoid these habits") or before a
 * passive or adjective cue ("it's best avoided", "it is fine").
 */
function refersBack(clause: Token[], lexicon: Lexicon): boolean {
  const cues = matchesOf(clause, lexicon).stance
  for (const c of cues) {
    // "avoid them", "avoid using them"; not "avoid touching them", where the verb is the activity and "them" its object.
    const ref = clause.slice(c.last, c.last + 3).findIndex(isRef)
    if (ref !== -1 && clause.slice(c.last, c.last + ref).every((t) => t.kind !== 'word' || !t.norm.endsWith('ing') || lightVerbs.has(t.norm))) return true
    const word = clause[c.last - 1]!.norm
    if ((word === passiveAvoid || adjectiveCues.has(word)) && clause.slice(Math.max(0, c.first - 3), c.first).some(isRef)) return true
  }
  return false
}

/**
 * The activities an allowed cue is about (`topic/allowed-object`): named
 * soon after it ("you can return to the gym"), or before an adjective cue
 * ("light workouts are okay"); not a destination ("introduce retinol to
 * your skincare routine").
 *
 * @param clause Tokens of the clause.
 * @param mentions Its own mentions.
 * @param ctx The block's context.
 * @returns The mentions the cue is about; all of them when no cue links any (a negated avoid cue).
 */
export function allowedObjects(clause: Token[], mentions: Mention[], ctx: BlockContext): Mention[] {
  const topicMatches = matchesOf(clause, ctx.lexicon).topics
  const cues = matchesOf(clause, ctx.lexicon).stance.filter((c) => c.value === 'allowed' && isAllowedCue(clause, c, topicMatches))
  const linked = new Set<string>()
  for (const m of topicMatches) {
    const destination = destinations.has(clause[m.first - 2]?.norm ?? '') && clause[m.first - 1]?.norm === destinationPossessive
    if (destination) continue
    for (const c of cues) {
      const window = modals.has(clause[c.first]!.norm) ? modalWindow : allowedWindow
      const after = m.first >= c.last && m.first - c.last < window
      const before = m.last <= c.first && (adjectiveCues.has(clause[c.last - 1]!.norm) || isPassiveSubject(clause, m, c))
      if (after || before) linked.add(m.value)
    }
  }
  // No cue to link (a negated avoid cue, "you don't need to wait to swim"): keep them all.
  if (cues.length === 0) return mentions
  const kept = mentions.filter((m) => linked.has(m.topic))
  if (ctx.trace && kept.length < mentions.length) {
    for (const m of mentions) if (!kept.includes(m)) ctx.trace('topic/allowed-object', clause[m.first]!.start, clause[m.last - 1]!.end)
  }
  return kept
}
