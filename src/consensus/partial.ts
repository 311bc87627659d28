/**
 * The consensus of some rows only, from what each source contributes:
 * what an incremental run needs. A source's contribution is its
 * {@link SourceDigest}: its counted claims without their words (enough for
 * voices, ranges, outliers and conflict groups) and its within-source
 * conflict pairs (the only part that needs the words). Kept per source, it
 * lets a run that changed one source recompute only the rows that source
 * touches ({@link affectedRows}), with the same result as
 * `computeConsensus` on the whole corpus: rows are computed by the same
 * code (`computeRow`, `findConflicts`), from the claims in the same order.
 *
 * Browser-safe (no Node APIs).
 */
import type { ClaimsFile, Claim, Stance } from '../schema.ts'
import { computeRow, noConflicts } from './compute.ts'
import { findConflicts } from './conflicts.ts'
import { claimKey, compareRows, countedClaims, rowKey, voiceKey, type CountedClaim } from './select.ts'
import type { Conflict, TopicConsensus } from './types.ts'

/** A counted claim without its words: id, topic, condition, stance, wait (min, max) and speaker, corrections applied. */
export type CompactClaim = [id: string, topic: string, condition: string | null, stance: Stance, min: number | null, max: number | null, speaker: string | null]

/** What one source contributes to the consensus. */
export interface SourceDigest {
  source: string
  /** Its counted claims (rejected and orphaned ones left out), in file order. */
  claims: CompactClaim[]
  /** Its within-source conflict pairs, by row key (`rowKey`); rows without any are absent. */
  within: Record<string, Conflict[]>
  /** Ids of its claims with `status: orphaned` (for "newly orphaned"). */
  orphaned: string[]
}

/**
 * Digest one claims file.
 *
 * @param file A validated claims file.
 * @param related Symmetric related-topics lookup (see `relatedLookup`): within-source pairs depend on it.
 * @returns Its digest.
 * @example
 * digestSource(file, relatedLookup({sweating: ['sauna']})).claims[0] // ['sauna-1a2b3c4d', 'sauna', null, 'avoid', 48, 48, null]
 */
export function digestSource(file: ClaimsFile, related: Map<string, Set<string>>): SourceDigest {
  const entries = countedClaims([file])
  const within: Record<string, Conflict[]> = {}
  for (const [key, found] of findConflicts(entries, related)) if (found.withinSource.length > 0) within[key] = found.withinSource
  return {
    source: file.source,
    claims: entries.map(({ claim: c }) => [c.id, c.topic, c.condition, c.stance, c.wait.min, c.wait.max, c.speaker]),
    within,
    orphaned: file.claims.filter((c) => c.status === 'orphaned').map((c) => c.id)
  }
}

/**
 * The rows whose consensus can differ when some sources' claims change: the
 * rows of their claims, and every row whose conflicts compare with those
 * (the same condition, the topic itself or one related to it).
 *
 * @param digests The changed sources' digests, before and after the change.
 * @param related Symmetric related-topics lookup.
 * @returns Row keys (`rowKey`).
 */
export function affectedRows(digests: SourceDigest[], related: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>()
  for (const digest of digests) {
    for (const [, topic, condition] of digest.claims) {
      out.add(rowKey(topic, condition))
      for (const other of related.get(topic) ?? []) out.add(rowKey(other, condition))
    }
  }
  return out
}

/**
 * Compute some rows of the consensus of a corpus from its sources' digests.
 *
 * @param digests One digest per claims file; any order (they are sorted by source, as `computeConsensus` sorts files).
 * @param rows Row keys to compute (default: every row).
 * @param related Symmetric related-topics lookup, the one the digests were made with.
 * @returns The rows asked for that have claims, sorted like a report's `topics`; each equal to the same row of `computeConsensus`.
 */
export function computeRows(digests: SourceDigest[], rows: Set<string> | undefined, related: Map<string, Set<string>>): TopicConsensus[] {
  const needed = rows && new Set(rows)
  if (rows) {
    for (const key of rows) {
      const [topic, condition] = key.split('\u0000') as [string, string]
      for (const other of related.get(topic) ?? []) needed!.add(`${other}\u0000${condition}`)
    }
  }
  const sorted = [...digests].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
  const entries: CountedClaim[] = []
  const byRow = new Map<string, CountedClaim[]>()
  let order = 0
  for (const digest of sorted) {
    for (const compact of digest.claims) {
      const key = rowKey(compact[1], compact[2])
      order++
      if (needed && !needed.has(key)) continue
      const claim = expand(compact)
      const entry: CountedClaim = { claim, source: digest.source, voice: voiceKey(digest.source, claim.speaker), key: claimKey(digest.source, claim.id), order }
      entries.push(entry)
      if (rows && !rows.has(key)) continue
      const list = byRow.get(key)
      if (list) list.push(entry)
      else byRow.set(key, [entry])
    }
  }
  const within = (row: string) => sorted.flatMap((digest) => digest.within[row] ?? [])
  const conflicts = findConflicts(entries, related, within)
  return [...byRow.entries()].map(([key, list]) => computeRow(list, conflicts.get(key) ?? noConflicts(list[0]!.claim.topic, related))).sort(compareRows)
}

/**
 * Every row key of a corpus.
 *
 * @param digests Its sources' digests.
 * @returns The keys of the rows that have a counted claim.
 */
export function rowKeys(digests: SourceDigest[]): Set<string> {
  const out = new Set<string>()
  for (const digest of digests) for (const [, topic, condition] of digest.claims) out.add(rowKey(topic, condition))
  return out
}

/**
 * A compact claim as a claim the row code can read (it reads no words).
 *
 * @param compact A compact claim.
 * @returns A claim with empty words.
 */
function expand([id, topic, condition, stance, min, max, speaker]: CompactClaim): Claim {
  return {
    id,
    topic,
    activity: '',
    stance,
    wait: { min, max, text: null },
    condition,
    speaker,
    quote: '',
    span: { start: 0, end: 0, line: 1 },
    review: { status: 'unreviewed' }
  }
}
