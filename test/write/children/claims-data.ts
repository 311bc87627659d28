import { serializeClaims } from '../../../src/write/serialize.ts'
import type { Claim } from '../../../src/schema.ts'

/**
 * The claims file `source-<i>` has in round `round`: `round + 1` claims,
 * each with a long quote so that a write takes several blocks.
 *
 * @param i File number.
 * @param round Round number (0: the state before the child starts).
 * @returns YAML text.
 */
export function claimsFileFor(i: number, round: number): string {
  const claims: Claim[] = []
  for (let k = 0; k <= round; k++) {
    const quote = `Avoid swimming for ${k + 1} days after treatment number ${i}. `.repeat(20).trim()
    claims.push({
      id: `swimming-${i}-${k}`,
      topic: 'swimming',
      activity: 'swimming',
      stance: 'avoid',
      wait: { min: 24 * (k + 1), max: 24 * (k + 1), text: `${k + 1} days` },
      condition: null,
      speaker: null,
      quote,
      span: { start: k * 2000, end: k * 2000 + quote.length, line: k + 1 },
      review: { status: 'unreviewed' }
    })
  }
  return serializeClaims({ source: `source-${i}`, digest: (i % 10).toString().repeat(64), claims })
}
