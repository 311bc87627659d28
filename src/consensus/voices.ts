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
  let numberedAvoids = 0
  let numbered = 0
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
    numbered++
    if (c.stance === 'avoid') numberedAvoids++
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
  const stance = chooseStance(avoids, claims.length - avoids, numberedAvoids, numbered - numberedAvoids).stance
  const chosen = stance === 'avoid' ? longest : (earliest ?? longestAvoid)
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
  const numbered = claims.filter((c) => c.wait.min !== null)
  const numberedAvoid = numbered.filter((c) => c.stance === 'avoid').length
  return chooseStance(avoid, claims.length - avoid, numberedAvoid, numbered.length - numberedAvoid)
}

/**
 * The stance rule on counts, shared by {@link stanceTally} and the one-pass
 * {@link voicePosition}.
 *
 * @param avoid Claims of the voice that say `avoid`.
 * @param allowed Claims that say `allowed`.
 * @param numberedAvoid Those of the `avoid` claims that state a time.
 * @param numberedAllowed Those of the `allowed` claims that state a time.
 * @returns The stance and how it was chosen.
 */
function chooseStance(avoid: number, allowed: number, numberedAvoid: number, numberedAllowed: number): StanceTally {
  if (avoid === 0 || allowed === 0) return { stance: allowed > 0 ? 'allowed' : 'avoid', avoid, allowed, by: 'only' }
  if (avoid !== allowed) return { stance: allowed > avoid ? 'allowed' : 'avoid', avoid, allowed, by: 'majority' }
  if (numberedAvoid !== numberedAllowed) return { stance: numberedAllowed > numberedAvoid ? 'allowed' : 'avoid', avoid, allowed, by: 'numbered' }
  return { stance: 'avoid', avoid, allowed, by: 'cautious' }
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
  const voices: Voice[] = []
  // In stable order a source's claims are consecutive: its voices are found within them.
  let start = 0
  let previous: string | undefined
  while (start < entries.length) {
    const { source } = entries[start]!
    if (previous !== undefined && compareText(source, previous) <= 0) return groupAnyOrder(entries)
    previous = source
    let end = start + 1
    let speakers = false
    while (end < entries.length && entries[end]!.source === source) {
      if (entries[end]!.voice !== entries[start]!.voice) speakers = true
      end++
    }
    if (!speakers) voices.push(voiceOf(entries, start, end))
    else {
      const byVoice = new Map<string, CountedClaim[]>()
      for (let i = start; i < end; i++) push(byVoice, entries[i]!.voice, entries[i]!)
      for (const list of byVoice.values()) voices.push(voiceOf(list, 0, list.length))
    }
    start = end
  }
  // Nearly sorted already (sources in order; a source's own voice before its quoted experts').
  return voices.sort((a, b) => compareText(a.key, b.key))
}

/**
 * {@link groupVoices} for claims in any order.
 *
 * @param entries Counted claims of one row.
 * @returns The voices, sorted by key.
 */
function groupAnyOrder(entries: CountedClaim[]): Voice[] {
  const byVoice = new Map<string, CountedClaim[]>()
  for (const entry of entries) push(byVoice, entry.voice, entry)
  const voices = [...byVoice.values()].map((list) => voiceOf(list, 0, list.length))
  return voices.sort((a, b) => compareText(a.key, b.key))
}

/**
 * One voice from its claims.
 *
 * @param entries Counted claims.
 * @param start Index of the voice's first claim.
 * @param end Index after its last (all between are its claims, in file order).
 * @returns The voice.
 */
function voiceOf(entries: CountedClaim[], start: number, end: number): Voice {
  const first = entries[start]!
  const claims: Claim[] = new Array(end - start)
  const ids: string[] = new Array(end - start)
  for (let i = start; i < end; i++) {
    claims[i - start] = entries[i]!.claim
    ids[i - start] = entries[i]!.claim.id
  }
  const { stance, wait, basis } = voicePosition(claims)
  return { key: first.voice, source: first.source, speaker: first.claim.speaker, stance, wait, basis, claims: ids }
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

/**
 * The numbered part of a claim's wait.
 *
 * @param claim A claim whose `wait.min` is set.
 * @returns Its wait in hours.
 */
export function hoursOf(claim: { wait: Claim['wait'] }): Hours {
  return { min: claim.wait.min!, max: claim.wait.max }
}
