/**
 * Shapes of a "what changed" report: how the consensus moved between two
 * states of the claims folder (before and after a run, or a commit and the
 * working tree). Browser-safe: no Node APIs anywhere under `src/diff/`.
 */
import type { ClaimRef, Conflict, ConflictGroup, Outlier, TopicConsensus, Voice } from '../consensus/types.ts'

export type { ClaimRef }

/** A claim whose quote can no longer be found in its source (`status: orphaned`), review kept. */
export interface OrphanedClaim extends ClaimRef {
  /** Topic and condition as the editor last saw them (corrections applied). */
  topic: string
  condition: string | null
  quote: string
  /** 1-based line where the quote was last found. */
  line: number
}

/** A voice present on both sides whose position moved (stance or wait). */
export interface VoiceChange {
  key: string
  from: Voice
  to: Voice
}

/** How one topic/condition row changed. */
export interface RowDiff {
  topic: string
  /** `null` is the general row. */
  condition: string | null
  /** `added`: a new row; `removed`: no voice states it any more; `changed`: on both sides, something moved. */
  kind: 'added' | 'removed' | 'changed'
  /** The consensus before and after (`null` on the side where the row has no number or does not exist). */
  consensus: { from: TopicConsensus['consensus']; to: TopicConsensus['consensus'] }
  /** Whether the range or the median moved as a report shows them (see `diffConsensus`). */
  rangeMoved: boolean
  /** Number of voices before and after (0 where the row does not exist). */
  voices: { from: number; to: number }
  /** Keys of voices new in this row (`<source>` or `<source>#<speaker>`), sorted. */
  voicesAdded: string[]
  /** Keys of voices no longer in this row, sorted. */
  voicesRemoved: string[]
  /** Voices on both sides whose stance or wait changed, sorted by key. */
  voicesChanged: VoiceChange[]
  /** Outliers only the after side has, and those only the before side had. */
  outliersNew: Outlier[]
  outliersResolved: Outlier[]
  /** Conflict groups (by the time they allow from) only the after side has, and those only the before side had. */
  conflictsNew: ConflictGroup[]
  conflictsResolved: ConflictGroup[]
  /** Conflict groups on both sides whose words changed (claims or sources counted, shortest wait, topics). */
  conflictsChanged: { from: ConflictGroup; to: ConflictGroup }[]
  /** Within-source pairs (by both claims) only the after side has, and those only the before side had. */
  withinSourceNew: Conflict[]
  withinSourceResolved: Conflict[]
  /** Claims counted in this row only after, and only before (in stable order). */
  claimsAdded: ClaimRef[]
  claimsRemoved: ClaimRef[]
  /** Claims of this row that became orphaned. */
  orphaned: OrphanedClaim[]
}

/** What {@link diffConsensus} returns. */
export interface ConsensusDiff {
  /** Rows that changed, sorted like the consensus (topic, general row first, then conditions). */
  rows: RowDiff[]
  /** Newly orphaned claims that belong to no row on either side (e.g. rejected before). */
  orphaned: OrphanedClaim[]
  /** Number of rows before and after. */
  rowsBefore: number
  rowsAfter: number
  /** Number of claims files (sources) before and after. */
  sourcesBefore: number
  sourcesAfter: number
}
