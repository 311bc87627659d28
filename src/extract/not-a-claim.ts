/**
 * What looks like a claim but is none: the `not-a-claim/…` rules (docs and
 * examples in `rules/not-a-claim.ts`) that the pipeline asks before it reads
 * a sentence or a clause. Each tells the trace why (see `ExtractOptions.trace`),
 * so a missed claim can be put down to the rule that ruled it out.
 */
import type { Duration } from './duration.ts'
import {
  beforeAndAfter,
  choiceVerbs,
  groupSubjects,
  beforeTreatmentAfter,
  closingMarks,
  contrastWords,
  ellipsisWords,
  frequencyAfter,
  frequencyArticles,
  frequencyBefore,
  frequencyUnits,
  lastingAfter,
  lastingBefore,
  offParticle,
  otherEvents,
  phraseAt,
  rejections,
  rhetoricalPhrases,
  secondPerson,
  thirdPerson,
  treatmentLinks
} from './grammar.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import type { RuleId } from './rules/index.ts'
import type { Trace } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * Whether a duration is a wait, judged by the words around it: not a
 * frequency (`not-a-claim/frequency`: "every 3–4 weeks", "twice a day",
 * "spaced 4 weeks apart"), not how long something lasts
 * (`not-a-claim/lasting`: "takes 15 minutes", "lasts 2–3 days", "a week ago",
 * "10-minute walk"), not a time before the treatment
 * (`not-a-claim/before-treatment`: "three weeks before race day", "five days
 * beforehand").
 *
 * @param tokens Tokens of the sentence.
 * @param d A duration found in them.
 * @param lexicon The compiled vocabulary (procedure names).
 * @param trace Told why a duration with a number is no wait (optional).
 * @returns `true` for a wait.
 */
export function isWait(tokens: Token[], d: Duration, lexicon: Lexicon, trace?: Trace): boolean {
  if (d.min === null && d.kind !== 'span') return false
  const rule = notAWait(tokens, d, lexicon)
  if (rule && trace) trace(rule, tokens[d.first]!.start, tokens[d.last - 1]!.end)
  return rule === undefined
}

/** The rule that makes a duration with a number no wait, if any. */
function notAWait(tokens: Token[], d: Duration, lexicon: Lexicon): RuleId | undefined {
  const next = tokens[d.last]
  // "take a day or two off" is a wait, "takes 15 minutes" is not.
  if (next?.norm !== offParticle) {
    for (let i = Math.max(0, d.first - 2); i < d.first; i++) {
      const word = tokens[i]!.norm
      if (frequencyBefore.has(word)) return 'not-a-claim/frequency'
      if (lastingBefore.has(word)) return 'not-a-claim/lasting'
    }
  }
  if (next && frequencyAfter.has(next.norm)) return 'not-a-claim/frequency'
  // "for the first three hours of getting pierced": the first hours of the treatment, a wait.
  const firstOf = d.qualifier === 'first' && next?.norm === 'of' && (tokens[d.last + 1]?.norm.endsWith('ing') || lexicon.procedures.matchAt(tokens, d.last + 1) !== undefined || treatmentAt(tokens, d.last + 1, lexicon))
  if (next && lastingAfter.has(next.norm) && !firstOf) return 'not-a-claim/lasting'
  if (next && beforeTreatmentAfter.has(next.norm)) return 'not-a-claim/before-treatment'
  if (next && frequencyArticles.has(next.norm) && frequencyUnits.has(tokens[d.last + 1]?.norm ?? '')) return 'not-a-claim/frequency'
  // "10-minute walk": a duration used as an adjective.
  const second = tokens[d.first + 1]
  if (second && second.norm === '-' && second.start === tokens[d.first]!.end && d.last - d.first === 3 && /^min/.test(tokens[d.first + 2]!.norm)) return 'not-a-claim/lasting'
  // "three weeks before race day": before the treatment, not after it.
  if (next?.norm === 'before' && !(tokens[d.last + 1]?.norm === beforeAndAfter[0] && tokens[d.last + 2]?.norm === beforeAndAfter[1])) {
    for (let i = d.last + 1; i < Math.min(tokens.length, d.last + 5); i++) {
      if (lexicon.procedures.matchAt(tokens, i) || otherEvents.has(tokens[i]!.norm)) return 'not-a-claim/before-treatment'
    }
  }
  return undefined
}

/**
 * Whether a sentence ends with a question mark, closing quotes and brackets
 * after it aside (`not-a-claim/question`).
 *
 * @param sentence The sentence's text.
 * @returns `true` for a question.
 */
export function isQuestion(sentence: string): boolean {
  let i = sentence.length - 1
  while (i >= 0 && closingMarks.has(sentence[i]!)) i--
  return sentence[i] === '?'
}

/**
 * A sentence about a third person ("She rests for 48 hours"): its subject
 * is he/she, and it never says "you" (`not-a-claim/third-person`).
 *
 * @param tokens Tokens of the sentence.
 * @returns `true` for a story about someone else.
 */
export function aboutThirdPerson(tokens: Token[]): boolean {
  let words = 0
  let third = false
  for (const [i, t] of tokens.entries()) {
    if (secondPerson.has(t.norm)) return false
    if (t.kind === 'word' && words++ < 3 && thirdPerson.has(t.norm)) third = true
    // "many patients choose to stay makeup-free": what people do, not what the reader should.
    if (groupSubjects.has(t.norm) && choiceVerbs.has(tokens[i + 1]?.norm ?? '')) third = true
  }
  return third
}

/**
 * Whether a clause calls what it says a myth (`not-a-claim/disputed`): "There
 * is a myth that you can't wash your face" is a belief the text disputes.
 *
 * @param clause Tokens of the clause.
 * @param lexicon The compiled vocabulary (its `disputed` words).
 * @returns `true` when it holds a disputed word.
 */
export function isDisputed(clause: Token[], lexicon: Lexicon): boolean {
  return matchesOf(clause, lexicon).disputed.length > 0
}

/**
 * Whether the tokens from `from` to `to` hold only joining words before a
 * time ("and up to", ", or at least"): a clause that borrows topic and stance
 * may only add a time (`not-a-claim/adds-time-only` rules out the others).
 *
 * @param tokens Tokens of the sentence.
 * @param from Start of the clause.
 * @param to Start of its time.
 * @returns `true` when nothing but joining words come first.
 */
export function elliptical(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.kind !== 'punct' && !ellipsisWords.has(tokens[i]!.norm)) return false
  return true
}

/**
 * Whether a procedure is named at token `i`, after "to", "the", "your" ("prior to your appointment").
 *
 * @param tokens Tokens of the clause.
 * @param i Where to look.
 * @param lexicon The compiled vocabulary (procedure names).
 * @returns `true` when the treatment is named there.
 */
export function treatmentAt(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  while (i < tokens.length && treatmentLinks.has(tokens[i]!.norm)) i++
  return lexicon.procedures.matchAt(tokens, i) !== undefined
}

/**
 * Where, in a sentence, a later clause rejects what the clauses before it
 * report (`not-a-claim/disputed`): "Some blogs warn people to skip alcohol,
 * but our experts say otherwise" — a contrast clause that says "otherwise",
 * "disagree", "not true".
 *
 * @param tokens Tokens of the sentence.
 * @param clauses Its clause ranges.
 * @returns The token index where the rejecting clause starts (the clauses before it make no claim), or 0.
 */
export function rejectionAt(tokens: Token[], clauses: Array<[number, number]>): number {
  for (let c = 1; c < clauses.length; c++) {
    const [from, to] = clauses[c]!
    if (!contrastWords.has(tokens[from]!.norm)) continue
    for (let i = from; i < to; i++) if (phraseAt(tokens, i, rejections)) return from
  }
  return 0
}

/**
 * Whether a clause denies giving the advice its words hold
 * (`not-a-claim/rhetorical`): "I am by no means telling you not to
 * exercise", "I'm not saying you shouldn't swim".
 *
 * @param clause Tokens of the clause.
 * @returns `true` for a rhetorical negation.
 */
export function isRhetorical(clause: Token[]): boolean {
  for (let i = 0; i < clause.length; i++) if (phraseAt(clause, i, rhetoricalPhrases)) return true
  return false
}
