/**
 * Stable claim ids: `<topic>-<8 hex digits>`, a hash of the claim's own
 * words (its quote, whitespace and case folded) with its topic, condition
 * and stance. Editing text elsewhere in the source does not change an id;
 * editing the claim's own sentence does. Identical statements repeated in
 * one source get `-2`, `-3`… in order.
 */

import { isSpace } from '../chars.ts'
/**
 * The id of a claim.
 *
 * @param topic Topic of the claim.
 * @param condition Its condition, or `null`.
 * @param stance `avoid` or `allowed`.
 * @param quote The exact quote.
 * @returns An id like `swimming-3f9a2c1b`.
 * @example
 * claimId('swimming', null, 'avoid', 'Do not go swimming.') === claimId('swimming', null, 'avoid', 'do not  go swimming.') // true
 */
export function claimId(topic: string, condition: string | null, stance: string, quote: string): string {
  let hash = fnv1a(0x811c9dc5, topic)
  hash = fnv1a(step(hash, 0), condition ?? '')
  hash = fnv1a(step(hash, 0), stance)
  hash = step(hash, 0)
  // The quote lowercased, with each run of whitespace as one space and none at either end.
  const lower = quote.toLowerCase()
  let space = false
  let started = false
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i)
    if (isSpace(code)) {
      space = started
      continue
    }
    if (space) hash = step(hash, 32)
    space = false
    started = true
    hash = step(hash, code)
  }
  return `${topic}-${(hash >>> 0).toString(16).padStart(8, '0')}`
}

/** One step of 32-bit FNV-1a over a UTF-16 code unit. */
function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

/** 32-bit FNV-1a of a string's UTF-16 code units, continuing from `hash`. */
function fnv1a(hash: number, input: string): number {
  for (let i = 0; i < input.length; i++) hash = step(hash, input.charCodeAt(i))
  return hash
}
