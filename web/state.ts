/**
 * The consensus the page shows, kept up to date: the build's rows at
 * first, then the rows a switch touched, computed again from the corpus
 * prepared once (`src/consensus/prepared.ts`); the claims' words merged in
 * as they are loaded; new claims after a review. Pure apart from the
 * objects it keeps (no DOM).
 *
 * Decisions:
 * - The first screen is drawn from the consensus computed at build: the
 *   page computes nothing before it draws. Preparing the corpus for
 *   switches (counting, grouping and sorting every claim once) waits until
 *   the page has drawn ({@link prepare}; the page calls it when idle, and a
 *   switch made before that prepares first).
 * - A switch recomputes only the rows it touches (`touchedRows`: the rows
 *   the source has claims in and the rows whose conflicts compare with
 *   them); the other rows and every claim's view are kept.
 * - Within-source pairs are known per source (from the build, without
 *   their reasons, which quote the claims' words); when a source's words
 *   are loaded, the engine forms its pairs again (`digestSource`) and their
 *   reasons are filled in where the page shows them.
 */
import { relatedLookup } from '../src/consensus/conflicts.ts'
import { digestSource } from '../src/consensus/partial.ts'
import { prepareConsensus, preparedRows, rememberRows, touchedRows, type PreparedConsensus } from '../src/consensus/prepared.ts'
import { claimKey, compareRows, compareText, countedClaims, rowKey } from '../src/consensus/select.ts'
import type { Conflict, TopicConsensus } from '../src/consensus/types.ts'
import { effectiveClaim, type ClaimsFile } from '../src/schema.ts'
import { relatedOf, type SiteData, type SourceDetail } from '../src/site/data.ts'
import { applyRows, baseModel, wordsChanged, type BaseModel } from './model.ts'

/** What the page shows and what it keeps to update it. */
export interface PageState {
  data: SiteData
  /** The model, with the current state of the consensus applied. */
  base: BaseModel
  /** Symmetric related-topics lookup of the data. */
  related: Map<string, Set<string>>
  /** Sources switched off. */
  exclude: Set<string>
  /** The corpus prepared for switches, once {@link prepare} ran. */
  prepared: PreparedConsensus | undefined
  /** Each source's within-source pairs, by engine row key. */
  within: Map<string, Map<string, Conflict[]>>
  /** Sources whose claims carry their words. */
  worded: Set<string>
  /** The consensus rows of the whole data (no source off) when they came with it (the build's), else `undefined`. */
  whole: TopicConsensus[] | undefined
}

/**
 * Start from the data and the consensus of the build.
 *
 * @param data Site data (claims with their values).
 * @param rows The consensus rows of the whole data (no source off).
 * @param exclude Sources switched off (default: none): their rows are computed at once.
 * @returns The state.
 */
export function createState(data: SiteData, rows: TopicConsensus[], exclude: ReadonlySet<string> = new Set()): PageState {
  const state: PageState = {
    data,
    base: baseModel(data, rows),
    related: relatedLookup(relatedOf(data)),
    exclude: new Set(),
    prepared: undefined,
    within: withinBySource(rows),
    worded: new Set(),
    whole: rows
  }
  if (exclude.size > 0) setExcluded(state, exclude)
  return state
}

/**
 * Prepare the corpus for switches (once; later calls return at once).
 *
 * @param state The state (changed).
 * @returns The prepared corpus.
 */
export function prepare(state: PageState): PreparedConsensus {
  if (state.prepared) return state.prepared
  const byRow = new Map<string, Conflict[]>()
  for (const source of [...state.within.keys()].sort(compareText)) {
    for (const [row, pairs] of state.within.get(source)!) {
      const list = byRow.get(row)
      if (list) list.push(...pairs)
      else byRow.set(row, [...pairs])
    }
  }
  // The voices of the rows as the build gave them (no source off), when the state still has them.
  const voices = state.whole && new Map(state.whole.map((t) => [rowKey(t.topic, t.condition), t.voiceList]))
  state.prepared = prepareConsensus(countedClaims(state.data.files), state.related, (row) => byRow.get(row) ?? [], (row) => voices?.get(row))
  rememberRows(state.prepared, currentRows(state), state.exclude)
  return state.prepared
}

/**
 * Switch sources off (and the others on).
 *
 * @param state The state (changed).
 * @param exclude The sources to have off.
 * @returns The engine row keys that were computed again.
 */
export function setExcluded(state: PageState, exclude: ReadonlySet<string>): Set<string> {
  const switched = [...exclude].filter((s) => !state.exclude.has(s)).concat([...state.exclude].filter((s) => !exclude.has(s)))
  if (switched.length === 0) return new Set()
  const prepared = prepare(state)
  state.exclude = new Set(exclude)
  const touched = touchedRows(prepared, switched)
  applyRows(state.base, preparedRows(prepared, state.exclude, touched), state.exclude, touched)
  return touched
}

/**
 * Put a claims file's words into the state: its claims as stored replace
 * their values-only copies, the summaries the conflict reasons quote get
 * the words, and its within-source pairs get their reasons.
 *
 * @param state The state (changed).
 * @param detail The claims file's detail.
 * @returns Whether anything changed (`false` when its words were there already or the data has no such file).
 */
export function mergeWords(state: PageState, detail: SourceDetail): boolean {
  if (state.worded.has(detail.source)) return false
  const at = state.data.files.findIndex((f) => f.source === detail.source)
  if (at < 0) return false
  const file: ClaimsFile = { ...state.data.files[at]!, claims: detail.claims }
  state.data.files[at] = file
  state.worded.add(detail.source)
  for (const stored of file.claims) {
    const key = claimKey(file.source, stored.id)
    const view = state.base.claims.get(key)
    if (!view) continue
    view.stored = stored
    view.claim = effectiveClaim(stored)
    wordsChanged(state.base, view)
  }
  const known = state.within.get(detail.source)
  if (known) {
    const formed = digestSource(file, state.related).within
    for (const [row, pairs] of known) {
      const reasons = new Map((formed[row] ?? []).map((c) => [pairKey(c), c.reason]))
      for (const pair of pairs) pair.reason = reasons.get(pairKey(pair)) ?? pair.reason
    }
  }
  return true
}

/**
 * Replace the data after a review or a regeneration, keeping the sources
 * switched off and the words already loaded.
 *
 * @param state The state (changed).
 * @param data The new data.
 * @param rows The consensus rows of the whole new data when known (a new
 *   `data.js`); without them (a review put into the data here) they are
 *   computed from the data, the reviewed sources' within-source pairs formed
 *   from their words.
 * @param changed Sources whose claims changed (their pairs are formed again; default: none).
 */
export function replaceData(state: PageState, data: SiteData, rows?: TopicConsensus[], changed: Iterable<string> = []): void {
  const exclude = new Set([...state.exclude].filter((s) => data.files.some((f) => f.source === s)))
  state.data = data
  state.related = relatedLookup(relatedOf(data))
  state.prepared = undefined
  state.worded = new Set([...state.worded].filter((s) => !rows && data.files.some((f) => f.source === s)))
  if (rows) state.within = withinBySource(rows)
  else {
    for (const source of changed) {
      const file = data.files.find((f) => f.source === source)
      state.within.delete(source)
      if (file) {
        const formed = digestSource(file, state.related).within
        if (Object.keys(formed).length > 0) state.within.set(source, new Map(Object.entries(formed)))
      }
    }
  }
  state.whole = rows
  const whole = rows ?? preparedRows(prepare(state), new Set())
  state.base = baseModel(data, whole)
  state.exclude = new Set()
  if (exclude.size > 0) setExcluded(state, exclude)
}

/**
 * The rows of the state applied, in report order.
 *
 * @param state The state.
 * @returns Its consensus rows.
 */
export function currentRows(state: PageState): TopicConsensus[] {
  return [...state.base.consensus.values()].sort(compareRows)
}

/**
 * Each source's within-source pairs in some rows.
 *
 * @param rows Consensus rows.
 * @returns Pairs by source, then engine row key.
 */
function withinBySource(rows: TopicConsensus[]): Map<string, Map<string, Conflict[]>> {
  const out = new Map<string, Map<string, Conflict[]>>()
  for (const row of rows) {
    const key = rowKey(row.topic, row.condition)
    for (const pair of row.conflicts.withinSource) {
      let rowsOf = out.get(pair.allowed.source)
      if (!rowsOf) out.set(pair.allowed.source, (rowsOf = new Map()))
      const list = rowsOf.get(key)
      if (list) list.push(pair)
      else rowsOf.set(key, [pair])
    }
  }
  return out
}

/** Identity of a within-source pair. */
function pairKey(pair: Conflict): string {
  return `${pair.allowed.id}\u0000${pair.avoid.id}`
}
