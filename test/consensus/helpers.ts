/**
 * Builders for consensus tests: a claim or a claims file from the few
 * fields a test cares about, the rest filled with valid defaults.
 */
import { conflictLookup } from '../../src/consensus/conflicts.ts'
import { claimKey } from '../../src/consensus/select.ts'
import type { Conflict, ConsensusReport, TopicConsensus } from '../../src/consensus/types.ts'
import type { Claim, ClaimsFile, Stance } from '../../src/schema.ts'

let counter = 0

/** Fields a test may set on a claim; `wait` may be given as `[min, max]` or `null` (no number). */
export interface ClaimSpec {
  id?: string
  topic?: string
  activity?: string
  stance?: Stance
  wait?: [number, number | null] | null
  condition?: string | null
  speaker?: string | null
  quote?: string
  review?: Claim['review']
  status?: 'orphaned'
}

/**
 * Make a valid claim.
 *
 * @param spec The fields the test cares about.
 * @returns A claim (defaults: topic `swimming`, stance `avoid`, wait 24 h, general, no speaker).
 */
export function claim(spec: ClaimSpec = {}): Claim {
  counter++
  const wait = spec.wait === undefined ? [24, 24] : spec.wait
  const out: Claim = {
    id: spec.id ?? `c-${counter}`,
    topic: spec.topic ?? 'swimming',
    activity: spec.activity ?? spec.topic ?? 'swimming',
    stance: spec.stance ?? 'avoid',
    wait: wait === null ? { min: null, max: null, text: null } : { min: wait[0], max: wait[1], text: `${wait[0]} hours` },
    condition: spec.condition ?? null,
    speaker: spec.speaker ?? null,
    quote: spec.quote ?? `Quote of claim ${spec.id ?? counter}.`,
    span: { start: counter * 10, end: counter * 10 + 5, line: counter },
    review: spec.review ?? { status: 'unreviewed' }
  }
  if (spec.status) out.status = spec.status
  return out
}

/**
 * Make a claims file.
 *
 * @param source Source id.
 * @param claims Its claims.
 * @returns A valid claims file.
 */
export function file(source: string, claims: Claim[]): ClaimsFile {
  return { source, digest: '0'.repeat(64), claims }
}

/**
 * Every pair of a row, enumerated through `conflictLookup` from each allowed
 * claim of its groups, in the order the pair-by-pair listing had: by the
 * allowed claim, then the avoid claim (source, then file order).
 *
 * @param report A consensus report.
 * @param row One of its rows.
 * @returns The row's pairs.
 */
export function rowPairs(report: ConsensusReport, row: TopicConsensus): Conflict[] {
  const lookup = conflictLookup(report)
  const rank = new Map(Object.keys(report.claims).map((key, i) => [key, i]))
  const at = (ref: { source: string; id: string }) => rank.get(claimKey(ref.source, ref.id))!
  return row.conflicts.groups
    .flatMap((group) => group.allowed.flatMap((key) => lookup(key).conflicts))
    .sort((a, b) => at(a.allowed) - at(b.allowed) || at(a.avoid) - at(b.avoid))
}
