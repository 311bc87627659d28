/**
 * "What changed": how the consensus moved between two states of the claims
 * folder, and the report in words. Browser-safe. Re-exports only.
 */
export { diffConsensus, diffRows, hasChanges, newlyOrphaned, type DiffTotals } from './consensus.ts'
export { consensusOptions, diffClaims } from './claims.ts'
export { formatConsensusDiff, noChange, type DiffFormatOptions } from './format.ts'
export type * from './types.ts'
