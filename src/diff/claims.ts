/**
 * Glue between claims files and {@link diffConsensus}: compute both
 * consensus reports with the vocabulary's related topics, and work out the
 * claims folder after a corpus run without reading it again. Pure.
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

/** What {@link filesAfterRun} needs of a corpus run (see `extractCorpus`). */
export interface RunOutcome {
  sources: { id: string; status: 'written' | 'unchanged' | 'failed'; claims: ClaimFileClaims; source?: { digest: string } }[]
}

type ClaimFileClaims = ClaimsFile['claims']

/**
 * The claims folder after a corpus run, from the folder before it and the
 * run's outcomes: a source that was processed now has the claims the run
 * reports; a failed source and a claims file with no source keep what they
 * had (the run left them untouched).
 *
 * @param before Valid claims files before the run.
 * @param run What `extractCorpus` returned.
 * @returns Claims files after the run, sorted by source id.
 * @example
 * const after = filesAfterRun(before, await extractCorpus(options))
 */
export function filesAfterRun(before: ClaimsFile[], run: RunOutcome): ClaimsFile[] {
  const bySource = new Map(before.map((file) => [file.source, file]))
  for (const outcome of run.sources) {
    if (outcome.status === 'failed' || !outcome.source) continue
    bySource.set(outcome.id, { source: outcome.id, digest: outcome.source.digest, claims: outcome.claims })
  }
  return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
}
