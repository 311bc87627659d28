/**
 * The consensus engine: ranges, outliers and conflicts with stated rules.
 * Browser-safe (no Node APIs). Re-exports only.
 */
export { computeConsensus, computeRow, noConflicts, summarise } from './compute.ts'
export {
  allowedFrom,
  conflictLookup,
  conflictReason,
  conflicts,
  conflictSamples,
  findConflicts,
  relatedLookup,
  type ClaimConflicts,
  type ConflictParty
} from './conflicts.ts'
export { median } from './median.ts'
export { affectedRows, computeRows, computeStates, digestSource, rowKeys, type CompactClaim, type SourceDigest } from './partial.ts'
export { findOutliers, minimumVoices, outlierFactor, outlierReason } from './outliers.ts'
export { numbers, quantile } from './quantile.ts'
export { consensusRange, countWaits, rangeOfCounts, type ConsensusRange, type WaitCount } from './range.ts'
export { rules } from './rules.ts'
export type { AllowedTime, AvoidTally, Bucket, ContraryTally, RowTally, SampleRef } from './tally.ts'
export { changeRows, tallyDigests, type ChangedRows, type SourceChange, type Tallies } from './update.ts'
export { hoursFromLog, logHours, representativeHours, roundHours, upperHours } from './scale.ts'
export { claimKey, claimRef, compareRows, compareText, countedClaims, rowKey, voiceKey, type CountedClaim } from './select.ts'
export type * from './types.ts'
export { groupVoices, hoursOf, voicePosition, type Position } from './voices.ts'
export { formatHours, formatRange, formatWait, gist, proportion } from './words.ts'
