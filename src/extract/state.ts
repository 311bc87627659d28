/**
 * What the rules read and write besides the clause itself: a mention of an
 * activity, a draft claim with the rules that made it, what the block
 * around a clause says ({@link BlockContext}), and what the clauses before
 * it in the sentence and block said ({@link SentenceState}, one explicit
 * value instead of variables shared across branches).
 */
import { splitSentences } from '../parse/sentences.ts'
import type { Stance, Wait } from '../schema.ts'
import type { Duration } from './duration.ts'
import type { Lexicon } from './lexicon.ts'
import type { RuleId } from './rules/index.ts'
import type { QuoteRegion } from './speakers.ts'
import type { Timeline } from './timeline.ts'
import { pieces } from './clauses.ts'
import { topicMentions } from './topic.ts'
import { tokenize } from './tokens.ts'

/** An activity named in a clause. */
export interface Mention {
  /** The topic it belongs to. */
  topic: string
  /** Token range of the activity words (including an activity condition right before them). */
  first: number
  last: number
  /** The source's words for the activity. */
  activity: string
  /** An activity condition on it (`light`, `intense`), or `null`. */
  condition: string | null
  /** The rule that found it (`topic/own-words` for the vocabulary's words). */
  rule: RuleId
  /** An activity the vocabulary does not list (`topic/unlisted`): `topic` is its key, `activity` its normalised words. */
  unlisted?: true
}

/** A value a rule read, with the rules that gave it. */
export interface Reading<T> {
  value: T
  rules: RuleId[]
}

/** A claim before it has its id, quote and line. */
export interface Draft {
  topic: string
  activity: string
  /** An activity the vocabulary does not list (see {@link Mention}). */
  unlisted?: true
  stance: Stance
  wait: Wait
  /** It gives no time at all: no claim unless the sentence after it gives its time (`same-rule/resumed-after`). */
  untimed?: true
  condition: string | null
  speaker: string | null
  start: number
  end: number
  /** The rules that gave it its topic, stance, time and condition, in that order. */
  rules: RuleId[]
}

/** Something that led to a rule's decision, reported to a caller who asks (see `ExtractOptions.trace`). */
export type Trace = (rule: RuleId, start: number, end: number) => void

/** What a block says to every clause in it. */
export interface BlockContext {
  /** Topics of the last sentence that named any, across blocks until the next heading ("it's best avoided"). */
  previous: Antecedents
  lexicon: Lexicon
  text: string
  quotes: QuoteRegion[]
  heading: boolean
  /** The time of the timeline heading or lead-in the block sits under. */
  timeline: Timeline | undefined
  /** The rule that gave {@link timeline} (`timeline/section`, `timeline/label` or `lead-ins/time`). */
  timelineRule: RuleId | undefined
  /** The activities of the heading right above, for the first block under it. */
  context: Mention[] | undefined
  /** The block is a list item (a plan under a timeline heading lists what to do). */
  listItem?: boolean
  /**
   * The stance of what leads the block (a table's header row, "When it's
   * safe": allowed; a list's lead-in, "Avoid the following for 48 hours:"),
   * for the clauses of the block that state none ("Same day").
   */
  ledStance?: Stance
  /** The rule that gave {@link ledStance}. */
  ledRule?: RuleId
  /** Told of rules that rule something out or structure the text (optional: costs nothing when absent). */
  trace?: Trace | undefined
  /** The last claim of the blocks before in the same section ("You should also skip saunas" takes its wait: `time/carried`). */
  before?: Draft | undefined
  /** Where the block's run-in label with a time ends ("Days 3–5:"): durations before it are the timeline's, not a sentence's. */
  labelEnd?: number | undefined
  /** The block's text and start (the time "during this phase" points back at). */
  blockText?: string
  blockStart?: number
}

/**
 * What the clauses read so far tell the next one. The first three fields
 * belong to the sentence (a new sentence starts them afresh); the last two
 * to the block.
 */
export interface SentenceState {
  /** Topics of the last clause of the sentence that named any (a clause naming none takes them). */
  topics: Mention[]
  /** Stance of the last clause of the sentence that had one, with its rules. */
  stance: Reading<Stance> | null
  /** The last duration read in the sentence: "up to a week" runs from it, "longer" is longer than it. */
  figure: Duration | undefined
  /** The last wait with a number stated in the block: "then …" and "after that" start from it. */
  wait: Wait | undefined
  /** The last claim made in the block: "the same goes for …" applies it. */
  claim: Draft | undefined
}

/**
 * A fresh state for a block.
 *
 * @returns Nothing read yet.
 */
export function blockState(): SentenceState {
  return { topics: [], stance: null, figure: undefined, wait: undefined, claim: undefined }
}

/**
 * Start a new sentence (or piece of one): the sentence's fields start
 * afresh, the block's stay.
 *
 * @param state The block's state, changed in place.
 */
export function startSentence(state: SentenceState): void {
  state.topics = []
  state.stance = null
  state.figure = undefined
}

/**
 * The activities a pronoun may refer back to: those of the last sentence
 * that named any. Most sentences that name an activity make no claim (no
 * cue); they are kept as text and only read when a later sentence refers
 * back, so prose costs a regular expression test, not an analysis.
 */
export class Antecedents {
  private topics: Mention[] = []
  /** Text (sentences or whole blocks) after the sentence `topics` came from, in order, not yet read. */
  private pending: Array<{ text: string; offset: number }> = []

  /**
   * @param lexicon The compiled vocabulary.
   * @param text The source's full text.
   */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly text: string
  ) {}

  /**
   * A sentence read in full: its mentions, when it has any, are now the last.
   *
   * @param mentions The sentence's mentions.
   */
  set(mentions: Mention[]): void {
    this.topics = mentions
    this.pending.length = 0
  }

  /**
   * Text that may name activities, read only when needed.
   *
   * @param text A sentence or block.
   * @param offset Its offset in the source.
   */
  defer(text: string, offset: number): void {
    this.pending.push({ text, offset })
  }

  /**
   * The activities of the last sentence that named any.
   *
   * @returns Its mentions (empty when none was named since the last heading).
   */
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
