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
import { claimKey, compareRows, compareText, countedClaims, rowKey, voiceKey, type CountedClaim } from './select.ts'
import { groupVoices } from './voices.ts'
import type { Conflict, TopicConsensus, Voice } from './types.ts'

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
  return computeStates([digests], rows, related)[0]!
}

/**
 * Compute the same rows for several states of a corpus (before and after
 * a change) at once: the claims of a digest that several states share are
 * prepared once.
 *
 * @param states Each state's digests (one per claims file, any order); states share digest objects where a file did not change.
 * @param rows Row keys to compute (default: every row).
 * @param related Symmetric related-topics lookup.
 * @returns For each state, what {@link computeRows} gives for it.
 */
export function computeStates(states: SourceDigest[][], rows: Set<string> | undefined, related: Map<string, Set<string>>): TopicConsensus[][] {
  const needed = rows && new Set(rows)
  if (rows) {
    for (const key of rows) {
      const [topic, condition] = key.split('\u0000') as [string, string]
      for (const other of related.get(topic) ?? []) needed!.add(`${other}\u0000${condition}`)
    }
  }
  const bySource = (a: SourceDigest, b: SourceDigest) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  // Every digest once, in source order: positions in it order claims within any one state.
  const all = [...new Set(states.flat())].sort(bySource)
  // Row keys by topic and condition, so no key is built per claim.
  const keys = new Map<string, Map<string | null, string>>()
  const keyOf = (topic: string, condition: string | null): string => {
    let byCondition = keys.get(topic)
    if (!byCondition) keys.set(topic, (byCondition = new Map()))
    let key = byCondition.get(condition)
    if (key === undefined) byCondition.set(condition, (key = rowKey(topic, condition)))
    return key
  }
  const prepared = new Map<SourceDigest, CountedClaim[]>()
  // A voice belongs to one source: its position is worked out once per digest and row, whatever the state.
  const voicesOf = new Map<SourceDigest, Map<string, Voice[]>>()
  let order = 0
  for (const digest of all) {
    const { source } = digest
    const list: CountedClaim[] = []
    for (const compact of digest.claims) {
      const row = keyOf(compact[1], compact[2])
      order++
      if (needed && !needed.has(row)) continue
      const claim = expand(compact)
      list.push({ claim, source, voice: voiceKey(source, claim.speaker), key: claimKey(source, claim.id), row, order })
    }
    prepared.set(digest, list)
    const byRow = new Map<string, CountedClaim[]>()
    for (const entry of list) {
      const rowList = byRow.get(entry.row)
      if (rowList) rowList.push(entry)
      else byRow.set(entry.row, [entry])
    }
    voicesOf.set(digest, new Map([...byRow].map(([row, rowList]) => [row, groupVoices(rowList)])))
  }
  return states.map((state) => {
    const sorted = [...state].sort(bySource)
    const entries: CountedClaim[] = []
    const byRow = new Map<string, CountedClaim[]>()
    const withinByRow = new Map<string, Conflict[]>()
    const voicesByRow = new Map<string, Voice[]>()
    for (const digest of sorted) {
      for (const [row, voices] of voicesOf.get(digest)!) {
        const list = voicesByRow.get(row)
        if (list) list.push(...voices)
        else voicesByRow.set(row, [...voices])
      }
      for (const entry of prepared.get(digest)!) {
        entries.push(entry)
        if (rows && !rows.has(entry.row)) continue
        const list = byRow.get(entry.row)
        if (list) list.push(entry)
        else byRow.set(entry.row, [entry])
      }
      // Within-source pairs by row, in source order (a row's pairs follow its allowed claims' order).
      for (const row in digest.within) {
        if (needed && !needed.has(row)) continue
        const list = withinByRow.get(row)
        if (list) list.push(...digest.within[row]!)
        else withinByRow.set(row, [...digest.within[row]!])
      }
    }
    const conflicts = findConflicts(entries, related, (row) => withinByRow.get(row) ?? [])
    return [...byRow.entries()]
      .map(([key, list]) => {
        // Sorted by key as `groupVoices` sorts them (the sort is stable, and keys are unique).
        const voices = voicesByRow.get(key)!.sort((a, b) => compareText(a.key, b.key))
        return computeRow(list, conflicts.get(key) ?? noConflicts(list[0]!.claim.topic, related), voices)
      })
      .sort(compareRows)
  })
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

/** The span and review every expanded claim shares (the row code reads neither). */
const noSpan = { start: 0, end: 0, line: 1 }
const noReview = { status: 'unreviewed' as const }

/**
 * A compact claim as a claim the row code can read (it reads no words).
 *
 * @param compact A compact claim.
 * @returns A claim with empty words.
 */
function expand([id, topic, condition, stance, min, max, speaker]: CompactClaim): Claim {
  return { id, topic, activity: '', stance, wait: { min, max, text: null }, condition, speaker, quote: '', span: noSpan, review: noReview }
}
