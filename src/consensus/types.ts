/**
 * Shapes of the consensus result. The CLI (`consensus --json`), the Markdown
 * report and the chart page all read these; `--json` prints a
 * {@link ConsensusReport} as is.
 *
 * Browser-safe: no Node APIs anywhere under `src/consensus/`.
 */
import type { ClaimsFile, ReviewStatus, Stance, Wait } from '../schema.ts'

/** Hours, as in claims: `max: null` is open ended. */
export interface Hours {
  min: number
  max: number | null
}

/** What {@link computeConsensus} needs besides the claims. */
export interface ConsensusOptions {
  /**
   * Related topics, symmetric (from the vocabulary's `related`): a claim that
   * a topic is fine now conflicts with a claim to avoid a related topic until
   * later. Default: none.
   */
  related?: Record<string, string[]>
  /** Source ids to leave out (the chart's per-source switches). Default: none. */
  exclude?: string[]
}

/**
 * One voice's position on one topic/condition: a source, or a named expert
 * quoted inside a source, counted once however often it repeats itself.
 */
export interface Voice {
  /** `<source>` or `<source>#<speaker>`. */
  key: string
  source: string
  speaker: string | null
  /** The position this voice takes (see the README for how it is chosen). */
  stance: Stance
  /** Its wait; `null` when every claim of the voice is unquantified ("until healed"). */
  wait: Hours | null
  /** Ids of the claims that make up this voice's position, in file order. */
  claims: string[]
  /** Id of the claim whose wait is the voice's wait; `null` when `wait` is. */
  basis: string | null
}

export interface Outlier {
  claim: string
  source: string
  speaker: string | null
  wait: Hours
  /** Human reason: "24 h is a third of the 72 h median, outside the consensus 72–168 h". */
  reason: string
  /** How far the claim's wait is from the median: (wait + 1) / (median + 1), rounded to 0.01. */
  factor: number
}

export interface Conflict {
  /** The two claim ids: the one that allows earlier first. */
  claims: [string, string]
  sources: [string, string]
  scope: 'cross-source' | 'within-source'
  reason: string
}

/** The consensus of one topic (and condition; `null` is the general row). */
export interface TopicConsensus {
  topic: string
  condition: string | null
  /** Number of distinct voices. */
  voices: number
  /** Robust central range and median of the voices' waits, in hours; `null` when no voice has a number. */
  consensus: { min: number; max: number; median: number } | null
  /** Ids of every claim counted in this row (rejected claims excluded). */
  claims: string[]
  /** The voices, sorted by key. */
  voiceList: Voice[]
  outliers: Outlier[]
  conflicts: Conflict[]
  /** Ids of the claims with no number: they count for stance but do not move the range. */
  vague: string[]
}

/** What a report needs to show a claim: its effective values (corrections applied) and its words. */
export interface ClaimSummary {
  id: string
  source: string
  speaker: string | null
  topic: string
  condition: string | null
  activity: string
  stance: Stance
  wait: Wait
  quote: string
  /** 1-based line of the quote in its source. */
  line: number
  /** The editor's decision (`corrected` claims show the corrected values). */
  review: ReviewStatus
}

export interface ConsensusReport {
  /** The rules used, in words, so every output states them. */
  rules: { range: string; outlier: string; conflict: string; voice: string }
  /** Rows sorted by topic, then the general row before its conditions (alphabetical). */
  topics: TopicConsensus[]
  /** Every claim counted in some row, by id, in source then file order (for quotes in reports). */
  claims: Record<string, ClaimSummary>
}

/** Input: validated claims files (read elsewhere; see `read/claims.ts`). */
export type ConsensusInput = ClaimsFile[]
