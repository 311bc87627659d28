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
 * wait and a few samples. They are found by one sort and one sweep per row:
 * the candidate avoid claims sorted by shortest wait, the distinct times
 * taken from the latest down, each taking the avoid claims longer than it
 * (O(n log n); the pair-by-pair listing was quadratic: 44.5 M pairs tested
 * at 1,000 sources). Within-source pairs are listed in full (they are few,
 * and an editor must fix each); any other pair is enumerated only on demand,
 * for one claim ({@link conflictLookup}).
 *
 * Browser-safe (no Node APIs).
 */
import type { Wait } from '../schema.ts'
import { upperHours } from './scale.ts'
import { claimKey, compareText, rowKey, type CountedClaim } from './select.ts'
import type { ClaimRef, ClaimSummary, Conflict, ConflictGroup, ConsensusReport, RowConflicts, TopicConsensus } from './types.ts'
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

/** One row's claims as the sweep reads them. */
export interface RowCandidates {
  /** Its allowed claims with a number, in stable order. */
  allowed: CountedClaim[]
  /** Its avoid claims with a number, shortest wait first, then stable order. */
  numbered: CountedClaim[]
  /** Its avoid claims without a number, in stable order. */
  vague: CountedClaim[]
}

/**
 * Sort counted claims by row for the sweep: each row's avoid claims sorted
 * once (shortest wait first, then stable order).
 *
 * @param entries Counted claims, in stable order.
 * @returns By row key, the row's candidates.
 */
export function sortRowClaims(entries: CountedClaim[]): Map<string, RowCandidates> {
  const out = new Map<string, RowCandidates>()
  for (const entry of entries) {
    const { stance, wait } = entry.claim
    if (stance === 'allowed' && wait.min === null) continue
    let row = out.get(entry.row)
    if (!row) out.set(entry.row, (row = { allowed: [], numbered: [], vague: [] }))
    ;(stance === 'allowed' ? row.allowed : wait.min === null ? row.vague : row.numbered).push(entry)
  }
  for (const row of out.values()) row.numbered.sort(byWait)
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
  for (const [key, { allowed }] of rows) {
    if (allowed.length === 0) continue
    const { topic, condition } = allowed[0]!.claim
    const topics = [topic, ...(related.get(topic) ?? [])].sort(compareText)
    const lists = topics.flatMap((t) => rows.get(rowKey(t, condition)) ?? [])
    const numbered = mergeSorted(lists.map((l) => l.numbered), byWait)
    const vague = mergeSorted(lists.map((l) => l.vague), byOrder)
    out.set(key, rowConflicts(topic, topics, allowed, numbered, vague, within?.(key)))
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

/**
 * The grouped conflicts of one row.
 *
 * @param topic The row's topic.
 * @param topics The row's topic and its related topics, sorted.
 * @param allowed The row's allowed claims with a number, in stable order.
 * @param numbered The avoid claims with a number of those topics in the row's condition, shortest wait first, then stable order.
 * @param vague Those with no number, in stable order.
 * @param known The row's within-source pairs, when known (default: formed here).
 * @returns The row's conflicts.
 */
function rowConflicts(topic: string, topics: string[], allowed: CountedClaim[], numbered: CountedClaim[], vague: CountedClaim[], known?: Conflict[]): RowConflicts {
  const byTime = new Map<number, CountedClaim[]>()
  for (const entry of allowed) push(byTime, entry.claim.wait.max ?? entry.claim.wait.min!, entry)
  const sources = new Map<string, number>()
  const topicsSeen = new Set<string>()
  const take = (entry: CountedClaim) => {
    sources.set(entry.source, (sources.get(entry.source) ?? 0) + 1)
    topicsSeen.add(entry.claim.topic)
  }
  const groups: ConflictGroup[] = []
  let next = numbered.length
  for (const time of [...byTime.keys()].sort((a, b) => b - a)) {
    while (next > 0 && numbered[next - 1]!.claim.wait.min! > time) take(numbered[--next]!)
    if (time === 0) vague.forEach(take)
    const vagueCount = time === 0 ? vague.length : 0
    const claims = numbered.length - next + vagueCount
    if (claims === 0) continue
    const members = byTime.get(time)!
    const samples = numbered.slice(next, next + conflictSamples)
    if (samples.length < conflictSamples && vagueCount > 0) samples.push(...vague.slice(0, conflictSamples - samples.length))
    const group: ConflictGroup = {
      allowedFrom: time,
      allowed: members.map((e) => e.key),
      allowedSources: new Set(members.map((e) => e.source)).size,
      contrary: {
        claims,
        sources: sources.size,
        topics: [...topicsSeen].sort(compareText),
        shortest: next < numbered.length ? numbered[next]!.claim.wait.min : null,
        vague: vagueCount,
        samples: samples.map((e) => e.key)
      },
      pairs: members.length * claims,
      withinSource: members.reduce((n, e) => n + (sources.get(e.source) ?? 0), 0),
      reason: ''
    }
    group.reason = groupReason(topic, group, members[0]!.source, sources.keys().next().value!)
    groups.push(group)
  }
  groups.reverse()
  const withinSource = known ?? withinSourceConflicts(allowed, numbered, vague)
  return {
    pairs: groups.reduce((n, g) => n + g.pairs, 0),
    withinSourcePairs: withinSource.length,
    topics,
    groups,
    withinSource
  }
}

/**
 * Every within-source pair of a row, in full.
 *
 * @param allowed The row's allowed claims with a number, in stable order.
 * @param numbered The avoid claims with a number they are compared with.
 * @param vague Those without a number.
 * @returns The pairs, ordered by the allowed claim, then the avoid claim.
 */
function withinSourceConflicts(allowed: CountedClaim[], numbered: CountedClaim[], vague: CountedClaim[]): Conflict[] {
  const sources = new Set(allowed.map((a) => a.source))
  const bySource = new Map<string, CountedClaim[]>()
  for (const list of [numbered, vague]) for (const entry of list) if (sources.has(entry.source)) push(bySource, entry.source, entry)
  // Each source's few avoid claims back in stable order.
  for (const list of bySource.values()) list.sort((a, b) => a.order - b.order)
  const out: Conflict[] = []
  for (const a of allowed) {
    const from = allowedFrom(a.claim.wait)!
    for (const b of bySource.get(a.source) ?? []) {
      const min = b.claim.wait.min
      if (min === null ? from !== 0 : min <= from) continue
      const allowedParty = { ...a.claim, source: a.source }
      const avoidParty = { ...b.claim, source: b.source }
      out.push({
        allowed: { source: a.source, id: a.claim.id },
        avoid: { source: b.source, id: b.claim.id },
        scope: 'within-source',
        reason: conflictReason(allowedParty, avoidParty)
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
function groupReason(topic: string, group: ConflictGroup, allowedSource: string, contrarySource: string): string {
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
  const from = allowedFrom(allowed.wait)!
  const when = from === 0 ? 'right away' : `after ${formatWait(hoursOf(allowed))}`
  const wait = avoid.wait.min === null ? 'without saying for how long' : `for ${formatWait(hoursOf(avoid))}`
  let other: string
  if (allowed.source === avoid.source && allowed.speaker === avoid.speaker) other = 'but also says'
  else if (allowed.source === avoid.source) other = avoid.speaker ? `but ${avoid.speaker}, quoted in the same source, says` : 'but the same source says'
  else other = `but ${who(avoid)} says`
  return `${who(allowed)} allows ${allowed.activity} ${when} (“${gist(allowed.quote)}”), ${other} to avoid ${avoid.activity} ${wait} (“${gist(avoid.quote)}”)`
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

