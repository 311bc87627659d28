/**
 * Claim extraction: from a source's text to claims with exact provenance.
 *
 * A claim is a statement that gives a wait after the procedure (or says no
 * wait is needed) for an activity. The rules are general English rules; the
 * words they look for come from the vocabulary:
 *
 * 1. The text is split into blocks (headings, paragraphs, list items), then
 *    sentences; a sentence is split into clauses at `;`, at contrast words
 *    ("but", "however", "whereas") and at a next step (", then"), and a
 *    clause holding two waits is split between them ("24–48 hours after a
 *    superficial session and up to 72 hours after a deep one").
 * 2. A clause makes one claim per topic it names when it has
 *    - a topic: its own activity words; else those of the clause before it in
 *      the sentence; else, when it says "it"/"them", those of the sentence
 *      before; else, in the first block under a heading, the heading's;
 *    - a stance: an `avoid` cue, a negated `allowed` cue ("it is not safe to")
 *      or a bare negation ("do not go swimming") → avoid; an `allowed` cue or
 *      a negated `avoid` cue ("no need to wait") → allowed. `avoid` wins when
 *      both appear. "can"/"may"/"could" count only with a person as subject
 *      ("you can", "patients may"), so "sweat can irritate" is no cue, or
 *      in a passive with the activity as subject ("Exercise can be resumed"). In a
 *      table row or list item that states none: that of the header row,
 *      the list's lead-in ("When it's safe": allowed; "Avoid the following
 *      for 48 hours:") or the heading right above the list when it states a
 *      stance and names no activity ("## What to avoid"), turned around by
 *      a negation. A heading never refers back to the text before it;
 *    - a time: its own duration; else "until …" (a wait with no number);
 *      else, for an allowed stance, "from this point", "after that" or a
 *      next step's "then" (the wait stated before); else "as usual"/"right
 *      away" for an allowed stance (no wait); else the time of the
 *      timeline heading it sits under; else, for "avoid X" with X the cue's
 *      object, a wait with no number, and for "you can X after the
 *      procedure" or "try X", no wait (see `openWait`).
 *    A short list item under a timeline heading that names an exercise-like
 *    activity with no cue is a plan: allowed from the section's start.
 * 3. Not claims: questions; durations that are not waits (preceded by
 *    "every", "per", "takes", "lasts"…, followed by "apart", "of", "per", or
 *    "before" the treatment; "10-minute walk"); for an allowed stance, "for
 *    <duration>" (how long to do it, not when); sentences about a third person
 *    ("she rests for 48 hours") with no "you" in them; headings without a
 *    time of their own; clauses that call what they say a myth; getting
 *    ready for the treatment ("stop it beforehand"); a clause that borrows
 *    topic and stance from the one before but has words of its own before
 *    its time ("…, and use SPF 50 for three months").
 * 4. Conditions: a procedure condition (superficial, deep, home) anywhere in
 *    the clause, else an activity condition (light, intense) right before or
 *    inside the activity's words.
 * 5. Speaker: a statement inside an expert's quoted words carries the
 *    expert's name (see `speakers.ts`).
 */
import { lineIndex } from '../lines.ts'
import { toBlocks, type Block } from '../parse/blocks.ts'
import { splitSentences } from '../parse/sentences.ts'
import type { Claim, Stance, Wait } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { findDurations, type Duration } from './duration.ts'
import { claimId } from './id.ts'
import { compileLexicon, matchesOf, type Lexicon, type PhraseMatch } from './lexicon.ts'
import { findQuotes, speakerAt, type QuoteRegion } from './speakers.ts'
import { timelineOf, type Timeline } from './timeline.ts'
import { tokenize, type Token } from './tokens.ts'

/** What extraction needs of a source. */
export interface SourceText {
  /** Source id (file name without `.md`). */
  id: string
  /** The file's full text: spans are offsets into it. */
  text: string
  /** Where the article body starts, after front matter (default: 0). */
  bodyStart?: number
}

const lexicons = new WeakMap<Vocabulary, Lexicon>()

/**
 * Extract every claim of a source.
 *
 * @param source The source's id and full text.
 * @param vocabulary The vocabulary (topics, cues, conditions).
 * @returns Fresh claims (`review: {status: unreviewed}`), sorted by position.
 * @example
 * extractClaims({id: 'a', text: 'Do not go swimming for at least 24 hours.'}, vocabulary)[0]
 * // {topic: 'swimming', stance: 'avoid', wait: {min: 24, max: 24, text: 'at least 24 hours'}, …}
 */
export function extractClaims(source: SourceText, vocabulary: Vocabulary): Claim[] {
  let lexicon = lexicons.get(vocabulary)
  if (!lexicon) {
    lexicon = compileLexicon(vocabulary)
    lexicons.set(vocabulary, lexicon)
  }
  const bodyStart = source.bodyStart ?? 0
  const blocks = toBlocks(source.text).filter((b) => b.start >= bodyStart)
  const quotes = findQuotes(blocks, source.text)
  const drafts: Draft[] = []
  const headings: Array<{ level: number; timeline: Timeline | undefined }> = []
  let context: Mention[] | undefined
  // What leads the blocks being read (a table's header row, a list's lead-in) and what it says for each.
  let lead: Block | undefined
  let leadStance: Stance | undefined
  let leadTimeline: Timeline | undefined
  const previous = new Antecedents(lexicon, source.text)
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (headings.length > 0 && headings.at(-1)!.level >= block.level) headings.pop()
      const tokens = tokenize(block.text, block.start)
      headings.push({ level: block.level, timeline: timelineOf(tokens, source.text) })
      context = topicMentions(tokens, lexicon, source.text)
      // A heading opens a section: its "these" points to the list below it, not to the text above.
      previous.set([])
      extractBlock(block, { previous, lexicon, text: source.text, quotes, heading: true, timeline: undefined, context: undefined }, drafts)
      previous.set(context)
      continue
    }
    let timeline: Timeline | undefined
    for (let h = headings.length - 1; h >= 0 && !timeline; h--) timeline = headings[h]!.timeline
    let ledStance: Stance | undefined
    if (block.lead) {
      if (block.lead !== lead) {
        lead = block.lead
        const tokens = tokenize(lead.text, lead.start)
        leadStance = stanceOf(tokens, [], lexicon) ?? undefined
        // A heading leads its list only as an introduction: a stance, no activity
        // of its own ("## What to avoid", "## Avoid these for 48 hours"). Any other
        // heading ("## Swimming", "## Recovery takes a week") titles the list.
        const introduces = lead.kind !== 'heading' || (leadStance !== undefined && topicMentions(tokens, lexicon, source.text).length === 0)
        if (!introduces) leadStance = undefined
        leadTimeline = introduces ? (timelineOf(tokens, source.text) ?? leadTime(tokens, source.text, lexicon, leadStance)) : undefined
      }
      ledStance = leadStance
      timeline = leadTimeline ?? timeline
    }
    extractBlock(block, { previous, lexicon, text: source.text, quotes, heading: false, timeline, context, listItem: block.listItem, ledStance }, drafts)
    context = undefined
  }
  return finish(drafts, source.text)
}

interface Mention {
  topic: string
  /** Token range of the activity words (including an activity condition right before them). */
  first: number
  last: number
  /** The source's words for the activity. */
  activity: string
  condition: string | null
}

interface Draft {
  topic: string
  activity: string
  stance: Stance
  wait: Wait
  condition: string | null
  speaker: string | null
  start: number
  end: number
}

interface BlockContext {
  /** Topics of the last sentence that named any, across blocks until the next heading ("it's best avoided"). */
  previous: Antecedents
  lexicon: Lexicon
  text: string
  quotes: QuoteRegion[]
  heading: boolean
  timeline: Timeline | undefined
  context: Mention[] | undefined
  /** The block is a list item (a plan under a timeline heading lists what to do). */
  listItem?: boolean
  /**
   * The stance of what leads the block (a table's header row, "When it's
   * safe": allowed; a list's lead-in, "Avoid the following for 48 hours:"),
   * for the clauses of the block that state none ("Same day").
   */
  ledStance?: Stance
}

/**
 * The activities a pronoun may refer back to: those of the last sentence
 * that named any. Most sentences that name an activity make no claim (no
 * cue); they are kept as text and only read when a later sentence refers
 * back, so prose costs a regular expression test, not an analysis.
 */
class Antecedents {
  private topics: Mention[] = []
  /** Text (sentences or whole blocks) after the sentence `topics` came from, in order, not yet read. */
  private pending: Array<{ text: string; offset: number }> = []

  constructor(
    private readonly lexicon: Lexicon,
    private readonly text: string
  ) {}

  /** A sentence read in full: its mentions, when it has any, are now the last. */
  set(mentions: Mention[]): void {
    this.topics = mentions
    this.pending.length = 0
  }

  /** Text that may name activities, read only when needed. */
  defer(text: string, offset: number): void {
    this.pending.push({ text, offset })
  }

  /** The activities of the last sentence that named any. */
  get(): Mention[] {
    for (let k = this.pending.length - 1; k >= 0; k--) {
      const { text, offset } = this.pending[k]!
      // Most deferred text only said "it": no activity of its own.
      if (!this.lexicon.mayNameTopic.test(text)) continue
      const sentences = splitSentences(text)
      for (let i = sentences.length - 1; i >= 0; i--) {
        const [from, to] = sentences[i]!
        const sentence = text.slice(from, to)
        if (sentences.length > 1 && !this.lexicon.mayNameTopic.test(sentence)) continue
        const parts = pieces(tokenize(sentence, offset + from))
        for (let p = parts.length - 1; p >= 0; p--) {
          const mentions = topicMentions(parts[p]!, this.lexicon, this.text)
          if (mentions.length > 0) {
            this.set(mentions)
            return mentions
          }
        }
      }
    }
    this.pending.length = 0
    return this.topics
  }
}

const pronouns = new Set(['it', 'them', "it's"])
// "these habits", "those products": refer back only when the clause has a real cue.
const demonstratives = new Set(['these', 'those'])
// "from this point", "after that": the wait stated before (in this sentence or the ones before it in the block).
const anaphoricTimes = [['from', 'this', 'point'], ['from', 'that', 'point'], ['at', 'this', 'point'], ['at', 'that', 'point'], ['from', 'then'], ['after', 'that'], ['by', 'then'], ['from', 'there']]
/** How far after an avoid cue (in tokens) its object may start, for a claim with no time. */
const objectWindow = 10
const thirdPerson = new Set(['she', 'he', 'her', 'his', 'him'])
const secondPerson = new Set(['you', 'your', "you're", "you'll", "you've", 'yourself'])
const contrast = new Set(['but', 'however', 'whereas', 'although', 'though', 'except', 'because'])
// After a comma these start a reason or result, not more advice: ", as sweat stings", ", so stay out".
const reasons = new Set(['as', 'so', 'since'])
// Words that open a clause giving a reason (split at "because" anywhere, at the others after a comma).
const reasonStarts = new Set(['because', 'as', 'since'])
const modals = new Set(['can', 'could', 'may'])
/** Labels of an item that gives examples of the one before ("Options: cycling, brisk walking"), not a plan of its own. */
const exampleLabels = new Set(['examples', 'example', 'options'])
const relativeWords = new Set(['that', 'which', 'who'])
// Negations that give an order ("do not swim"), unlike "you won't lose fitness".
const directiveNegations = new Set(["don't", 'do', 'never', 'must', "mustn't", 'should', "shouldn't", "can't", 'cannot', 'dont'])
const unitWords = new Set(['hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months'])
const conditionalWords = new Set(['if', 'unless', 'whether'])
const questionWords = new Set(['if', 'whether', 'when', 'how'])
// Words that open a condition: "if you sweat a lot", "If it is still red after 48 hours, then …".
const conditionWords = new Set(['if', 'unless', 'once', 'when', 'whenever'])
// Allowed cues that describe the activity before them ("workouts are okay") as well as after ("safe to swim").
const adjectiveCues = new Set(['okay', 'ok', 'fine', 'safe', 'allowed', 'plenty', 'usual', 'normal', 'on'])
/** How far after an allowed cue (in tokens) the activity it allows may start. */
const allowedWindow = 12
/** The same after "can"/"may": the verb and its object follow at once ("you can go to the gym"). */
const modalWindow = 5
// Allowed cues that are verbs: they need the activity as their object ("return to the gym").
const verbCues = new Set(['start', 'return', 'returning', 'resume', 'introduce', 'introducing', 'reintroduce', 'add'])
const subjects = new Set(['you', 'they', 'patients', 'clients', 'people', 'we', 'i', 'one', 'most', 'many', 'patient', 'client', 'everyone', 'anyone'])
const notWaitBefore = new Set(['every', 'each', 'per', 'once', 'twice', 'last', 'lasts', 'lasting', 'lasted', 'takes', 'take', 'took', 'taking', 'spaced', 'ago'])
const notWaitAfter = new Set(['apart', 'ago', 'per', 'of', 'later', 'old', 'long', 'beforehand', 'prior', 'earlier'])
const frequencyUnits = new Set(['day', 'week', 'month', 'year'])
// Imperatives that recommend doing the activity now.
const imperativeCues = new Set(['try', 'choose', 'opt'])
const leadingWords = new Set(['instead', 'then', 'also', 'so', 'and', 'or', 'just', 'simply'])
const nowCues = [['at', 'any', 'point'], ['any', 'time'], ['anytime'], ['same', 'evening'], ['that', 'evening'], ['this', 'evening'], ['first', 'evening'], ['tonight'], ['as', 'usual'], ['as', 'normal'], ['right', 'away'], ['straight', 'away'], ['immediately'], ['same', 'day'], ['right', 'after'], ['straight', 'after']]

/**
 * A "sentence" longer than this many tokens is not prose (a run-on list, a
 * pasted table, hostile input): it is read in pieces of at most this size,
 * cut at the last punctuation, so every later step works on bounded input.
 */
const maxSentenceTokens = 160

function extractBlock(block: Block, blockContext: BlockContext, out: Draft[]): void {
  const state = blockContext.previous
  // The same two tests as for each sentence below, once for the whole block first.
  if (!blockContext.context && !blockContext.lexicon.mayNameActivity.test(block.text)) return
  if (!needsNoCue(blockContext) && !blockContext.lexicon.mayGiveStance.test(block.text)) {
    state.defer(block.text, block.start)
    return
  }
  let previousWait: Wait | undefined
  let lastClaim: Draft | undefined
  const sentences = splitSentences(block.text)
  // A plan item is one short line ("5-minute warm-up walk"), not an explanation.
  const single = sentences.length === 1
  const ctx = single ? blockContext : { ...blockContext, listItem: false }
  for (const [from, to] of sentences) {
    const sentence = block.text.slice(from, to)
    // Most prose names no activity: skip it before any tokenizing. (A lone
    // sentence is the block, tested above already.)
    if (!single && !ctx.context && !ctx.lexicon.mayNameActivity.test(sentence)) continue
    const offset = block.start + from
    // A question or a sentence with no cue makes no claim (a plan item needs none);
    // it may only name activities a later sentence refers to.
    if (isQuestion(sentence) || (!single && !needsNoCue(ctx) && !ctx.lexicon.mayGiveStance.test(sentence))) {
      state.defer(sentence, offset)
      continue
    }
    const all = tokenize(sentence, offset)
    if (all.length === 0) continue
    for (const tokens of pieces(all)) {
      const start = tokens[0]!.start
      const end = tokens === all ? offset + sentence.length : tokens.at(-1)!.end
      const mentions = topicMentions(tokens, ctx.lexicon, ctx.text)
      if (mayClaim(tokens, mentions, ctx) && !aboutThirdPerson(tokens)) {
        const speaker = speakerAt(ctx.quotes, tokens[0]!.start) ?? speakerAt(ctx.quotes, tokens.at(-1)!.start)
        let found = extractSentence(tokens, mentions, start, end, ctx, () => state.get(), speaker, previousWait)
        if (found.length === 0 && lastClaim) found = sameRule(tokens, mentions, lastClaim, { start, end, speaker }, ctx.lexicon)
        if (found.length > 0) lastClaim = found.at(-1)
        for (const d of found) if (d.wait.min !== null) previousWait = d.wait
        for (const draft of found) if (!repeats(out, draft)) out.push(draft)
      }
      if (mentions.length > 0) state.set(mentions)
    }
  }
}

/**
 * A statement that applies the claim before it to other activities ("Hot
 * yoga falls under the same rule", "The same goes for hot tubs"): that
 * claim's stance and wait for each activity it names. Nothing when it names
 * none, or negates ("swimming is not under the same rule").
 */
function sameRule(tokens: Token[], mentions: Mention[], before: Draft, at: Pick<Draft, 'start' | 'end' | 'speaker'>, lexicon: Lexicon): Draft[] {
  const matches = matchesOf(tokens, lexicon)
  if (matches.same.length === 0 || matches.negation.length > 0) return []
  return mentions.map((m) => ({ topic: m.topic, activity: m.activity, stance: before.stance, wait: { ...before.wait }, condition: m.condition, ...at }))
}

/**
 * The activities a clause advises on: not one that only sets a condition
 * ("Avoid the gym for two days, and wear a headband if you sweat a lot";
 * "If you exercise, skip the sauna") when the clause names another. An
 * activity named only in the condition stays ("If you want to swim, wait a
 * week").
 */
function advised(clause: Token[], mentions: Mention[]): Mention[] {
  if (mentions.length < 2) return mentions
  const kept = mentions.filter((m) => !inCondition(clause, m.first))
  return kept.length > 0 ? kept : mentions
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
 * Whether a block may make claims with no cue of its own: a plan item under a
 * timeline heading ("Day 2: 5-minute warm-up walk"), or a block whose lead
 * gives the stance (a table row under "When it's safe").
 */
function needsNoCue(ctx: BlockContext): boolean {
  return (ctx.listItem === true && ctx.timeline !== undefined) || ctx.ledStance !== undefined
}

/** Whether a sentence ends with a question mark (closing quotes and brackets after it aside). */
function isQuestion(sentence: string): boolean {
  let i = sentence.length - 1
  while (i >= 0 && closingMarks.has(sentence[i]!)) i--
  return sentence[i] === '?'
}

const closingMarks = new Set(['"', '”', '’', ')'])

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

/** Split an overlong token list into pieces of at most {@link maxSentenceTokens}, at punctuation. */
function pieces(tokens: Token[]): Token[][] {
  if (tokens.length <= maxSentenceTokens) return [tokens]
  const out: Token[][] = []
  let from = 0
  while (from < tokens.length) {
    let to = Math.min(tokens.length, from + maxSentenceTokens)
    if (to < tokens.length) {
      for (let i = to - 1; i > from + maxSentenceTokens / 2; i--) {
        if (tokens[i]!.kind === 'punct' && /[,;:.!?]/.test(tokens[i]!.norm)) {
          to = i + 1
          break
        }
      }
    }
    out.push(tokens.slice(from, to))
    from = to
  }
  return out
}

/**
 * A cheap test before the full analysis: a sentence can only make a claim
 * when it names an activity (or can refer back to one) and has a cue.
 */
function mayClaim(tokens: Token[], mentions: Mention[], ctx: BlockContext): boolean {
  let cue = false
  let refers = mentions.length > 0 || (ctx.context !== undefined && ctx.context.length > 0)
  for (const t of tokens) {
    if (!refers && (pronouns.has(t.norm) || demonstratives.has(t.norm))) refers = true
    if (!cue && (t.norm === 'off' || t.norm === 'before')) cue = true
  }
  if (!refers) return false
  if (cue || needsNoCue(ctx)) return true
  const matches = matchesOf(tokens, ctx.lexicon)
  return matches.stance.length > 0 || matches.negation.length > 0 || matches.same.length > 0
}

/** A sentence about a third person ("She rests for 48 hours"): its subject is he/she, and it never says "you". */
function aboutThirdPerson(tokens: Token[]): boolean {
  let words = 0
  let third = false
  for (const t of tokens) {
    if (secondPerson.has(t.norm)) return false
    if (t.kind === 'word' && words++ < 3 && thirdPerson.has(t.norm)) third = true
  }
  return third
}

/** Every topic mention in tokens, first per topic, with its activity condition. */
function topicMentions(tokens: Token[], lexicon: Lexicon, text: string): Mention[] {
  const { ignore, topics, procedures, conditions } = matchesOf(tokens, lexicon)
  const mentions: Mention[] = []
  for (const m of topics) {
    // Part of a phrase that is not the activity ("alcohol wipes").
    if (ignore.length > 0 && ignore.some((x) => x.first <= m.first && x.last >= m.last)) continue
    // A procedure's name ("chemical peel") is not an activity.
    if (procedures.length > 0 && procedures.some((p) => p.first <= m.first && p.last >= m.last && p.last - p.first > m.last - m.first)) continue
    // "non-exfoliating" names what is fine, not the activity.
    if (tokens[m.first - 1]?.norm === '-' && tokens[m.first - 2]?.norm === 'non') continue
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
    mentions.push({ topic: m.value, first, last: m.last, activity: text.slice(tokens[first]!.start, tokens[m.last - 1]!.end), condition })
  }
  return mentions
}

/** Extract the claims of one sentence (`sentenceMentions`: its topic mentions, read already). */
function extractSentence(
  tokens: Token[],
  sentenceMentions: Mention[],
  start: number,
  end: number,
  ctx: BlockContext,
  previousTopics: () => Mention[],
  speaker: string | null,
  previousWait: Wait | undefined
): Draft[] {
  const drafts: Draft[] = []
  const durations = findDurations(tokens).filter((d) => isWait(tokens, d, ctx.lexicon))
  let inheritedTopics: Mention[] = []
  let inheritedStance: Stance | null = null
  let lastFigure: Duration | undefined
  // The last wait stated so far, in this sentence or the ones before in the block: "then …" and "after that" start from it.
  let lastWait = previousWait
  let nextDuration = 0
  for (const [from, to] of splitClauses(tokens, durations)) {
    const clause = from === 0 && to === tokens.length ? tokens : tokens.slice(from, to)
    while (nextDuration < durations.length && durations[nextDuration]!.first < from) nextDuration++
    const clauseDurations: Duration[] = []
    for (let k = nextDuration; k < durations.length && durations[k]!.last <= to; k++) clauseDurations.push(durations[k]!)
    let mentions = advised(clause, clause === tokens ? sentenceMentions : topicMentions(clause, ctx.lexicon, ctx.text))
    const inherited = mentions.length === 0
    if (inherited) {
      if (inheritedTopics.length > 0) mentions = inheritedTopics
      else if (refersBack(clause, ctx.lexicon) && previousTopics().length > 0) {
        // "avoid them", "these habits": every activity named before; "it": the last one.
        const before = previousTopics()
        mentions = clause.some((t) => t.norm === 'it' || t.norm === "it's") ? before.slice(-1) : before
      }
      else if (ctx.context && ctx.context.length > 0) mentions = ctx.context
    } else inheritedTopics = mentions
    // "…, then train as usual": a next step states its own stance, it does not carry on the
    // one before; nor does a reason ("…, because stretching the mouth can move the filler").
    const freshStance = clause[0]!.norm === 'then' || reasonStarts.has(clause[0]!.norm)
    const ownStance = stanceOf(clause, clauseDurations.map((d) => ({ ...d, first: d.first - from, last: d.last - from })), ctx.lexicon)
    let stance: Stance | null = ownStance ?? (freshStance ? null : inheritedStance) ?? ledStanceOf(clause, ctx)
    // A plan under a timeline heading ("Day 2: 5-minute warm-up walk") lists what to do then.
    const examples = exampleLabels.has(clause[0]!.norm) && clause[1]?.norm === ':'
    if (!stance && !inherited && ctx.listItem && ctx.timeline && !examples && !clause.some((t) => modals.has(t.norm) || t.norm === 'will' || t.norm === 'should')) {
      // The item's head activity only: "cycling … with minimal facial sweat" plans cycling.
      const head = mentions[0]
      if (head && planTopic(ctx.lexicon, head.topic)) {
        mentions = [head]
        stance = 'allowed'
      }
    }
    const figure = clauseDurations[0]
    // "There is a myth that you can't wash your face": a belief the text disputes, not its advice.
    if (matchesOf(clause, ctx.lexicon).disputed.length > 0) continue
    // "Avoid X for a week, and use SPF 50 for three months": a clause that takes both
    // topic and stance from the one before only adds a time ("and 72 hours after a deep
    // one"); with words of its own before that time, it is another instruction.
    if (inherited && mentions === inheritedTopics && !ownStance && stance && stance === inheritedStance && figure && !elliptical(tokens, from, figure.first)) continue
    if (stance) inheritedStance = stance
    let time = timeOf(clause, figure ? { ...figure, first: figure.first - from, last: figure.last - from } : undefined, stance, ctx, lastFigure, lastWait)
    if (figure) lastFigure = figure
    if (!stance || mentions.length === 0) continue
    if (!inherited && stance === 'allowed') mentions = allowedObjects(clause, mentions, ctx.lexicon)
    if (!time) {
      const longer = clause.some((t) => t.norm === 'longer')
      // "leave it slightly longer": longer than the figure before it; with no figure, longer than nothing stated.
      if (longer && !lastFigure) continue
      if (lastFigure && longer && stance === 'avoid') {
        time = { min: lastFigure.top ?? lastFigure.min, max: null, text: 'longer' }
      } else {
        const open = openWait(clause, stance, inherited, ctx)
        if (open) {
          time = open.wait
          if (!inherited) mentions = mentions.filter((m) => open.topics.has(m.topic))
        }
      }
    }
    if (!time || mentions.length === 0) continue
    const procedureCondition = conditionOfClause(clause, ctx.lexicon)
    for (const mention of mentions) {
      drafts.push({
        topic: mention.topic,
        activity: mention.activity,
        stance,
        wait: time,
        condition: procedureCondition ?? (inherited ? activityConditionOf(clause, ctx.lexicon, mention.topic) ?? mention.condition : mention.condition),
        speaker,
        start,
        end
      })
    }
    if (time.min !== null) lastWait = time
  }
  return drafts
}

/**
 * The time a lead-in states anywhere, not only at its start as a timeline
 * heading does ("Avoid the following for 48 hours:"): its first wait; for
 * an allowed lead-in with no wait, "straight away", "as usual"… (no wait).
 */
function leadTime(tokens: Token[], text: string, lexicon: Lexicon, stance: Stance | undefined): Timeline | undefined {
  const wait = findDurations(tokens).find((d) => isWait(tokens, d, lexicon))
  if (wait) return timelineOf(tokens.slice(wait.first), text)
  // "What you can do straight away": no wait.
  const now = stance === 'allowed' ? nowCueOf(tokens) : undefined
  return now ? { start: 0, end: { min: 0, max: 0 }, text: text.slice(now.start, now.end) } : undefined
}

/** Where tokens say "now" ("straight away", "as usual", "same day"…): the offsets of the first such words. */
function nowCueOf(tokens: Token[]): { start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const cue = phraseAt(tokens, i, nowCues)
    if (cue) return { start: tokens[i]!.start, end: tokens[i + cue.length - 1]!.end }
  }
  return undefined
}

/** The first of a few fixed word sequences that the tokens spell from index `i`. */
function phraseAt(tokens: Token[], i: number, phrases: string[][]): string[] | undefined {
  return phrases.find((words) => words.every((w, k) => tokens[i + k]?.norm === w))
}

/**
 * The stance a clause takes from what leads its block when it states none:
 * the lead's ("When it's safe" + "Same day": allowed), turned around by a
 * negation ("Not until fully healed": avoid).
 */
function ledStanceOf(clause: Token[], ctx: BlockContext): Stance | null {
  if (!ctx.ledStance) return null
  if (matchesOf(clause, ctx.lexicon).negation.length === 0) return ctx.ledStance
  return ctx.ledStance === 'allowed' ? 'avoid' : 'allowed'
}

function isRef(t: Token | undefined): boolean {
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
    if (clause.slice(c.last, c.last + 3).some(isRef)) return true
    const word = clause[c.last - 1]!.norm
    if ((word === 'avoided' || adjectiveCues.has(word)) && clause.slice(Math.max(0, c.first - 3), c.first).some(isRef)) return true
  }
  return false
}

/** Whether a duration is a wait, judged by the words around it. */
function isWait(tokens: Token[], d: Duration, lexicon: Lexicon): boolean {
  if (d.min === null) return false
  const next = tokens[d.last]
  // "take a day or two off" is a wait, "takes 15 minutes" is not.
  if (next?.norm !== 'off') for (let i = Math.max(0, d.first - 2); i < d.first; i++) if (notWaitBefore.has(tokens[i]!.norm)) return false
  if (next && notWaitAfter.has(next.norm)) return false
  if (next && (next.norm === 'a' || next.norm === 'per') && frequencyUnits.has(tokens[d.last + 1]?.norm ?? '')) return false
  // "10-minute walk": a duration used as an adjective.
  const second = tokens[d.first + 1]
  if (second && second.norm === '-' && second.start === tokens[d.first]!.end && d.last - d.first === 3 && /^min/.test(tokens[d.first + 2]!.norm)) return false
  // "three weeks before race day": before the treatment, not after it.
  if (next?.norm === 'before' && !(tokens[d.last + 1]?.norm === 'and' && tokens[d.last + 2]?.norm === 'after')) {
    for (let i = d.last + 1; i < Math.min(tokens.length, d.last + 5); i++) {
      if (lexicon.procedures.matchAt(tokens, i) || tokens[i]!.norm === 'race' || tokens[i]!.norm === 'event') return false
    }
  }
  return true
}

/** Clause ranges: split at `;` and contrast words, then between two waits. */
function splitClauses(tokens: Token[], durations: Duration[]): Array<[number, number]> {
  const coarse: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const spacedDash = (t.norm === '–' || t.norm === '—') && tokens[i - 1] && tokens[i - 1]!.end < t.start && tokens[i + 1] && tokens[i + 1]!.start > t.end
    if (t.norm === ';' || spacedDash) {
      if (i > from) coarse.push([from, i])
      from = i + 1
    } else if ((contrast.has(t.norm) || isSequel(tokens, i, from) || (tokens[i - 1]?.norm === ',' && reasons.has(t.norm))) && i > from) {
      coarse.push([from, i])
      from = i
    }
  }
  if (from < tokens.length) coarse.push([from, tokens.length])
  const out: Array<[number, number]> = []
  let next = 0
  for (const [a, b] of coarse) {
    while (next < durations.length && durations[next]!.first < a) next++
    const inside: Duration[] = []
    for (let k = next; k < durations.length && durations[k]!.last <= b; k++) inside.push(durations[k]!)
    let start = a
    for (let k = 1; k < inside.length; k++) {
      const prev = inside[k - 1]!
      const next = inside[k]!
      let cut = next.first
      for (let i = next.first - 1; i >= prev.last; i--) {
        const n = tokens[i]!.norm
        if (n === ',' || n === 'and' || n === 'or') {
          cut = i
          break
        }
      }
      if (cut > start) {
        out.push([start, cut])
        start = cut
      }
    }
    out.push([start, b])
  }
  return out
}

/** Whether the tokens from `from` to `to` hold only joining words before a time ("and up to", ", or at least"). */
function elliptical(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.kind !== 'punct' && !ellipsisWords.has(tokens[i]!.norm)) return false
  return true
}

const ellipsisWords = new Set(['and', 'or', 'then', 'for', 'up', 'to', 'at', 'least', 'most', 'about', 'around', 'another', 'a', 'an', 'the', 'further', 'more', 'even', 'ideally', 'preferably', 'possibly', 'perhaps', 'usually', 'often', 'sometimes'])

/** Whether a procedure is named at token `i`, after "to", "the", "your" ("prior to your appointment"). */
function treatmentAt(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  while (i < tokens.length && (tokens[i]!.norm === 'to' || tokens[i]!.norm === 'the' || tokens[i]!.norm === 'your')) i++
  return lexicon.procedures.matchAt(tokens, i) !== undefined
}

/** Whether token `i` is a "then" that starts the next step (", then train as usual", "and then"), not "by then" or "until then". */
function isSequel(tokens: Token[], i: number, from: number): boolean {
  if (tokens[i]!.norm !== 'then') return false
  const before = tokens[i - 1]?.norm
  // "If it is still red after 48 hours, then …": the consequence of a condition, not a next step.
  return (before === ',' || before === 'and') && !conditionWords.has(tokens[from]!.norm)
}

/** Whether a negation bears on a cue: at most three words before it, no punctuation between. */
function reaches(clause: Token[], n: PhraseMatch<true>, c: PhraseMatch<unknown>): boolean {
  if (n.last > c.first || c.first - n.last > 3) return false
  for (let i = n.last; i < c.first; i++) if (clause[i]!.kind === 'punct') return false
  return true
}

/** The stance of a clause, or `null` when it has no cue. */
function stanceOf(clause: Token[], durations: Duration[], lexicon: Lexicon): Stance | null {
  const mentions = matchesOf(clause, lexicon).topics
  const cues = matchesOf(clause, lexicon).stance.filter((c) => c.value === 'avoid' || isAllowedCue(clause, c, mentions))
  const negations = matchesOf(clause, lexicon).negation
  let avoid = 0
  let allowed = 0
  const used = new Set<PhraseMatch<true>>()
  for (const c of cues) {
    const negation = negations.find((n) => reaches(clause, n, c))
    if (negation) used.add(negation)
    if ((c.value === 'avoid') === (negation === undefined)) avoid++
    else allowed++
  }
  // "leave makeup off", "keep it off"
  for (const m of mentions) if (clause[m.last]?.norm === 'off' || (clause[m.last + 1]?.norm === 'off' && clause[m.last]?.kind === 'word')) avoid++
  // "a week before you feel hot and sweaty", "take a day or two off", "give the pool a day or two"
  for (const d of durations) {
    const next = clause[d.last]?.norm
    if (next === 'before' || next === 'off') avoid++
    for (let i = Math.max(0, d.first - 4); i < d.first; i++) if (clause[i]!.norm === 'give') avoid++
  }
  if (avoid > 0) return 'avoid'
  if (allowed > 0) return 'allowed'
  // A bare negation: "do not go swimming", "you must not engage in exercise".
  const bare = negations.some((n) => !used.has(n) && isDirectiveNegation(clause, n))
  return bare ? 'avoid' : null
}

/**
 * Whether a negation gives a directive ("do not swim") rather than describe
 * ("workouts that won't make you sweat", "if you're not sweating") or lift a
 * duty ("you don't have to exfoliate").
 */
function isDirectiveNegation(clause: Token[], n: PhraseMatch<true>): boolean {
  const word = clause[n.first]!.norm
  // "no exercise for 72 hours", "no drinks for 24 hours"
  if (word === 'no') return clause.slice(n.last, n.last + 4).some((t) => t.kind === 'number' || unitWords.has(t.norm)) || nounAfter(clause, n.last)
  if (!directiveNegations.has(word)) {
    // "advise you not to", "to not come into contact"
    if (word !== 'not' || !(clause[n.first - 1]?.norm === 'to' || clause[n.last]?.norm === 'to')) return false
  }
  const before = clause[n.first - 1]?.norm
  if (before && relativeWords.has(before)) return false
  if (conditionalWords.has(clause[0]!.norm) || (clause[0]!.norm === 'only' && clause[1]?.norm === 'if')) return false
  const after = clause[n.last]?.norm
  return !(after === 'have' || after === 'need' || after === 'necessary' || after === 'required')
}

/**
 * Whether a word (not a number, not "one", "more", "need", "reason",
 * "longer") follows at `i`: "no" + a noun is a ban ("no exercise", "no
 * drinks"), unlike "no need", "no more than", "no reason".
 */
function nounAfter(clause: Token[], i: number): boolean {
  return clause[i] !== undefined && clause[i]!.kind === 'word' && /^[a-z]/.test(clause[i]!.norm) && !['one', 'more', 'need', 'reason', 'longer'].includes(clause[i]!.norm)
}

/**
 * "can", "could", "may" are cues only with a person as subject ("you can");
 * verb cues ("return", "introduce") only with the activity as their object.
 */
function isAllowedCue(clause: Token[], cue: PhraseMatch<'avoid' | 'allowed'>, mentions: PhraseMatch<string>[]): boolean {
  const word = clause[cue.first]!.norm
  if (verbCues.has(word) && cue.last - cue.first === 1) {
    return mentions.length === 0 || mentions.some((m) => m.first >= cue.last && m.first - cue.last <= 4)
  }
  if (!modals.has(word) || cue.last - cue.first > 1) return true
  // "find out if you can sweat", "when you can exercise": a question, not advice.
  for (let i = Math.max(0, cue.first - 3); i < cue.first; i++) if (questionWords.has(clause[i]!.norm)) return false
  for (let i = Math.max(0, cue.first - 2); i < cue.first; i++) if (subjects.has(clause[i]!.norm)) return true
  // The activity as the subject of a passive: "Exercise can be resumed after 48 hours", "Makeup may be worn".
  return mentions.some((m) => isPassiveSubject(clause, m, cue))
}

/** Whether an activity is the subject of a modal passive ("Exercise can be resumed"): named at most a few words before "can be" + a participle. */
function isPassiveSubject(clause: Token[], m: PhraseMatch<string>, cue: PhraseMatch<'avoid' | 'allowed'>): boolean {
  if (m.last > cue.first || cue.first - m.last > 4 || !modals.has(clause[cue.first]!.norm)) return false
  const participle = clause[cue.last + 1]
  if (clause[cue.last]?.norm !== 'be' || participle?.kind !== 'word' || describing.has(participle.norm)) return false
  return participle.norm.endsWith('ed') || irregularParticiples.has(participle.norm)
}

/** Past participles without "-ed" that a wait is given for ("Makeup can be worn"). */
const irregularParticiples = new Set(['worn', 'done', 'begun', 'taken', 'undertaken', 'put'])
/** Participles that describe what may happen, not permit it ("sweating can be increased"). */
const describing = new Set(['expected', 'increased', 'reduced', 'affected', 'irritated', 'delayed', 'caused', 'triggered', 'worsened', 'aggravated'])

/** The wait a clause gives, from its own words or its timeline heading. */
function timeOf(
  clause: Token[],
  figure: Duration | undefined,
  stance: Stance | null,
  ctx: BlockContext,
  lastFigure: Duration | undefined,
  previousWait: Wait | undefined
): Wait | undefined {
  if (figure && !(stance === 'allowed' && clause[figure.first - 1]?.norm === 'for')) {
    const text = ctx.text.slice(clause[figure.first]!.start, clause[figure.last - 1]!.end)
    return waitOf(figure, stance, text, lastFigure)
  }
  const until = clause.findIndex((t) => t.norm === 'until' || t.norm === 'till' || t.norm === 'til')
  if (until !== -1 && until < clause.length - 1) {
    let last = until + 1
    while (last < clause.length && !/^[,.;:!?)]$/.test(clause[last]!.norm)) last++
    return { min: null, max: null, text: ctx.text.slice(clause[until]!.start, clause[last - 1]!.end) }
  }
  // "After that you can swim as usual", "…, then train as usual": allowed from the wait stated before.
  if (previousWait && stance === 'allowed' && (clause[0]!.norm === 'then' || clause.some((_, i) => phraseAt(clause, i, anaphoricTimes) !== undefined))) {
    return { ...previousWait }
  }
  if (stance === 'allowed') {
    // "you don't need to wait", "there is no reason to stop it", "not off-limits": no wait.
    const negations = matchesOf(clause, ctx.lexicon).negation
    for (const c of matchesOf(clause, ctx.lexicon).stance) {
      if (c.value !== 'avoid') continue
      const n = negations.find((n) => n.last <= c.first && c.first - n.last <= 3)
      if (n) return { min: 0, max: 0, text: ctx.text.slice(clause[n.first]!.start, clause[c.last - 1]!.end) }
    }
    const now = nowCueOf(clause)
    if (now) return { min: 0, max: 0, text: ctx.text.slice(now.start, now.end) }
  }
  if (ctx.timeline && !ctx.heading && stance) {
    const t = ctx.timeline
    return stance === 'allowed' ? { min: t.start, max: t.start, text: t.text } : { min: t.end.min, max: t.end.max, text: t.text }
  }
  return undefined
}

/**
 * A claim with no time of its own: "avoid X" (a wait with no number), or
 * "you can X after the procedure" (no wait). For `avoid`, the activity must be
 * the cue's object — named within a few words after "avoid"/"do not", or
 * before a passive "should be avoided" — so "keep workouts clean and avoid
 * touching your face" is not a claim about workouts. Headings need a time of
 * their own, except "You Can X After Y".
 */
function openWait(clause: Token[], stance: Stance, inherited: boolean, ctx: BlockContext): { wait: Wait; topics: Set<string> } | undefined {
  const topics = new Set<string>()
  if (stance === 'allowed') {
    // A heading says "You Can X After Y" with a modal, not "Back to the gym after Y: two answers".
    if (ctx.heading && !clause.some((t, i) => modals.has(t.norm) && subjects.has(clause[i - 1]?.norm ?? ''))) return undefined
    // An imperative that recommends the activity ("Instead, try gentle yoga"): fine now.
    const lead = clause.find((t) => t.kind === 'word' && !leadingWords.has(t.norm))
    if (!ctx.heading && lead && imperativeCues.has(lead.norm)) {
      const at = clause.indexOf(lead)
      for (const t of matchesOf(clause, ctx.lexicon).topics) if (t.first > at && t.first - at <= modalWindow) topics.add(t.value)
      return topics.size > 0 ? { wait: { min: 0, max: 0, text: null }, topics } : undefined
    }
    for (let i = 0; i + 1 < clause.length; i++) {
      if (clause[i]!.norm === 'after' && ctx.lexicon.procedures.matchAt(clause, i + 1 + (clause[i + 1]!.norm === 'the' || clause[i + 1]!.norm === 'your' ? 1 : 0))) {
        for (const t of matchesOf(clause, ctx.lexicon).topics) topics.add(t.value)
        return { wait: { min: 0, max: 0, text: null }, topics }
      }
    }
    return undefined
  }
  if (ctx.heading || conditionalWords.has(clause[0]!.norm) || (clause[0]!.norm === 'only' && clause[1]?.norm === 'if')) return undefined
  // "how long you should stay out of the gym": a question about the wait, not advice.
  if (clause.some((t, i) => t.norm === 'how' && (clause[i + 1]?.norm === 'long' || clause[i + 1]?.norm === 'soon'))) return undefined
  // "They may ask you to stop it beforehand": getting ready for the treatment, not aftercare.
  if (clause.some((t, i) => t.norm === 'beforehand' || ((t.norm === 'before' || t.norm === 'prior') && treatmentAt(clause, i + 1, ctx.lexicon)))) return undefined
  const firstWord = clause.find((t) => t.kind === 'word')
  // "Avoiding these things will help": a reason, not advice.
  if (firstWord && firstWord.norm.endsWith('ing') && ctx.lexicon.stance.matchAt(clause, clause.indexOf(firstWord))?.value === 'avoid') return undefined
  const open = { min: null, max: null, text: null }
  if (inherited) {
    // "it's best avoided", "Avoid these habits": the activity named before.
    const refers = ctx.lexicon.stance
      .match(clause)
      .some((c) => c.value === 'avoid' && clause.slice(c.last, c.last + 3).some((t) => pronouns.has(t.norm) || demonstratives.has(t.norm)))
    return refers || clause.some((t) => t.norm === 'avoided') ? { wait: open, topics } : undefined
  }
  const mentions = matchesOf(clause, ctx.lexicon).topics
  const cues = [
    ...matchesOf(clause, ctx.lexicon).stance.filter((c) => c.value === 'avoid'),
    ...matchesOf(clause, ctx.lexicon).negation.filter((n) => isDirectiveNegation(clause, n))
  ]
  for (const cue of cues) {
    const word = clause[cue.first]!.norm
    // "Avoiding sweating will lower the risk": a reason, not advice.
    if (clause.slice(0, cue.first).every((t) => t.kind === 'punct') && word.endsWith('ing')) continue
    if (word === 'avoided' || (word === 'best' && clause[cue.first + 1]?.norm === 'avoided')) {
      for (const t of mentions) if (t.last <= cue.first) topics.add(t.value)
    }
    for (const t of mentions) if (t.first >= cue.last && t.first - cue.last < objectWindow) topics.add(t.value)
  }
  return topics.size > 0 ? { wait: open, topics } : undefined
}

/**
 * The activities an allowed cue is about: named soon after it ("you can
 * return to the gym"), or before an adjective cue ("light workouts are
 * okay"); not a destination ("introduce retinol to your skincare routine").
 */
function allowedObjects(clause: Token[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const topicMatches = matchesOf(clause, lexicon).topics
  const cues = matchesOf(clause, lexicon).stance.filter((c) => c.value === 'allowed' && isAllowedCue(clause, c, topicMatches))
  const linked = new Set<string>()
  for (const m of topicMatches) {
    const destination = ['to', 'into'].includes(clause[m.first - 2]?.norm ?? '') && clause[m.first - 1]?.norm === 'your'
    if (destination) continue
    for (const c of cues) {
      const window = modals.has(clause[c.first]!.norm) ? modalWindow : allowedWindow
      const after = m.first >= c.last && m.first - c.last < window
      const before = m.last <= c.first && (adjectiveCues.has(clause[c.last - 1]!.norm) || isPassiveSubject(clause, m, c))
      if (after || before) linked.add(m.value)
    }
  }
  // No cue to link (a negated avoid cue, "you don't need to wait to swim"): keep them all.
  return cues.length === 0 ? mentions : mentions.filter((m) => linked.has(m.topic))
}

/** A wait from a duration, given the stance and the figure before it in the sentence. */
function waitOf(d: Duration, stance: Stance | null, text: string, lastFigure: Duration | undefined): Wait {
  let min = d.min!
  let max = d.max
  if (d.period && d.period.end > d.period.start + 24 && stance === 'avoid') {
    // "avoid it on days 1–3": until the period ends.
    min = d.period.end
    max = d.period.end
  } else if (d.qualifier === 'first' && stance === 'allowed') {
    // "in the first two days it is fine to…": fine from the start.
    min = 0
    max = 0
  } else if (d.qualifier === 'up-to') {
    if (d.open) {
      min = d.top ?? min
      max = null
    } else if (lastFigure && lastFigure.min !== null) {
      // "48–72 hours … (up to a week)": from the earlier figure to this one.
      min = Math.min(lastFigure.top ?? lastFigure.min, d.max ?? d.min!)
    }
  }
  const wait: Wait = { min, max, text }
  if (d.vague) wait.vague = true
  return wait
}

function conditionOfClause(clause: Token[], lexicon: Lexicon): string | null {
  for (const c of matchesOf(clause, lexicon).conditions) if (lexicon.conditionKinds.get(c.value) === 'procedure') return c.value
  return null
}

function activityConditionOf(clause: Token[], lexicon: Lexicon, topic: string): string | null {
  for (const c of matchesOf(clause, lexicon).conditions) {
    if (lexicon.conditionKinds.get(c.value) === 'activity' && conditionApplies(lexicon, c.value, topic)) return c.value
  }
  return null
}

/** Whether a topic is an activity one plans (it accepts an activity condition such as `light`). */
function planTopic(lexicon: Lexicon, topic: string): boolean {
  for (const [condition, kind] of lexicon.conditionKinds) {
    if (kind === 'activity' && lexicon.conditionTopics.get(condition)?.has(topic)) return true
  }
  return false
}

/** Whether a condition may qualify a topic (the vocabulary's `topics` list, when it has one). */
function conditionApplies(lexicon: Lexicon, condition: string, topic: string): boolean {
  const topics = lexicon.conditionTopics.get(condition)
  return !topics || topics.has(topic)
}

/** Turn drafts into claims: quotes, lines, ids, order. */
function finish(drafts: Draft[], text: string): Claim[] {
  const lineOf = lineIndex(text)
  const sorted = [...drafts].sort((a, b) => a.start - b.start || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
  const seen = new Map<string, number>()
  return sorted.map((d) => {
    const quote = text.slice(d.start, d.end)
    const base = claimId(d.topic, d.condition, d.stance, quote)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return {
      id: n === 1 ? base : `${base}-${n}`,
      topic: d.topic,
      activity: d.activity,
      stance: d.stance,
      wait: d.wait,
      condition: d.condition,
      speaker: d.speaker,
      quote,
      span: { start: d.start, end: d.end, line: lineOf(d.start) },
      review: { status: 'unreviewed' as const }
    }
  })
}
