/**
 * Score extracted claims against gold claims for one source.
 *
 * An extracted claim matches a gold claim when both say the same thing about
 * the same words: same topic, same stance, same hours (`min` and `max`
 * equal, `null` equals `null`) and overlapping quote spans. Matching is
 * one-to-one and greedy, best pair first: pairs that also agree on
 * condition and speaker come first, then pairs whose spans overlap more
 * (Jaccard of the two spans), then file order. Condition and speaker are
 * not required to match; how often they agree among matches is reported
 * separately (`attributes`). A gold claim the labeller marked optional in
 * its note (`isOptionalGold`) is neither required nor a false alarm.
 *
 * Browser-safe: no Node APIs.
 */
import type { Claim } from '../schema.ts'
import { isOptionalGold, type ClaimFacts, type GoldClaim } from './gold.ts'
import { lineAt, locateQuote, type QuoteSpan } from './locate.ts'
import { rates, sumCounts, type Counts, type Rates } from './metrics.ts'

/** A claim (gold or extracted) as reported in misses and false alarms. */
export interface Finding extends ClaimFacts {
  /** The claim's words. */
  quote: string
  /** Span of the quote in the source text (end exclusive). */
  start: number
  end: number
  /** 1-based line of the quote's start. */
  line: number
  /** Source file, set when scoring a corpus (see `scoreCorpus`). */
  file?: string
  /** The gold annotator's note, for a gold claim that has one. */
  note?: string
  /** The claim id, for an extracted claim. */
  id?: string
}

/** A gold claim nothing matched. */
export interface Miss extends Finding {
  /**
   * The extracted claim of the same topic on overlapping words that came
   * closest (unmatched ones first, then the largest overlap), when there is
   * one: it shows *what* went wrong (stance, hours), not just that it did.
   */
  near?: Finding
}

/** One gold claim paired with one extracted claim. */
export interface Match {
  /** Index in the gold list. */
  gold: number
  /** Index in the extracted list. */
  predicted: number
  /** Whether the two agree on condition. */
  condition: boolean
  /** Whether the two agree on speaker. */
  speaker: boolean
}

/** Counts and rates of one topic. */
export interface TopicScore extends Counts, Rates {
  topic: string
  /** Number of gold claims of the topic (tp + fn). */
  gold: number
}

/** How often matched claims agree on a field that matching does not require. */
export interface Agreement {
  agree: number
  total: number
}

/** The result of scoring. */
export interface Score {
  /** One row per topic found in gold or extracted claims, sorted by topic. */
  topics: TopicScore[]
  /** Every topic together, micro-averaged (counts summed, then rates). */
  all: Counts & Rates & { gold: number }
  /** The pairs matched, by gold index. */
  matches: Match[]
  /** Gold claims no extracted claim matched, in text order. */
  misses: Miss[]
  /** Extracted claims that matched no gold claim, in text order. */
  falseAlarms: Finding[]
  /** Agreement on condition and speaker among the matches. */
  attributes: { condition: Agreement; speaker: Agreement }
}

/**
 * Match extracted claims to gold claims and count per topic.
 *
 * @param gold Gold claims of one source.
 * @param predicted Claims an extractor found in the same source.
 * @param text Full text of the source: gold quotes are located in it, and
 *   extracted spans point into it.
 * @returns Per-topic and overall counts, precision, recall and F1, with the
 *   misses and false alarms (quote and line) for debugging.
 * @throws {QuoteError} When a gold quote is not in `text` or is ambiguous
 *   (see `locateQuote`): a broken yardstick must not score silently.
 * @example
 * const score = scoreClaims(gold, extractClaims(source, vocabulary), source.text)
 * score.all.f1 // 0.93…
 */
export function scoreClaims(gold: GoldClaim[], predicted: Claim[], text: string): Score {
  const goldSpans = gold.map((claim) => locateQuote(text, claim.quote, claim.occurrence))
  const predictedSpans = predicted.map((claim) => ({ start: claim.span.start, end: claim.span.end }))

  const candidates: Array<Match & { rank: number; jaccard: number }> = []
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (!sameStatement(g, p)) return
      const jaccard = spanJaccard(goldSpans[gi]!, predictedSpans[pi]!)
      if (jaccard === 0) return
      const condition = g.condition === p.condition
      const speaker = g.speaker === p.speaker
      // Required gold before optional gold (`isOptionalGold`), then agreement on condition and speaker.
      candidates.push({ gold: gi, predicted: pi, condition, speaker, rank: (isOptionalGold(g) ? 0 : 4) + Number(condition) + Number(speaker), jaccard })
    })
  })
  candidates.sort((a, b) => b.rank - a.rank || b.jaccard - a.jaccard || a.gold - b.gold || a.predicted - b.predicted)

  const goldTaken = new Set<number>()
  const predictedTaken = new Set<number>()
  const matches: Match[] = []
  for (const candidate of candidates) {
    if (goldTaken.has(candidate.gold) || predictedTaken.has(candidate.predicted)) continue
    goldTaken.add(candidate.gold)
    predictedTaken.add(candidate.predicted)
    matches.push({ gold: candidate.gold, predicted: candidate.predicted, condition: candidate.condition, speaker: candidate.speaker })
  }
  matches.sort((a, b) => a.gold - b.gold)
  // A match to an optional reading is neither a hit nor a false alarm; an optional reading unmatched is no miss.
  const optional = (gi: number) => isOptionalGold(gold[gi]!)
  const required = matches.filter((m) => !optional(m.gold))

  const goldFinding = (i: number): Finding => {
    const claim = gold[i]!
    const span = goldSpans[i]!
    const finding: Finding = { ...facts(claim), quote: claim.quote, start: span.start, end: span.end, line: span.line }
    if (claim.note !== undefined) finding.note = claim.note
    return finding
  }
  const predictedFinding = (i: number): Finding => {
    const claim = predicted[i]!
    return { ...facts(claim), quote: claim.quote, start: claim.span.start, end: claim.span.end, line: lineAt(text, claim.span.start), id: claim.id }
  }

  const misses: Miss[] = []
  gold.forEach((_, gi) => {
    if (goldTaken.has(gi) || optional(gi)) return
    const miss: Miss = goldFinding(gi)
    const near = nearest(gi)
    if (near !== undefined) miss.near = predictedFinding(near)
    misses.push(miss)
  })
  misses.sort(byPlace)
  const falseAlarms = predicted.flatMap((_, pi) => (predictedTaken.has(pi) ? [] : [predictedFinding(pi)])).sort(byPlace)

  const counts = new Map<string, Counts>()
  const bump = (topic: string, field: keyof Counts) => {
    if (!counts.has(topic)) counts.set(topic, { tp: 0, fp: 0, fn: 0 })
    counts.get(topic)![field]++
  }
  for (const match of required) bump(gold[match.gold]!.topic, 'tp')
  for (const miss of misses) bump(miss.topic, 'fn')
  for (const alarm of falseAlarms) bump(alarm.topic, 'fp')

  const topics = [...counts.keys()].sort(compareStrings).map((topic) => topicScore(topic, counts.get(topic)!))
  const total = sumCounts(counts.values())
  return {
    topics,
    all: { ...total, ...rates(total), gold: total.tp + total.fn },
    matches: required,
    misses,
    falseAlarms,
    attributes: {
      condition: { agree: required.filter((m) => m.condition).length, total: required.length },
      speaker: { agree: required.filter((m) => m.speaker).length, total: required.length }
    }
  }

  /** Index of the extracted claim closest to gold claim `gi` (same topic, overlapping), if any. */
  function nearest(gi: number): number | undefined {
    let best: { index: number; free: boolean; jaccard: number } | undefined
    predicted.forEach((p, pi) => {
      if (p.topic !== gold[gi]!.topic) return
      const jaccard = spanJaccard(goldSpans[gi]!, predictedSpans[pi]!)
      if (jaccard === 0) return
      const free = !predictedTaken.has(pi)
      if (!best || (free && !best.free) || (free === best.free && jaccard > best.jaccard)) best = { index: pi, free, jaccard }
    })
    return best?.index
  }
}

/**
 * Build a topic row from its counts.
 *
 * @param topic Topic name.
 * @param counts Its matched, false alarm and miss counts.
 * @returns The row with rates and the number of gold claims.
 */
export function topicScore(topic: string, counts: Counts): TopicScore {
  return { topic, ...counts, ...rates(counts), gold: counts.tp + counts.fn }
}

/**
 * Whether two claims say the same thing: same topic, stance and hours.
 *
 * @param a A gold or extracted claim.
 * @param b Another.
 * @returns `true` when topic, stance, `wait.min` and `wait.max` are equal (`null` equals `null`).
 */
export function sameStatement(a: ClaimFacts, b: ClaimFacts): boolean {
  return a.topic === b.topic && a.stance === b.stance && a.wait.min === b.wait.min && a.wait.max === b.wait.max
}

/**
 * How much two spans overlap: length of the intersection over length of
 * the union (Jaccard index).
 *
 * @param a A span (end exclusive).
 * @param b Another.
 * @returns 0 when they share no character, 1 when they are the same span.
 */
export function spanJaccard(a: Pick<QuoteSpan, 'start' | 'end'>, b: Pick<QuoteSpan, 'start' | 'end'>): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (overlap <= 0) return 0
  return overlap / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

/** The compared fields of a claim, copied (a gold claim's `wait` has no `text`). */
function facts(claim: ClaimFacts): ClaimFacts {
  return { topic: claim.topic, stance: claim.stance, wait: { min: claim.wait.min, max: claim.wait.max }, condition: claim.condition, speaker: claim.speaker }
}

/** Order findings by place, then topic. */
function byPlace(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.topic, b.topic)
}

/** Compare strings by code point (locale independent, so output is stable). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
