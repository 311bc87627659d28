/**
 * Claim extraction: from a source's text to claims with exact provenance.
 *
 * A claim is a statement that gives a wait after the procedure (or says no
 * wait is needed) for an activity. The rules are general English rules; the
 * words they look for come from the vocabulary:
 *
 * 1. The text is split into blocks (headings, paragraphs, list items), then
 *    sentences; a sentence is split into clauses at `;` and at contrast words
 *    ("but", "however", "whereas"), and a clause holding two waits is split
 *    between them ("24–48 hours after a superficial session and up to 72
 *    hours after a deep one").
 * 2. A clause makes one claim per topic it names when it has
 *    - a topic: its own activity words; else those of the clause before it in
 *      the sentence; else, when it says "it"/"them", those of the sentence
 *      before; else, in the first block under a heading, the heading's;
 *    - a stance: an `avoid` cue, a negated `allowed` cue ("it is not safe to")
 *      or a bare negation ("do not go swimming") → avoid; an `allowed` cue or
 *      a negated `avoid` cue ("no need to wait") → allowed. `avoid` wins when
 *      both appear. "can"/"may"/"could" count only with a person as subject
 *      ("you can", "patients may"), so "sweat can irritate" is no cue;
 *    - a time: its own duration; else "until …" (a wait with no number);
 *      else "as usual"/"right away" for an allowed stance (no wait); else the
 *      time of the timeline heading it sits under.
 * 3. Not claims: questions; durations that are not waits (preceded by
 *    "every", "per", "takes", "lasts"…, followed by "apart", "of", "per", or
 *    "before" the treatment; "10-minute walk"); for an allowed stance, "for
 *    <duration>" (how long to do it, not when); sentences about a third person
 *    ("she rests for 48 hours") with no "you" in them; headings without a
 *    time of their own.
 * 4. Conditions: a procedure condition (superficial, deep, home) anywhere in
 *    the clause, else an activity condition (light, intense) right before or
 *    inside the activity's words.
 * 5. Speaker: a statement inside an expert's quoted words carries the
 *    expert's name (see `speakers.ts`).
 */
import { toBlocks, type Block } from '../parse/blocks.ts'
import { splitSentences } from '../parse/sentences.ts'
import type { Claim, Stance, Wait } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { findDurations, type Duration } from './duration.ts'
import { claimId } from './id.ts'
import { compileLexicon, type Lexicon, type PhraseMatch } from './lexicon.ts'
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
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (headings.length > 0 && headings.at(-1)!.level >= block.level) headings.pop()
      const tokens = tokenize(block.text, block.start)
      headings.push({ level: block.level, timeline: timelineOf(tokens, source.text) })
      context = topicMentions(tokens, lexicon, source.text)
      extractBlock(block, { lexicon, text: source.text, quotes, heading: true, timeline: undefined, context: undefined }, drafts)
      continue
    }
    const timeline = [...headings].reverse().find((h) => h.timeline)?.timeline
    extractBlock(block, { lexicon, text: source.text, quotes, heading: false, timeline, context }, drafts)
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
  lexicon: Lexicon
  text: string
  quotes: QuoteRegion[]
  heading: boolean
  timeline: Timeline | undefined
  context: Mention[] | undefined
}

const pronouns = new Set(['it', 'them'])
const thirdPerson = new Set(['she', 'he', 'her', 'his', 'him'])
const secondPerson = new Set(['you', 'your', "you're", "you'll", "you've", 'yourself'])
const contrast = new Set(['but', 'however', 'whereas', 'although', 'though', 'except'])
const modals = new Set(['can', 'could', 'may'])
// Allowed cues that are verbs: they need the activity as their object ("return to the gym").
const verbCues = new Set(['start', 'return', 'returning', 'resume', 'introduce', 'introducing', 'reintroduce'])
const subjects = new Set(['you', 'they', 'patients', 'clients', 'people', 'we', 'i', 'one', 'most', 'many', 'patient', 'client', 'everyone', 'anyone'])
const notWaitBefore = new Set(['every', 'each', 'per', 'once', 'twice', 'last', 'lasts', 'lasting', 'lasted', 'takes', 'take', 'took', 'taking', 'spaced', 'ago'])
const notWaitAfter = new Set(['apart', 'ago', 'per', 'of', 'later', 'old', 'long'])
const frequencyUnits = new Set(['day', 'week', 'month', 'year'])
const nowCues = [['as', 'usual'], ['as', 'normal'], ['right', 'away'], ['straight', 'away'], ['immediately'], ['same', 'day'], ['right', 'after'], ['straight', 'after']]

function extractBlock(block: Block, ctx: BlockContext, out: Draft[]): void {
  let previousTopics: Mention[] = []
  for (const [from, to] of splitSentences(block.text)) {
    const sentence = block.text.slice(from, to)
    const offset = block.start + from
    const tokens = tokenize(sentence, offset)
    if (tokens.length === 0) continue
    const mentions = topicMentions(tokens, ctx.lexicon, ctx.text)
    if (/\?["”’)]*$/.test(sentence)) {
      previousTopics = mentions
      continue
    }
    if (aboutThirdPerson(tokens)) continue
    const speaker = speakerAt(ctx.quotes, tokens[0]!.start) ?? speakerAt(ctx.quotes, tokens.at(-1)!.start)
    const found = extractSentence(tokens, offset, offset + sentence.length, ctx, previousTopics, speaker)
    for (const draft of found) {
      if (!out.some((d) => d.start === draft.start && d.topic === draft.topic && d.condition === draft.condition && d.stance === draft.stance && sameWait(d.wait, draft.wait))) {
        out.push(draft)
      }
    }
    if (mentions.length > 0) previousTopics = mentions
  }
}

function sameWait(a: Wait, b: Wait): boolean {
  return a.min === b.min && a.max === b.max
}

function aboutThirdPerson(tokens: Token[]): boolean {
  let third = false
  for (const t of tokens) {
    if (secondPerson.has(t.norm)) return false
    if (thirdPerson.has(t.norm)) third = true
  }
  return third
}

/** Every topic mention in tokens, first per topic, with its activity condition. */
function topicMentions(tokens: Token[], lexicon: Lexicon, text: string): Mention[] {
  const topics = lexicon.topics.match(tokens)
  const procedures = lexicon.procedures.match(tokens)
  const conditions = lexicon.conditions.match(tokens)
  const mentions: Mention[] = []
  for (const m of topics) {
    // A procedure's name ("chemical peel") is not an activity.
    if (procedures.some((p) => p.first <= m.first && p.last >= m.last && p.last - p.first > m.last - m.first)) continue
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

/** Extract the claims of one sentence. */
function extractSentence(
  tokens: Token[],
  start: number,
  end: number,
  ctx: BlockContext,
  previousTopics: Mention[],
  speaker: string | null
): Draft[] {
  const drafts: Draft[] = []
  const durations = findDurations(tokens).filter((d) => isWait(tokens, d, ctx.lexicon))
  let inheritedTopics: Mention[] = []
  let inheritedStance: Stance | null = null
  let lastFigure: Duration | undefined
  for (const [from, to] of splitClauses(tokens, durations)) {
    const clause = tokens.slice(from, to)
    const clauseDurations = durations.filter((d) => d.first >= from && d.last <= to)
    let mentions = topicMentions(clause, ctx.lexicon, ctx.text)
    const inherited = mentions.length === 0
    if (inherited) {
      if (inheritedTopics.length > 0) mentions = inheritedTopics
      else if (clause.some((t) => pronouns.has(t.norm)) && previousTopics.length > 0) mentions = previousTopics
      else if (ctx.context && ctx.context.length > 0) mentions = ctx.context
    } else inheritedTopics = mentions
    const stance: Stance | null = stanceOf(clause, clauseDurations.map((d) => ({ ...d, first: d.first - from, last: d.last - from })), ctx.lexicon) ?? inheritedStance
    if (stance) inheritedStance = stance
    const figure = clauseDurations[0]
    const time = timeOf(clause, figure ? { ...figure, first: figure.first - from, last: figure.last - from } : undefined, stance, ctx, lastFigure, tokens, from)
    if (figure) lastFigure = figure
    if (!stance || !time || mentions.length === 0) continue
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
  }
  return drafts
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
  if (next?.norm === 'before') {
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
    } else if (contrast.has(t.norm) && i > from) {
      coarse.push([from, i])
      from = i
    }
  }
  if (from < tokens.length) coarse.push([from, tokens.length])
  const out: Array<[number, number]> = []
  for (const [a, b] of coarse) {
    const inside = durations.filter((d) => d.first >= a && d.last <= b)
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

/** The stance of a clause, or `null` when it has no cue. */
function stanceOf(clause: Token[], durations: Duration[], lexicon: Lexicon): Stance | null {
  const mentions = lexicon.topics.match(clause)
  const cues = lexicon.stance.match(clause).filter((c) => c.value === 'avoid' || isAllowedCue(clause, c, mentions))
  const negations = lexicon.negation.match(clause)
  const negates = (c: PhraseMatch<unknown>) => negations.some((n) => n.last <= c.first && c.first - n.last <= 3)
  let avoid = 0
  let allowed = 0
  const used = new Set<PhraseMatch<true>>()
  for (const c of cues) {
    const negation = negations.find((n) => n.last <= c.first && c.first - n.last <= 3)
    if (negation) used.add(negation)
    if (c.value === 'avoid') negates(c) ? allowed++ : avoid++
    else negates(c) ? avoid++ : allowed++
  }
  // "a week before you feel hot and sweaty", "take a day or two off"
  for (const d of durations) {
    const next = clause[d.last]?.norm
    if (next === 'before' || next === 'off') avoid++
  }
  if (avoid > 0) return 'avoid'
  if (allowed > 0) return 'allowed'
  // A bare negation: "do not go swimming", "you must not engage in exercise".
  const bare = negations.some((n) => !used.has(n) && clause[n.first]!.norm !== 'without')
  return bare ? 'avoid' : null
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
  for (let i = Math.max(0, cue.first - 2); i < cue.first; i++) if (subjects.has(clause[i]!.norm)) return true
  return false
}

/** The wait a clause gives, from its own words or its timeline heading. */
function timeOf(
  clause: Token[],
  figure: Duration | undefined,
  stance: Stance | null,
  ctx: BlockContext,
  lastFigure: Duration | undefined,
  sentence: Token[],
  from: number
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
  if (stance === 'allowed') {
    for (let i = 0; i < clause.length; i++) {
      const cue = nowCues.find((words) => words.every((w, k) => clause[i + k]?.norm === w))
      if (cue) return { min: 0, max: 0, text: ctx.text.slice(clause[i]!.start, clause[i + cue.length - 1]!.end) }
    }
  }
  if (ctx.timeline && !ctx.heading && stance) {
    const t = ctx.timeline
    return stance === 'allowed' ? { min: t.start, max: t.start, text: t.text } : { min: t.end.min, max: t.end.max, text: t.text }
  }
  void sentence
  void from
  return undefined
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
  for (const c of lexicon.conditions.match(clause)) if (lexicon.conditionKinds.get(c.value) === 'procedure') return c.value
  return null
}

function activityConditionOf(clause: Token[], lexicon: Lexicon, topic: string): string | null {
  for (const c of lexicon.conditions.match(clause)) {
    if (lexicon.conditionKinds.get(c.value) === 'activity' && conditionApplies(lexicon, c.value, topic)) return c.value
  }
  return null
}

/** Whether a condition may qualify a topic (the vocabulary's `topics` list, when it has one). */
function conditionApplies(lexicon: Lexicon, condition: string, topic: string): boolean {
  const topics = lexicon.conditionTopics.get(condition)
  return !topics || topics.has(topic)
}

/** Turn drafts into claims: quotes, lines, ids, order. */
function finish(drafts: Draft[], text: string): Claim[] {
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const lineOf = (offset: number) => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
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
