/**
 * The order in which the rules are asked, in one place: document → block →
 * sentence → clause. Each stage is a function of its rule family's module;
 * this module only decides what is asked when and what is handed on.
 *
 * - **Document** ({@link readDocument}): headings open sections (their time,
 *   `timeline/section`; their activities, `topic/heading`, for the first
 *   block under them); a lead (`lead-ins/…`) gives its blocks a stance and a time.
 * - **Block** ({@link readBlock}): blocks and sentences that cannot make a
 *   claim (no activity, no cue) are skipped before any tokenizing, but kept
 *   for a later "it" (`topic/refers-back`); questions make no claim
 *   (`not-a-claim/question`); an overlong sentence is read in pieces
 *   (`clauses/long-sentence`); a sentence about a third person makes none
 *   (`not-a-claim/third-person`); a sentence that makes none may apply the
 *   claim before it (`same-rule/applies`).
 * - **Sentence** ({@link readSentence}): its waits (`not-a-claim/frequency`,
 *   `…/lasting`, `…/before-treatment` rule the others out), its clauses
 *   (`clauses/…`), each read in order with one {@link SentenceState}.
 * - **Clause** ({@link readClause}): topic → stance → plan → myth and
 *   added-time checks → time → objects of an allowed cue → "longer" and
 *   claims with no number → condition. One claim per activity; a claim that
 *   repeats one of the same sentence is dropped.
 *
 * Adding a rule: put it in its family's module with its doc and examples in
 * `rules/<family>.ts`, and call it here at its place in the order. A source
 * of activities outside the vocabulary is one more step of the topic stage
 * (`clauseTopics`, whose mentions carry the rule that found them); it must
 * also widen the two cheap tests that skip text before any tokenizing, or
 * it never sees its sentences: `lexicon.mayNameActivity` in
 * {@link readBlock} and the `refers` test of `mayClaim` both ask for a
 * vocabulary activity word or a pronoun.
 */
import type { Block } from '../parse/blocks.ts'
import { toBlocks } from '../parse/blocks.ts'
import { splitSentences } from '../parse/sentences.ts'
import type { Stance } from '../schema.ts'
import { pieces, splitClauses } from './clauses.ts'
import { conditionOf } from './condition.ts'
import { findDurations, type Duration } from './duration.ts'
import { demonstratives, freeWord, idealWords, longer, pronouns, timeHints, timeOff } from './grammar.ts'
import { readLead, type Lead } from './lead-ins.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import { aboutThirdPerson, elliptical, isDisputed, isQuestion, isRhetorical, isWait, rejectionAt } from './not-a-claim.ts'
import { planOf } from './plans.ts'
import type { RuleId } from './rules/index.ts'
import { sameRule } from './same-rule.ts'
import { findQuotes, speakerAt } from './speakers.ts'
import { clauseStance, stanceOf } from './stance.ts'
import { Antecedents, blockState, startSentence, type BlockContext, type Draft, type Mention, type Reading, type SentenceState, type Trace } from './state.ts'
import { carriedTime, openWait, timeOf } from './time.ts'
import { timelineOf, type Timeline } from './timeline.ts'
import { dropTitles, titleEndOf, type BlockRecord } from './titles.ts'
import { tokenize, type Token } from './tokens.ts'
import { allowedObjects, clauseTopics, topicMentions } from './topic.ts'
import { unlistedMentions } from './unlisted.ts'

/**
 * Read every block of a document and return its drafts, in the order found.
 *
 * @param text The file's full text.
 * @param bodyStart Where the article body starts (blocks before it are front matter).
 * @param lexicon The compiled vocabulary.
 * @param trace Told of the rules that rule something out or structure the text (optional).
 * @returns The drafts.
 */
export function readDocument(text: string, bodyStart: number, lexicon: Lexicon, trace?: Trace): Draft[] {
  const blocks = toBlocks(text).filter((b) => b.start >= bodyStart)
  const quotes = findQuotes(blocks, text)
  const drafts: Draft[] = []
  const headings: Array<{ level: number; timeline: Timeline | undefined }> = []
  const previous = new Antecedents(lexicon, text)
  // The activities of the heading right above, for the first block under it.
  let context: Mention[] | undefined
  // What leads the blocks being read (a table's header row, a list's lead-in) and what it says.
  let lead: Block | undefined
  let led: Lead | undefined
  // Where each block's drafts are, for the titles rule.
  const records: BlockRecord[] = []
  // The last claim of the section so far (`time/carried`); a heading starts a new section.
  let before: Draft | undefined
  // A page that never names a day 0 counts the treatment day as day 1 (`timeline/day-one`).
  const dayOne = !dayZero.test(text)
  for (const block of blocks) {
    if (block.kind === 'heading') {
      before = undefined
      const tokens = tokenize(block.text, block.start)
      const timeline = timelineOf(tokens, text, dayOne)
      // A plain-text heading line with no time ("Cleansing") is a sub-heading of the named phase above it ("The first phase (0–48 hours)").
      const sub = block.level === plainHeadingLevel && !timeline
      while (headings.length > 0 && headings.at(-1)!.level >= block.level && !(sub && headings.at(-1)!.timeline?.phase)) headings.pop()
      headings.push({ level: block.level, timeline })
      context = topicMentions(tokens, lexicon, text)
      // A heading opens a section: its "these" points to the list below it, not to the text above.
      previous.set([])
      const from = drafts.length
      readBlock(block, { previous, lexicon, text, quotes, heading: true, timeline: undefined, timelineRule: undefined, context: undefined, trace }, drafts)
      records.push({ from, to: drafts.length, heading: true, titleEnd: undefined })
      previous.set(context)
      continue
    }
    let timeline: Timeline | undefined
    for (let h = headings.length - 1; h >= 0 && !timeline; h--) timeline = headings[h]!.timeline
    let timelineRule: RuleId | undefined = timeline ? 'timeline/section' : undefined
    let ledStance: Stance | undefined
    let ledRule: RuleId | undefined
    // A run-in label with a time at the start of a block ("Days 3–5: Some flaking. Don't pick.") is a timeline for the whole block.
    const label = labelOf(block, text, dayOne)
    if (label) {
      timeline = label.timeline
      timelineRule = 'timeline/label'
    }
    if (block.lead) {
      if (block.lead !== lead) {
        lead = block.lead
        led = readLead(lead, text, lexicon, dayOne)
      }
      ledStance = led!.stance
      ledRule = led!.rule
      if (led!.timeline) {
        timeline = led!.timeline
        timelineRule = 'lead-ins/time'
      }
    }
    const count = drafts.length
    readBlock(block, { previous, lexicon, text, quotes, heading: false, timeline, timelineRule, context, listItem: block.listItem, ledStance, ledRule, trace, before, blockText: block.text, blockStart: block.start, labelEnd: label?.end }, drafts)
    if (drafts.length > count) before = drafts.at(-1)
    records.push({ from: count, to: drafts.length, heading: false, titleEnd: drafts.length > count ? titleEndOf(block.text, block.start, splitSentences(block.text).length) : undefined })
    context = undefined
  }
  // A title's claim the text below restates with a number says nothing more (`not-a-claim/title`).
  return dropTitles(drafts, records, trace)
}

/** A page that names a day 0 ("Day 0 — rest") counts the treatment day as day 0. */
const dayZero = /\bday[\s-]*(?:0|zero)\b/i

/** The level of a plain-text heading line (see `parse/blocks.ts`). */
const plainHeadingLevel = 7

/** The most tokens a run-in label may have before its colon ("• Days 3 to 5:"). */
const maxLabelTokens = 10

/**
 * A run-in label with a time at the start of a block ("Days 1–2: Your brows
 * may look darker. Avoid touching them.", "• 72 hours to 1 week: resume
 * workouts"): its time is a timeline for every sentence of the block
 * (`timeline/label`), a window as a timeline heading's is, not the first
 * sentence's own duration.
 *
 * @param block The block.
 * @param text The source's full text.
 * @param dayOne Whether day numbers count the treatment day as day 1.
 * @returns The label's time and where the label ends, or `undefined`.
 */
function labelOf(block: Block, text: string, dayOne: boolean): { timeline: Timeline; end: number } | undefined {
  const colon = block.text.indexOf(':')
  if (colon === -1 || colon > 60) return undefined
  const tokens = tokenize(block.text.slice(0, colon), block.start)
  if (tokens.length === 0 || tokens.length > maxLabelTokens) return undefined
  const timeline = timelineOf(tokens, text, dayOne)
  return timeline ? { timeline, end: block.start + colon + 1 } : undefined
}

/**
 * Read one block: its sentences, each in pieces of bounded length.
 *
 * @param block The block.
 * @param blockContext What the block says to its clauses.
 * @param out Where its drafts go.
 */
function readBlock(block: Block, blockContext: BlockContext, out: Draft[]): void {
  const previous = blockContext.previous
  // The same two tests as for each sentence below, once for the whole block first.
  if (!blockContext.context && !blockContext.lexicon.mayNameActivity.test(block.text) && !mayNameUnlisted(block.text, blockContext)) return
  if (!needsNoCue(blockContext) && !blockContext.lexicon.mayGiveStance.test(block.text)) {
    previous.defer(block.text, block.start)
    return
  }
  const state = blockState()
  const sentences = splitSentences(block.text)
  // A plan item is one short line ("5-minute warm-up walk"), not an explanation.
  const single = sentences.length === 1
  const ctx = single ? blockContext : { ...blockContext, listItem: false }
  for (const [from, to] of sentences) {
    const sentence = block.text.slice(from, to)
    // Most prose names no activity: skip it before any tokenizing. (A lone
    // sentence is the block, tested above already.)
    if (!single && !ctx.context && !ctx.lexicon.mayNameActivity.test(sentence) && !mayNameUnlisted(sentence, ctx)) continue
    const offset = block.start + from
    // A question or a sentence with no cue makes no claim (a plan item needs none);
    // it may only name activities a later sentence refers to.
    const question = isQuestion(sentence)
    if (question || (!single && !needsNoCue(ctx) && !ctx.lexicon.mayGiveStance.test(sentence))) {
      if (question) ctx.trace?.('not-a-claim/question', offset, offset + sentence.length)
      previous.defer(sentence, offset)
      continue
    }
    const all = tokenize(sentence, offset)
    if (all.length === 0) continue
    const parts = pieces(all)
    if (parts.length > 1) ctx.trace?.('clauses/long-sentence', offset, offset + sentence.length)
    for (const tokens of parts) {
      const start = tokens[0]!.start
      const end = tokens === all ? offset + sentence.length : tokens.at(-1)!.end
      const mentions = topicMentions(tokens, ctx.lexicon, ctx.text)
      if (mayClaim(tokens, mentions, ctx)) {
        if (aboutThirdPerson(tokens)) ctx.trace?.('not-a-claim/third-person', start, end)
        else {
          const speaker = speakerAt(ctx.quotes, tokens[0]!.start) ?? speakerAt(ctx.quotes, tokens.at(-1)!.start)
          startSentence(state)
          let found = readSentence(tokens, mentions, { start, end, speaker }, ctx, state)
          if (found.length === 0 && state.claim) {
            found = sameRule(tokens, mentions, state.claim, { start, end, speaker }, ctx.lexicon)
            for (const d of found) if (d.wait.min !== null) state.wait = d.wait
          }
          if (found.length > 0) state.claim = found.at(-1)
          for (const draft of found) if (!repeats(out, draft)) out.push(draft)
        }
      }
      if (mentions.length > 0) previous.set(mentions)
    }
  }
}

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
function readSentence(tokens: Token[], sentenceMentions: Mention[], at: Pick<Draft, 'start' | 'end' | 'speaker'>, ctx: BlockContext, state: SentenceState): Draft[] {
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
  const topics = clauseTopics(clause, own, state, ctx)
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
    }
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
  if (!time) {
    const isLonger = clause.some((t) => t.norm === longer)
    // "leave it slightly longer": longer than the figure before it; with no figure, longer than nothing stated.
    if (isLonger && !state.figure) {
      ctx.trace?.('not-a-claim/longer-without-figure', clause[0]!.start, clause.at(-1)!.end)
      return
    }
    if (state.figure && isLonger && stance.value === 'avoid') {
      time = { value: { min: state.figure.top ?? state.figure.min, max: null, text: longer }, rules: ['time/longer'] }
    } else {
      // "You should also skip saunas": the wait of the claim before, for the activities "avoid X" would be about.
      const carried = stance.value === 'avoid' ? carriedTime(clause, state.claim ?? ctx.before, ctx, at.start) : undefined
      const open = openWait(clause, stance.value, inherited && topics.source !== undefined, ctx, unlisted.length > 0, carried !== undefined)
      if (open) {
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
    drafts.push({ topic: mention.topic, activity: mention.activity, ...(mention.unlisted ? { unlisted: true as const } : {}), stance: stance.value, wait: time.value, condition, ...at, rules })
  }
  if (time.value.min !== null) state.wait = time.value
}

/**
 * Whether a block may make claims with no cue of its own: a plan item under a
 * timeline heading ("Day 2: 5-minute warm-up walk"), or a block whose lead
 * gives the stance (a table row under "When it's safe").
 */
function needsNoCue(ctx: BlockContext): boolean {
  return (ctx.listItem === true && ctx.timeline !== undefined) || ctx.ledStance !== undefined
}

/**
 * Whether text with no vocabulary activity may still make a claim on one the
 * vocabulary does not list (`topic/unlisted`): it sits under a timeline or a
 * lead, or holds a time (a digit, a unit, "until").
 */
function mayNameUnlisted(text: string, ctx: BlockContext): boolean {
  return ctx.timeline !== undefined || ctx.ledStance !== undefined || ctx.lexicon.mayHoldTime.test(text)
}

/**
 * A cheap test before the full analysis: a sentence can only make a claim
 * when it names an activity (or can refer back to one) and has a cue.
 */
function mayClaim(tokens: Token[], mentions: Mention[], ctx: BlockContext): boolean {
  let cue = false
  let refers = mentions.length > 0 || (ctx.context !== undefined && ctx.context.length > 0) || ctx.timeline !== undefined || ctx.ledStance !== undefined
  for (const t of tokens) {
    // A time may come with an activity the vocabulary does not list (`topic/unlisted`).
    if (!refers && (pronouns.has(t.norm) || demonstratives.has(t.norm) || t.kind === 'number' || timeHints.has(t.norm))) refers = true
    if (!cue && (timeOff.has(t.norm) || t.norm === freeWord)) cue = true
  }
  if (!refers) return false
  if (cue || needsNoCue(ctx)) return true
  const matches = matchesOf(tokens, ctx.lexicon)
  return matches.stance.length > 0 || matches.negation.length > 0 || matches.same.length > 0
}

/**
 * Whether a draft says what one already found for the same sentence says
 * (same topic, condition, stance and wait). Drafts of a sentence are pushed
 * together, so only the last ones with the same start need a look.
 */
function repeats(out: Draft[], draft: Draft): boolean {
  for (let i = out.length - 1; i >= 0 && out[i]!.start === draft.start; i--) {
    const d = out[i]!
    if (d.topic === draft.topic && d.condition === draft.condition && d.stance === draft.stance && d.wait.min === draft.wait.min && d.wait.max === draft.wait.max) return true
  }
  return false
}

