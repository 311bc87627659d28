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
  // One pass (a row of a large corpus has thousands of voices): the three candidates at once,
  // each with its wait's sort key computed once.
  let avoids = 0
  const longestWait = new Best(1)
  const earliestAllowed = new Best(-1)
  const longestAvoid = new Best(1)
  for (const c of claims) {
    if (c.stance === 'avoid') avoids++
    if (c.wait.min === null) continue
    const wait = c.wait as Hours
    const rep = representativeHours(wait)
    if (c.stance === 'avoid' || wait.min > 0) longestWait.offer(c, rep)
    if (c.stance === 'allowed') earliestAllowed.offer(c, rep)
    else longestAvoid.offer(c, rep)
  }
  const stance: Stance = claims.length - avoids > avoids ? 'allowed' : 'avoid'
  const chosen = stance === 'avoid' ? longestWait.claim : (earliestAllowed.claim ?? longestAvoid.claim)
  return chosen ? { stance, wait: hoursOf(chosen), basis: chosen.id } : { stance, wait: null, basis: null }
}

/**
 * The claim with the longest (or earliest) wait seen so far: waits compare
 * by representative, then upper end, then lower end; on a tie the claim
 * offered first stays (file order).
 */
class Best {
  claim: Claim | undefined
  private rep = 0
  private upper = 0
  private min = 0
  /** @param sign 1 keeps the longest wait, -1 the earliest. */
  constructor(private readonly sign: 1 | -1) {}
  /**
   * Offer a numbered claim.
   *
   * @param claim The claim.
   * @param rep Its wait's representative hours.
   */
  offer(claim: Claim, rep: number): void {
    const wait = claim.wait as Hours
    const upper = upperHours(wait)
    if (this.claim) {
      const order = rep - this.rep || upper - this.upper || wait.min - this.min
      if (order * this.sign <= 0) return
    }
    this.claim = claim
    this.rep = rep
    this.upper = upper
    this.min = wait.min
  }
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
