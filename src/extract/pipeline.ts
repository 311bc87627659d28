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
 *   claim before it (`same-rule/applies`); an untimed avoid is held back
 *   and becomes a claim only when the next sentence gives its time
 *   (`same-rule/resumed-after`).
 * - **Sentence** (`readSentence` in `sentence.ts`): its waits
 *   (`not-a-claim/frequency`, `…/lasting`, `…/before-treatment` rule the
 *   others out), its clauses (`clauses/…`), each read in order with one
 *   `SentenceState`.
 * - **Clause** (`readClause` in `sentence.ts`): topic → stance → plan →
 *   myth, rhetorical and added-time checks → time → activities the
 *   vocabulary does not list (`topic/unlisted`) and the objects of an
 *   allowed cue → "longer", a carried wait or a claim with no number →
 *   condition. One claim per activity; a claim that repeats one of the
 *   same sentence is dropped.
 * - **Document, again**: a tip's title that the text after it restates with
 *   a number is dropped (`not-a-claim/title`, `titles.ts`).
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
import { pieces } from './clauses.ts'
import { demonstratives, freeWord, nowPhrases, phraseAt, pronouns, startWords, timeOff } from './grammar.ts'
import { readLead, type Lead } from './lead-ins.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import { aboutThirdPerson, isQuestion } from './not-a-claim.ts'
import type { RuleId } from './rules/index.ts'
import { resumedAfter, sameRule } from './same-rule.ts'
import { readSentence } from './sentence.ts'
import { findQuotes, speakerAt } from './speakers.ts'
import { Antecedents, blockState, startSentence, type BlockContext, type Draft, type Mention, type Trace } from './state.ts'
import { dayZero, labelOf, plainHeadingLevel, timelineOf, type Timeline } from './timeline.ts'
import { dropTitles, titleEndOf, untimedTitle, type BlockRecord } from './titles.ts'
import { tokenize, type Token } from './tokens.ts'
import { topicMentions } from './topic.ts'

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
  // The time of the last timeline heading, which a later one continues.
  let last: Timeline | undefined
  // A page that never names a day 0 counts the treatment day as day 1 (`timeline/day-one`).
  const dayOne = !dayZero.test(text)
  for (const block of blocks) {
    if (block.kind === 'heading') {
      before = undefined
      const tokens = tokenize(block.text, block.start)
      let timeline = timelineOf(tokens, text, dayOne)
      // "Week 1 …" then "Month 1 …": the later section runs on from where the one before ended (`timeline/sequence`).
      if (timeline && last && timeline.start < last.end.min && (timeline.end.max ?? Infinity) > last.end.min && timeline.end.min >= last.end.min) {
        timeline = { ...timeline, start: last.end.min, sequence: true }
      }
      if (timeline) last = timeline
      else if (!(block.level === plainHeadingLevel && headings.at(-1)?.timeline?.phase)) last = undefined
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
    const leads = block.text.trimEnd().endsWith(':')
    const open = drafts.slice(count).some((d) => (d.wait.min === null && d.stance === 'avoid') || (leads && untimedTitle(d)))
    records.push({ from: count, to: drafts.length, heading: false, titleEnd: open ? titleEndOf(block.text, block.start, splitSentences(block.text).length) : undefined, leads })
    context = undefined
  }
  // A title's claim the text below restates with a number says nothing more (`not-a-claim/title`).
  return dropTitles(drafts, records, trace)
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
  // The drafts of the sentence read last in the block (`same-rule/resumed-after`).
  let last: Draft[] = []
  const sentences = splitSentences(block.text)
  // A plan item is one short line ("5-minute warm-up walk"), not an explanation.
  const single = sentences.length === 1
  const ctx = single ? blockContext : { ...blockContext, listItem: false }
  for (const [from, to] of sentences) {
    const sentence = block.text.slice(from, to)
    // Most prose names no activity: skip it before any tokenizing. (A lone
    // sentence is the block, tested above already.)
    // Whether it may hold a time for an activity the vocabulary does not list: asked only when it names none.
    let hinted: boolean | undefined
    if (!single && !ctx.context && !ctx.lexicon.mayNameActivity.test(sentence)) {
      hinted = mayNameUnlisted(sentence, ctx)
      if (!hinted) continue
    }
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
      // Asked once per sentence, not once per piece of an overlong one (a 1 MiB "sentence" is thousands of pieces).
      if (hinted === undefined && mentions.length === 0) hinted = mayNameUnlisted(sentence, ctx)
      if (mayClaim(tokens, mentions, ctx, mentions.length === 0 && hinted === true)) {
        if (aboutThirdPerson(tokens)) ctx.trace?.('not-a-claim/third-person', start, end)
        else {
          const speaker = speakerAt(ctx.quotes, tokens[0]!.start) ?? speakerAt(ctx.quotes, tokens.at(-1)!.start)
          startSentence(state)
          let found = readSentence(tokens, mentions, { start, end, speaker }, ctx, state)
          if (found.length === 0 && state.claim) {
            found = sameRule(tokens, mentions, state.claim, { start, end, speaker }, ctx.lexicon)
            for (const d of found) if (d.wait.min !== null) state.wait = d.wait
          }
          // An untimed avoid is no claim unless the next sentence gives its time (`same-rule/resumed-after`).
          const untimed = found.filter((d) => d.untimed)
          found = found.filter((d) => !d.untimed)
          const resumed = resumedAfter(found, last)
          if (resumed) {
            for (const d of last) if (d.untimed) {
              delete d.untimed
              out.push(d)
            }
            found = resumed
          }
          if (found.length > 0) state.claim = found.at(-1)
          last = [...untimed]
          for (const draft of found) {
            if (repeats(out, draft)) continue
            out.push(draft)
            last.push(draft)
          }
        }
      }
      if (mentions.length > 0) previous.set(mentions)
    }
  }
}

/**
 * Whether a block may make claims with no cue of its own: a plan item under a
 * timeline heading ("Day 2: 5-minute warm-up walk"), or a block whose lead
 * gives the stance (a table row under "When it's safe").
 */
function needsNoCue(ctx: BlockContext): boolean {
  return (ctx.listItem === true && ctx.timeline !== undefined) || ctx.ledStance !== undefined || ctx.timelineRule === 'timeline/label'
}

/**
 * Whether text with no vocabulary activity may still make a claim on one the
 * vocabulary does not list (`topic/unlisted`): it sits under a timeline or a
 * lead, or holds a time (a digit, a unit, "until").
 */
function mayNameUnlisted(text: string, ctx: BlockContext): boolean {
  return ctx.timeline !== undefined || ctx.ledStance !== undefined || ctx.lexicon.mayHoldTime.test(text) || (ctx.before !== undefined && ctx.lexicon.mayCarry.test(text))
}

/**
 * A cheap test before the full analysis: a sentence can only make a claim
 * when it names an activity (or can refer back to one, or may hold a time
 * for one the vocabulary does not list: `hinted`) and has a cue.
 */
function mayClaim(tokens: Token[], mentions: Mention[], ctx: BlockContext, hinted: boolean): boolean {
  let cue = false
  let refers = hinted || mentions.length > 0 || (ctx.context !== undefined && ctx.context.length > 0)
  for (const t of tokens) {
    if (!refers && (pronouns.has(t.norm) || demonstratives.has(t.norm))) refers = true
    if (!cue && (timeOff.has(t.norm) || t.norm === freeWord || startWords.has(t.norm))) cue = true
  }
  if (!refers) return false
  if (cue || needsNoCue(ctx)) return true
  const matches = matchesOf(tokens, ctx.lexicon)
  if (matches.stance.length > 0 || matches.negation.length > 0 || matches.same.length > 0) return true
  // "Wash it with mild soap that evening" (`stance/directive-now`).
  return tokens.some((_, i) => phraseAt(tokens, i, nowPhrases) !== undefined)
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

