/**
 * Glue between claims files and {@link diffConsensus}: compute both
 * consensus reports with the vocabulary's related topics. Pure. (A corpus
 * run computes its own diff from the rows it touched: see `write/corpus.ts`.)
 */
import { computeConsensus } from '../consensus/compute.ts'
import type { ConsensusOptions } from '../consensus/types.ts'
import type { ClaimsFile } from '../schema.ts'
import { relatedTopics, type Vocabulary } from '../vocabulary.ts'
import { diffConsensus } from './consensus.ts'
import type { ConsensusDiff } from './types.ts'

/**
 * The consensus options a vocabulary gives (its related topics, symmetric
 * and sorted), as `loadConsensus` uses them.
 *
 * @param vocabulary Validated vocabulary.
 * @returns Options for `computeConsensus`.
 * @example
 * consensusOptions(vocabulary).related?.sweating // ['exercise', 'sauna']
 */
export function consensusOptions(vocabulary: Pick<Vocabulary, 'topics'>): ConsensusOptions {
  const related: Record<string, string[]> = {}
  for (const [topic, others] of relatedTopics(vocabulary)) related[topic] = [...others].sort()
  return { related }
}

/**
 * What changed in the consensus between two sets of claims files.
 *
 * @param before Claims files before (valid ones only).
 * @param after Claims files after.
 * @param options Consensus options, e.g. from {@link consensusOptions} (default: none).
 * @returns The diff (see `diffConsensus`).
 * @example
 * formatConsensusDiff(diffClaims(oldFiles, newFiles, consensusOptions(vocabulary)))
 */
export function diffClaims(before: ClaimsFile[], after: ClaimsFile[], options: ConsensusOptions = {}): ConsensusDiff {
  return diffConsensus(computeConsensus(before, options), computeConsensus(after, options), before, after)
}
