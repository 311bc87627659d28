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
 * (A run that keeps the row tallies does not even do that: see
 * `update.ts`.)
 *
 * Browser-safe (no Node APIs).
 */
import type { ClaimsFile, Claim, Stance } from '../schema.ts'
import { computeRow, noConflicts } from './compute.ts'
import { conflictsOfRows, findConflicts, mergeCandidates, mergeSorted, sortRowClaims, type RowCandidates } from './conflicts.ts'
import { claimKey, claimsPerSource, compareRows, compareText, countedClaims, rowKey, rowKeyCache, voiceKey, type CountedClaim } from './select.ts'
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
 * The rows whose consensus can differ when one source's claims change: the
 * rows where its contribution differs (its counted claims there, in order,
 * or its within-source pairs), and every row whose conflicts compare with
 * those (the same condition, the topic itself or one related to it). A
 * review that changes no counted value (a claim confirmed) touches none.
 *
 * @param before The source's digest before (`undefined` when it had none).
 * @param after Its digest after (`undefined` when it has none).
 * @param related Symmetric related-topics lookup.
 * @returns Row keys (`rowKey`).
 */
export function affectedRows(before: SourceDigest | undefined, after: SourceDigest | undefined, related: Map<string, Set<string>>): Set<string> {
  const a = contributions(before)
  const b = contributions(after)
  const out = new Set<string>()
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(key) === b.get(key)) continue
    const [topic, condition] = key.split('\u0000') as [string, string]
    out.add(key)
    for (const other of related.get(topic) ?? []) out.add(`${other}\u0000${condition}`)
  }
  return out
}

/**
 * A source's contribution to each row, as text to compare.
 *
 * @param digest The source's digest, or none.
 * @returns Row key → its claims there and its within-source pairs there (JSON).
 */
function contributions(digest: SourceDigest | undefined): Map<string, string> {
  const claims = new Map<string, CompactClaim[]>()
  for (const compact of digest?.claims ?? []) {
    const key = rowKey(compact[1], compact[2])
    const list = claims.get(key)
    if (list) list.push(compact)
    else claims.set(key, [compact])
  }
  const out = new Map<string, string>()
  for (const [key, list] of claims) out.set(key, JSON.stringify([list, digest!.within[key] ?? []]))
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
  // Every digest once, in source order: positions in it order claims within any one state.
  const all = prepareDigests([...new Set(states.flat())])
  // What every state shares is assembled and sorted once; each state then merges in its own few digests.
  const sets = states.map((state) => new Set(state))
  const shared = all.filter((digest) => sets.every((set) => set.has(digest)))
  const inShared = new Set(shared)
  const base = assemble(shared, rows, needed)
  return sets.map((set) => {
    const own = all.filter((digest) => set.has(digest) && !inShared.has(digest))
    const parts = own.length === 0 ? base : mergeParts(base, assemble(own, rows, needed))
    const conflicts = conflictsOfRows(parts.candidates, related, (row) => parts.within.get(row) ?? [])
    return [...parts.entries]
      .map(([key, list]) => computeRow(list, conflicts.get(key) ?? noConflicts(list[0]!.claim.topic, related), parts.voices.get(key)!))
      .sort(compareRows)
  })
}

/**
 * Prepare digests for the row code: each digest's claims as counted
 * claims and its voices per row (a voice belongs to one source), made once
 * whatever the state, and kept with the digest while its place in the
 * source order stays (a live server recomputes after each review).
 *
 * @param digests Digests of distinct sources, any order.
 * @returns The same digests in source order (their rank in it orders their claims).
 */
export function prepareDigests(digests: SourceDigest[]): SourceDigest[] {
  const all = [...digests].sort((a, b) => compareText(a.source, b.source))
  // Row keys by topic and condition, so no key is built per claim.
  const keyOf = rowKeyCache()
  all.forEach((digest, rank) => {
    if (preparedDigests.get(digest)?.rank === rank) return
    const { source } = digest
    const byRow = new Map<string, CountedClaim[]>()
    digest.claims.forEach((compact, index) => {
      const claim = expand(compact)
      const row = keyOf(compact[1], compact[2])
      const entry: CountedClaim = { claim, source, voice: voiceKey(source, claim.speaker), key: claimKey(source, claim.id), row, order: rank * claimsPerSource + index }
      const rowList = byRow.get(row)
      if (rowList) rowList.push(entry)
      else byRow.set(row, [entry])
    })
    preparedDigests.set(digest, { rank, byRow, voices: new Map([...byRow].map(([row, rowList]) => [row, groupVoices(rowList)])) })
  })
  return all
}

/** Rows of some digests, ready for the row code. */
export interface Parts {
  /** The counted claims of each row asked for, in stable order. */
  entries: Map<string, CountedClaim[]>
  /** Their voices, sorted by key (as `groupVoices` gives them). */
  voices: Map<string, Voice[]>
  /** Each needed row's conflict candidates (rows asked for and rows they compare with). */
  candidates: Map<string, RowCandidates>
  /** Within-source pairs of each needed row, in source order. */
  within: Map<string, Conflict[]>
}

/**
 * Assemble the rows of some digests (prepared by {@link prepareDigests}).
 *
 * @param digests Digests in source order.
 * @param rows Rows asked for (default: all).
 * @param needed Rows asked for and the rows they compare with (default: all).
 * @returns Their parts.
 */
export function assemble(digests: SourceDigest[], rows: Set<string> | undefined, needed: Set<string> | undefined): Parts {
  const entries = new Map<string, CountedClaim[]>()
  const all = new Map<string, CountedClaim[]>()
  const voices = new Map<string, Voice[]>()
  const within = new Map<string, Conflict[]>()
  for (const digest of digests) {
    const prepared = preparedDigests.get(digest)!
    for (const [row, rowEntries] of prepared.byRow) {
      if (needed && !needed.has(row)) continue
      append(all, row, rowEntries)
      if (rows && !rows.has(row)) continue
      append(entries, row, rowEntries)
      append(voices, row, prepared.voices.get(row)!)
    }
    // Within-source pairs by row, in source order (a row's pairs follow its allowed claims' order).
    for (const row in digest.within) if (!needed || needed.has(row)) append(within, row, digest.within[row]!)
  }
  // Sorted by key as `groupVoices` sorts them (the sort is stable, and keys are unique).
  for (const list of voices.values()) list.sort((a, b) => compareText(a.key, b.key))
  const candidates = new Map<string, RowCandidates>()
  for (const list of all.values()) for (const [row, found] of sortRowClaims(list)) candidates.set(row, found)
  return { entries, voices, candidates, within }
}

/**
 * Merge the parts of two sets of digests that share no source.
 *
 * @param a Parts of one set.
 * @param b Parts of the other.
 * @returns The parts of both, every list in its order.
 */
function mergeParts(a: Parts, b: Parts): Parts {
  const byOrder = (x: CountedClaim, y: CountedClaim) => x.order - y.order
  const byKey = (x: Voice, y: Voice) => compareText(x.key, y.key)
  const bySource = (x: Conflict, y: Conflict) => compareText(x.allowed.source, y.allowed.source)
  const empty: RowCandidates = { allowed: [], numbered: [], vague: [] }
  const merge = <T>(x: Map<string, T>, y: Map<string, T>, both: (p: T, q: T) => T): Map<string, T> => {
    const out = new Map(x)
    for (const [key, value] of y) out.set(key, out.has(key) ? both(out.get(key)!, value) : value)
    return out
  }
  return {
    entries: merge(a.entries, b.entries, (p, q) => mergeSorted([p, q], byOrder)),
    voices: merge(a.voices, b.voices, (p, q) => mergeSorted([p, q], byKey)),
    candidates: merge(a.candidates, b.candidates, (p, q) => mergeCandidates(p ?? empty, q)),
    within: merge(a.within, b.within, (p, q) => mergeSorted([p, q], bySource))
  }
}

/**
 * Append items to a list in a map of lists.
 *
 * @param map The map.
 * @param key Its key.
 * @param items What to append.
 */
function append<T>(map: Map<string, T[]>, key: string, items: T[]): void {
  const list = map.get(key)
  if (list) for (const item of items) list.push(item)
  else map.set(key, [...items])
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

/** Each digest's prepared claims and voices (see {@link computeStates}), while the digest lives. */
const preparedDigests = new WeakMap<SourceDigest, { rank: number; byRow: Map<string, CountedClaim[]>; voices: Map<string, Voice[]> }>()

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
