/**
 * Cutting a sentence into the clauses that are read one by one: the
 * `clauses/…` rules (docs and examples in `rules/clauses.ts`). A clause is
 * the unit that makes claims; what one clause tells the next is the
 * sentence state (`state.ts`).
 */
import type { Duration } from './duration.ts'
import { concessives, conditionWords, contrastWords, idealWords, nextStep, nextStepJoiners, reasonAfterComma, waitJoiners } from './grammar.ts'
import type { Trace } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * A "sentence" longer than this many tokens is not prose (a run-on list, a
 * pasted table, hostile input): it is read in pieces of at most this size,
 * cut at the last punctuation, so every later step works on bounded input
 * (`clauses/long-sentence`).
 */
export const maxSentenceTokens = 160

/**
 * Split an overlong token list into pieces of at most {@link maxSentenceTokens}, at punctuation.
 *
 * @param tokens Tokens of a sentence.
 * @returns The tokens themselves in a one-item list when short enough, else the pieces.
 * @example
 * pieces(tokenize('Avoid the gym for 48 hours.')).length // 1
 */
export function pieces(tokens: Token[]): Token[][] {
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
 * Clause ranges of a sentence: cut at `;` and spaced dashes
 * (`clauses/semicolon`), before contrast words (`clauses/contrast`), reasons
 * after a comma (`clauses/reason`) and a next step (`clauses/next-step`),
 * then between two waits (`clauses/two-waits`).
 *
 * @param tokens Tokens of the sentence.
 * @param durations The waits found in it, in order.
 * @param trace Told of every cut (optional).
 * @returns `[from, to)` token ranges, in order.
 */
export function splitClauses(tokens: Token[], durations: Duration[], trace?: Trace): Array<[number, number]> {
  const coarse: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const spacedDash = (t.norm === '–' || t.norm === '—') && tokens[i - 1] && tokens[i - 1]!.end < t.start && tokens[i + 1] && tokens[i + 1]!.start > t.end
    // "For at least 4 hours – and ideally up to 24 hours – avoid it": an aside between dashes, read as with commas.
    if (spacedDash && (asideAt(tokens, i + 1) || asideAt(tokens, lastDash(tokens, i) + 1))) continue
    // "during the first 2 – 3 days": a dash inside a range joins its numbers.
    if (spacedDash && durations.some((d) => d.first < i && i < d.last)) continue
    // "Although you can X right after, we'd rather you waited": a concession ends at its comma.
    if (t.norm === ',' && i > from && concessives.has(tokens[from]!.norm)) {
      trace?.('clauses/contrast', t.start, t.end)
      coarse.push([from, i])
      from = i + 1
      continue
    }
    if (t.norm === ';' || spacedDash) {
      if (i > from) coarse.push([from, i])
      trace?.('clauses/semicolon', t.start, t.end)
      from = i + 1
    } else if (i > from) {
      const rule = contrastWords.has(t.norm) ? 'clauses/contrast' : isSequel(tokens, i, from) ? 'clauses/next-step' : tokens[i - 1]?.norm === ',' && reasonAfterComma.has(t.norm) ? 'clauses/reason' : undefined
      if (rule) {
        trace?.(rule, t.start, t.end)
        coarse.push([from, i])
        from = i
      }
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
      // "at least 24 hours, and ideally 48–72": one wait from the first to the ideal (see `time/ideally`).
      if (tokens.slice(prev.last, next.first).some((t) => idealWords.has(t.norm))) continue
      let cut = next.first
      for (let i = next.first - 1; i >= prev.last; i--) {
        if (waitJoiners.has(tokens[i]!.norm)) {
          cut = i
          break
        }
      }
      if (cut > start) {
        trace?.('clauses/two-waits', tokens[cut]!.start, tokens[cut]!.end)
        out.push([start, cut])
        start = cut
      }
    }
    out.push([start, b])
  }
  return out
}

/** Whether token `i` is a "then" that starts the next step (", then train as usual", "and then"), not "by then" or "until then". */
function isSequel(tokens: Token[], i: number, from: number): boolean {
  if (tokens[i]!.norm !== nextStep) return false
  const before = tokens[i - 1]?.norm
  // "If it is still red after 48 hours, then …": the consequence of a condition, not a next step.
  return before !== undefined && nextStepJoiners.has(before) && !conditionWords.has(tokens[from]!.norm)
}

/** Whether an aside that qualifies a time starts at `i` ("and ideally up to 24 hours", "better, a day"). */
function asideAt(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i); i >= 0 && k < Math.min(tokens.length, i + 3); k++) if (idealWords.has(tokens[k]!.norm)) return true
  return false
}

/** The spaced dash before `i` in the sentence, or -2 when there is none. */
function lastDash(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (tokens[k]!.norm === '–' || tokens[k]!.norm === '—') return k
  return -2
}
