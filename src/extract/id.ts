/**
 * Stable claim ids: `<topic>-<8 hex digits>`, a hash of the claim's own
 * words (its quote, whitespace and case folded) with its topic, condition
 * and stance. Editing text elsewhere in the source does not change an id;
 * editing the claim's own sentence does. Identical statements repeated in
 * one source get `-2`, `-3`… in order.
 */

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
  const key = [topic, condition ?? '', stance, quote.toLowerCase().replace(/\s+/g, ' ').trim()].join('\u0000')
  return `${topic}-${fnv1a(key)}`
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(input: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
