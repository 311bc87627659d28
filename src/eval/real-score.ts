/**
 * Score extraction on the real-article set, by the scoring rules of the
 * labelling guidelines (`../shared/GUIDELINES.md`, "Scoring"):
 *
 * - An extracted claim matches a gold claim when its topic (counted as the
 *   guidelines' topic: {@link guidelineTopic}) is the gold topic or one of
 *   its `alt_topics`, the stances agree, and its span overlaps the gold
 *   `at` by at least one character. That is **loose**. **Strict** also
 *   compares hours with the gold reading or any `alt` reading: for an
 *   allowed claim only the start (`min`), for an avoid claim `min` and
 *   `max`; two numbers agree when they differ by at most
 *   {@link hourTolerance} of the gold value or {@link hourSlack} h,
 *   whichever is more; `null` agrees only with `null`.
 * - Each gold claim matches at most one extracted claim and the other way
 *   round; among candidates, those agreeing on condition and speaker, then
 *   those overlapping most, are paired first. Required gold claims are
 *   paired first; an `optional` gold claim then absorbs an extracted claim
 *   that matches it, which is therefore no false alarm, and is itself never
 *   a miss nor a hit.
 * - Extracted claims that count as one guidelines claim are scored once:
 *   the same span, stance and hours and the same guidelines topic
 *   ({@link guidelineTopic}), as when a statement names several activities
 *   that all count as `other` ("avoid caffeine, spicy food and tight
 *   clothing for a day"; the guidelines give one claim per topic per
 *   statement). The first of them in the claims' order is kept.
 * - Counts are per guidelines topic (a hit and a miss under the gold topic,
 *   a false alarm under the extracted claim's), summed per procedure, over
 *   the core topics (exercise, swimming, sweating) and over all;
 *   micro-averaged (counts summed before rates).
 *
 * Browser-safe: no Node APIs.
 */
import { ruleDoc } from '../extract/rules/index.ts'
import { lineIndex } from '../lines.ts'
import type { Claim } from '../schema.ts'
import type { ClaimFacts } from './gold.ts'
import { rates, sumCounts, type Counts, type Rates } from './metrics.ts'
import { coreTopics, guidelineTopic, type RealGoldClaim, type RealSet } from './real.ts'

/** Two hour figures agree within this share of the gold figure… */
export const hourTolerance = 0.1
/** …or within this many hours, whichever is more. */
export const hourSlack = 0.5

/** A rule told to the trace at a place of the page (see `ExtractOptions.trace`). */
export interface TraceEvent {
  rule: string
  start: number
  end: number
}

/** One page to score: its gold and what the extractor made of its text. */
export interface RealPageInput {
  slug: string
  /** The text's path, for findings (`file:line`). */
  file: string
  procedure: string
  set: RealSet
  text: string
  gold: RealGoldClaim[]
  predicted: Claim[]
  /** The extractor's trace on the page (default: none). */
  trace?: TraceEvent[]
}

/** Counts and rates. */
export type Rated = Counts & Rates

/** A row of the result: strict and loose counts with their rates. */
export interface RealRow {
  /** Number of required gold claims. */
  gold: number
  strict: Rated
  loose: Rated
}

/** A claim found on a page, gold or extracted, as a finding shows it. */
export interface RealFinding extends ClaimFacts {
  slug: string
  file: string
  set: RealSet
  line: number
  start: number
  end: number
  /** The page's words at the claim. */
  quote: string
}

/** A gold claim no extracted claim matched (strictly). */
export interface RealMiss extends RealFinding {
  note?: string
  /** The extracted claim closest to it, with the rules that read it: overlapping, same topic first, unmatched first. */
  near?: RealFinding & { rules: string[] }
  /** Whether a claim matched it loosely (topic and stance right, hours not). */
  loose: boolean
  /** Rules that ruled something out where it is (`not-a-claim/…` and the filters), each once. */
  ruledOut: string[]
}

/** An extracted claim that matched no gold claim (strictly). */
export interface RealAlarm extends RealFinding {
  id: string
  rules: string[]
  /** Whether it matched a gold claim loosely (hours differ). */
  loose: boolean
}

/** The score of a set of pages. */
export interface RealScore {
  pages: number
  /** Optional gold claims, neither required nor counted. */
  optional: number
  /** One row per guidelines topic met, in the guidelines' order. */
  topics: Array<RealRow & { topic: string }>
  /** One row per procedure, sorted by name. */
  procedures: Array<RealRow & { procedure: string; pages: number }>
  core: RealRow
  all: RealRow
  /** Strict misses and false alarms, by page then place. */
  misses: RealMiss[]
  falseAlarms: RealAlarm[]
}

/**
 * The claims that count as distinct guidelines claims: of those with the
 * same span, stance, hours and guidelines topic, the first.
 *
 * @param claims Extracted claims of one page.
 * @returns The claims kept, in their order.
 */
export function onePerGuidelineTopic(claims: Claim[]): Claim[] {
  const seen = new Set<string>()
  return claims.filter((c) => {
    const key = [guidelineTopic(c.topic), c.stance, c.wait.min, c.wait.max, c.span.start, c.span.end].join('\u0000')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Score pages and add them up.
 *
 * @param pages Pages with their gold, extracted claims and trace.
 * @returns Rows per topic, per procedure, core and all, with every strict miss and false alarm.
 * @example
 * scoreRealPages([{slug, file, procedure: 'tattoo', set: 'dev', text, gold, predicted}]).core.strict.f1
 */
export function scoreRealPages(pages: RealPageInput[]): RealScore {
  const byTopic = new Map<string, { strict: Counts; loose: Counts }>()
  const byProcedure = new Map<string, { pages: number; strict: Counts; loose: Counts; gold: number }>()
  const misses: RealMiss[] = []
  const falseAlarms: RealAlarm[] = []
  let optional = 0
  for (const input of pages) {
    const page = { ...input, predicted: onePerGuidelineTopic(input.predicted) }
    const strict = pair(page, true)
    const loose = pair(page, false)
    optional += page.gold.filter((g) => g.optional).length
    const procedure = byProcedure.get(page.procedure) ?? { pages: 0, strict: zero(), loose: zero(), gold: 0 }
    procedure.pages++
    procedure.gold += page.gold.filter((g) => !g.optional).length
    byProcedure.set(page.procedure, procedure)
    for (const [mode, result] of [['strict', strict], ['loose', loose]] as const) {
      for (const [topic, counts] of result.counts) {
        const row = byTopic.get(topic) ?? { strict: zero(), loose: zero() }
        row[mode] = sumCounts([row[mode], counts])
        byTopic.set(topic, row)
        procedure[mode] = sumCounts([procedure[mode], counts])
      }
    }
    const lineOf = lineIndex(page.text)
    const finding = (facts: ClaimFacts, start: number, end: number): RealFinding => ({
      ...copyFacts(facts),
      slug: page.slug,
      file: page.file,
      set: page.set,
      line: lineOf(start),
      start,
      end,
      quote: page.text.slice(start, end)
    })
    page.gold.forEach((g, gi) => {
      if (g.optional || strict.gold.has(gi)) return
      const miss: RealMiss = { ...finding(goldFacts(g), g.at[0], g.at[1]), loose: loose.gold.has(gi), ruledOut: ruledOutAt(page.trace ?? [], g.at) }
      if (g.note !== undefined) miss.note = g.note
      const near = nearest(page, gi, strict.predicted)
      if (near !== undefined) {
        const p = page.predicted[near]!
        miss.near = { ...finding(p, p.span.start, p.span.end), rules: [...(p.rules ?? [])] }
      }
      misses.push(miss)
    })
    page.predicted.forEach((p, pi) => {
      if (strict.predicted.has(pi)) return
      falseAlarms.push({ ...finding(p, p.span.start, p.span.end), id: p.id, rules: [...(p.rules ?? [])], loose: loose.predicted.has(pi) })
    })
  }
  const row = (counts: { strict: Counts; loose: Counts }): RealRow => ({
    gold: counts.strict.tp + counts.strict.fn,
    strict: { ...counts.strict, ...rates(counts.strict) },
    loose: { ...counts.loose, ...rates(counts.loose) }
  })
  const topicOrder = (t: string) => ['exercise', 'swimming', 'sweating', 'sauna', 'sun', 'makeup', 'washing', 'actives', 'alcohol', 'smoking', 'other'].indexOf(t)
  const topics = [...byTopic.keys()].sort((a, b) => topicOrder(a) - topicOrder(b)).map((topic) => ({ topic, ...row(byTopic.get(topic)!) }))
  const sum = (rows: Array<{ strict: Counts; loose: Counts }>) => ({ strict: sumCounts(rows.map((r) => r.strict)), loose: sumCounts(rows.map((r) => r.loose)) })
  const core = sum([...byTopic].filter(([topic]) => (coreTopics as readonly string[]).includes(topic)).map(([, r]) => r))
  const procedures = [...byProcedure.keys()].sort().map((name) => {
    const p = byProcedure.get(name)!
    return { procedure: name, pages: p.pages, ...row(p) }
  })
  return { pages: pages.length, optional, topics, procedures, core: row(core), all: row(sum([...byTopic.values()])), misses, falseAlarms }
}

/**
 * Pair a page's gold and extracted claims, required gold first, then optional.
 *
 * @returns The gold and extracted indexes paired (with required gold, or absorbed by optional gold) and the counts per topic.
 */
function pair(page: RealPageInput, strict: boolean): { gold: Set<number>; predicted: Set<number>; counts: Map<string, Counts> } {
  const goldTaken = new Set<number>()
  const predictedTaken = new Set<number>()
  for (const optional of [false, true]) {
    const candidates: Array<{ gi: number; pi: number; rank: number; jaccard: number }> = []
    page.gold.forEach((g, gi) => {
      if (g.optional !== optional) return
      page.predicted.forEach((p, pi) => {
        if (predictedTaken.has(pi) || !agrees(g, p, strict)) return
        const jaccard = overlap(g.at, [p.span.start, p.span.end])
        if (jaccard === 0) return
        candidates.push({ gi, pi, rank: Number(g.condition === p.condition) + Number(g.speaker === p.speaker), jaccard })
      })
    })
    candidates.sort((a, b) => b.rank - a.rank || b.jaccard - a.jaccard || a.gi - b.gi || a.pi - b.pi)
    for (const c of candidates) {
      if (goldTaken.has(c.gi) || predictedTaken.has(c.pi)) continue
      goldTaken.add(c.gi)
      predictedTaken.add(c.pi)
    }
  }
  const counts = new Map<string, Counts>()
  const bump = (topic: string, field: keyof Counts) => {
    const c = counts.get(topic) ?? zero()
    c[field]++
    counts.set(topic, c)
  }
  page.gold.forEach((g, gi) => {
    if (!g.optional) bump(g.topic, goldTaken.has(gi) ? 'tp' : 'fn')
  })
  page.predicted.forEach((p, pi) => {
    if (!predictedTaken.has(pi)) bump(guidelineTopic(p.topic), 'fp')
  })
  return { gold: goldTaken, predicted: predictedTaken, counts }
}

/**
 * Whether an extracted claim says what a gold claim says (quotes aside).
 *
 * @param g The gold claim.
 * @param p The extracted claim.
 * @param strict Whether the hours must agree too.
 * @returns `true` when they agree.
 */
export function agrees(g: RealGoldClaim, p: Pick<Claim, 'topic' | 'stance' | 'wait'>, strict: boolean): boolean {
  const topic = guidelineTopic(p.topic)
  if (topic !== g.topic && !g.alt_topics.includes(topic)) return false
  if (p.stance !== g.stance) return false
  if (!strict) return true
  const readings = [{ min_hours: g.min_hours, max_hours: g.max_hours }, ...g.alt]
  return readings.some((r) => hoursAgree(p.wait.min, r.min_hours) && (g.stance === 'allowed' || hoursAgree(p.wait.max, r.max_hours)))
}

/**
 * Whether an extracted hour figure agrees with a gold one.
 *
 * @param extracted The extracted figure (`null`: none, or open ended).
 * @param gold The gold figure.
 * @returns `true` within {@link hourTolerance} of the gold figure or {@link hourSlack} h; `null` only with `null`.
 * @example
 * hoursAgree(160, 168) // true: 8 h is less than 10 % of 168
 */
export function hoursAgree(extracted: number | null, gold: number | null): boolean {
  if (extracted === null || gold === null) return extracted === gold
  return Math.abs(extracted - gold) <= Math.max(hourSlack, hourTolerance * gold)
}

/** Index of the extracted claim closest to gold claim `gi`: overlapping, its topic first, unmatched first, overlapping most. */
function nearest(page: RealPageInput, gi: number, taken: Set<number>): number | undefined {
  const g = page.gold[gi]!
  let best: { index: number; score: number[] } | undefined
  page.predicted.forEach((p, pi) => {
    const jaccard = overlap(g.at, [p.span.start, p.span.end])
    if (jaccard === 0) return
    const topic = guidelineTopic(p.topic)
    const score = [Number(topic === g.topic || g.alt_topics.includes(topic)), Number(!taken.has(pi)), jaccard]
    if (!best || compareScores(score, best.score) > 0) best = { index: pi, score }
  })
  return best?.index
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

/** The rules that ruled something out inside a span, each once, in order of place. */
function ruledOutAt(trace: TraceEvent[], at: readonly [number, number]): string[] {
  const found = new Set<string>()
  for (const e of trace) if (e.start < at[1] && at[0] < e.end && ruleDoc(e.rule)?.kind === 'rules-out') found.add(e.rule)
  return [...found]
}

/** Jaccard index of two spans `[start, end)`: 0 when they share no character. */
function overlap(a: readonly [number, number], b: readonly [number, number]): number {
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0])
  if (shared <= 0) return 0
  return shared / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]))
}

function goldFacts(g: RealGoldClaim): ClaimFacts {
  return { topic: g.topic, stance: g.stance, wait: { min: g.min_hours, max: g.max_hours }, condition: g.condition, speaker: g.speaker }
}

function copyFacts(c: ClaimFacts): ClaimFacts {
  return { topic: c.topic, stance: c.stance, wait: { min: c.wait.min, max: c.wait.max }, condition: c.condition, speaker: c.speaker }
}

function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 }
}
