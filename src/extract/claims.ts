/**
 * Claim extraction: from a source's text to claims with exact provenance.
 *
 * A claim is a statement that gives a wait after the procedure (or says no
 * wait is needed) for an activity. The rules are general English rules, one
 * module per family (topic, stance, time, not-a-claim, timeline, lead-ins,
 * plans, same-rule, clauses, condition); each rule has an id, a doc and
 * examples in `rules/`, and `pipeline.ts` states the order they are asked
 * in. The words they look for are the vocabulary's; the English function
 * words they rely on are in `grammar.ts`. Every claim records the rules that
 * gave it its topic, stance, time and condition (`rules`).
 */
import { lineIndex } from '../lines.ts'
import type { Claim } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { claimId } from './id.ts'
import { compileLexicon, type Lexicon } from './lexicon.ts'
import { readDocument } from './pipeline.ts'
import type { Draft, Trace } from './state.ts'

/** What extraction needs of a source. */
export interface SourceText {
  /** Source id (file name without `.md`). */
  id: string
  /** The file's full text: spans are offsets into it. */
  text: string
  /** Where the article body starts, after front matter (default: 0). */
  bodyStart?: number
}

/** Options of {@link extractClaims}. */
export interface ExtractOptions {
  /**
   * Told, with the offsets concerned, of every rule that rules something
   * out (`not-a-claim/…`, `topic/condition-on-reader`, `topic/allowed-object`,
   * `plans/examples-label`) or cuts a sentence (`clauses/…`): what `eval`
   * shows next to a missed claim (default: nobody is told).
   */
  trace?: Trace
}

const lexicons = new WeakMap<Vocabulary, Lexicon>()

/**
 * Extract every claim of a source.
 *
 * @param source The source's id and full text.
 * @param vocabulary The vocabulary (topics, cues, conditions).
 * @param options See {@link ExtractOptions}.
 * @returns Fresh claims (`review: {status: unreviewed}`), sorted by position.
 * @example
 * extractClaims({id: 'a', text: 'Do not go swimming for at least 24 hours.'}, vocabulary)[0]
 * // {topic: 'swimming', stance: 'avoid', wait: {min: 24, max: 24, text: 'at least 24 hours'},
 * //  rules: ['topic/own-words', 'stance/directive-negation', 'time/own-duration'], …}
 */
export function extractClaims(source: SourceText, vocabulary: Vocabulary, options: ExtractOptions = {}): Claim[] {
  let lexicon = lexicons.get(vocabulary)
  if (!lexicon) {
    lexicon = compileLexicon(vocabulary)
    lexicons.set(vocabulary, lexicon)
  }
  return finish(readDocument(source.text, source.bodyStart ?? 0, lexicon, options.trace), source.text)
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
      ...(d.unlisted ? { unlisted: true as const } : {}),
      stance: d.stance,
      wait: d.wait,
      condition: d.condition,
      speaker: d.speaker,
      quote,
      span: { start: d.start, end: d.end, line: lineOf(d.start) },
      review: { status: 'unreviewed' as const },
      rules: d.rules
    }
  })
}
