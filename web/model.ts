/**
 * The view model shared by the summary, the chart, the table and the CSV:
 * which claims are shown, in which rows and source lines, with what the
 * consensus says about each. Pure.
 *
 * Decisions:
 * - Every claim is in the model, rejected ones too (greyed and restorable,
 *   `counted: false`); the review-status filter decides which are shown.
 *   Corrected claims are shown with the editor's values, the extracted ones
 *   kept beside them (`stored`).
 * - A source switched off hides its claims; its rows stay (with whatever
 *   consensus is left) so the band can be watched moving.
 * - Rows follow the vocabulary's topic order (related topics sit near each
 *   other); within a topic the general row comes first, then conditions in
 *   vocabulary order. A row has one line per source, as a forest plot has
 *   one line per study: lines go by the source's position (shortest wait
 *   first, sources that give no time last), then by title, so a row reads
 *   from left to right as a distribution and its outliers sit at its ends.
 */
import { stanceTally } from '../src/consensus/voices.ts'
import type { ConsensusReport, TopicConsensus, Voice } from '../src/consensus/types.ts'
import { effectiveClaim, type Claim, type ReviewStatus } from '../src/schema.ts'
import type { SiteData, SiteSource } from '../src/site/data.ts'
import { formatHours, formatRange, formatWait } from './format.ts'
import { claimKey, compareHours, indexReport, type ConflictGroupView, type ReportIndex, type WithinPair } from './report.ts'

/** What the reader chose to see. */
export interface ViewOptions {
  /** Topics to show (default: all). */
  topics?: readonly string[] | undefined
  /** Conditions to show, `null` for the general rows (default: all). */
  conditions?: readonly (string | null)[] | undefined
  /** Source ids switched off (default: none). */
  exclude?: readonly string[] | undefined
  /** Review statuses to show (default: all). */
  statuses?: readonly ReviewStatus[] | undefined
}

/** One claim with everything the page says about it. */
export interface ClaimView {
  /** `<source>/<id>`. */
  key: string
  /** The claim with an editor's corrections applied. */
  claim: Claim
  /** The claim as stored (review status, extracted values). */
  stored: Claim
  /** Source id (the claims file's `source`). */
  source: string
  /** The source, when its text is in the data. */
  sourceInfo: SiteSource | undefined
  /** Source title, or its id. */
  sourceTitle: string
  /** Display label of the claim's topic. */
  topicLabel: string
  /** Key of its row. */
  row: string
  status: ReviewStatus
  /** Whether the consensus counts it (not rejected, not orphaned). */
  counted: boolean
  /** Why the consensus calls it an outlier, or `null`. */
  outlier: string | null
  /** Number of claims it conflicts with (the pairs: `ReportIndex.pairsOf`). */
  conflictCount: number
}

/** One source's claims in one row: a line of the forest plot. */
export interface SourceLine {
  source: string
  title: string
  /** Claims with a number, shown on the axis. */
  claims: ClaimView[]
  /** Claims with no number: the "no time given" column. */
  vague: ClaimView[]
  /** The source's voices in this row (itself, and experts it quotes). */
  voices: Voice[]
  /** Pairs of its own claims that contradict each other. */
  within: WithinPair[]
  /** How a voice of it that says both was counted, in words; `null` when none says both. */
  saysBoth: string | null
  /** Whether one of its claims is an outlier. */
  hasOutlier: boolean
}

/** One chart row: a topic, and a condition or the general case. */
export interface RowView {
  /** `topic` or `topic/condition`. */
  key: string
  topic: string
  condition: string | null
  topicLabel: string
  /** `Exercise` or `Exercise — deep`. */
  title: string
  /** The consensus of this row, when the report has one. */
  consensus: TopicConsensus | undefined
  /** Every shown claim, line by line. */
  claims: ClaimView[]
  lines: SourceLine[]
  /** Conflict groups of the row's allowed claims. */
  groups: ConflictGroupView[]
}

/** Rows and the index they were made with. */
export interface PageModel {
  rows: RowView[]
  /** Every claim of the data (filters not applied), by key. */
  claims: Map<string, ClaimView>
  index: ReportIndex
}

/**
 * Build the page model.
 *
 * @param data Site data.
 * @param report Consensus computed with the same `exclude`.
 * @param options Filters (see {@link ViewOptions}).
 * @returns Rows in display order and every claim by key; a row is kept
 *   while its topic and condition are selected and it has claims in the
 *   data, even if every source of it is off.
 * @example
 * pageModel(data, report, {topics: ['exercise']}).rows.map((r) => r.key) // ['exercise', 'exercise/intense']
 */
export function pageModel(data: SiteData, report: ConsensusReport, options: ViewOptions = {}): PageModel {
  const index = indexReport(report)
  const topicOrder = new Map(data.topics.map((t, i) => [t.name, i]))
  const conditionOrder = new Map(data.conditions.map((c, i) => [c, i]))
  const labels = new Map(data.topics.map((t) => [t.name, t.label]))
  const sources = new Map(data.sources.map((s) => [s.id, s]))
  const consensusRows = new Map(report.topics.map((t) => [rowKey(t.topic, t.condition), t]))
  const exclude = new Set(options.exclude ?? [])
  const topics = options.topics ? new Set(options.topics) : undefined
  const conditions = options.conditions ? new Set(options.conditions) : undefined
  const statuses = options.statuses ? new Set(options.statuses) : undefined
  const claims = new Map<string, ClaimView>()
  const rows = new Map<string, RowView>()
  const lines = new Map<string, Map<string, SourceLine>>()
  for (const file of data.files) {
    const info = sources.get(file.source)
    for (const stored of file.claims) {
      const claim = effectiveClaim(stored)
      const key = claimKey(file.source, stored.id)
      const row = rowKey(claim.topic, claim.condition)
      const topicLabel = labels.get(claim.topic) ?? claim.topic
      const view: ClaimView = {
        key,
        claim,
        stored,
        source: file.source,
        sourceInfo: info,
        sourceTitle: info?.title ?? file.source,
        topicLabel,
        row,
        status: stored.review.status,
        counted: stored.review.status !== 'rejected' && stored.status !== 'orphaned',
        outlier: index.outliers.get(key) ?? null,
        conflictCount: index.countOf(key)
      }
      claims.set(key, view)
      if (topics && !topics.has(claim.topic)) continue
      if (conditions && !conditions.has(claim.condition)) continue
      let rowView = rows.get(row)
      if (!rowView) {
        const consensus = consensusRows.get(row)
        rowView = {
          key: row,
          topic: claim.topic,
          condition: claim.condition,
          topicLabel,
          title: claim.condition === null ? topicLabel : `${topicLabel} — ${claim.condition}`,
          consensus,
          claims: [],
          lines: [],
          groups: consensus ? index.groups(consensus) : []
        }
        rows.set(row, rowView)
        lines.set(row, new Map())
      }
      if (exclude.has(file.source) || (statuses && !statuses.has(view.status))) continue
      const byLine = lines.get(row)!
      let line = byLine.get(file.source)
      if (!line) {
        line = { source: file.source, title: view.sourceTitle, claims: [], vague: [], voices: [], within: [], saysBoth: null, hasOutlier: false }
        byLine.set(file.source, line)
      }
      ;(claim.wait.min === null ? line.vague : line.claims).push(view)
      if (view.outlier && view.counted) line.hasOutlier = true
    }
  }
  const rank = (order: Map<string, number>, name: string) => order.get(name) ?? order.size
  const sorted = [...rows.values()].sort(
    (a, b) =>
      rank(topicOrder, a.topic) - rank(topicOrder, b.topic) ||
      compare(a.topic, b.topic) ||
      (a.condition === null ? -1 : 0) - (b.condition === null ? -1 : 0) ||
      (a.condition && b.condition ? rank(conditionOrder, a.condition) - rank(conditionOrder, b.condition) || compare(a.condition, b.condition) : 0)
  )
  for (const row of sorted) {
    const within = row.consensus ? index.withinSource(row.consensus) : []
    const voices = row.consensus?.voiceList ?? []
    const list = [...lines.get(row.key)!.values()]
    for (const line of list) {
      line.voices = voices.filter((v) => v.source === line.source)
      line.within = within.filter((p) => p.source === line.source)
      line.saysBoth = saysBoth(line.voices, claims)
    }
    const position = (line: SourceLine) => {
      const waits = line.voices.map((v) => v.wait).filter((w) => w !== null)
      return waits.sort(compareHours)[0] ?? null
    }
    const positions = new Map(list.map((line) => [line, position(line)]))
    list.sort((a, b) => compareHours(positions.get(a)!, positions.get(b)!) || compare(a.title, b.title) || compare(a.source, b.source))
    row.lines = list
    // Array#sort is stable: within a line, claims keep their file order.
    for (const line of list) line.claims.sort((a, b) => (a.claim.wait.min ?? 0) - (b.claim.wait.min ?? 0))
    row.claims = list.flatMap((line) => [...line.claims, ...line.vague])
  }
  return { rows: sorted, claims, index }
}

/**
 * Key of a row.
 *
 * @param topic Topic name.
 * @param condition Condition, `null` for the general row.
 * @returns `topic` or `topic/condition`.
 */
export function rowKey(topic: string, condition: string | null): string {
  return condition === null ? topic : `${topic}/${condition}`
}

/**
 * A row's consensus in a few words: the wait, the median, the voices.
 *
 * @param row A row.
 * @returns `wait 3 days · 6 voices`, `wait 48 h – 4 days (median 70 h) · 5 voices`, `no wait · 2 voices`, `no source gives a time · 1 voice`.
 */
export function consensusWords(row: Pick<RowView, 'consensus'>): string {
  const k = row.consensus?.consensus
  const voices = row.consensus?.voices ?? 0
  const who = `${voices} voice${voices === 1 ? '' : 's'}`
  if (!row.consensus || voices === 0) return 'no claim counted'
  if (!k) return `no source gives a time · ${who}`
  if (k.min === k.max) return `${k.min === 0 ? 'no wait' : `wait ${formatHours(k.min)}`} · ${who}`
  return `wait ${formatRange(k.min, k.max)} (median ${formatHours(k.median)}) · ${who}`
}

/**
 * A conflict group in words, as its bracket is labelled.
 *
 * @param group A conflict group.
 * @returns E.g. `2 claims (2 sources) say it is fine now; 9 claims (3 sources) say wait ≥ 24 h`.
 */
export function groupWords(group: ConflictGroupView): string {
  const when = group.allowedFrom === 0 ? 'now' : `from ${formatHours(group.allowedFrom)}`
  const wait = group.contrary.shortest === null ? 'wait, without a time' : `wait ≥ ${formatHours(group.contrary.shortest)}`
  return `${count(group.allowed.length, 'claim')} (${count(group.allowedSources, 'source')}) say it is fine ${when}; ${count(group.contrary.claims, 'claim')} (${count(group.contrary.sources, 'source')}) say ${wait}`
}

/**
 * The short reason of an outlier, for its label in the chart.
 *
 * @param reason The engine's reason ("24 h is a third of the median of 3 days, outside the consensus 3 days").
 * @returns The part before ", outside the consensus" ("24 h is a third of the median of 3 days").
 */
export function shortReason(reason: string): string {
  const at = reason.indexOf(', outside the consensus')
  return at > 0 ? reason.slice(0, at) : reason
}

/**
 * A claim's wait as a person reads it: the editor's value marked as such.
 *
 * @param view A claim.
 * @returns `avoid 3 days`, or `avoid 24 h (editor's; the source says “90 minutes”)`.
 */
export function saysWords(view: ClaimView): string {
  const c = view.claim
  const base = `${c.stance} ${formatWait(c.wait)}`
  const corrected = view.stored.review.status === 'corrected' ? view.stored.review.corrected : undefined
  if (!corrected) return base
  const words = view.stored.wait.text ? `the source says “${view.stored.wait.text}”` : `extracted: ${view.stored.stance} ${formatWait(view.stored.wait)}`
  return `${base} (editor's; ${words})`
}

/**
 * Say how a source's voice that says both was counted.
 *
 * @param voices The source's voices on a row.
 * @param claims Every claim by key.
 * @returns E.g. `says both (1 allowed, 1 avoid): counted as allowed, its claim with a time decides`; `null` when no voice says both.
 */
function saysBoth(voices: Voice[], claims: Map<string, ClaimView>): string | null {
  for (const voice of voices) {
    const own = voice.claims.map((id) => claims.get(claimKey(voice.source, id))?.claim).filter((c): c is Claim => c !== undefined)
    const tally = stanceTally(own)
    if (tally.by === 'only') continue
    const how = { majority: 'most of its claims', numbered: 'a tie, its claims with a time decide', cautious: 'a tie, counted as avoid (cautious)' }[tally.by]
    const who = voice.speaker ? `${voice.speaker} says` : 'says'
    return `${who} both (${tally.allowed} allowed, ${tally.avoid} avoid): counted as ${tally.stance} — ${how}`
  }
  return null
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
