/**
 * The consensus prepared once for switching sources off and on: what the
 * chart needs so that a toggle at 10,000 sources costs a pass over the rows
 * it touches, not a whole `computeConsensus`.
 *
 * A source's part of a row never depends on the other sources: its voices
 * are its own claims (`voices.ts`), its within-source pairs are its own
 * claims too (`conflicts.ts`). So the expensive steps — counting claims,
 * grouping them by row and by voice, sorting and merging what each row's
 * conflict sweep reads, forming the within-source pairs — are done once
 * ({@link prepareConsensus}). Switching sources off then, for each row it
 * touches ({@link touchedRows}: the rows the sources have claims in, and the
 * rows whose conflicts compare with those), filters those lists (which
 * keeps their order) and runs the cheap steps of the same rules on what is
 * left ({@link preparedRows}): the range (`consensusRange`), the outliers
 * (`findOutliers`), the conflict groups (the sweep, over numbers:
 * `scope.ts`).
 *
 * Outliers are kept from the last time a row was computed when its range
 * did not move: whether a claim is an outlier depends only on its wait and
 * the range (and on the row having `minimumVoices` voices with a number),
 * so the outliers are then those kept whose source is still on, and those
 * of the sources switched back on, in stable order — the reasons, which
 * are most of `findOutliers`'s time, are not written again.
 *
 * The result is, row for row, what `computeConsensus(files, {exclude})`
 * gives (a test checks it on random corpora and random switches); only the
 * claims' stable-order numbers differ, and no output shows them.
 *
 * Browser-safe (no Node APIs).
 */
import { noConflicts } from './compute.ts'
import { conflictsOfRows, mergeSorted, sortRowClaims, type RowCandidates } from './conflicts.ts'
import { findOutliers, minimumVoices } from './outliers.ts'
import { consensusRange } from './range.ts'
import { rowScope, scopeGroups, type RowScope } from './scope.ts'
import { compareRows, compareText, rowKey, type CountedClaim } from './select.ts'
import type { Conflict, Hours, Outlier, RowConflicts, TopicConsensus, Voice } from './types.ts'
import { groupVoices } from './voices.ts'

/** One row, prepared. */
export interface PreparedRow {
  topic: string
  condition: string | null
  /** Its counted claims, in stable order, and the number of each one's source. */
  entries: CountedClaim[]
  entrySource: Int32Array
  /** Its voices, sorted by key, and the number of each one's source. */
  voices: Voice[]
  voiceSource: Int32Array
  /** What its conflict sweep reads (`undefined` when it has no allowed claim with a number). */
  scope: RowScope | undefined
  /** Its within-source pairs, in the order the row lists them. */
  within: Conflict[]
  /** The row as last computed, with which sources off, and how many of its voices had a number (see the module doc). */
  last: { row: TopicConsensus; exclude: ReadonlySet<string>; numbered: number } | undefined
}

/** A corpus prepared for {@link preparedRows}. */
export interface PreparedConsensus {
  /** Symmetric related-topics lookup. */
  related: Map<string, Set<string>>
  /** Every row with a counted claim, by row key (`rowKey`). */
  rows: Map<string, PreparedRow>
  /** The rows each source has a counted claim in. */
  bySource: Map<string, Set<string>>
  /** Source ids by number, and the number of each. */
  sources: string[]
  sourceNumber: Map<string, number>
}

/**
 * Prepare a corpus.
 *
 * @param entries Its counted claims, in stable order (`countedClaims(files)`).
 * @param related Symmetric related-topics lookup (`relatedLookup`).
 * @param within The within-source pairs of each row when known already
 *   (the chart has them from the build, whose reasons quote words the page
 *   loads later); default: formed here from the claims' words.
 * @param voices The voices of each row when known already (the build's,
 *   sorted by key, as `groupVoices` gives them), or `undefined` for a row
 *   whose voices are to be grouped here; default: grouped here.
 * @returns The prepared corpus.
 * @example
 * const prepared = prepareConsensus(countedClaims(files), relatedLookup(related))
 * preparedRows(prepared, new Set(['some-source'])) // computeConsensus(files, {related, exclude: ['some-source']}).topics
 */
export function prepareConsensus(entries: CountedClaim[], related: Map<string, Set<string>>, within?: (row: string) => Conflict[], voices?: (row: string) => Voice[] | undefined): PreparedConsensus {
  const byRow = new Map<string, CountedClaim[]>()
  const bySource = new Map<string, Set<string>>()
  for (const entry of entries) {
    const list = byRow.get(entry.row)
    if (list) list.push(entry)
    else byRow.set(entry.row, [entry])
    let rows = bySource.get(entry.source)
    if (!rows) bySource.set(entry.source, (rows = new Set()))
    rows.add(entry.row)
  }
  const sources = [...bySource.keys()]
  const sourceNumber = new Map(sources.map((s, i) => [s, i]))
  const candidates = sortRowClaims(entries)
  // The pairs come with the groups when they are formed here (one sweep of the whole corpus).
  const formed = within ? undefined : conflictsOfRows(candidates, related)
  const none: RowCandidates = { allowed: [], numbered: [], vague: [] }
  const rows = new Map<string, PreparedRow>()
  for (const [key, list] of byRow) {
    const { topic, condition } = list[0]!.claim
    const own = candidates.get(key) ?? none
    const topics = [topic, ...(related.get(topic) ?? [])].sort(compareText)
    const voiceList = voices?.(key) ?? groupVoices(list)
    rows.set(key, {
      topic,
      condition,
      entries: list,
      entrySource: Int32Array.from(list, (e) => sourceNumber.get(e.source)!),
      voices: voiceList,
      voiceSource: Int32Array.from(voiceList, (v) => sourceNumber.get(v.source)!),
      scope: own.allowed.length === 0 ? undefined : rowScope(topic, topics, own, topics.map((t) => candidates.get(rowKey(t, condition)) ?? none), sourceNumber, sources),
      within: within ? within(key) : (formed!.get(key)?.withinSource ?? []),
      last: undefined
    })
  }
  return { related, rows, bySource, sources, sourceNumber }
}

/**
 * The rows whose consensus can change when some sources are switched off
 * or on: the rows they have a counted claim in, and the rows whose
 * conflicts compare with those (the same condition, a related topic).
 *
 * @param prepared A prepared corpus.
 * @param sources The sources switched.
 * @returns Row keys (each a row of `prepared`).
 */
export function touchedRows(prepared: PreparedConsensus, sources: Iterable<string>): Set<string> {
  const keys: string[] = []
  for (const source of sources) for (const key of prepared.bySource.get(source) ?? []) keys.push(key)
  return withRelated(prepared, keys)
}

/**
 * Rows and the rows their conflicts compare with.
 *
 * @param prepared A prepared corpus.
 * @param keys Row keys of `prepared`.
 * @returns Those rows and the rows of `prepared` on a related topic in the same condition.
 */
function withRelated(prepared: PreparedConsensus, keys: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const key of keys) {
    out.add(key)
    const row = prepared.rows.get(key)!
    for (const topic of prepared.related.get(row.topic) ?? []) {
      const other = rowKey(topic, row.condition)
      if (prepared.rows.has(other)) out.add(other)
    }
  }
  return out
}

/**
 * Compute rows of the consensus with some sources switched off.
 *
 * @param prepared A prepared corpus (each row computed is remembered in it, see the module doc).
 * @param exclude Source ids switched off.
 * @param rows Row keys to compute (default: every row).
 * @returns The rows asked for that keep a counted claim, sorted like a
 *   report's `topics`; each equal to that row of
 *   `computeConsensus(files, {related, exclude})`.
 */
export function preparedRows(prepared: PreparedConsensus, exclude: ReadonlySet<string>, rows?: Iterable<string>): TopicConsensus[] {
  const off = new Uint8Array(prepared.sources.length)
  for (const source of exclude) {
    const at = prepared.sourceNumber.get(source)
    if (at !== undefined) off[at] = 1
  }
  const out: TopicConsensus[] = []
  for (const key of rows ?? prepared.rows.keys()) {
    const row = prepared.rows.get(key)
    if (!row) continue
    const computed = computeRow(row, exclude, off, prepared.related)
    row.last = computed && { row: computed, exclude, numbered: computed.voiceList.reduce((n, v) => n + (v.wait === null ? 0 : 1), 0) }
    if (computed) out.push(computed)
  }
  return out.sort(compareRows)
}

/**
 * Remember rows computed elsewhere (the build's `computeConsensus`) as
 * the rows' last computation, so the first switch keeps their outliers
 * where the range stays (see the module doc).
 *
 * @param prepared A prepared corpus (changed).
 * @param rows Rows of the same corpus, computed with `exclude` off.
 * @param exclude The sources off in `rows` (default: none).
 */
export function rememberRows(prepared: PreparedConsensus, rows: TopicConsensus[], exclude: ReadonlySet<string> = new Set()): void {
  for (const row of rows) {
    const found = prepared.rows.get(rowKey(row.topic, row.condition))
    if (found) found.last = { row, exclude, numbered: row.voiceList.reduce((n, v) => n + (v.wait === null ? 0 : 1), 0) }
  }
}

/**
 * One prepared row with some sources off.
 *
 * @param row The prepared row.
 * @param exclude Source ids switched off.
 * @param off The same, by source number.
 * @param related Symmetric related-topics lookup.
 * @returns The row, or `undefined` when no counted claim is left in it.
 */
function computeRow(row: PreparedRow, exclude: ReadonlySet<string>, off: Uint8Array, related: Map<string, Set<string>>): TopicConsensus | undefined {
  if (exclude.size > 0 && !row.entrySource.some((source) => !off[source])) return undefined
  // The claims left, and their keys, are made when asked for: a switch in the chart reads neither.
  let left: CountedClaim[] | undefined
  const entries = () => (left ??= exclude.size === 0 ? row.entries : row.entries.filter((_, i) => !off[row.entrySource[i]!]))
  let claims: string[] | undefined
  let vague: string[] | undefined
  const voiceList = exclude.size === 0 ? row.voices : row.voices.filter((_, i) => !off[row.voiceSource[i]!])
  const waits = voiceList.map((v) => v.wait).filter((w): w is Hours => w !== null)
  const consensus = consensusRange(waits)
  const withinSource = exclude.size === 0 ? row.within : row.within.filter((c) => !exclude.has(c.allowed.source))
  const groups = row.scope ? scopeGroups(row.scope, off) : []
  const conflicts: RowConflicts = row.scope && groups.length + withinSource.length > 0
    ? { pairs: groups.reduce((n, g) => n + g.pairs, 0), withinSourcePairs: withinSource.length, topics: row.scope.topics, groups, withinSource }
    : { ...noConflicts(row.topic, related), withinSource, withinSourcePairs: withinSource.length }
  return {
    topic: row.topic,
    condition: row.condition,
    voices: voiceList.length,
    consensus,
    get claims() {
      return (claims ??= entries().map((e) => e.key))
    },
    voiceList,
    outliers: consensus ? outliersOf(row, entries, waits.length, consensus, exclude) : [],
    conflicts,
    get vague() {
      return (vague ??= entries()
        .filter((e) => e.claim.wait.min === null)
        .map((e) => e.key))
    }
  }
}

/**
 * A row's outliers, kept from its last computation when its range did not
 * move (see the module doc), else found again.
 *
 * @param row The prepared row.
 * @param entries Its claims left on (made when asked for).
 * @param numbered How many of its voices have a number.
 * @param range Its consensus range.
 * @param exclude Source ids switched off.
 * @returns The outliers, in stable order.
 */
function outliersOf(row: PreparedRow, entries: () => CountedClaim[], numbered: number, range: NonNullable<TopicConsensus['consensus']>, exclude: ReadonlySet<string>): Outlier[] {
  const last = row.last
  const before = last?.row.consensus
  const same = before && before.min === range.min && before.max === range.max && before.median === range.median && last.numbered >= minimumVoices === numbered >= minimumVoices
  if (!same) return findOutliers(entries(), numbered, range)
  const back = new Set([...last.exclude].filter((source) => !exclude.has(source)))
  const kept = exclude.size === 0 && last.exclude.size === 0 ? last.row.outliers : last.row.outliers.filter((o) => !exclude.has(o.source))
  if (back.size === 0) return kept
  // The outliers of the sources switched back on: claims are in source order, and these are other sources.
  const found = findOutliers(row.entries.filter((e) => back.has(e.source)), numbered, range)
  return mergeSorted([kept, found], (a, b) => compareText(a.source, b.source))
}
