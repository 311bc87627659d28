/**
 * Voices: who says what on one row (topic and condition).
 *
 * A voice is a source, or a named expert quoted inside it
 * (`<source>#<speaker>`), and counts once per row however often it repeats
 * itself. Its several statements become one position:
 *
 * - Stance: the stance most of its claims take. A voice that says both in
 *   equal numbers is settled by its claims that state a time: the stance
 *   most of *those* take (a stated time is the more definite statement:
 *   "you can sweat as usual" against "avoid sweating until healed" reads as
 *   "no wait"); when those tie too (or none states a time), `avoid`, the
 *   cautious reading. The two sides stay visible: where they contradict
 *   each other they are within-source conflicts (see `conflicts.ts`), and
 *   {@link stanceTally} says how the stance was chosen, so no output has to
 *   pick one silently.
 * - Wait of an `avoid` voice: the longest wait it states, among its numbered
 *   `avoid` claims and its `allowed` claims with a time after 0 h ("you can
 *   go to the gym after three days" also says to wait three days). This is
 *   the conservative reading: following it satisfies everything the voice
 *   says. "Longest" compares the waits' representatives (see `scale.ts`).
 * - Wait of an `allowed` voice: the earliest time it allows, among its
 *   numbered `allowed` claims — that is the position it takes; when none of
 *   its `allowed` claims has a number, the longest of its `avoid` waits.
 * - A voice whose claims carry no number has no wait: it counts for stance
 *   and in the number of voices, not in the range.
 * - Ties between equal waits go to the claim that comes first in the file.
 *
 * Browser-safe (no Node APIs).
 */
import type { Claim, Stance } from '../schema.ts'
import { representativeHours, upperHours } from './scale.ts'
import { compareText, type CountedClaim } from './select.ts'
import type { Hours, Voice } from './types.ts'

/** The position of one voice: its stance, its wait and the claim the wait comes from. */
export interface Position {
  stance: Stance
  wait: Hours | null
  /** Id of the claim the wait comes from; `null` when there is no wait. */
  basis: string | null
}

/**
 * Turn a voice's claims on one row into one position (rules in the module doc).
 *
 * @param claims The voice's claims on the row, in file order (effective claims).
 * @returns Its stance, wait and the id of the claim the wait comes from.
 * @example
 * voicePosition([avoid72, allowedAfter24]) // {stance: 'avoid', wait: {min: 72, max: 72}, basis: avoid72.id}
 */
export function voicePosition(claims: Claim[]): Position {
  const { stance } = stanceTally(claims)
  const numbered = claims.filter((c) => c.wait.min !== null)
  let chosen: Claim | undefined
  if (stance === 'avoid') {
    chosen = longest(numbered.filter((c) => c.stance === 'avoid' || (c.wait.min ?? 0) > 0))
  } else {
    chosen = earliest(numbered.filter((c) => c.stance === 'allowed')) ?? longest(numbered.filter((c) => c.stance === 'avoid'))
  }
  return chosen ? { stance, wait: hoursOf(chosen), basis: chosen.id } : { stance, wait: null, basis: null }
}

/** How a voice's stance was chosen from its claims (see the module doc). */
export interface StanceTally {
  stance: Stance
  /** How many of its claims say `avoid`, and how many `allowed`. */
  avoid: number
  allowed: number
  /**
   * `only`: every claim takes that stance; `majority`: most do; `numbered`:
   * a tie settled by the claims that state a time; `cautious`: a tie there
   * too (or no time stated), counted as `avoid`.
   */
  by: 'only' | 'majority' | 'numbered' | 'cautious'
}

/**
 * Choose a voice's stance, and say how (rule in the module doc).
 *
 * @param claims The voice's claims on one row (effective claims).
 * @returns The stance, the count of each and how the choice was made.
 * @example
 * stanceTally([sweatAsUsual, avoidUntilHealed]) // {stance: 'allowed', avoid: 1, allowed: 1, by: 'numbered'}
 */
export function stanceTally(claims: Pick<Claim, 'stance' | 'wait'>[]): StanceTally {
  const avoid = claims.filter((c) => c.stance === 'avoid').length
  const allowed = claims.length - avoid
  if (avoid === 0 || allowed === 0) return { stance: allowed > 0 ? 'allowed' : 'avoid', avoid, allowed, by: 'only' }
  if (avoid !== allowed) return { stance: allowed > avoid ? 'allowed' : 'avoid', avoid, allowed, by: 'majority' }
  const numbered = claims.filter((c) => c.wait.min !== null)
  const numberedAvoid = numbered.filter((c) => c.stance === 'avoid').length
  const numberedAllowed = numbered.length - numberedAvoid
  if (numberedAvoid !== numberedAllowed) return { stance: numberedAllowed > numberedAvoid ? 'allowed' : 'avoid', avoid, allowed, by: 'numbered' }
  return { stance: 'avoid', avoid, allowed, by: 'cautious' }
}

/**
 * Group a row's claims into voices, each with its position.
 *
 * @param entries The row's counted claims, in stable order.
 * @returns The voices, sorted by key.
 */
export function groupVoices(entries: CountedClaim[]): Voice[] {
  const byVoice = new Map<string, CountedClaim[]>()
  for (const entry of entries) {
    const list = byVoice.get(entry.voice)
    if (list) list.push(entry)
    else byVoice.set(entry.voice, [entry])
  }
  return [...byVoice.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, list]) => {
      const first = list[0]!
      return {
        key,
        source: first.source,
        speaker: first.claim.speaker,
        ...voicePosition(list.map((e) => e.claim)),
        claims: list.map((e) => e.claim.id)
      }
    })
}

/**
 * The numbered part of a claim's wait.
 *
 * @param claim A claim whose `wait.min` is set.
 * @returns Its wait in hours.
 */
export function hoursOf(claim: { wait: Claim['wait'] }): Hours {
  return { min: claim.wait.min!, max: claim.wait.max }
}

/**
 * The claim with the longest wait (first in file order on ties).
 *
 * @param claims Numbered claims.
 * @returns That claim, or `undefined` when there is none.
 */
function longest(claims: Claim[]): Claim | undefined {
  let best: Claim | undefined
  for (const c of claims) if (!best || compareWaits(hoursOf(c), hoursOf(best)) > 0) best = c
  return best
}

/**
 * The claim with the earliest time (first in file order on ties).
 *
 * @param claims Numbered claims.
 * @returns That claim, or `undefined` when there is none.
 */
function earliest(claims: Claim[]): Claim | undefined {
  let best: Claim | undefined
  for (const c of claims) if (!best || compareWaits(hoursOf(c), hoursOf(best)) < 0) best = c
  return best
}

/**
 * Order waits by representative, then by upper end, then lower end.
 *
 * @param a First wait.
 * @param b Second wait.
 * @returns Negative when `a` is shorter, positive when longer, 0 when equal.
 */
function compareWaits(a: Hours, b: Hours): number {
  return (
    representativeHours(a) - representativeHours(b) || upperHours(a) - upperHours(b) || a.min - b.min
  )
}
