/**
 * The rows a change touches, from the row tallies kept between runs
 * (`tally.ts`) instead of from every source's claims: what a run that adds,
 * edits or reviews a few sources of a large corpus needs to say what
 * changed.
 *
 * A row of a large corpus has thousands of claims, and a new source
 * usually touches every row; computing the rows before and after the
 * change from the claims (`computeStates`) builds every claim of the
 * corpus twice. Here the stored tally of each touched row loses the tally
 * of the changed sources' claims before and gains that of their claims
 * after, and what the report compares is read from the tallies: the
 * consensus range and the voice count, and every conflict group. What
 * belongs to a source (its claims, its voices, its outliers, its
 * within-source pairs) differs only for the changed sources, so the rows
 * this module gives hold only theirs: they are rows *of the change*, to be
 * compared with each other (`diffRows`), not rows to show.
 *
 * When the tallies cannot say it exactly, {@link changeRows} says so
 * (`undefined`) and the caller computes the rows from the claims: when the
 * range moved so far that claims of unchanged sources became or stopped
 * being outliers, or when taking a source out left a tally without a
 * sample or a source a group names. A test checks the result against the
 * whole consensus on random histories of changes.
 *
 * Browser-safe (no Node APIs).
 */
import { comparedTopics, conflictGroups, sortRowClaims, type RowCandidates } from './conflicts.ts'
import { findOutliers, minimumVoices, outlierWait } from './outliers.ts'
import { assemble, prepareDigests, type Parts, type SourceDigest } from './partial.ts'
import { countWaits, rangeOfCounts } from './range.ts'
import { compareRows, rowKey } from './select.ts'
import { emptyTally, isEmptyTally, mergeTallies, tallyAvoid, tallyCompared, tallyVoices, unmergeTallies, type RowTally } from './tally.ts'
import type { TopicConsensus } from './types.ts'

/** The tallies of a corpus, by row key (`rowKey`). */
export type Tallies = Map<string, RowTally>

/** One source changed: its digest before and after (absent on the side where it had no claims file). */
export interface SourceChange {
  before?: SourceDigest
  after?: SourceDigest
}

/** What {@link changeRows} gives. */
export interface ChangedRows {
  /** The rows asked for before the change, as rows of the change (see the module doc), sorted like a report's `topics`. */
  before: TopicConsensus[]
  /** The same rows after it. */
  after: TopicConsensus[]
  /** The tallies after the change (those of untouched rows are the same objects). */
  tallies: Tallies
}

/**
 * Tally every row of a corpus from its sources' digests, and every row its
 * rows' conflicts compare with (the related topics in each condition), so
 * that a source bringing claims to one of those later finds it counted.
 *
 * @param digests One digest per claims file, any order.
 * @param related Symmetric related-topics lookup, the one the digests were made with.
 * @returns The tallies, by row key.
 */
export function tallyDigests(digests: SourceDigest[], related: Map<string, Set<string>>): Tallies {
  const parts = assemble(prepareDigests(digests), undefined, undefined)
  const keys = new Set<string>()
  for (const list of parts.entries.values()) {
    const { topic, condition } = list[0]!.claim
    keys.add(rowKey(topic, condition))
    for (const other of related.get(topic) ?? []) keys.add(rowKey(other, condition))
  }
  return tallyParts(parts, keys, related)
}

/**
 * Tally some rows of assembled digests.
 *
 * @param parts The digests' rows (see `assemble`).
 * @param keys Rows to tally.
 * @param related Symmetric related-topics lookup.
 * @returns The tallies of those rows that count something, by row key.
 */
function tallyParts(parts: Parts, keys: Iterable<string>, related: Map<string, Set<string>>): Tallies {
  const candidates = new Map<string, RowCandidates>()
  for (const list of parts.entries.values()) for (const [row, found] of sortRowClaims(list)) candidates.set(row, found)
  const out: Tallies = new Map()
  for (const key of keys) {
    const { topic, condition } = splitRowKey(key)
    const own = candidates.get(key) ?? { allowed: [], numbered: [], vague: [] }
    const entries = parts.entries.get(key) ?? []
    const compared = comparedTopics(topic, related).flatMap((t) => {
      const found = candidates.get(rowKey(t, condition))
      return found ? [found.numbered, found.vague] : []
    })
    const { allowed, contrary } = tallyCompared(own.allowed, compared)
    const tally: RowTally = {
      topic,
      condition,
      claims: entries.length,
      ...tallyVoices(parts.voices.get(key) ?? []),
      claimWaits: countWaits(entries.map((e) => e.claim.wait)),
      avoid: tallyAvoid(own.numbered, own.vague),
      allowed,
      contrary,
      withinPairs: parts.within.get(key)?.length ?? 0
    }
    if (!isEmptyTally(tally)) out.set(key, tally)
  }
  return out
}

/**
 * A row key back as its topic and condition.
 *
 * @param key A key from `rowKey`.
 * @returns Its topic and condition (`null` for the general row).
 */
function splitRowKey(key: string): { topic: string; condition: string | null } {
  const at = key.indexOf('\u0000')
  return { topic: key.slice(0, at), condition: key.slice(at + 1) || null }
}

/**
 * Update the tallies of the rows some sources' change touches, and give
 * those rows before and after as rows of the change (see the module doc).
 *
 * @param tallies The corpus's tallies before the change (left as they are).
 * @param changes The sources that changed (each source once).
 * @param rows The rows their change touches (`affectedRows`, merged).
 * @param related Symmetric related-topics lookup.
 * @returns The rows and the new tallies; `undefined` when the tallies
 *   cannot give them exactly (the rows must then be computed from the claims).
 * @example
 * const change = changeRows(tallies, [{after: digestSource(file, related)}], affectedRows(undefined, digest, related), related)
 * change && diffRows(change.before, change.after, [], totals)
 */
export function changeRows(tallies: Tallies, changes: SourceChange[], rows: Set<string>, related: Map<string, Set<string>>): ChangedRows | undefined {
  const gone = new Set(changes.flatMap((c) => [c.before?.source, c.after?.source]).filter((s) => s !== undefined))
  const partsBefore = changedParts(changes.flatMap((c) => (c.before ? [c.before] : [])))
  const partsAfter = changedParts(changes.flatMap((c) => (c.after ? [c.after] : [])))
  // Every row where a changed source has claims is tallied again, also where its claims there did
  // not change: their places among the source's claims may have moved, and a group orders one
  // source's claims of several rows by them.
  const touched = new Set(rows)
  for (const parts of [partsBefore, partsAfter]) for (const key of parts.entries.keys()) touched.add(key)
  const takenOut = tallyParts(partsBefore, touched, related)
  const putIn = tallyParts(partsAfter, touched, related)
  const next: Tallies = new Map(tallies)
  for (const key of touched) {
    const { topic, condition } = splitRowKey(key)
    const empty = emptyTally(topic, condition)
    const out = takenOut.get(key)
    const without = out ? unmergeTallies(tallies.get(key) ?? empty, out, gone) : (tallies.get(key) ?? empty)
    const tally = mergeTallies(without, putIn.get(key) ?? empty)
    if (!outliersStay(tallies.get(key), without, tally)) return undefined
    if (isEmptyTally(tally)) next.delete(key)
    else next.set(key, tally)
  }
  const before: TopicConsensus[] = []
  const after: TopicConsensus[] = []
  for (const key of rows) {
    const from = changedRow(key, tallies, partsBefore, related)
    const to = changedRow(key, next, partsAfter, related)
    if (from === undefined || to === undefined) return undefined
    if (from) before.push(from)
    if (to) after.push(to)
  }
  return { before: before.sort(compareRows), after: after.sort(compareRows), tallies: next }
}

/**
 * The changed sources' digests assembled.
 *
 * @param digests Their digests on one side of the change.
 * @returns Their rows.
 */
function changedParts(digests: SourceDigest[]): Parts {
  return assemble(prepareDigests(digests), undefined, undefined)
}

/**
 * Whether every unchanged source's claims keep their outlier status: true
 * when the range (and whether the row has enough voices for outliers) is
 * the same, or when no wait that an unchanged source states changed status.
 *
 * @param before The row's tally before (none: no row).
 * @param without Its tally without the changed sources.
 * @param after Its tally after.
 * @returns `false` when some claim of an unchanged source became, or stopped being, an outlier.
 */
function outliersStay(before: RowTally | undefined, without: RowTally, after: RowTally): boolean {
  const judge = judgeOf(before)
  const judgeAfter = judgeOf(after)
  if (judge.key === judgeAfter.key) return true
  return without.claimWaits.every(([min, max]) => judge.outlier(min, max) === judgeAfter.outlier(min, max))
}

/**
 * How a row judges outliers.
 *
 * @param tally The row's tally (none: no row).
 * @returns A key that is the same when the judgement is, and the judgement of one wait.
 */
function judgeOf(tally: RowTally | undefined): { key: string; outlier: (min: number, max: number | null) => boolean } {
  const range = tally ? rangeOfCounts(tally.voiceWaits) : null
  const numbered = tally ? tally.voiceWaits.reduce((n, w) => n + w[2], 0) : 0
  if (!range || numbered < minimumVoices) return { key: 'none', outlier: () => false }
  return { key: `${range.min}:${range.max}:${range.median}`, outlier: (min, max) => outlierWait({ min, max }, range) !== null }
}

/**
 * One row as a row of the change: the whole row's figures from its tally,
 * the changed sources' own parts from their claims.
 *
 * @param key The row's key.
 * @param tallies Every row's tally on this side of the change.
 * @param parts The changed sources' rows on this side.
 * @param related Symmetric related-topics lookup.
 * @returns The row; `null` when it has no claims on this side; `undefined` when its groups cannot be read from the tallies.
 */
function changedRow(key: string, tallies: Tallies, parts: Parts, related: Map<string, Set<string>>): TopicConsensus | null | undefined {
  const tally = tallies.get(key)
  if (!tally || tally.claims === 0) return null
  const { topic, condition } = tally
  const topics = comparedTopics(topic, related)
  const compared = topics.map((t) => ({ topic: t, avoid: (tallies.get(rowKey(t, condition)) ?? emptyTally(t, condition)).avoid }))
  const groups = conflictGroups(topic, tally.allowed, tally.contrary, compared)
  if (!groups) return undefined
  const consensus = rangeOfCounts(tally.voiceWaits)
  const numbered = tally.voiceWaits.reduce((n, w) => n + w[2], 0)
  const entries = parts.entries.get(key) ?? []
  return {
    topic,
    condition,
    voices: tally.voices,
    consensus,
    claims: entries.map((e) => e.key),
    voiceList: parts.voices.get(key) ?? [],
    outliers: consensus ? findOutliers(entries, numbered, consensus) : [],
    conflicts: { pairs: groups.reduce((n, g) => n + g.pairs, 0), withinSourcePairs: tally.withinPairs, topics, groups, withinSource: parts.within.get(key) ?? [] },
    vague: entries.filter((e) => e.claim.wait.min === null).map((e) => e.key)
  }
}
