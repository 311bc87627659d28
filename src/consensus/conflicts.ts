/**
 * Conflicts: pairs of claims that cannot both be followed.
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
 * Browser-safe (no Node APIs).
 */
import { upperHours } from './scale.ts'
import type { CountedClaim } from './select.ts'
import type { Conflict } from './types.ts'
import { hoursOf } from './voices.ts'
import { formatWait, gist } from './words.ts'

/** A conflict with the two claims it is about. */
export interface FoundConflict {
  /** The claim that allows (the conflict is listed in its row). */
  allowed: CountedClaim
  /** The claim that says to wait longer. */
  avoid: CountedClaim
  conflict: Conflict
}

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
 * Find every conflicting pair among the counted claims.
 *
 * @param entries Counted claims, in stable order.
 * @param related Symmetric related-topics lookup (see {@link relatedLookup}).
 * @returns The conflicts, ordered by the allowed claim, then the avoid claim.
 */
export function findConflicts(entries: CountedClaim[], related: Map<string, Set<string>>): FoundConflict[] {
  const allows = entries.filter((e) => e.claim.stance === 'allowed')
  const avoids = entries.filter((e) => e.claim.stance === 'avoid')
  const out: FoundConflict[] = []
  for (const allowed of allows) {
    for (const avoid of avoids) {
      if (!conflicts(allowed, avoid, related)) continue
      const sameSource = allowed.source === avoid.source
      out.push({
        allowed,
        avoid,
        conflict: {
          claims: [allowed.claim.id, avoid.claim.id],
          sources: [allowed.source, avoid.source],
          scope: sameSource ? 'within-source' : 'cross-source',
          reason: conflictReason(allowed, avoid)
        }
      })
    }
  }
  return out
}

/**
 * Say why two claims conflict, with both quotes' gist and hours.
 *
 * @param allowed The claim that allows.
 * @param avoid The claim that says to wait longer.
 * @returns E.g. "sweat-after-microneedling allows sweat right away (“…”), but also says to avoid saunas for 48 h (“…”)".
 */
export function conflictReason(allowed: CountedClaim, avoid: CountedClaim): string {
  const a = allowed.claim
  const b = avoid.claim
  const from = upperHours(hoursOf(a))
  const when = from === 0 ? 'right away' : `after ${formatWait(hoursOf(a))}`
  const wait = b.wait.min === null ? 'without saying for how long' : `for ${formatWait(hoursOf(b))}`
  let other: string
  if (allowed.voice === avoid.voice) other = 'but also says'
  else if (allowed.source === avoid.source) other = b.speaker ? `but ${b.speaker}, quoted in the same source, says` : 'but the same source says'
  else other = `but ${who(avoid)} says`
  return `${who(allowed)} allows ${a.activity} ${when} (“${gist(a.quote)}”), ${other} to avoid ${b.activity} ${wait} (“${gist(b.quote)}”)`
}

/**
 * Name the voice of a claim in a reason.
 *
 * @param entry A counted claim.
 * @returns `source`, or `speaker (source)`.
 */
function who(entry: CountedClaim): string {
  return entry.claim.speaker ? `${entry.claim.speaker} (${entry.source})` : entry.source
}
