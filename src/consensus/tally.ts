/**
 * Row tallies: the numbers a row's consensus and conflict groups are made
 * from, counted so that one source's claims can be added to them or taken
 * out of them without reading any other source's claims.
 *
 * A row's consensus range depends only on how many of its voices state
 * each wait, its outliers only on the range and each claim's wait, and
 * every figure of a conflict group (see `conflicts.ts`) on counts: the
 * row's avoid claims counted by their shortest wait, the sources of the
 * avoid claims its allowed claims are compared with counted by the
 * longest of those waits each states, and the row's allowed claims by the
 * time they allow from. Only three things name claims: the allowed claims
 * of each time (kept in full: a group lists them), the first few avoid
 * claims of each wait (a group samples the shortest), and one source at
 * the longest wait and one of the sources without a number (a group names
 * its contrary source when there is only one).
 *
 * The tally of a set of sources is the merge ({@link mergeTallies}) of the
 * tallies of any split of it into sources, so a source that changed is
 * taken out with the tally of its claims before ({@link unmergeTallies})
 * and put back with the tally of its claims after. Taking out can lose
 * what a tally only keeps a few of (the first claims of a wait, the source
 * at the longest wait); what is lost is marked unknown, and the code that
 * needs it says so (`conflictGroups` returns `undefined`) so that the
 * caller computes the row from its claims instead.
 *
 * Browser-safe (no Node APIs).
 */
import { countWaits, sortWaits, type WaitCount } from './range.ts'
import { claimRef, compareText, sourceRank, type CountedClaim } from './select.ts'
import type { Voice } from './types.ts'

/** How many of the first claims of each wait a tally keeps: more than a group samples, so that taking a source out seldom leaves too few. */
export const keptSamples = 8

/** A claim as a tally names it: its key, its source and its stable order (comparable within one source only). */
export type SampleRef = [key: string, source: string, order: number]

/** Claims counted, with the first of them in stable order. */
export interface Bucket {
  /** How many claims. */
  count: number
  /**
   * The first of them in stable order (source, then file order): all of
   * them when `first.length === count`, else a prefix (at most
   * {@link keptSamples} long).
   */
  first: SampleRef[]
}

/** One row's avoid claims, as the conflict groups of every row that compares with it read them. */
export interface AvoidTally {
  /** Its numbered avoid claims by their shortest wait (`wait.min`), ascending. */
  numbered: (Bucket & { min: number })[]
  /** Its avoid claims without a number. */
  vague: Bucket
}

/** A row's allowed claims (with a number) that allow from one time. */
export interface AllowedTime {
  /** The time they allow from, in hours: the latest each states. */
  from: number
  /** Their keys (`<source>/<id>`), in stable order. */
  keys: string[]
  /** How many distinct sources they come from. */
  sources: number
  /** Their pairs within one source: over these claims, the sum of how many contrary claims their own source makes. */
  within: number
}

/** The sources of the avoid claims a row's allowed claims are compared with (the row's topic and its related topics, in its condition). */
export interface ContraryTally {
  /** Each source with a numbered one, counted at the longest shortest wait it states: `[hours, sources]`, ascending. */
  longest: [hours: number, sources: number][]
  /** Sources with an avoid claim without a number and none whose shortest wait is over 0 h (contrary only to claims that allow right away). */
  vagueOnly: number
  /** A source at the longest of `longest` (the one a group names when it has one contrary source); `null` when there is none or it is not known. */
  top: string | null
  /** A source counted in `vagueOnly`; `null` when there is none or it is not known. */
  vagueSource: string | null
}

/** What one row (topic and condition) is computed from. */
export interface RowTally {
  topic: string
  condition: string | null
  /** Counted claims in the row (0: the row does not exist, but its conflicts would compare with rows that do). */
  claims: number
  /** Voices in the row. */
  voices: number
  /** The waits of its voices that state a number, counted (the consensus range reads them). */
  voiceWaits: WaitCount[]
  /** The waits of its claims that state a number, counted (outliers are found among them). */
  claimWaits: WaitCount[]
  /** Its avoid claims. */
  avoid: AvoidTally
  /** Its allowed claims with a number, by the time they allow from, ascending. */
  allowed: AllowedTime[]
  /** The sources its allowed claims are compared with. */
  contrary: ContraryTally
  /** Its within-source pairs (each source's are in its digest). */
  withinPairs: number
}

/**
 * Order two claim references: by source, then stable order.
 *
 * @param a A reference.
 * @param b Another.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
export function compareRefs(a: SampleRef, b: SampleRef): number {
  return compareText(a[1], b[1]) || a[2] - b[2]
}

/**
 * Whether a bucket still knows its first `n` claims.
 *
 * @param bucket A bucket.
 * @param n How many are wanted.
 * @returns `true` when the first `min(n, count)` claims are kept.
 */
export function knows(bucket: Bucket, n: number): boolean {
  return bucket.first.length >= Math.min(n, bucket.count)
}

/**
 * Merge two buckets of claims from different sources.
 *
 * @param a A bucket.
 * @param b A bucket of other sources' claims.
 * @param keep How many first claims to keep (default: {@link keptSamples}).
 * @returns The bucket of both; its first claims are a prefix of the merged order, cut where either side's known prefix ends.
 */
export function mergeBuckets(a: Bucket, b: Bucket, keep = keptSamples): Bucket {
  if (b.count === 0) return a
  if (a.count === 0) return b
  // A side that keeps only a prefix knows nothing after its last kept claim.
  const limitA = a.first.length < a.count ? a.first.at(-1) : undefined
  const limitB = b.first.length < b.count ? b.first.at(-1) : undefined
  const first: SampleRef[] = []
  let i = 0
  let j = 0
  while (first.length < keep) {
    const x = a.first[i]
    const y = b.first[j]
    let next: SampleRef
    if (x && (!y || compareRefs(x, y) < 0)) {
      next = x
      i++
    } else if (y) {
      next = y
      j++
    } else break
    if ((limitA && compareRefs(next, limitA) > 0) || (limitB && compareRefs(next, limitB) > 0)) break
    first.push(next)
  }
  return { count: a.count + b.count, first }
}

/**
 * Take one set of sources' claims out of a bucket.
 *
 * @param a A bucket.
 * @param b The bucket of the claims to take out (of sources in `gone`).
 * @param gone Those sources.
 * @returns The bucket without them (its prefix may now be shorter).
 */
export function unmergeBucket(a: Bucket, b: Bucket, gone: Set<string>): Bucket {
  if (b.count === 0) return a
  return { count: a.count - b.count, first: a.first.filter((ref) => !gone.has(ref[1])) }
}

/** An empty bucket. */
export function emptyBucket(): Bucket {
  return { count: 0, first: [] }
}

/**
 * Tally a row's avoid claims.
 *
 * @param numbered Its numbered avoid claims, shortest wait first, then stable order.
 * @param vague Its avoid claims without a number, in stable order.
 * @param keep How many first claims of each wait to keep (default: {@link keptSamples}).
 * @returns The tally.
 */
export function tallyAvoid(numbered: CountedClaim[], vague: CountedClaim[], keep = keptSamples): AvoidTally {
  const out: AvoidTally['numbered'] = []
  let current: (Bucket & { min: number }) | undefined
  for (const entry of numbered) {
    const min = entry.claim.wait.min!
    if (!current || current.min !== min) out.push((current = { min, count: 0, first: [] }))
    current.count++
    if (current.first.length < keep) current.first.push(refOf(entry))
  }
  return { numbered: out, vague: { count: vague.length, first: vague.slice(0, keep).map(refOf) } }
}

/**
 * A counted claim as a tally names it.
 *
 * @param entry A counted claim.
 * @returns Its key, source and order.
 */
function refOf(entry: CountedClaim): SampleRef {
  return [entry.key, entry.source, entry.order]
}

/**
 * Merge the avoid tallies of two sets of sources.
 *
 * @param a A tally.
 * @param b A tally of other sources.
 * @param keep How many first claims of each wait to keep (default: {@link keptSamples}).
 * @returns The tally of both.
 */
export function mergeAvoid(a: AvoidTally, b: AvoidTally, keep = keptSamples): AvoidTally {
  if (b.numbered.length === 0 && b.vague.count === 0) return a
  const numbered: AvoidTally['numbered'] = []
  let i = 0
  let j = 0
  while (i < a.numbered.length || j < b.numbered.length) {
    const x = a.numbered[i]
    const y = b.numbered[j]
    if (x && (!y || x.min < y.min)) {
      numbered.push(x)
      i++
    } else if (y && (!x || y.min < x.min)) {
      numbered.push(y)
      j++
    } else {
      numbered.push({ min: x!.min, ...mergeBuckets(x!, y!, keep) })
      i++
      j++
    }
  }
  return { numbered, vague: mergeBuckets(a.vague, b.vague, keep) }
}

/**
 * Take one set of sources' avoid claims out of a tally.
 *
 * @param a A tally.
 * @param b The tally of the claims to take out.
 * @param gone Their sources.
 * @returns The tally without them.
 */
function unmergeAvoid(a: AvoidTally, b: AvoidTally, gone: Set<string>): AvoidTally {
  const taken = new Map(b.numbered.map((bucket) => [bucket.min, bucket]))
  const numbered: AvoidTally['numbered'] = []
  for (const bucket of a.numbered) {
    const out = taken.get(bucket.min)
    const left = out ? { min: bucket.min, ...unmergeBucket(bucket, out, gone) } : bucket
    if (left.count > 0) numbered.push(left)
  }
  return { numbered, vague: unmergeBucket(a.vague, b.vague, gone) }
}

/** One source's avoid claims in the rows a row compares with, as {@link tallyContrary} collects them. */
export interface SourceAvoids {
  /** The longest shortest wait of its numbered ones (−1: none). */
  longest: number
  /** How many state no number. */
  vague: number
  /** All of them (numbered and not), in the order they were met. */
  claims: CountedClaim[]
}

/**
 * Tally the sources of the avoid claims a row compares with.
 *
 * @param lists The avoid claims of the row's topic and related topics in its condition (any order; numbered and vague).
 * @param allowed The row's allowed claims: their sources' avoid claims are collected one by one (for their within-source pairs).
 * @returns The tally, and the avoid claims of the allowed claims' sources.
 */
export function tallyContrary(lists: CountedClaim[][], allowed: CountedClaim[]): { contrary: ContraryTally; bySource: Map<string, SourceAvoids> } {
  // By source rank, in plain arrays: a row compares with thousands of sources.
  const longestOf: number[] = []
  const vagueOf: number[] = []
  const sourceOf: string[] = []
  const ranks: number[] = []
  const member: boolean[] = []
  for (const entry of allowed) member[sourceRank(entry)] = true
  const bySource = new Map<string, SourceAvoids>()
  for (const list of lists) {
    for (const entry of list) {
      const rank = sourceRank(entry)
      if (sourceOf[rank] === undefined) {
        sourceOf[rank] = entry.source
        ranks.push(rank)
        longestOf[rank] = -1
        vagueOf[rank] = 0
      }
      const min = entry.claim.wait.min
      if (min === null) vagueOf[rank]!++
      else if (min > longestOf[rank]!) longestOf[rank] = min
      if (member[rank] !== true) continue
      let avoids = bySource.get(entry.source)
      if (!avoids) bySource.set(entry.source, (avoids = { longest: -1, vague: 0, claims: [] }))
      if (min === null) avoids.vague++
      else if (min > avoids.longest) avoids.longest = min
      avoids.claims.push(entry)
    }
  }
  const counts = new Map<number, number>()
  let top: string | null = null
  let topHours = -1
  let vagueOnly = 0
  let vagueSource: string | null = null
  for (const rank of ranks) {
    const source = sourceOf[rank]!
    const hours = longestOf[rank]!
    if (hours >= 0) {
      counts.set(hours, (counts.get(hours) ?? 0) + 1)
      if (hours > topHours || (hours === topHours && compareText(source, top!) < 0)) {
        top = source
        topHours = hours
      }
    }
    if (vagueOf[rank]! > 0 && !(hours > 0)) {
      vagueOnly++
      if (vagueSource === null || compareText(source, vagueSource) < 0) vagueSource = source
    }
  }
  const longest = [...counts].sort((a, b) => a[0] - b[0])
  return { contrary: { longest, vagueOnly, top, vagueSource }, bySource }
}

/**
 * Tally a row's allowed claims and the sources they are compared with.
 *
 * @param allowed The row's allowed claims with a number, in stable order.
 * @param compared The avoid claims of the rows it compares with (its topic and related topics in its condition), numbered and not, in lists of any order.
 * @returns Its allowed claims by time, the contrary sources, and the avoid claims of the allowed claims' sources.
 */
export function tallyCompared(allowed: CountedClaim[], compared: CountedClaim[][]): { allowed: AllowedTime[]; contrary: ContraryTally; bySource: Map<string, SourceAvoids> } {
  const { contrary, bySource } = tallyContrary(compared, allowed)
  return { allowed: tallyAllowed(allowed, bySource), contrary, bySource }
}

/**
 * How many contrary claims one source makes against a time.
 *
 * @param avoids The source's avoid claims in the compared rows.
 * @param time Hours the allowed claim allows from.
 * @returns Its avoid claims whose shortest wait is longer, and, when `time` is 0, those without a number.
 */
function contraryCount(avoids: SourceAvoids | undefined, time: number): number {
  if (!avoids) return 0
  let n = time === 0 ? avoids.vague : 0
  for (const entry of avoids.claims) if (entry.claim.wait.min !== null && entry.claim.wait.min > time) n++
  return n
}

/**
 * Tally a row's allowed claims by the time they allow from.
 *
 * @param allowed The row's allowed claims with a number, in stable order.
 * @param bySource The avoid claims of their sources in the compared rows (from {@link tallyContrary}).
 * @returns One entry per time, ascending.
 */
export function tallyAllowed(allowed: CountedClaim[], bySource: Map<string, SourceAvoids>): AllowedTime[] {
  const byTime = new Map<number, AllowedTime & { last: string }>()
  for (const entry of allowed) {
    const from = entry.claim.wait.max ?? entry.claim.wait.min!
    let time = byTime.get(from)
    if (!time) byTime.set(from, (time = { from, keys: [], sources: 0, within: 0, last: '' }))
    time.keys.push(entry.key)
    // Claims come in stable order, so one source's claims of a time are consecutive.
    if (time.sources === 0 || time.last !== entry.source) time.sources++
    time.last = entry.source
    time.within += contraryCount(bySource.get(entry.source), from)
  }
  return [...byTime.values()].sort((a, b) => a.from - b.from).map(({ from, keys, sources, within }) => ({ from, keys, sources, within }))
}

/**
 * Merge two tallies of allowed times from different sources.
 *
 * @param a Times of some sources.
 * @param b Times of others.
 * @returns Times of both, keys in stable order.
 */
function mergeAllowed(a: AllowedTime[], b: AllowedTime[]): AllowedTime[] {
  if (b.length === 0) return a
  const byFrom = new Map(a.map((time) => [time.from, time]))
  for (const time of b) {
    const old = byFrom.get(time.from)
    byFrom.set(
      time.from,
      old ? { from: time.from, keys: mergeKeys(old.keys, time.keys), sources: old.sources + time.sources, within: old.within + time.within } : time
    )
  }
  return [...byFrom.values()].sort((x, y) => x.from - y.from)
}

/**
 * Take one set of sources' allowed claims out of a tally of times.
 *
 * @param a Times.
 * @param b The times of the claims to take out.
 * @returns Times without them (a time left without claims is dropped).
 */
function unmergeAllowed(a: AllowedTime[], b: AllowedTime[]): AllowedTime[] {
  if (b.length === 0) return a
  const taken = new Map(b.map((time) => [time.from, time]))
  const out: AllowedTime[] = []
  for (const time of a) {
    const gone = taken.get(time.from)
    if (!gone) {
      out.push(time)
      continue
    }
    const drop = new Set(gone.keys)
    const keys = time.keys.filter((key) => !drop.has(key))
    if (keys.length > 0) out.push({ from: time.from, keys, sources: time.sources - gone.sources, within: time.within - gone.within })
  }
  return out
}

/**
 * Merge two lists of claim keys from different sources, each in stable order.
 *
 * @param a Keys of some sources.
 * @param b Keys of others.
 * @returns Both, in stable order (by source; each source's keys in their order).
 */
function mergeKeys(a: string[], b: string[]): string[] {
  const out: string[] = new Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  let sourceA = a.length > 0 ? claimRef(a[0]!).source : ''
  let sourceB = b.length > 0 ? claimRef(b[0]!).source : ''
  while (i < a.length && j < b.length) {
    if (compareText(sourceA, sourceB) < 0) {
      out[k++] = a[i++]!
      if (i < a.length) sourceA = claimRef(a[i]!).source
    } else {
      out[k++] = b[j++]!
      if (j < b.length) sourceB = claimRef(b[j]!).source
    }
  }
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/**
 * Merge two contrary tallies of different sources.
 *
 * @param a A tally.
 * @param b A tally of other sources.
 * @returns The tally of both.
 */
function mergeContrary(a: ContraryTally, b: ContraryTally): ContraryTally {
  if (b.longest.length === 0 && b.vagueOnly === 0) return a
  if (a.longest.length === 0 && a.vagueOnly === 0) return b
  const topA = a.longest.at(-1)?.[0] ?? -1
  const topB = b.longest.at(-1)?.[0] ?? -1
  // At a tie any source at the longest wait is right (none is named then), but keep the first known.
  const top = topA > topB ? a.top : topB > topA ? b.top : topA < 0 ? null : firstKnown(a.top, b.top)
  const vagueSource = a.vagueOnly === 0 ? b.vagueSource : b.vagueOnly === 0 ? a.vagueSource : firstKnown(a.vagueSource, b.vagueSource)
  return { longest: addCounts(a.longest, b.longest, 1), vagueOnly: a.vagueOnly + b.vagueOnly, top, vagueSource }
}

/**
 * The first of two sources that are known.
 *
 * @param a A source, or `null` (not known).
 * @param b Another.
 * @returns The first by code point of those known, `null` when neither is.
 */
function firstKnown(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : compareText(a, b) <= 0 ? a : b
}

/**
 * Take one set of sources out of a contrary tally.
 *
 * @param a A tally.
 * @param b The tally of the sources to take out.
 * @param gone Those sources.
 * @returns The tally without them (the named sources become unknown when they were among them).
 */
function unmergeContrary(a: ContraryTally, b: ContraryTally, gone: Set<string>): ContraryTally {
  if (b.longest.length === 0 && b.vagueOnly === 0) return a
  const longest = addCounts(a.longest, b.longest, -1)
  const vagueOnly = a.vagueOnly - b.vagueOnly
  return {
    longest,
    vagueOnly,
    top: longest.length === 0 || (a.top !== null && gone.has(a.top)) ? null : a.top,
    vagueSource: vagueOnly === 0 || (a.vagueSource !== null && gone.has(a.vagueSource)) ? null : a.vagueSource
  }
}

/**
 * Add (or subtract) counts keyed by a number.
 *
 * @param a Counts, ascending by key.
 * @param b Counts to add, ascending by key.
 * @param sign 1 to add, −1 to subtract.
 * @returns The counts, ascending, without zeros.
 */
function addCounts(a: [number, number][], b: [number, number][], sign: 1 | -1): [number, number][] {
  const counts = new Map(a)
  for (const [key, n] of b) counts.set(key, (counts.get(key) ?? 0) + sign * n)
  return [...counts].filter(([, n]) => n !== 0).sort((x, y) => x[0] - y[0])
}

/**
 * Add (or subtract) counted waits.
 *
 * @param a Counted waits.
 * @param b Waits to add.
 * @param sign 1 to add, −1 to subtract.
 * @returns The counted waits, by min then max (open end last), without zeros.
 */
function addWaits(a: WaitCount[], b: WaitCount[], sign: 1 | -1): WaitCount[] {
  if (b.length === 0) return a
  const counts = new Map<string, WaitCount>()
  for (const [min, max, n] of a) counts.set(`${min}:${max}`, [min, max, n])
  for (const [min, max, n] of b) {
    const key = `${min}:${max}`
    const old = counts.get(key)
    counts.set(key, [min, max, (old?.[2] ?? 0) + sign * n])
  }
  return sortWaits([...counts.values()].filter((w) => w[2] !== 0))
}

/**
 * An empty tally of a row.
 *
 * @param topic Its topic.
 * @param condition Its condition.
 * @returns A tally with no claims.
 */
export function emptyTally(topic: string, condition: string | null): RowTally {
  return {
    topic,
    condition,
    claims: 0,
    voices: 0,
    voiceWaits: [],
    claimWaits: [],
    avoid: { numbered: [], vague: emptyBucket() },
    allowed: [],
    contrary: { longest: [], vagueOnly: 0, top: null, vagueSource: null },
    withinPairs: 0
  }
}

/**
 * Merge the tallies of one row from two sets of sources.
 *
 * @param a A tally.
 * @param b The same row's tally of other sources.
 * @returns The row's tally of both.
 */
export function mergeTallies(a: RowTally, b: RowTally): RowTally {
  return {
    topic: a.topic,
    condition: a.condition,
    claims: a.claims + b.claims,
    voices: a.voices + b.voices,
    voiceWaits: addWaits(a.voiceWaits, b.voiceWaits, 1),
    claimWaits: addWaits(a.claimWaits, b.claimWaits, 1),
    avoid: mergeAvoid(a.avoid, b.avoid),
    allowed: mergeAllowed(a.allowed, b.allowed),
    contrary: mergeContrary(a.contrary, b.contrary),
    withinPairs: a.withinPairs + b.withinPairs
  }
}

/**
 * Take one set of sources out of a row's tally.
 *
 * @param a A tally.
 * @param b The same row's tally of those sources alone.
 * @param gone Those sources.
 * @returns The row's tally without them.
 */
export function unmergeTallies(a: RowTally, b: RowTally, gone: Set<string>): RowTally {
  return {
    topic: a.topic,
    condition: a.condition,
    claims: a.claims - b.claims,
    voices: a.voices - b.voices,
    voiceWaits: addWaits(a.voiceWaits, b.voiceWaits, -1),
    claimWaits: addWaits(a.claimWaits, b.claimWaits, -1),
    avoid: unmergeAvoid(a.avoid, b.avoid, gone),
    allowed: unmergeAllowed(a.allowed, b.allowed),
    contrary: unmergeContrary(a.contrary, b.contrary, gone),
    withinPairs: a.withinPairs - b.withinPairs
  }
}

/**
 * Whether a tally holds nothing (no claims in its row, none compared with).
 *
 * @param tally A row's tally.
 * @returns `true` when it can be dropped.
 */
export function isEmptyTally(tally: RowTally): boolean {
  return tally.claims === 0 && tally.contrary.longest.length === 0 && tally.contrary.vagueOnly === 0 && tally.avoid.numbered.length === 0 && tally.avoid.vague.count === 0
}

/**
 * The voices' part of a row's tally.
 *
 * @param voices The row's voices.
 * @returns How many, and their waits counted.
 */
export function tallyVoices(voices: Voice[]): Pick<RowTally, 'voices' | 'voiceWaits'> {
  return { voices: voices.length, voiceWaits: countWaits(voices.flatMap((v) => (v.wait ? [v.wait] : []))) }
}
