/**
 * Voices: who says what on one row (topic and condition).
 *
 * A voice is a source, or a named expert quoted inside it
 * (`<source>#<speaker>`), and counts once per row however often it repeats
 * itself. Its several statements become one position:
 *
 * - Stance: the stance most of its claims take; a tie counts as `avoid`
 *   (when a voice says both, the cautious reading is the one to check).
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
import { representativeHours } from './scale.ts'
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
  // One pass (a row of a large corpus has thousands of voices): the three candidates at once,
  // each wait's sort key (representative, upper end, lower end) computed once, no object per claim.
  let avoids = 0
  let longest: Claim | undefined
  let longestRep = 0
  let longestUpper = 0
  let earliest: Claim | undefined
  let earliestRep = 0
  let earliestUpper = 0
  let longestAvoid: Claim | undefined
  let avoidRep = 0
  let avoidUpper = 0
  for (const c of claims) {
    if (c.stance === 'avoid') avoids++
    const { min, max } = c.wait
    if (min === null) continue
    const rep = representativeHours({ min, max })
    const upper = max ?? min
    if ((c.stance === 'avoid' || min > 0) && (!longest || compareKeys(rep, upper, min, longestRep, longestUpper, longest.wait.min!) > 0)) {
      longest = c
      longestRep = rep
      longestUpper = upper
    }
    if (c.stance === 'allowed') {
      if (!earliest || compareKeys(rep, upper, min, earliestRep, earliestUpper, earliest.wait.min!) < 0) {
        earliest = c
        earliestRep = rep
        earliestUpper = upper
      }
    } else if (!longestAvoid || compareKeys(rep, upper, min, avoidRep, avoidUpper, longestAvoid.wait.min!) > 0) {
      longestAvoid = c
      avoidRep = rep
      avoidUpper = upper
    }
  }
  const stance: Stance = claims.length - avoids > avoids ? 'allowed' : 'avoid'
  const chosen = stance === 'avoid' ? longest : (earliest ?? longestAvoid)
  return chosen ? { stance, wait: hoursOf(chosen), basis: chosen.id } : { stance, wait: null, basis: null }
}

/**
 * Order two waits by their sort keys: representative, then upper end, then lower end.
 *
 * @param rep The first wait's representative hours.
 * @param upper Its upper end.
 * @param min Its lower end.
 * @param otherRep The second wait's representative hours.
 * @param otherUpper Its upper end.
 * @param otherMin Its lower end.
 * @returns Negative when the first waits less, positive when longer, 0 when equal (the claim offered first stays).
 */
function compareKeys(rep: number, upper: number, min: number, otherRep: number, otherUpper: number, otherMin: number): number {
  return rep - otherRep || upper - otherUpper || min - otherMin
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
  // Keys sorted without destructuring in the comparator (array patterns run the iterator protocol per call).
  const keys = [...byVoice.keys()].sort(compareText)
  return keys.map((key) => {
    const list = byVoice.get(key)!
    const first = list[0]!
    const claims = list.map((e) => e.claim)
    const { stance, wait, basis } = voicePosition(claims)
    return { key, source: first.source, speaker: first.claim.speaker, stance, wait, basis, claims: claims.map((c) => c.id) }
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
