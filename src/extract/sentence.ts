/**
 * The sentence and clause stages of the pipeline (`pipeline.ts` states the
 * document and block stages): a sentence's waits, its clauses, and for each
 * clause the rules in order — topic → stance → plan → not-a-claim checks →
 * time → the activities the vocabulary does not list and those an allowed
 * cue is about → "longer", a carried wait or a claim with no number →
 * condition. One claim per activity; the sentence state (`state.ts`) is
 * what one clause tells the next.
 */
import type { Stance } from '../schema.ts'
import { splitClauses } from './clauses.ts'
import { conditionOf } from './condition.ts'
import { findDurations, type Duration } from './duration.ts'
import { idealWords, longer } from './grammar.ts'
import { elliptical, isDisputed, isRhetorical, isWait, rejectionAt } from './not-a-claim.ts'
import { planOf } from './plans.ts'
import type { RuleId } from './rules/index.ts'
import { clauseStance, directiveStart, stanceOf } from './stance.ts'
import type { BlockContext, Draft, Mention, Reading, SentenceState } from './state.ts'
import { carriedTime } from './bounds.ts'
import { openWait, timeOf } from './time.ts'
import type { Token } from './tokens.ts'
import { allowedObjects, clauseTopics, topicMentions } from './topic.ts'
import { unlistedMentions } from './unlisted.ts'

/**
 * Read the clauses of one sentence (or piece of one) in order.
 *
 * @param tokens Its tokens.
 * @param sentenceMentions Its activities, read already.
 * @param at Where it is and who says it.
 * @param ctx The block's context.
 * @param state The sentence state, started afresh for this sentence.
 * @returns Its drafts.
 */
export function readSentence(tokens: Token[], sentenceMentions: Mention[], at: Pick<Draft, 'start' | 'end' | 'speaker'>, ctx: BlockContext, state: SentenceState): Draft[] {
  const drafts: Draft[] = []
  // A run-in label's time is the block's timeline, not the sentence's own duration.
  const labelEnd = ctx.labelEnd ?? -1
  const durations = findDurations(tokens).filter((d) => tokens[d.first]!.start >= labelEnd && isWait(tokens, d, ctx.lexicon, ctx.trace))
  let nextDuration = 0
  const clauses = splitClauses(tokens, durations, ctx.trace)
  // "Some blogs warn you to skip X, but our experts say otherwise": the clauses before the rejection state a belief the text rejects.
  const rejected = rejectionAt(tokens, clauses)
  for (const [from, to] of clauses) {
    const clause = from === 0 && to === tokens.length ? tokens : tokens.slice(from, to)
    if (from < rejected) {
      ctx.trace?.('not-a-claim/disputed', clause[0]!.start, clause.at(-1)!.end)
      continue
    }
    while (nextDuration < durations.length && durations[nextDuration]!.first < from) nextDuration++
    const clauseDurations: Duration[] = []
    for (let k = nextDuration; k < durations.length && durations[k]!.last <= to; k++) clauseDurations.push(durations[k]!)
    readClause(tokens, clause, from, clause === tokens ? sentenceMentions : topicMentions(clause, ctx.lexicon, ctx.text), clauseDurations, at, ctx, state, drafts)
  }
  return drafts
}

/**
 * Read one clause: the stages in order, each a rule family.
 *
 * @param tokens The sentence's tokens.
 * @param clause The clause's tokens.
 * @param from Where the clause starts in `tokens`.
 * @param own The clause's own activities.
 * @param durations Its waits (token indexes into `tokens`).
 * @param at Where the sentence is and who says it.
 * @param ctx The block's context.
 * @param state The sentence state, read and updated.
 * @param drafts Where its drafts go.
 */
function readClause(
  tokens: Token[],
  clause: Token[],
  from: number,
  own: Mention[],
  durations: Duration[],
  at: Pick<Draft, 'start' | 'end' | 'speaker'>,
  ctx: BlockContext,
  state: SentenceState,
  drafts: Draft[]
): void {
  // 1. Topic: its own words, the clause before, "it", the heading.
  const topics = clauseTopics(clause, own, state, ctx, tokens)
  let mentions = topics.mentions
  const inherited = topics.inherited
  // 2. Stance: its own cues, the clause before, the lead.
  const relative = durations.map((d) => ({ ...d, first: d.first - from, last: d.last - from }))
  const ownStance = stanceOf(clause, relative, ctx.lexicon)
  let stance: Reading<Stance> | null = clauseStance(clause, ownStance, state, ctx)
  // 3. A plan under a timeline heading ("Day 2: 5-minute warm-up walk") lists what to do then.
  if (!stance && !inherited) {
    const plan = planOf(clause, mentions, ctx)
    if (plan) {
      mentions = [plan.mention]
      stance = plan.stance
    } else stance = directiveStart(clause, mentions, relative, ctx)
  }
  const figure = durations[0]
  // 4. Not a claim: a belief the text calls a myth; a borrowed clause with words of its own before its time.
  if (isDisputed(clause, ctx.lexicon)) {
    ctx.trace?.('not-a-claim/disputed', clause[0]!.start, clause.at(-1)!.end)
    return
  }
  if (isRhetorical(clause)) {
    ctx.trace?.('not-a-claim/rhetorical', clause[0]!.start, clause.at(-1)!.end)
    return
  }
  if (topics.source === 'topic/clause-before' && !ownStance && stance && state.stance && stance.value === state.stance.value && figure && !elliptical(tokens, from, figure.first)) {
    ctx.trace?.('not-a-claim/adds-time-only', clause[0]!.start, clause.at(-1)!.end)
    return
  }
  if (stance) state.stance = stance
  // 5. Time: its own duration, "until", the wait before, "now", the section.
  const ideal = relative.length > 1 && clause.slice(relative[0]!.last, relative[1]!.first).some((t) => idealWords.has(t.norm)) ? relative[1] : undefined
  let time = timeOf(clause, relative[0], stance?.value ?? null, ctx, state.figure, state.wait, ideal)
  if (figure) state.figure = figure
  if (!stance) return
  // 6. The activities the vocabulary does not list, then those an allowed cue is about.
  const unlisted: Mention[] = topics.source !== undefined ? [] : unlistedMentions(clause, stance.value, mentions, ctx.lexicon, !ownStance && ctx.ledStance !== undefined, relative)
  if (mentions.length === 0 && unlisted.length === 0) return
  if (!inherited && stance.value === 'allowed') mentions = allowedObjects(clause, mentions, ctx)
  // 7. No time yet: "longer" than the figure before, or a claim with no number.
  let untimed = false
  if (!time) {
    // "no longer feels sensitive" is no comparison.
    const isLonger = clause.some((t, i) => t.norm === longer && clause[i - 1]?.norm !== 'no')
    // "the skin calms around 48 hours, so that's when … If it takes longer, wait a little longer": the last wait of the block.
    const base = state.figure ?? (state.wait?.min != null ? { min: state.wait.min, top: state.wait.max ?? state.wait.min } : undefined)
    // "leave it slightly longer": longer than the figure before it; with no figure, longer than nothing stated.
    if (isLonger && !base) {
      ctx.trace?.('not-a-claim/longer-without-figure', clause[0]!.start, clause.at(-1)!.end)
      return
    }
    if (base && isLonger && stance.value === 'avoid') {
      time = { value: { min: base.top ?? base.min, max: null, text: longer }, rules: ['time/longer'] }
    } else {
      // "You should also skip saunas": the wait of the claim before, for the activities "avoid X" would be about.
      const carried = stance.value === 'avoid' ? carriedTime(clause, state.claim ?? ctx.before, ctx, at.start) : undefined
      const open = openWait(clause, stance.value, inherited && topics.source !== undefined, ctx, unlisted.length > 0, carried !== undefined, tokens)
      if (open) {
        untimed = open.untimed === true
        time = carried ?? open.wait
        if (!inherited) mentions = mentions.filter((m) => open.topics.has(m.topic))
        if (!open.unlisted) unlisted.length = 0
      }
    }
  }
  // An unlisted activity needs a time: "avoid X" alone names no activity the editor can place.
  if (time) mentions = [...mentions, ...unlisted]
  if (!time || mentions.length === 0) return
  // 8. Condition, and one claim per activity.
  for (const mention of mentions) {
    const { condition, rule } = conditionOf(clause, ctx.lexicon, mention, inherited)
    const rules: RuleId[] = [topics.source ?? mention.rule, ...stance.rules, ...time.rules]
    if (rule) rules.push(rule)
    drafts.push({ topic: mention.topic, activity: mention.activity, ...(mention.unlisted ? { unlisted: true as const } : {}), ...(untimed ? { untimed: true as const } : {}), stance: stance.value, wait: time.value, condition, ...at, rules })
  }
  if (time.value.min !== null) state.wait = time.value
}
