/**
 * Conflicts: claims that cannot both be followed, grouped so that their
 * number grows with the claims and not with their square.
 *
 * Rule: an `allowed` claim (the activity is fine from time t_a, t_a being
 * the latest time it states) conflicts with an `avoid` claim on the same
 * topic or a related one (the vocabulary's `related`, read both ways) that
 * says to wait longer: its shortest stated wait t_b > t_a. Only clear
 * contradictions count, so "fine after 48–72 h" does not conflict with
 * "avoid for 72 h".
 *
 * Decisions:
 * - Conditions: claims are compared only within the same condition (the
 *   general row with the general row). Conditional advice is read as an
 *   exception to general advice, in both directions: sources state the rule
 *   and its exception side by side ("you can usually return to workouts
 *   around 48–72 hours, but deeper sessions may require up to a week";
 *   "avoid exercise for 72 hours … gentle yoga is fine the next day"), and
 *   flagging those pairs would bury the real contradictions.
 * - An `avoid` claim with no number ("until healed") conflicts only with an
 *   `allowed` claim at 0 h: any wait is longer than none, but it cannot be
 *   compared with a later time. An `allowed` claim with no number takes part
 *   in no conflict.
 * - Each conflict is listed once, in the row (topic and condition) of its
 *   `allowed` claim. Its scope is `within-source` when both claims come from
 *   the same source (a named expert quoted there included), else
 *   `cross-source`.
 *
 * Grouped, not paired: every allowed claim of a row that allows from the
 * same time t conflicts with the same claims (the avoid claims of the row's
 * topics whose shortest wait is longer than t), so a row's conflicts are one
 * {@link ConflictGroup} per distinct t, with counts, the shortest contrary
 * wait and a few samples. Every figure of a group is a count, so they are
 * counted, not swept: the compared avoid claims bucketed by shortest wait,
 * their sources by the longest shortest wait each states, the allowed
 * claims by time (`tally.ts`), and each group read from those counts
 * ({@link conflictGroups}; linear in the claims, plus sorting the distinct
 * waits; the pair-by-pair listing was quadratic: 44.5 M pairs tested at
 * 1,000 sources). The same counts, kept per row, let an incremental run add
 * or take out one source's claims. Within-source pairs are listed in full
 * (they are few, and an editor must fix each); any other pair is enumerated
 * only on demand, for one claim ({@link conflictLookup}).
 *
 * Browser-safe (no Node APIs).
 */
import type { Wait } from '../schema.ts'
import { upperHours } from './scale.ts'
import { claimKey, claimRef, compareText, rowKey, type CountedClaim } from './select.ts'
import type { ClaimRef, ClaimSummary, Conflict, ConflictGroup, ConsensusReport, RowConflicts, TopicConsensus } from './types.ts'
import { emptyBucket, knows, mergeAvoid, tallyAvoid, tallyCompared, type AllowedTime, type AvoidTally, type ContraryTally, type SourceAvoids } from './tally.ts'
import { hoursOf } from './voices.ts'
import { formatHours, formatWait, gist } from './words.ts'

/** Most sample keys a {@link ConflictGroup} lists of its contrary claims. */
export const conflictSamples = 3

/** What a conflict reason needs of a claim: a {@link ClaimSummary} has it all. */
export type ConflictParty = Pick<ClaimSummary, 'source' | 'speaker' | 'activity' | 'quote'> & { wait: Wait }

/**
 * Make a symmetric lookup of related topics.
 *
 * @param related Topic to related topics, as in `ConsensusOptions.related` (either direction suffices).
 * @returns Map from each topic to every topic related to it (never itself).
 * @example
 * relatedLookup({sweating: ['sauna']}).get('sauna') // Set {'sweating'}
 */
export function relatedLookup(related: Record<string, string[]> = {}): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (a === b) return
    const set = map.get(a) ?? new Set<string>()
    set.add(b)
    map.set(a, set)
  }
  for (const [topic, others] of Object.entries(related)) {
    for (const other of others) {
      link(topic, other)
      link(other, topic)
    }
  }
  return map
}

/**
 * The topics a row's allowed claims are compared with.
 *
 * @param topic The row's topic.
 * @param related Symmetric related-topics lookup.
 * @returns The topic and its related topics, sorted.
 */
export function comparedTopics(topic: string, related: Map<string, Set<string>>): string[] {
  return [topic, ...(related.get(topic) ?? [])].sort(compareText)
}

/**
 * Whether two claims cannot both be followed (rule in the module doc).
 *
 * @param allowed A claim with stance `allowed`.
 * @param avoid A claim with stance `avoid`.
 * @param related Symmetric related-topics lookup.
 * @returns `true` when they conflict.
 */
export function conflicts(allowed: CountedClaim, avoid: CountedClaim, related: Map<string, Set<string>>): boolean {
  const a = allowed.claim
  const b = avoid.claim
  if (a.stance !== 'allowed' || b.stance !== 'avoid' || a.wait.min === null) return false
  if (a.topic !== b.topic && !related.get(a.topic)?.has(b.topic)) return false
  if (a.condition !== b.condition) return false
  const allowedFrom = upperHours(hoursOf(a))
  if (b.wait.min === null) return allowedFrom === 0
  return b.wait.min > allowedFrom
}

/**
 * The time an allowed claim allows from: the latest time it states.
 *
 * @param wait The claim's wait.
 * @returns Hours, or `null` when it states no number (such a claim is in no conflict).
 */
export function allowedFrom(wait: Wait): number | null {
  return wait.min === null ? null : upperHours({ min: wait.min, max: wait.max })
}

/**
 * Find the conflicts of every row, grouped (rule and method in the module doc).
 *
 * @param entries Counted claims, in stable order.
 * @param related Symmetric related-topics lookup (see {@link relatedLookup}).
 * @param within The within-source pairs of a row when they are known
 *   already (an incremental run keeps each source's; see `partial.ts`), so
 *   they are not formed again from the claims' words (default: form them).
 * @returns By row key (`rowKey`), the conflicts of each row that has an allowed claim with a number.
 */
export function findConflicts(entries: CountedClaim[], related: Map<string, Set<string>>, within?: (row: string) => Conflict[]): Map<string, RowConflicts> {
  return conflictsOfRows(sortRowClaims(entries), related, within)
}

/** One row's claims as the group counts read them. */
export interface RowCandidates {
  /** Its allowed claims with a number, in stable order. */
  allowed: CountedClaim[]
  /** Its avoid claims with a number, shortest wait first, then stable order. */
  numbered: CountedClaim[]
  /** Its avoid claims without a number, in stable order. */
  vague: CountedClaim[]
}

/**
 * Sort counted claims by row for the group counts: each row's avoid claims
 * by shortest wait (bucketed, so in linear time plus the sort of the
 * distinct waits), then stable order.
 *
 * @param entries Counted claims, in stable order.
 * @returns By row key, the row's candidates.
 */
export function sortRowClaims(entries: CountedClaim[]): Map<string, RowCandidates> {
  const out = new Map<string, RowCandidates>()
  const buckets = new Map<string, Map<number, CountedClaim[]>>()
  // Claims of one row mostly come together: the row looked up last is kept.
  let last: string | undefined
  let row: RowCandidates | undefined
  let byMin: Map<number, CountedClaim[]> | undefined
  for (const entry of entries) {
    const { stance, wait } = entry.claim
    if (stance === 'allowed' && wait.min === null) continue
    if (entry.row !== last) {
      last = entry.row
      row = out.get(last)
      if (!row) out.set(last, (row = { allowed: [], numbered: [], vague: [] }))
      byMin = buckets.get(last)
      if (!byMin) buckets.set(last, (byMin = new Map()))
    }
    if (stance === 'allowed') row!.allowed.push(entry)
    else if (wait.min === null) row!.vague.push(entry)
    else {
      const list = byMin!.get(wait.min)
      if (list) list.push(entry)
      else byMin!.set(wait.min, [entry])
    }
  }
  for (const [key, byMin] of buckets) {
    const numbered = out.get(key)!.numbered
    for (const min of [...byMin.keys()].sort((a, b) => a - b)) for (const entry of byMin.get(min)!) numbered.push(entry)
  }
  return out
}

/**
 * Merge the candidates of two sets of claims (sources that share no claim),
 * keeping each list's order.
 *
 * @param a Candidates of one set.
 * @param b Candidates of the other.
 * @returns The candidates of both.
 */
export function mergeCandidates(a: RowCandidates, b: RowCandidates): RowCandidates {
  return {
    allowed: mergeSorted([a.allowed, b.allowed], byOrder),
    numbered: mergeSorted([a.numbered, b.numbered], byWait),
    vague: mergeSorted([a.vague, b.vague], byOrder)
  }
}

/**
 * The grouped conflicts of every row, from rows' sorted candidates.
 *
 * @param rows By row key, each row's candidates (see {@link sortRowClaims}).
 * @param related Symmetric related-topics lookup.
 * @param within The within-source pairs of a row when known (see {@link findConflicts}).
 * @returns By row key, the conflicts of each row that has an allowed claim with a number.
 */
export function conflictsOfRows(rows: Map<string, RowCandidates>, related: Map<string, Set<string>>, within?: (row: string) => Conflict[]): Map<string, RowConflicts> {
  const out = new Map<string, RowConflicts>()
  const avoids = new Map<string, AvoidTally>()
  const avoidOf = (key: string, list: RowCandidates): AvoidTally => {
    let tally = avoids.get(key)
    if (!tally) avoids.set(key, (tally = tallyAvoid(list.numbered, list.vague, conflictSamples)))
    return tally
  }
  for (const [key, { allowed }] of rows) {
    if (allowed.length === 0) continue
    const { topic, condition } = allowed[0]!.claim
    const topics = comparedTopics(topic, related)
    const universe = topics.flatMap((t) => {
      const k = rowKey(t, condition)
      const list = rows.get(k)
      return list ? [{ topic: t, list, avoid: avoidOf(k, list) }] : []
    })
    const lists = universe.flatMap((u) => [u.list.numbered, u.list.vague])
    const tally = tallyCompared(allowed, lists)
    const groups = conflictGroups(topic, tally.allowed, tally.contrary, universe)!
    const withinSource = within?.(key) ?? withinSourceConflicts(allowed, tally.bySource)
    out.set(key, { pairs: groups.reduce((n, g) => n + g.pairs, 0), withinSourcePairs: withinSource.length, topics, groups, withinSource })
  }
  return out
}

/**
 * Order counted claims by stable order.
 *
 * @param a A claim.
 * @param b Another.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
function byOrder(a: CountedClaim, b: CountedClaim): number {
  return a.order - b.order
}

/**
 * Order avoid claims by their shortest wait, then stable order.
 *
 * @param a A numbered claim.
 * @param b Another.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
function byWait(a: CountedClaim, b: CountedClaim): number {
  return a.claim.wait.min! - b.claim.wait.min! || a.order - b.order
}

/**
 * Merge sorted lists into one sorted list.
 *
 * @param lists Lists, each sorted by `compare`.
 * @param compare The order.
 * @returns One list in that order.
 */
export function mergeSorted<T>(lists: T[][], compare: (a: T, b: T) => number): T[] {
  const nonEmpty = lists.filter((l) => l.length > 0)
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? []
  let out = nonEmpty[0]!
  for (const next of nonEmpty.slice(1)) {
    const merged: T[] = new Array(out.length + next.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < out.length && j < next.length) merged[k++] = compare(out[i]!, next[j]!) <= 0 ? out[i++]! : next[j++]!
    while (i < out.length) merged[k++] = out[i++]!
    while (j < next.length) merged[k++] = next[j++]!
    out = merged
  }
  return out
}

/** One row its groups compare with: its topic and its avoid claims' tally. */
export interface ComparedRow {
  topic: string
  avoid: AvoidTally
}

/**
 * The grouped conflicts of one row, from tallies (see `tally.ts`): one
 * group per time its allowed claims allow from that has a contrary claim,
 * earliest first. Every figure is a count over the tallies: the contrary
 * claims of a time t are the compared rows' numbered avoid claims whose
 * shortest wait is over t (and, when t is 0, those without a number), their
 * sources those whose longest such wait is over t.
 *
 * @param topic The row's topic.
 * @param times Its allowed claims by time.
 * @param contrary The sources of the avoid claims it compares with.
 * @param compared The rows it compares with (its topic and related topics in its condition) that exist.
 * @returns The groups; `undefined` when a tally no longer knows what a
 *   group names (a sample, or its only contrary source), after a source was
 *   taken out of it: the row must then be computed from its claims.
 */
export function conflictGroups(topic: string, times: AllowedTime[], contrary: ContraryTally, compared: ComparedRow[]): ConflictGroup[] | undefined {
  if (times.length === 0) return []
  // The compared rows' avoid claims as one tally (its first claims: what a group samples).
  let all: AvoidTally = { numbered: [], vague: emptyBucket() }
  for (const row of compared) all = mergeAvoid(all, row.avoid, conflictSamples)
  const mins = all.numbered
  const above = new Array<number>(mins.length + 1).fill(0)
  for (let i = mins.length - 1; i >= 0; i--) above[i] = above[i + 1]! + mins[i]!.count
  const { longest } = contrary
  const sourcesAbove = new Array<number>(longest.length + 1).fill(0)
  for (let i = longest.length - 1; i >= 0; i--) sourcesAbove[i] = sourcesAbove[i + 1]! + longest[i]![1]
  const groups: ConflictGroup[] = []
  let next = 0
  let nextSource = 0
  for (const time of times) {
    const t = time.from
    while (next < mins.length && mins[next]!.min <= t) next++
    while (nextSource < longest.length && longest[nextSource]![0] <= t) nextSource++
    const vague = t === 0 ? all.vague.count : 0
    const claims = above[next]! + vague
    if (claims === 0) continue
    const numberedSources = sourcesAbove[nextSource]!
    const sources = numberedSources + (t === 0 ? contrary.vagueOnly : 0)
    const only = sources !== 1 ? '' : numberedSources === 1 ? contrary.top : contrary.vagueSource
    if (only === null) return undefined
    const samples: string[] = []
    for (let i = next; i < mins.length && samples.length < conflictSamples; i++) {
      if (!knows(mins[i]!, conflictSamples - samples.length)) return undefined
      for (const ref of mins[i]!.first) if (samples.length < conflictSamples) samples.push(ref[0])
    }
    if (samples.length < conflictSamples && vague > 0) {
      if (!knows(all.vague, conflictSamples - samples.length)) return undefined
      for (const ref of all.vague.first) if (samples.length < conflictSamples) samples.push(ref[0])
    }
    const topics = compared.filter((row) => (row.avoid.numbered.at(-1)?.min ?? -1) > t || (t === 0 && row.avoid.vague.count > 0)).map((row) => row.topic)
    const group: ConflictGroup = {
      allowedFrom: t,
      allowed: time.keys,
      allowedSources: time.sources,
      contrary: { claims, sources, topics, shortest: next < mins.length ? mins[next]!.min : null, vague, samples },
      pairs: time.keys.length * claims,
      withinSource: time.within,
      reason: ''
    }
    group.reason = groupReason(topic, group, claimRef(time.keys[0]!).source, only)
    groups.push(group)
  }
  return groups
}

/**
 * Every within-source pair of a row, in full.
 *
 * @param allowed The row's allowed claims with a number, in stable order.
 * @param bySource The avoid claims they are compared with, of their own sources (see `tallyContrary`).
 * @returns The pairs, ordered by the allowed claim, then the avoid claim.
 */
function withinSourceConflicts(allowed: CountedClaim[], bySource: Map<string, SourceAvoids>): Conflict[] {
  // Each source's few avoid claims back in stable order.
  for (const avoids of bySource.values()) avoids.claims.sort((a, b) => a.order - b.order)
  const out: Conflict[] = []
  // A claim is in several pairs: its words are read once.
  const parties = new Map<CountedClaim, ConflictParty>()
  const partyOf = (entry: CountedClaim): ConflictParty => {
    let party = parties.get(entry)
    if (!party) parties.set(entry, (party = { source: entry.source, speaker: entry.claim.speaker, activity: entry.claim.activity, quote: gist(entry.claim.quote), wait: entry.claim.wait }))
    return party
  }
  for (const a of allowed) {
    const from = allowedFrom(a.claim.wait)!
    for (const b of bySource.get(a.source)?.claims ?? []) {
      const min = b.claim.wait.min
      if (min === null ? from !== 0 : min <= from) continue
      out.push({
        allowed: { source: a.source, id: a.claim.id },
        avoid: { source: b.source, id: b.claim.id },
        scope: 'within-source',
        reason: pairReason(partyOf(a), partyOf(b))
      })
    }
  }
  return out
}

/**
 * Say what a group is in words.
 *
 * @param topic The row's topic.
 * @param group The group (its counts are read).
 * @param allowedSource A source of the allowed claims (named when it is the only one).
 * @param contrarySource A source of the contrary claims (named when it is the only one).
 * @returns E.g. "2 claims from 2 sources allow sweating right away, but 9 claims from 4 sources say to wait longer (the shortest wait 24 h) about exercise, sauna or sweating".
 */
export function groupReason(topic: string, group: ConflictGroup, allowedSource: string, contrarySource: string): string {
  const { allowed, contrary } = group
  const when = group.allowedFrom === 0 ? 'right away' : `after ${formatHours(group.allowedFrom)}`
  const details = [contrary.shortest === null ? 'none says for how long' : `the shortest wait ${formatHours(contrary.shortest)}`]
  if (contrary.vague > 0 && contrary.shortest !== null) details.push(`${contrary.vague} without a number`)
  const about = contrary.topics.length === 1 && contrary.topics[0] === topic ? '' : ` about ${orList(contrary.topics)}`
  const allowers = `${count(allowed.length, 'claim')} ${from(group.allowedSources, allowedSource)} ${allowed.length === 1 ? 'allows' : 'allow'} ${topic} ${when}`
  const contraries = `${count(contrary.claims, 'claim')} ${from(contrary.sources, contrarySource)} ${contrary.claims === 1 ? 'says' : 'say'} to wait longer`
  return `${allowers}, but ${contraries} (${details.join('; ')})${about}`
}

/**
 * Say why two claims conflict, with both quotes' gist and hours.
 *
 * @param allowed The claim that allows (a {@link ClaimSummary}, or a claim with its source).
 * @param avoid The claim that says to wait longer.
 * @returns E.g. "sweat-after-microneedling allows sweat right away (“…”), but also says to avoid saunas for 48 h (“…”)".
 */
export function conflictReason(allowed: ConflictParty, avoid: ConflictParty): string {
  return pairReason({ ...allowed, quote: gist(allowed.quote) }, { ...avoid, quote: gist(avoid.quote) })
}

/**
 * {@link conflictReason} of quotes already cut to their gist.
 *
 * @param allowed The claim that allows, its quote a gist.
 * @param avoid The claim that says to wait longer, its quote a gist.
 * @returns The reason.
 */
function pairReason(allowed: ConflictParty, avoid: ConflictParty): string {
  const from = allowedFrom(allowed.wait)!
  const when = from === 0 ? 'right away' : `after ${formatWait(hoursOf(allowed))}`
  const wait = avoid.wait.min === null ? 'without saying for how long' : `for ${formatWait(hoursOf(avoid))}`
  let other: string
  if (allowed.source === avoid.source && allowed.speaker === avoid.speaker) other = 'but also says'
  else if (allowed.source === avoid.source) other = avoid.speaker ? `but ${avoid.speaker}, quoted in the same source, says` : 'but the same source says'
  else other = `but ${who(avoid)} says`
  return `${who(allowed)} allows ${allowed.activity} ${when} (“${allowed.quote}”), ${other} to avoid ${avoid.activity} ${wait} (“${avoid.quote}”)`
}

/** The conflicts of one claim, enumerated on demand. */
export interface ClaimConflicts {
  /** The pairs the claim is in, at most the limit asked for: for an allowed claim, the shortest contrary waits first; for an avoid claim, the earliest allowed times first. */
  conflicts: Conflict[]
  /** How many pairs the claim is in (also when more than listed). */
  total: number
}

/**
 * Prepare on-demand conflict pairs for single claims of a report: what the
 * chart shows for a focused claim, and what a tool asks for one claim. The
 * report's groups say which claims conflict; this lists them.
 *
 * @param report A consensus report.
 * @returns A function from a claim (its key, or source and id) and a limit
 *   (default: no limit) to its pairs; a claim in no conflict, or not in the
 *   report, gives none. Building costs O(n log n); each call O(rows + limit · log).
 * @example
 * const conflictsOf = conflictLookup(report)
 * conflictsOf({source: 'sweat', id: 'sweating-1e0b7a55'}, 5) // {conflicts: [5 pairs], total: 9}
 */
export function conflictLookup(report: ConsensusReport): (claim: ClaimRef | string, limit?: number) => ClaimConflicts {
  const order = new Map<string, number>()
  const avoids = new Map<string, { numbered: ClaimSummary[]; vague: ClaimSummary[] }>()
  for (const [key, summary] of Object.entries(report.claims)) {
    order.set(key, order.size)
    if (summary.stance !== 'avoid') continue
    const k = rowKey(summary.topic, summary.condition)
    const lists = avoids.get(k) ?? { numbered: [], vague: [] }
    avoids.set(k, lists)
    ;(summary.wait.min === null ? lists.vague : lists.numbered).push(summary)
  }
  for (const lists of avoids.values()) lists.numbered.sort((a, b) => a.wait.min! - b.wait.min! || rank(a) - rank(b))
  const groupOf = new Map<string, { row: TopicConsensus; group: ConflictGroup }>()
  const rowsAgainst = new Map<string, TopicConsensus[]>()
  for (const row of report.topics) {
    for (const group of row.conflicts.groups) for (const key of group.allowed) groupOf.set(key, { row, group })
    if (row.conflicts.groups.length > 0) for (const topic of row.conflicts.topics) push(rowsAgainst, rowKey(topic, row.condition), row)
  }
  function rank(summary: ClaimSummary): number {
    return order.get(claimKey(summary.source, summary.id)) ?? 0
  }
  function pair(allowed: ClaimSummary, avoid: ClaimSummary): Conflict {
    return {
      allowed: { source: allowed.source, id: allowed.id },
      avoid: { source: avoid.source, id: avoid.id },
      scope: allowed.source === avoid.source ? 'within-source' : 'cross-source',
      reason: conflictReason(allowed, avoid)
    }
  }
  return (claim, limit = Infinity) => {
    const key = typeof claim === 'string' ? claim : claimKey(claim.source, claim.id)
    const summary = report.claims[key]
    if (!summary) return { conflicts: [], total: 0 }
    if (summary.stance === 'allowed') {
      const found = groupOf.get(key)
      if (!found) return { conflicts: [], total: 0 }
      const { row, group } = found
      const picked: ClaimSummary[] = []
      for (const topic of row.conflicts.topics) {
        const lists = avoids.get(rowKey(topic, row.condition))
        if (!lists) continue
        const start = firstAbove(lists.numbered, group.allowedFrom)
        picked.push(...lists.numbered.slice(start, start + Math.min(limit, lists.numbered.length)))
        if (group.allowedFrom === 0) picked.push(...lists.vague.slice(0, Math.min(limit, lists.vague.length)))
      }
      picked.sort((a, b) => (a.wait.min ?? Infinity) - (b.wait.min ?? Infinity) || rank(a) - rank(b))
      return { conflicts: picked.slice(0, limit).map((b) => pair(summary, b)), total: group.contrary.claims }
    }
    const picked: ClaimSummary[] = []
    let total = 0
    for (const row of rowsAgainst.get(rowKey(summary.topic, summary.condition)) ?? []) {
      for (const group of row.conflicts.groups) {
        if (summary.wait.min === null ? group.allowedFrom !== 0 : group.allowedFrom >= summary.wait.min) break
        total += group.allowed.length
        for (const k of group.allowed) if (picked.length < limit) picked.push(report.claims[k]!)
      }
    }
    return { conflicts: picked.map((a) => pair(a, summary)), total }
  }
}

/**
 * Index of the first claim whose shortest wait is longer than a time.
 *
 * @param sorted Numbered claims sorted by `wait.min`.
 * @param time Hours.
 * @returns The index (the length when there is none).
 */
function firstAbove(sorted: ClaimSummary[], time: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]!.wait.min! > time) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * Name the voice of a claim in a reason.
 *
 * @param party A claim with its source.
 * @returns `source`, or `speaker (source)`.
 */
function who(party: ConflictParty): string {
  return party.speaker ? `${party.speaker} (${party.source})` : party.source
}

/**
 * Where claims come from, in words.
 *
 * @param sources How many sources.
 * @param only The source's id, named when it is the only one.
 * @returns `from sweat-after-microneedling` or `from 4 sources`.
 */
function from(sources: number, only: string): string {
  return sources === 1 ? `from ${only}` : `from ${sources} sources`
}

/**
 * Topics joined as alternatives.
 *
 * @param topics Topic ids.
 * @returns `exercise`, `exercise or sauna`, `exercise, sauna or sweating`.
 */
function orList(topics: string[]): string {
  return topics.length <= 1 ? topics.join('') : `${topics.slice(0, -1).join(', ')} or ${topics.at(-1)}`
}

/**
 * A count with its unit, plural when not 1.
 *
 * @param n Count.
 * @param unit Singular unit.
 * @returns E.g. `1 claim`, `3 claims`.
 */
function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

/**
 * Append to a list in a map of lists.
 *
 * @param map The map.
 * @param key Its key.
 * @param value What to append.
 */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

