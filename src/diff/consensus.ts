/**
 * Compare two consensus reports row by row: what a regeneration, a review
 * or a new source changed. Pure and browser-safe.
 */
import { claimRef, compareRows, compareText, rowKey } from '../consensus/select.ts'
import type { Conflict, ConflictGroup, ConsensusReport, Outlier, TopicConsensus, Voice } from '../consensus/types.ts'
import { formatHours, formatRange, formatWait } from '../consensus/words.ts'
import { effectiveClaim, type ClaimsFile } from '../schema.ts'
import type { ClaimRef, ConsensusDiff, OrphanedClaim, RowDiff, VoiceChange } from './types.ts'

/**
 * What changed between two states of the consensus, per topic/condition row.
 *
 * Decisions:
 * - A range "moved" when its words changed as every report shows them
 *   (`formatRange` of the ends, `formatHours` of the median): a median going
 *   from 40 h to 40.2 h is not reported, 48–72 h → 48 h – 1 week is.
 * - Outliers are matched by source and claim id. Conflict groups are
 *   matched by the time they allow from; a group on both sides whose
 *   reason words changed (claims or sources counted, shortest contrary
 *   wait, topics) is listed as changed. Within-source pairs are matched by
 *   their two claims (source and id each); one whose claims stay but whose
 *   reason words change is not a change.
 * - Claims are matched by source *and* id (ids are unique within a source
 *   only). A claim counted in another row after a correction counts as
 *   removed from one row and added to the other.
 * - Newly orphaned: a claim `status: orphaned` after that was not before
 *   (or did not exist before). It is listed with the row of its topic and
 *   condition (corrections applied) when that row exists on either side.
 * - Rows with no difference are left out; the order is the consensus order.
 *
 * @param before The consensus before (of `beforeFiles`).
 * @param after The consensus after (of `afterFiles`).
 * @param beforeFiles The claims files the `before` report was computed from.
 * @param afterFiles The claims files the `after` report was computed from.
 * @returns The changed rows and newly orphaned claims; `rows` and `orphaned` are empty when nothing moved.
 * @example
 * const diff = diffConsensus(computeConsensus(oldFiles), computeConsensus(newFiles), oldFiles, newFiles)
 * diff.rows[0] // {topic: 'exercise', condition: null, kind: 'changed', rangeMoved: true, voicesAdded: ['new-source'], …}
 */
export function diffConsensus(before: ConsensusReport, after: ConsensusReport, beforeFiles: ClaimsFile[], afterFiles: ClaimsFile[]): ConsensusDiff {
  return diffRows(before.topics, after.topics, newlyOrphaned(beforeFiles, afterFiles), {
    rowsBefore: before.topics.length,
    rowsAfter: after.topics.length,
    sourcesBefore: beforeFiles.length,
    sourcesAfter: afterFiles.length
  })
}

/** The totals a diff reports besides its rows. */
export type DiffTotals = Pick<ConsensusDiff, 'rowsBefore' | 'rowsAfter' | 'sourcesBefore' | 'sourcesAfter'>

/**
 * What changed between two sets of rows: the work of {@link diffConsensus},
 * on any subset of rows. An incremental run passes only the rows it
 * recomputed (those its changed claims touch): every other row is the same
 * on both sides and would give no difference.
 *
 * @param before Rows before (any subset, in any order).
 * @param after The same rows after (a row missing on one side is added or removed).
 * @param orphaned Claims newly orphaned (see {@link newlyOrphaned}); each
 *   is listed with its row when that row is in `before` or `after`, else on its own.
 * @param totals Rows and sources counted on each side, over the whole corpus.
 * @returns The diff.
 */
export function diffRows(before: TopicConsensus[], after: TopicConsensus[], orphaned: OrphanedClaim[], totals: DiffTotals): ConsensusDiff {
  const beforeRows = new Map(before.map((row) => [rowKey(row.topic, row.condition), row]))
  const afterRows = new Map(after.map((row) => [rowKey(row.topic, row.condition), row]))
  const orphanedByRow = new Map<string, OrphanedClaim[]>()
  const loose: OrphanedClaim[] = []
  for (const claim of orphaned) {
    const key = rowKey(claim.topic, claim.condition)
    if (!beforeRows.has(key) && !afterRows.has(key)) loose.push(claim)
    else orphanedByRow.set(key, [...(orphanedByRow.get(key) ?? []), claim])
  }
  const keys = new Set([...beforeRows.keys(), ...afterRows.keys()])
  const rows: RowDiff[] = []
  for (const key of keys) {
    const from = beforeRows.get(key)
    const to = afterRows.get(key)
    const row = diffRow(from, to, orphanedByRow.get(key) ?? [])
    if (row) rows.push(row)
  }
  rows.sort(compareRows)
  return { rows, orphaned: loose, ...totals }
}

/**
 * Whether a diff holds any change.
 *
 * @param diff A diff from {@link diffConsensus}.
 * @returns `true` when some row changed or some claim was newly orphaned.
 * @example
 * hasChanges(diffConsensus(report, report, files, files)) // false
 */
export function hasChanges(diff: ConsensusDiff): boolean {
  return diff.rows.length > 0 || diff.orphaned.length > 0
}

/**
 * Compare one row on both sides.
 *
 * @param from The row before (`undefined` when new).
 * @param to The row after (`undefined` when gone).
 * @param orphaned Claims of this row newly orphaned.
 * @returns The row's diff, or `undefined` when nothing changed.
 */
function diffRow(from: TopicConsensus | undefined, to: TopicConsensus | undefined, orphaned: OrphanedClaim[]): RowDiff | undefined {
  const claimsFrom = from?.claims ?? []
  const claimsTo = to?.claims ?? []
  const any = (to ?? from)!
  const votersFrom = new Map((from?.voiceList ?? []).map((v) => [v.key, v]))
  const votersTo = new Map((to?.voiceList ?? []).map((v) => [v.key, v]))
  const voicesChanged: VoiceChange[] = []
  for (const [key, voice] of votersTo) {
    const old = votersFrom.get(key)
    if (old && position(old) !== position(voice)) voicesChanged.push({ key, from: old, to: voice })
  }
  const rangeMoved = consensusWords(from?.consensus ?? null) !== consensusWords(to?.consensus ?? null)
  const row: RowDiff = {
    topic: any.topic,
    condition: any.condition,
    kind: !from ? 'added' : !to ? 'removed' : 'changed',
    consensus: { from: from?.consensus ?? null, to: to?.consensus ?? null },
    rangeMoved: from !== undefined && to !== undefined ? rangeMoved : true,
    voices: { from: from?.voices ?? 0, to: to?.voices ?? 0 },
    voicesAdded: [...votersTo.keys()].filter((key) => !votersFrom.has(key)).sort(compareText),
    voicesRemoved: [...votersFrom.keys()].filter((key) => !votersTo.has(key)).sort(compareText),
    voicesChanged: voicesChanged.sort((a, b) => compareText(a.key, b.key)),
    outliersNew: only(to?.outliers ?? [], from?.outliers ?? [], outlierKey),
    outliersResolved: only(from?.outliers ?? [], to?.outliers ?? [], outlierKey),
    conflictsNew: only(to?.conflicts.groups ?? [], from?.conflicts.groups ?? [], groupKey),
    conflictsResolved: only(from?.conflicts.groups ?? [], to?.conflicts.groups ?? [], groupKey),
    conflictsChanged: changedGroups(from?.conflicts.groups ?? [], to?.conflicts.groups ?? []),
    withinSourceNew: only(to?.conflicts.withinSource ?? [], from?.conflicts.withinSource ?? [], conflictKey),
    withinSourceResolved: only(from?.conflicts.withinSource ?? [], to?.conflicts.withinSource ?? [], conflictKey),
    // Claim keys (`<source>/<id>`) compared as they are; only the differences become references.
    claimsAdded: onlyKeys(claimsTo, claimsFrom).map(claimRef),
    claimsRemoved: onlyKeys(claimsFrom, claimsTo).map(claimRef),
    orphaned
  }
  const changed =
    row.kind !== 'changed' ||
    row.rangeMoved ||
    row.voicesAdded.length + row.voicesRemoved.length + row.voicesChanged.length > 0 ||
    row.outliersNew.length + row.outliersResolved.length > 0 ||
    row.conflictsNew.length + row.conflictsResolved.length + row.conflictsChanged.length > 0 ||
    row.withinSourceNew.length + row.withinSourceResolved.length > 0 ||
    row.claimsAdded.length + row.claimsRemoved.length > 0 ||
    row.orphaned.length > 0
  return changed ? row : undefined
}

/**
 * The items of one list whose key the other list lacks, in their order.
 *
 * @param items Items to keep from.
 * @param others Items to compare with.
 * @param keyOf Identity of an item.
 * @returns The items of `items` not in `others`.
 */
function only<T>(items: T[], others: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set(others.map(keyOf))
  return items.filter((item) => !seen.has(keyOf(item)))
}

/**
 * The keys of one list the other lacks, in their order. Two states of a
 * row share all but the keys of the sources that changed, which sit
 * together (keys go by source): the common start and end are skipped
 * first, so a row of thousands of claims costs a pass, not two sets.
 *
 * @param items Keys to keep from.
 * @param others Keys to compare with.
 * @returns The keys of `items` not in `others`.
 */
function onlyKeys(items: string[], others: string[]): string[] {
  let start = 0
  while (start < items.length && start < others.length && items[start] === others[start]) start++
  let end = 0
  while (end < items.length - start && end < others.length - start && items[items.length - 1 - end] === others[others.length - 1 - end]) end++
  const middle = items.slice(start, items.length - end)
  if (middle.length === 0) return middle
  return only(middle, others.slice(start, others.length - end), (key) => key)
}

/**
 * Claims orphaned after that were not orphaned before.
 *
 * @param beforeFiles Claims files before.
 * @param afterFiles Claims files after.
 * @returns The claims, in source then file order.
 */
export function newlyOrphaned(beforeFiles: ClaimsFile[], afterFiles: ClaimsFile[]): OrphanedClaim[] {
  const wasOrphaned = new Set<string>()
  for (const file of beforeFiles) {
    for (const claim of file.claims) if (claim.status === 'orphaned') wasOrphaned.add(refKey({ source: file.source, id: claim.id }))
  }
  const out: OrphanedClaim[] = []
  const files = [...afterFiles].sort((a, b) => compareText(a.source, b.source))
  for (const file of files) {
    for (const stored of file.claims) {
      if (stored.status !== 'orphaned' || wasOrphaned.has(refKey({ source: file.source, id: stored.id }))) continue
      const claim = effectiveClaim(stored)
      out.push({ source: file.source, id: claim.id, topic: claim.topic, condition: claim.condition, quote: claim.quote, line: claim.span.line })
    }
  }
  return out
}

/**
 * A row's consensus as the reports word it.
 *
 * @param consensus Range and median, or `null`.
 * @returns E.g. `48–72 h|3 days`, or `none`.
 */
function consensusWords(consensus: TopicConsensus['consensus']): string {
  return consensus ? `${formatRange(consensus.min, consensus.max)}|${formatHours(consensus.median)}` : 'none'
}

/**
 * A voice's position as the reports word it.
 *
 * @param voice A voice.
 * @returns E.g. `avoid 3 days`, `allowed no number`.
 */
function position(voice: Voice): string {
  return `${voice.stance} ${voice.wait ? formatWait(voice.wait) : 'no number'}`
}

/** Identity of an outlier: its source and claim. */
function outlierKey(outlier: Outlier): string {
  return `${outlier.source}\u0000${outlier.claim}`
}

/** Identity of a pair: its two claims, each with its source. */
function conflictKey(conflict: Conflict): string {
  return [conflict.allowed.source, conflict.allowed.id, conflict.avoid.source, conflict.avoid.id].join('\u0000')
}

/** Identity of a conflict group within its row: the time it allows from. */
function groupKey(group: ConflictGroup): string {
  return String(group.allowedFrom)
}

/**
 * Groups on both sides whose words changed.
 *
 * @param from Groups before.
 * @param to Groups after.
 * @returns Pairs of the group before and after, in the order of `to`.
 */
function changedGroups(from: ConflictGroup[], to: ConflictGroup[]): { from: ConflictGroup; to: ConflictGroup }[] {
  const before = new Map(from.map((g) => [groupKey(g), g]))
  const out: { from: ConflictGroup; to: ConflictGroup }[] = []
  for (const group of to) {
    const old = before.get(groupKey(group))
    if (old && old.reason !== group.reason) out.push({ from: old, to: group })
  }
  return out
}

/** Identity of a claim: source and id. */
function refKey(ref: ClaimRef): string {
  return `${ref.source}\u0000${ref.id}`
}
