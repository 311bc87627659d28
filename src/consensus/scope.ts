/**
 * A row's conflict groups with some sources switched off, from numbers
 * prepared once: the sweep of `conflicts.ts` (same rule, same groups, same
 * words), run over typed arrays so that a 10,000-source row is a pass over
 * its claims with no string keys, no allocation per claim and no filtered
 * copies.
 *
 * The *scope* of a row is what its sweep reads: its allowed claims with a
 * number, and the avoid claims of its topic and the related topics in its
 * condition (with a number: shortest wait first, then stable order; without
 * one: stable order). Each claim carries the number of its source, so a
 * switched-off source is skipped by one array read, and the sources and
 * topics a group counts are counted in arrays.
 *
 * The groups are `rowConflicts`'s in `conflicts.ts`, claim for claim (a test
 * compares them on random corpora); the reason is its `groupReason`.
 *
 * Browser-safe (no Node APIs).
 */
import { conflictSamples, groupReason, mergeSorted, type RowCandidates } from './conflicts.ts'
import type { CountedClaim } from './select.ts'
import type { ConflictGroup } from './types.ts'

/** A row's scope as numbers (see the module doc). */
export interface RowScope {
  topic: string
  /** The row's topic and its related topics, sorted (a row's `conflicts.topics`). */
  topics: string[]
  /** Allowed claims with a number, in stable order, and the time each allows from. */
  allowed: CountedClaim[]
  allowedFrom: Float64Array
  allowedSource: Int32Array
  /** Avoid claims with a number, shortest wait first, then stable order. */
  numbered: CountedClaim[]
  numberedMin: Float64Array
  numberedSource: Int32Array
  numberedTopic: Int32Array
  /** Avoid claims without a number, in stable order. */
  vague: CountedClaim[]
  vagueSource: Int32Array
  vagueTopic: Int32Array
  /** Source ids by number. */
  names: readonly string[]
}

/**
 * Prepare a row's scope.
 *
 * @param topic The row's topic.
 * @param topics The row's topic and its related topics, sorted.
 * @param own The row's candidates (`sortRowClaims`).
 * @param lists The candidates of each row in `topics` (the row's own among them), in that order.
 * @param sourceNumber The number of each source (0 … number of sources − 1).
 * @param names Source ids by number.
 * @returns The scope.
 */
export function rowScope(topic: string, topics: string[], own: RowCandidates, lists: RowCandidates[], sourceNumber: Map<string, number>, names: readonly string[]): RowScope {
  const numbered = mergeSorted(
    lists.map((l) => l.numbered),
    (a, b) => a.claim.wait.min! - b.claim.wait.min! || a.order - b.order
  )
  const vague = mergeSorted(
    lists.map((l) => l.vague),
    (a, b) => a.order - b.order
  )
  const topicNumber = new Map(topics.map((t, i) => [t, i]))
  const sources = (list: CountedClaim[]) => Int32Array.from(list, (e) => sourceNumber.get(e.source)!)
  const topicsOf = (list: CountedClaim[]) => Int32Array.from(list, (e) => topicNumber.get(e.claim.topic)!)
  return {
    topic,
    topics,
    allowed: own.allowed,
    allowedFrom: Float64Array.from(own.allowed, (e) => e.claim.wait.max ?? e.claim.wait.min!),
    allowedSource: sources(own.allowed),
    numbered,
    numberedMin: Float64Array.from(numbered, (e) => e.claim.wait.min!),
    numberedSource: sources(numbered),
    numberedTopic: topicsOf(numbered),
    vague,
    vagueSource: sources(vague),
    vagueTopic: topicsOf(vague),
    names
  }
}

/**
 * The conflict groups of a row with some sources off.
 *
 * @param scope The row's scope.
 * @param off For each source number, 1 when the source is switched off.
 * @returns The groups, earliest allowed time first (what `findConflicts` gives the row on the claims left).
 */
export function scopeGroups(scope: RowScope, off: Uint8Array): ConflictGroup[] {
  // The allowed claims left, by the time they allow from.
  const byTime = new Map<number, number[]>()
  for (let i = 0; i < scope.allowed.length; i++) {
    if (off[scope.allowedSource[i]!]) continue
    const time = scope.allowedFrom[i]!
    const list = byTime.get(time)
    if (list) list.push(i)
    else byTime.set(time, [i])
  }
  if (byTime.size === 0) return []
  const taken = new Int32Array(scope.names.length)
  const topicSeen = new Uint8Array(scope.topics.length)
  let sources = 0
  let firstSource = -1
  let claims = 0
  const take = (source: number, topic: number) => {
    if (taken[source] === 0) sources++
    taken[source]!++
    if (firstSource < 0) firstSource = source
    topicSeen[topic] = 1
    claims++
  }
  const groups: ConflictGroup[] = []
  let next = scope.numbered.length
  /** Index of the shortest numbered claim taken (the first of those left, from `next` on). */
  let shortest = -1
  let vagueTaken = 0
  for (const time of [...byTime.keys()].sort((a, b) => b - a)) {
    while (next > 0 && scope.numberedMin[next - 1]! > time) {
      next--
      if (off[scope.numberedSource[next]!]) continue
      take(scope.numberedSource[next]!, scope.numberedTopic[next]!)
      shortest = next
    }
    if (time === 0) {
      for (let i = 0; i < scope.vague.length; i++) {
        if (off[scope.vagueSource[i]!]) continue
        take(scope.vagueSource[i]!, scope.vagueTopic[i]!)
        vagueTaken++
      }
    }
    if (claims === 0) continue
    const members = byTime.get(time)!.map((i) => scope.allowed[i]!)
    const samples: string[] = []
    for (let i = shortest; i >= 0 && i < scope.numbered.length && samples.length < conflictSamples; i++) if (!off[scope.numberedSource[i]!]) samples.push(scope.numbered[i]!.key)
    for (let i = 0; i < scope.vague.length && time === 0 && samples.length < conflictSamples; i++) if (!off[scope.vagueSource[i]!]) samples.push(scope.vague[i]!.key)
    const memberSources = new Set(byTime.get(time)!.map((i) => scope.allowedSource[i]!))
    const group: ConflictGroup = {
      allowedFrom: time,
      allowed: members.map((e) => e.key),
      allowedSources: memberSources.size,
      contrary: {
        claims,
        sources,
        topics: scope.topics.filter((_, i) => topicSeen[i]),
        shortest: shortest < 0 ? null : scope.numberedMin[shortest]!,
        vague: time === 0 ? vagueTaken : 0,
        samples
      },
      pairs: members.length * claims,
      withinSource: byTime.get(time)!.reduce((n, i) => n + taken[scope.allowedSource[i]!]!, 0),
      reason: ''
    }
    group.reason = groupReason(scope.topic, group, members[0]!.source, scope.names[firstSource]!)
    groups.push(group)
  }
  return groups.reverse()
}
