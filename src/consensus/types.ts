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
  /** Ids of the claims that make up this voice's position, in file order (all in {@link Voice.source}, so ids suffice). */
  claims: string[]
  /** Id of the claim (in {@link Voice.source}) whose wait is the voice's wait; `null` when `wait` is. */
  basis: string | null
}

export interface Outlier {
  /** Id of the outlying claim, in {@link Outlier.source}. */
  claim: string
  source: string
  speaker: string | null
  wait: Hours
  /** Human reason: "24 h is a third of the 72 h median, outside the consensus 72–168 h". */
  reason: string
  /** How far the claim's wait is from the median: (wait + 1) / (median + 1), rounded to 0.01. */
  factor: number
}

/**
 * A claim named by its source and id. Claim ids hash the claim's own words
 * (see `extract/id.ts`), so they are unique within one source only: the
 * same sentence in two sources has the same id. Everything that names a
 * claim across sources names both; as one string that is its *claim key*,
 * `<source>/<id>` (see `claimKey`; a source id is a file name and has no `/`).
 */
export interface ClaimRef {
  source: string
  id: string
}

/**
 * One pair of claims that cannot both be followed: `allowed` allows the
 * activity from a time, `avoid` says to wait longer (the rule is in
 * `conflicts.ts`). Within-source pairs are listed in full in
 * {@link RowConflicts.withinSource}; every other pair is enumerated only on
 * demand (`conflictLookup`).
 */
export interface Conflict {
  /** The claim that allows (the pair belongs to its row). */
  allowed: ClaimRef
  /** The claim that says to wait longer. */
  avoid: ClaimRef
  /** `within-source` when both claims come from one source (a named expert quoted there included). */
  scope: 'cross-source' | 'within-source'
  /** Both claims in words, with their quotes' gist: "sweat allows sweat right away (“…”), but also says to avoid saunas for 48 h (“…”)". */
  reason: string
}

/**
 * The conflicts of one row's allowed claims that allow from one time: a
 * *stance group*. All of them allow the activity from the same time, so all
 * of them conflict with the same claims, the *contrary* claims; the group
 * says so once instead of pair by pair ("2 claims from 2 sources allow
 * sweating right away; 9 claims from 4 sources say to wait longer, the
 * shortest 24 h").
 *
 * Drawing it: a bracket in the row from {@link allowedFrom} to
 * {@link ConflictGroup.contrary}`.shortest` (to the open end of the axis when
 * that is `null`), labelled with the counts; the individual pairs only for a
 * focused claim (`conflictLookup`).
 */
export interface ConflictGroup {
  /**
   * Hours from which the group's claims allow the activity: the latest time
   * each states (0 = right away). Groups are unique per row by this value.
   */
  allowedFrom: number
  /** Keys (`<source>/<id>`) of the row's allowed claims that allow from exactly {@link allowedFrom}, in stable order (source, then file order). */
  allowed: string[]
  /** Number of distinct sources among {@link allowed}. */
  allowedSources: number
  /**
   * The claims that say to wait longer: `avoid` claims on a topic of
   * {@link RowConflicts.topics}, in the row's condition, whose shortest
   * stated wait is longer than {@link allowedFrom} — and, when it is 0,
   * `avoid` claims that state no number.
   */
  contrary: {
    /** How many claims. */
    claims: number
    /** From how many distinct sources. */
    sources: number
    /** The topics they are on, sorted. */
    topics: string[]
    /** The shortest wait they state, in hours (the lowest `wait.min`); `null` when none states a number. Where the bracket ends. */
    shortest: number | null
    /** How many of them state no number ("until healed"; only when {@link allowedFrom} is 0). */
    vague: number
    /** Up to `conflictSamples` (3) of their keys: the shortest waits first, then stable order. */
    samples: string[]
  }
  /** Pairs the group stands for: `allowed.length × contrary.claims`. */
  pairs: number
  /** How many of those pairs have both claims in one source (each is in {@link RowConflicts.withinSource}). */
  withinSource: number
  /** The group in words (see the interface doc). */
  reason: string
}

/** The conflicts of one row, listed in the row of the claims that allow. */
export interface RowConflicts {
  /** Pairs of claims in conflict, counted: the sum of the groups' `pairs` (within-source pairs included). */
  pairs: number
  /** How many of {@link pairs} are within one source (the length of {@link withinSource}). */
  withinSourcePairs: number
  /** The topics whose `avoid` claims the row's allowed claims are compared with: the row's own and its related topics, sorted. */
  topics: string[]
  /** One group per distinct time the row's allowed claims allow from, earliest first; only groups with a contrary claim. */
  groups: ConflictGroup[]
  /** Every within-source pair, in full: an editor must fix each. Ordered by the allowed claim, then the avoid claim (stable order). */
  withinSource: Conflict[]
}

/** The consensus of one topic (and condition; `null` is the general row). */
export interface TopicConsensus {
  topic: string
  condition: string | null
  /** Number of distinct voices. */
  voices: number
  /** Robust central range and median of the voices' waits, in hours; `null` when no voice has a number. */
  consensus: { min: number; max: number; median: number } | null
  /** Keys (`<source>/<id>`) of every claim counted in this row (rejected and orphaned claims excluded), in stable order. */
  claims: string[]
  /** The voices, sorted by key. */
  voiceList: Voice[]
  outliers: Outlier[]
  /** The conflicts of the row's allowed claims, grouped (see {@link RowConflicts}). */
  conflicts: RowConflicts
  /** Keys of the claims with no number: they count for stance but do not move the range. */
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
  /** Every claim counted in some row, by key (`<source>/<id>`), in source then file order (for quotes in reports). */
  claims: Record<string, ClaimSummary>
}

/** Input: validated claims files (read elsewhere; see `read/claims.ts`). */
export type ConsensusInput = ClaimsFile[]
