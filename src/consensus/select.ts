/**
 * Which claims the consensus counts, and in what order.
 *
 * Counted: every claim of every file, as {@link effectiveClaim} gives it (an
 * editor's corrections replace the extracted values). Left out: claims an
 * editor rejected (`review.status: rejected`), claims whose quote is gone
 * from the source (`status: orphaned`), and every claim of an excluded
 * source. Order: by source id, then file order, so every output is stable
 * whatever order the files were read in.
 *
 * Browser-safe (no Node APIs).
 */
import { effectiveClaim, type Claim, type ClaimsFile } from '../schema.ts'

/** A claim the consensus counts, with where it comes from. */
export interface CountedClaim {
  /** The effective claim (corrections applied). */
  claim: Claim
  /** Source id (the claims file's `source`). */
  source: string
  /** Voice key: `<source>` or `<source>#<speaker>`. */
  voice: string
  /** Claim key: `<source>/<id>` (see {@link claimKey}). */
  key: string
  /** Key of its row (see {@link rowKey}). */
  row: string
  /**
   * Its place in the stable order (source, then file order): its source's
   * rank among the sources (0-based, by id) times {@link claimsPerSource},
   * plus its place among the source's counted claims. Orders compare as the
   * stable order does; {@link sourceRank} gives the rank back.
   */
  order: number
}

/** Claims one source can have: a counted claim's order is its source's rank times this, plus its place in the source. */
export const claimsPerSource = 2 ** 20

/**
 * The rank of a counted claim's source (among the sources counted with it).
 *
 * @param entry A counted claim.
 * @returns Its source's rank, 0-based.
 */
export function sourceRank(entry: CountedClaim): number {
  return Math.floor(entry.order / claimsPerSource)
}

/**
 * The voice a claim speaks with.
 *
 * @param source Source id.
 * @param speaker Named expert quoted in the source, or `null` for the source's own voice.
 * @returns `source`, or `source#speaker`.
 * @example
 * voiceKey('sweat-after-microneedling', 'Dr Yalda') // 'sweat-after-microneedling#Dr Yalda'
 */
export function voiceKey(source: string, speaker: string | null): string {
  return speaker ? `${source}#${speaker}` : source
}

/**
 * The key of a claim: its source and id as one string. Ids are unique
 * within a source only (see `ClaimRef`); a source id is a file name, so it
 * has no `/` and the key splits back at its first `/`.
 *
 * @param source Source id.
 * @param id Claim id.
 * @returns `<source>/<id>`.
 * @example
 * claimKey('sweat-after-microneedling', 'sweating-1e0b7a55') // 'sweat-after-microneedling/sweating-1e0b7a55'
 */
export function claimKey(source: string, id: string): string {
  return `${source}/${id}`
}

/**
 * Split a claim key back into source and id.
 *
 * @param key A key from {@link claimKey}.
 * @returns Its source and id (`source` is empty when the key has no `/`).
 */
export function claimRef(key: string): { source: string; id: string } {
  const slash = key.indexOf('/')
  return slash < 0 ? { source: '', id: key } : { source: key.slice(0, slash), id: key.slice(slash + 1) }
}

/**
 * Select and order the claims the consensus counts.
 *
 * @param files Validated claims files.
 * @param exclude Source ids to leave out (default: none).
 * @returns The counted claims in stable order.
 */
export function countedClaims(files: ClaimsFile[], exclude: Iterable<string> = []): CountedClaim[] {
  const excluded = new Set(exclude)
  const sorted = files
    .map((file, index) => ({ file, index }))
    .filter(({ file }) => !excluded.has(file.source))
    .sort((a, b) => compareText(a.file.source, b.file.source) || a.index - b.index)
  const out: CountedClaim[] = []
  const rowKeyOf = rowKeyCache()
  let rank = -1
  let previous: string | undefined
  let index = 0
  for (const { file } of sorted) {
    const { source } = file
    // Two files of one source (a copy under another name) count as one source.
    if (source !== previous) {
      rank++
      index = 0
      previous = source
    }
    for (const stored of file.claims) {
      if (stored.review.status === 'rejected' || stored.status === 'orphaned') continue
      const claim = effectiveClaim(stored)
      out.push({ claim, source, voice: voiceKey(source, claim.speaker), key: claimKey(source, claim.id), row: rowKeyOf(claim.topic, claim.condition), order: rank * claimsPerSource + index++ })
    }
  }
  return out
}

/**
 * A {@link rowKey} that makes each key once: a corpus has a few rows and
 * thousands of claims in each, and one string per row is also hashed once
 * wherever rows are looked up by key.
 *
 * @returns `rowKey`, remembering the keys it made.
 */
export function rowKeyCache(): (topic: string, condition: string | null) => string {
  const keys = new Map<string, Map<string | null, string>>()
  return (topic, condition) => {
    let byCondition = keys.get(topic)
    if (!byCondition) keys.set(topic, (byCondition = new Map()))
    let key = byCondition.get(condition)
    if (key === undefined) byCondition.set(condition, (key = rowKey(topic, condition)))
    return key
  }
}

/**
 * Compare strings by code point (locale-independent, so output never depends on the machine).
 *
 * @param a First string.
 * @param b Second string.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Key of a consensus row (a topic and a condition).
 *
 * @param topic Topic.
 * @param condition Condition, `null` for the general row.
 * @returns A string unique to the pair.
 */
export function rowKey(topic: string, condition: string | null): string {
  return `${topic}\u0000${condition ?? ''}`
}

/**
 * Order consensus rows (or anything keyed like them): by topic, the general
 * row first, then conditions by code point.
 *
 * @param a First row.
 * @param b Second row.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
export function compareRows(a: { topic: string; condition: string | null }, b: { topic: string; condition: string | null }): number {
  return (
    compareText(a.topic, b.topic) ||
    (a.condition === null ? (b.condition === null ? 0 : -1) : b.condition === null ? 1 : compareText(a.condition, b.condition))
  )
}
