/**
 * The view model shared by the summary, the chart, the table and the CSV:
 * which claims are shown, in which rows and source lines, with what the
 * consensus says about each. Pure.
 *
 * Built in three steps, so a 10,000-source page redraws a toggle without
 * rebuilding 180,000 claims: {@link baseModel} makes what no switch
 * changes (every claim's view, every row and source line, in order),
 * {@link applyRows} puts a state of the consensus into it (the rows a
 * toggle touched: their consensus, outliers and conflicts), and
 * {@link viewModel} picks what the filters show. {@link pageModel} does
 * all three.
 *
 * Decisions:
 * - Every claim is in the model, rejected ones too (greyed and restorable,
 *   `counted: false`); the review-status filter decides which are shown.
 *   Corrected claims are shown with the editor's values, the extracted ones
 *   kept beside them (`stored`).
 * - A source switched off hides its claims; its rows stay (with whatever
 *   consensus is left) so the band can be watched moving.
 * - Rows follow the vocabulary's topic order (related topics sit near each
 *   other), then the topics the vocabulary does not list (`unlisted`, their
 *   own section of the chart), those more sources name first; within a topic the general row comes first,
 *   then conditions in vocabulary order. A row has one line per source, as a
 *   forest plot has one line per study: lines go by the source's position
 *   (shortest wait first, sources that give no time last), then by title, so
 *   a row reads from left to right as a distribution and its outliers sit at
 *   its ends. A source's position is its own voices' (they never depend on
 *   other sources), so the order is found once and kept while sources are
 *   switched off and on.
 */
import { conflictLookup } from '../src/consensus/conflicts.ts'
import { rules } from '../src/consensus/rules.ts'
import { stanceTally } from '../src/consensus/voices.ts'
import { representativeHours, upperHours } from '../src/consensus/scale.ts'
import type { ClaimSummary, Conflict, ConsensusReport, Hours, Outlier, TopicConsensus, Voice } from '../src/consensus/types.ts'
import { effectiveClaim, type Claim, type ReviewStatus } from '../src/schema.ts'
import type { SiteData, SiteSource } from '../src/site/data.ts'
import { agree, count, formatHours, formatRange, formatWait } from './format.ts'
import { claimKey, compareHours, indexRows, type ConflictGroupView, type ReportIndex, type WithinPair } from './report.ts'

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

/** What a claim's view holds (see {@link ClaimView}). */
export interface ClaimFields {
  /** `<source>/<id>`. */
  key: string
  /** The claim with an editor's corrections applied. */
  claim: Claim
  /** The claim as stored (review status, extracted values). */
  stored: Claim
  /** Source id (the claims file's `source`). */
  source: string
  /** The source, when the build had its file. */
  sourceInfo: SiteSource | undefined
  /** Source title, or its id. */
  sourceTitle: string
  /** Display label of the claim's topic. */
  topicLabel: string
  /** Its topic is not in the vocabulary. */
  unlisted: boolean
  /** Key of its row. */
  row: string
  status: ReviewStatus
  /** Whether the consensus counts it (not rejected, not orphaned). */
  counted: boolean
  /** Why the consensus calls it an outlier, or `null`. */
  outlier: string | null
}

/** One claim with everything the page says about it. */
export interface ClaimView extends ClaimFields {
  /** Number of claims it conflicts with (the pairs: `ReportIndex.pairsOf`), in the state the model has applied (counted when read). */
  readonly conflictCount: number
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
  readonly saysBoth: string | null
  /** Whether one of its claims is an outlier (in the state applied; read when asked). */
  readonly hasOutlier: boolean
}

/** One chart row: a topic, and a condition or the general case. */
export interface RowView {
  /** `topic` or `topic/condition`. */
  key: string
  topic: string
  condition: string | null
  topicLabel: string
  /** The topic is not in the vocabulary: the row sits in the "Not in the vocabulary yet" section. */
  unlisted: boolean
  /** `Exercise` or `Exercise — deep`. */
  title: string
  /** The consensus of this row, when the report has one. */
  consensus: TopicConsensus | undefined
  /** Every shown claim, line by line. */
  claims: ClaimView[]
  lines: SourceLine[]
  /** Conflict groups of the row's allowed claims. */
  groups: ConflictGroupView[]
  /** The shown claims the consensus counts that have a number, counted by their shortest wait and stance (what a density strip draws). */
  waits: Map<number, { avoid: number; allowed: number }>
  /** The longest wait any claim of the row states, shown or not (the axis does not move when sources are switched). */
  maxHours: number
}

/** Rows and the index they were made with. */
export interface PageModel {
  rows: RowView[]
  /** Every claim of the data (filters not applied), by key. */
  claims: Map<string, ClaimView>
  index: ReportIndex
}

/** What no switch changes, and the state of the consensus put into it. */
export interface BaseModel {
  data: SiteData
  /** Every claim, by key, in data order. */
  claims: Map<string, ClaimView>
  /** Every row with a claim in the data, in display order, each with all its claims and lines. */
  rows: RowView[]
  /** The counted claims' summaries, in stable order (what `ConsensusReport.claims` holds for the whole corpus; made when first read). */
  readonly summaries: Map<string, ClaimSummary>
  /** The consensus rows the model was made with (they order its lines and give the pairs; see {@link baseModel}). */
  made: TopicConsensus[]
  /** The sources switched off in the state applied. */
  exclude: ReadonlySet<string>
  /** The consensus rows of the state applied, by row key (`rowKey`). */
  consensus: Map<string, TopicConsensus>
  /** The index of the state applied. */
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
  return viewModel(baseModel(data, report.topics, new Set(options.exclude ?? [])), options)
}

/**
 * Make what no switch changes: every claim's view, every row with its
 * source lines in order, and the state of `rows` applied.
 *
 * @param data Site data.
 * @param rows Consensus rows of the data: they give each source's voices,
 *   so the order of the lines (a source switched off has none: its lines
 *   sort last until the rows of the whole data are used).
 * @param exclude The sources switched off in `rows` (default: none).
 * @returns The base model, with `rows` applied.
 */
export function baseModel(data: SiteData, rows: TopicConsensus[], exclude: ReadonlySet<string> = new Set()): BaseModel {
  const topicOrder = new Map(data.topics.map((t, i) => [t.name, i]))
  const conditionOrder = new Map(data.conditions.map((c, i) => [c, i]))
  const topics = new Map(data.topics.map((t) => [t.name, t]))
  // Every view reads its conflict count from the index of the state applied.
  const state: { index: ReportIndex } = { index: indexRows([], () => () => ({ conflicts: [], total: 0 }), () => undefined) }
  const sources = new Map(data.sources.map((s) => [s.id, s]))
  const claims = new Map<string, ClaimView>()
  const byRow = new Map<string, RowView>()
  const lines = new Map<RowView, Map<string, SourceLine>>()
  for (const file of data.files) {
    const info = sources.get(file.source)
    const title = info?.title ?? file.source
    for (const stored of file.claims) {
      const claim = effectiveClaim(stored)
      const key = claimKey(file.source, stored.id)
      const row = rowKey(claim.topic, claim.condition)
      const topic = topics.get(claim.topic)
      const counted = stored.review.status !== 'rejected' && stored.status !== 'orphaned'
      const view: ClaimView = new View(state, key, claim, stored, file.source, info, title, topic?.label ?? claim.topic, topic ? topic.unlisted === true : true, row, counted)
      claims.set(key, view)
      let rowView = byRow.get(row)
      if (!rowView) {
        rowView = {
          key: row,
          topic: claim.topic,
          condition: claim.condition,
          topicLabel: view.topicLabel,
          unlisted: view.unlisted,
          title: claim.condition === null ? view.topicLabel : `${view.topicLabel} — ${claim.condition}`,
          consensus: undefined,
          claims: [],
          lines: [],
          groups: [],
          waits: new Map(),
          maxHours: 0
        }
        byRow.set(row, rowView)
        lines.set(rowView, new Map())
      }
      const byLine = lines.get(rowView)!
      let line = byLine.get(file.source)
      if (!line) {
        line = sourceLine(file.source, title)
        byLine.set(file.source, line)
      }
      ;(claim.wait.min === null ? line.vague : line.claims).push(view)
      rowView.maxHours = Math.max(rowView.maxHours, claim.wait.max ?? claim.wait.min ?? 0)
      if (counted && claim.wait.min !== null) tally(rowView.waits, claim, 1)
    }
  }
  const rank = (order: Map<string, number>, name: string) => order.get(name) ?? order.size
  // Topics the vocabulary does not list go last, those most sources name first.
  const reach = new Map<string, Set<string>>()
  for (const [row, byLine] of lines) for (const source of byLine.keys()) reach.set(row.topic, (reach.get(row.topic) ?? new Set()).add(source))
  const unlistedRank = (row: RowView) => (row.unlisted ? -reach.get(row.topic)!.size : 0)
  const sorted = [...byRow.values()].sort(
    (a, b) =>
      Number(a.unlisted) - Number(b.unlisted) ||
      unlistedRank(a) - unlistedRank(b) ||
      rank(topicOrder, a.topic) - rank(topicOrder, b.topic) ||
      compare(a.topic, b.topic) ||
      (a.condition === null ? -1 : 0) - (b.condition === null ? -1 : 0) ||
      (a.condition && b.condition ? rank(conditionOrder, a.condition) - rank(conditionOrder, b.condition) || compare(a.condition, b.condition) : 0)
  )
  const consensus = new Map(rows.map((t) => [rowKey(t.topic, t.condition), t]))
  for (const row of sorted) {
    const found = consensus.get(row.key)
    const voices = groupBy(found?.voiceList ?? [], (v) => v.source)
    const within = groupBy(found?.conflicts.withinSource ?? [], (c) => c.allowed.source)
    const list = [...lines.get(row)!.values()]
    for (const line of list) {
      line.voices = voices.get(line.source) ?? []
      line.within = (within.get(line.source) ?? []).map(withinPair)
    }
    // A line's position is its earliest voice's wait (`compareHours` order), as numbers to sort by.
    const keyed = list.map((line) => {
      let first: Hours | null = null
      for (const v of line.voices) if (v.wait && (!first || compareHours(v.wait, first) < 0)) first = v.wait
      return { line, rep: first ? representativeHours(first) : Infinity, upper: first ? upperHours(first) : Infinity }
    })
    const order = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1)
    keyed.sort((a, b) => order(a.rep, b.rep) || order(a.upper, b.upper) || compare(a.line.title, b.line.title) || compare(a.line.source, b.line.source))
    for (let i = 0; i < keyed.length; i++) list[i] = keyed[i]!.line
    // Array#sort is stable: within a line, claims keep their file order.
    for (const line of list) if (line.claims.length > 1) line.claims.sort((a, b) => (a.claim.wait.min ?? 0) - (b.claim.wait.min ?? 0))
    row.lines = list
    for (const line of list) for (const part of [line.claims, line.vague]) for (const view of part) row.claims.push(view)
    linesBySource.set(row, lines.get(row)!)
  }
  let summaries: Map<string, ClaimSummary> | undefined
  const base: BaseModel = {
    data,
    claims,
    rows: sorted,
    get summaries() {
      if (!summaries) {
        summaries = new Map()
        for (const [key, view] of claims) if (view.counted) summaries.set(key, summaryOf(view))
        builtSummaries.add(base)
      }
      return summaries
    },
    made: rows,
    exclude: new Set(),
    consensus: new Map(),
    get index() {
      return state.index
    },
    set index(index) {
      state.index = index
    }
  }
  applyRows(base, rows, exclude)
  return base
}

/**
 * Put a state of the consensus into a base model: the rows given replace
 * those with their key (a row missing from `rows` but asked for in
 * `touched` has no counted claim left), and the claims of the rows
 * touched get their outlier reason and conflict count again.
 *
 * @param base The base model (changed).
 * @param rows Consensus rows of the state, computed with `exclude`.
 * @param exclude The sources switched off in that state.
 * @param touched Engine row keys (`topic\u0000condition`) that changed (default: every row).
 */
export function applyRows(base: BaseModel, rows: TopicConsensus[], exclude: ReadonlySet<string>, touched?: ReadonlySet<string>): void {
  const given = new Map(rows.map((t) => [rowKey(t.topic, t.condition), t]))
  const changed = touched ? new Set([...touched].map((key) => modelKey(key))) : undefined
  for (const row of base.rows) if (!changed || changed.has(row.key)) base.consensus.delete(row.key)
  for (const [key, row] of given) base.consensus.set(key, row)
  base.exclude = exclude
  const current = [...base.consensus.values()]
  base.index = indexRows(
    current,
    () => pairsWithout(base, exclude),
    (key) => {
      const view = base.claims.get(key)
      return view && view.counted && !exclude.has(view.source) ? view.claim : undefined
    }
  )
  for (const row of base.rows) {
    if (changed && !changed.has(row.key)) continue
    const consensus = base.consensus.get(row.key)
    // Only the claims that were or are outliers change (the engine keeps outlier objects while a row's range stays).
    for (const o of row.consensus?.outliers ?? []) {
      const view = viewOf(base, o)
      if (view) view.outlier = null
    }
    row.consensus = consensus
    row.groups = consensus ? consensus.conflicts.groups : []
    for (const o of consensus?.outliers ?? []) {
      const view = viewOf(base, o)
      if (view) view.outlier = o.reason
    }
  }
}

/** The pairs of every claim of a base model's rows as it was made, looked up once per model. */
const wholePairs = new WeakMap<BaseModel, ReturnType<typeof conflictLookup>>()

/**
 * The pairs of one claim with some sources switched off, from the lookup of
 * the rows the model was made with: a pair is two claims that conflict
 * whatever else the row holds, so the pairs with sources off are those of
 * the whole rows whose other claim is still on (the lookup is made once,
 * not at every switch).
 *
 * @param base A base model (made with the whole data's rows, or with `exclude` among them).
 * @param exclude The sources switched off now.
 * @returns What `conflictLookup` gives for the rows with those sources off.
 */
function pairsWithout(base: BaseModel, exclude: ReadonlySet<string>): ReturnType<typeof conflictLookup> {
  let lookup = wholePairs.get(base)
  if (!lookup) {
    lookup = conflictLookup({ rules, topics: base.made, claims: Object.fromEntries(base.summaries) })
    wholePairs.set(base, lookup)
  }
  const whole = lookup
  if (exclude.size === 0) return whole
  const off = [...exclude].reduce((n, source) => n + (base.data.files.find((f) => f.source === source)?.claims.length ?? 0), 0)
  return (claim, limit = Infinity) => {
    const found = whole(claim, limit + off)
    const conflicts = found.conflicts.filter((c) => !exclude.has(c.allowed.source) && !exclude.has(c.avoid.source)).slice(0, limit)
    return { conflicts, total: conflicts.length }
  }
}

/** Base models whose summaries were made (see {@link wordsChanged}). */
const builtSummaries = new WeakSet<BaseModel>()

/**
 * A claim's words were loaded: its summary (if made) quotes them from now on.
 *
 * @param base The base model.
 * @param view The claim's view, with its words.
 */
export function wordsChanged(base: BaseModel, view: ClaimView): void {
  if (!builtSummaries.has(base)) return
  const summary = base.summaries.get(view.key)
  if (summary) Object.assign(summary, { activity: view.claim.activity, quote: view.claim.quote, line: view.claim.span.line })
}

/**
 * A new source line; how a voice of it that says both was counted is worked out when first asked.
 *
 * @param source Source id.
 * @param title Source title.
 * @returns The line, with no claims yet.
 */
function sourceLine(source: string, title: string): SourceLine {
  return new Line(source, title)
}

/** A source line of a base row (see {@link SourceLine}): one prototype for the lines of every row. */
class Line implements SourceLine {
  claims: ClaimView[] = []
  vague: ClaimView[] = []
  voices: Voice[] = []
  within: WithinPair[] = []
  #says: string | null | undefined

  /**
   * @param source Source id.
   * @param title Source title.
   */
  constructor(
    readonly source: string,
    readonly title: string
  ) {}

  get saysBoth(): string | null {
    if (this.#says === undefined) this.#says = saysBoth(this)
    return this.#says
  }

  get hasOutlier(): boolean {
    return this.claims.some((v) => v.outlier !== null && v.counted)
  }
}

/** Each base row's lines by source. */
const linesBySource = new WeakMap<RowView, Map<string, SourceLine>>()

/**
 * Count a claim with a number into a row's density counts.
 *
 * @param waits Counts by shortest wait (changed).
 * @param claim The claim (effective values).
 * @param by 1 to add it, -1 to take it away.
 */
function tally(waits: RowView['waits'], claim: Claim, by: number): void {
  const min = claim.wait.min!
  let n = waits.get(min)
  if (!n) waits.set(min, (n = { avoid: 0, allowed: 0 }))
  n[claim.stance] += by
}

/** The view of each outlier's claim, once looked up. */
const outlierViews = new WeakMap<Outlier, ClaimView | undefined>()

/**
 * The view of an outlier's claim.
 *
 * @param base The base model.
 * @param outlier An outlier of one of its rows.
 * @returns The claim's view.
 */
function viewOf(base: BaseModel, outlier: Outlier): ClaimView | undefined {
  if (outlierViews.has(outlier)) return outlierViews.get(outlier)
  const view = base.claims.get(claimKey(outlier.source, outlier.claim))
  outlierViews.set(outlier, view)
  return view
}

/**
 * Pick what the filters show.
 *
 * @param base A base model with a state applied.
 * @param options Filters (see {@link ViewOptions}; `exclude` should be the state's).
 * @returns The page model.
 */
export function viewModel(base: BaseModel, options: ViewOptions = {}): PageModel {
  const exclude = new Set(options.exclude ?? [])
  const topics = options.topics ? new Set(options.topics) : undefined
  const conditions = options.conditions ? new Set(options.conditions) : undefined
  const statuses = options.statuses && options.statuses.length < 4 ? new Set(options.statuses) : undefined
  const rows: RowView[] = []
  for (const row of base.rows) {
    if (topics && !topics.has(row.topic)) continue
    if (conditions && !conditions.has(row.condition)) continue
    if (exclude.size === 0 && !statuses) {
      rows.push(row)
      continue
    }
    const lines: SourceLine[] = []
    for (const line of row.lines) {
      if (exclude.has(line.source)) continue
      if (!statuses) {
        lines.push(line)
        continue
      }
      const claims = line.claims.filter((v) => statuses.has(v.status))
      const shown: SourceLine = {
        source: line.source,
        title: line.title,
        voices: line.voices,
        within: line.within,
        saysBoth: line.saysBoth,
        claims,
        vague: line.vague.filter((v) => statuses.has(v.status)),
        hasOutlier: claims.some((v) => v.outlier !== null && v.counted)
      }
      if (shown.claims.length + shown.vague.length > 0) lines.push(shown)
    }
    // The density: the row's counts less the switched-off sources' (a few claims each), or counted again when statuses are filtered.
    const waits = new Map<number, { avoid: number; allowed: number }>()
    if (statuses) {
      for (const line of lines) for (const view of line.claims) if (view.counted) tally(waits, view.claim, 1)
    } else {
      for (const [min, n] of row.waits) waits.set(min, { ...n })
      const bySource = linesBySource.get(row)
      for (const source of exclude) for (const view of bySource?.get(source)?.claims ?? []) if (view.counted) tally(waits, view.claim, -1)
    }
    // The shown claims, line by line, are listed when read (the chart reads the lines; the table, the CSV and the queue the list).
    let claims: ClaimView[] | undefined
    rows.push({
      ...row,
      lines,
      get claims() {
        return (claims ??= lines.flatMap((line) => [...line.claims, ...line.vague]))
      },
      waits
    })
  }
  return { rows, claims: base.claims, index: base.index }
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
 * The page's key of an engine row key.
 *
 * @param key `topic\u0000condition` (the engine's `rowKey`).
 * @returns `topic` or `topic/condition`.
 */
export function modelKey(key: string): string {
  const [topic, condition] = key.split('\u0000') as [string, string | undefined]
  return rowKey(topic, condition ? condition : null)
}

/**
 * A claim's summary, as a report lists it.
 *
 * @param view A claim.
 * @returns Its summary (effective values; empty words until they are loaded).
 */
export function summaryOf(view: ClaimView): ClaimSummary {
  const c = view.claim
  return { id: c.id, source: view.source, speaker: c.speaker, topic: c.topic, condition: c.condition, activity: c.activity, stance: c.stance, wait: c.wait, quote: c.quote, line: c.span.line, review: view.status }
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
  const who = count(voices, 'voice')
  if (!row.consensus || voices === 0) return 'no claim counted'
  if (!k) return `no source gives a time · ${who}`
  if (k.min === k.max) return `${k.min === 0 ? 'no wait' : `wait ${formatHours(k.min)}`} · ${who}`
  return `wait ${formatRange(k.min, k.max)} (median ${formatHours(k.median)}) · ${who}`
}

/**
 * A conflict group in words, as its bracket is labelled.
 *
 * @param group A conflict group.
 * @returns E.g. `2 claims (2 sources) say it is fine now; 9 claims (3 sources) say wait ≥ 24 h`, `1 claim (1 source) says …`.
 */
export function groupWords(group: ConflictGroupView): string {
  const when = group.allowedFrom === 0 ? 'now' : `from ${formatHours(group.allowedFrom)}`
  const wait = group.contrary.shortest === null ? 'wait, without a time' : `wait ≥ ${formatHours(group.contrary.shortest)}`
  const allowed = group.allowed.length
  const contrary = group.contrary.claims
  return `${count(allowed, 'claim')} (${count(group.allowedSources, 'source')}) ${agree(allowed, 'says', 'say')} it is fine ${when}; ${count(contrary, 'claim')} (${count(group.contrary.sources, 'source')}) ${agree(contrary, 'says', 'say')} ${wait}`
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
 * @param line The source's line in a row (its voices, its claims).
 * @returns E.g. `says both (1 allowed, 1 avoid): counted as allowed, its claim with a time decides`; `null` when no voice says both.
 */
function saysBoth(line: SourceLine): string | null {
  if (!mixed(line)) return null
  for (const voice of line.voices) {
    // A voice's claims are the line's counted claims of its speaker.
    const own: Claim[] = []
    for (const list of [line.claims, line.vague]) for (const view of list) if (view.counted && view.claim.speaker === voice.speaker) own.push(view.claim)
    const tally = stanceTally(own)
    if (tally.by === 'only') continue
    const how = { majority: 'most of its claims', numbered: 'a tie, its claims with a time decide', cautious: 'a tie, counted as avoid (cautious)' }[tally.by]
    const who = voice.speaker ? `${voice.speaker} says` : 'says'
    return `${who} both (${tally.allowed} allowed, ${tally.avoid} avoid): counted as ${tally.stance} — ${how}`
  }
  return null
}

/** A claim's view (see {@link ClaimView}): its conflict count is read from the index of the state applied, when asked. */
interface View extends ClaimFields {}
class View implements ClaimView {
  readonly #state: { index: ReportIndex }

  /**
   * @param state Where the index of the state applied is.
   * @param key Claim key.
   * @param claim The claim with corrections applied.
   * @param stored The claim as stored.
   * @param source Source id.
   * @param sourceInfo The source's front matter, when the build had its file.
   * @param sourceTitle Source title.
   * @param topicLabel The topic's label.
   * @param unlisted Whether the topic is not in the vocabulary.
   * @param row Key of its row.
   * @param counted Whether the consensus counts it.
   */
  constructor(state: { index: ReportIndex }, key: string, claim: Claim, stored: Claim, source: string, sourceInfo: SiteSource | undefined, sourceTitle: string, topicLabel: string, unlisted: boolean, row: string, counted: boolean) {
    this.#state = state
    this.key = key
    this.claim = claim
    this.stored = stored
    this.source = source
    this.sourceInfo = sourceInfo
    this.sourceTitle = sourceTitle
    this.topicLabel = topicLabel
    this.unlisted = unlisted
    this.row = row
    this.status = stored.review.status
    this.counted = counted
    this.outlier = null
  }

  get conflictCount(): number {
    return this.#state.index.countOf(this.key)
  }
}

/**
 * Whether a line's claims take both stances (only then may a voice of it say both).
 *
 * @param line A source line.
 * @returns `true` when some claim of it is `avoid` and another `allowed`.
 */
function mixed(line: SourceLine): boolean {
  const first = (line.claims[0] ?? line.vague[0])?.claim.stance
  for (const list of [line.claims, line.vague]) for (const view of list) if (view.claim.stance !== first) return true
  return false
}

/**
 * Group items by a key, keeping their order.
 *
 * @param items Items.
 * @param keyOf The key of an item.
 * @returns Lists by key.
 */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = out.get(key)
    if (list) list.push(item)
    else out.set(key, [item])
  }
  return out
}

/**
 * A within-source pair by keys; its reason is read from the engine's pair,
 * which gets it once the source's words are loaded.
 *
 * @param conflict The engine's pair.
 * @returns The pair as the page reads it.
 */
function withinPair(conflict: Conflict): WithinPair {
  return new Within(conflict)
}

/** A within-source pair (see {@link withinPair}). */
class Within implements WithinPair {
  readonly allowed: string
  readonly avoid: string
  readonly source: string
  readonly #conflict: Conflict

  /** @param conflict The engine's pair. */
  constructor(conflict: Conflict) {
    this.#conflict = conflict
    this.allowed = claimKey(conflict.allowed.source, conflict.allowed.id)
    this.avoid = claimKey(conflict.avoid.source, conflict.avoid.id)
    this.source = conflict.allowed.source
  }

  get reason(): string {
    return this.#conflict.reason
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
