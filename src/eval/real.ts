/**
 * The real-article development set's format (`test/real/`, described in
 * its README): an index of pages and one gold file per page, whose claims
 * point into the page's text by offsets (`at`) and carry the fields of the
 * labelling guidelines (`../shared/GUIDELINES.md`). The page texts are
 * someone else's writing and never committed; this module only defines and
 * validates the shapes. Reading the files is `read/gold.ts`'s job.
 *
 * Decisions recorded here:
 * - Required in a gold claim: `topic`, `stance`, `min_hours`, `max_hours`,
 *   `at`. The others default as the guidelines' template shows them
 *   (`vague: false`, `condition: null`, `speaker: null`, `optional: false`,
 *   `alt: []`, `alt_topics: []`), so a labeller may leave them out.
 * - Required in an index entry: `slug`, `url`, `procedure`, `sha256` and
 *   `set` (no default: a page put in the wrong set by a default would leak
 *   the holdout into development). `site`, `found_by`, `layout`, `chars`
 *   are checked when present.
 *
 * Browser-safe: no Node APIs.
 */
import { z } from 'zod'
import { slug, stances } from '../schema.ts'

/** The topics of the labelling guidelines; anything else an extractor names counts as `other`. */
export const guidelineTopics = ['exercise', 'swimming', 'sweating', 'sauna', 'sun', 'makeup', 'washing', 'actives', 'alcohol', 'smoking', 'other'] as const
/** The topics the project aims highest on. */
export const coreTopics = ['exercise', 'swimming', 'sweating'] as const
/** The conditions of the labelling guidelines. */
export const guidelineConditions = ['light', 'intense', 'superficial', 'deep', 'home'] as const
/** The page layouts an index entry may name. */
export const layouts = ['blog', 'clinic', 'qa', 'magazine', 'plain', 'list'] as const
/** The two sets: `dev` is worked against, `holdout` only scored. */
export const realSets = ['dev', 'holdout'] as const

export type GuidelineTopic = (typeof guidelineTopics)[number]
export type RealSet = (typeof realSets)[number]

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest (64 lowercase hex digits)')
const hours = z.number().nonnegative().nullable()
const offset = z.number().int().nonnegative()

/** The rules every pair of `min_hours`/`max_hours` obeys (as a claim's wait does). */
function hourRules<T extends z.ZodType<{ min_hours: number | null; max_hours: number | null }>>(schema: T): T {
  return schema
    .refine((h) => h.min_hours !== null || h.max_hours === null, { message: 'expected `min_hours` to be set when `max_hours` is set' })
    .refine((h) => h.min_hours === null || h.max_hours === null || h.min_hours <= h.max_hours, { message: 'expected `min_hours` <= `max_hours`' })
}

/** Another acceptable hour reading of a gold claim. */
export const altReadingSchema = hourRules(z.object({ min_hours: hours, max_hours: hours }).strict())

/** One gold claim of a real page. */
export const realGoldClaimSchema = hourRules(
  z
    .object({
      topic: z.enum(guidelineTopics),
      activity: z.string().min(1).optional(),
      stance: z.enum(stances),
      min_hours: hours,
      max_hours: hours,
      vague: z.boolean().default(false),
      condition: z.enum(guidelineConditions).nullable().default(null),
      speaker: z.string().min(1).nullable().default(null),
      at: z.tuple([offset, offset]).refine(([start, end]) => end > start, { message: 'expected `at: [start, end]` with end > start' }),
      optional: z.boolean().default(false),
      alt: z.array(altReadingSchema).default([]),
      alt_topics: z.array(z.enum(guidelineTopics)).default([]),
      note: z.string().optional()
    })
    .strict()
)

/** A gold file of a real page (`gold/<slug>.yaml`). */
export const realGoldFileSchema = z
  .object({
    slug,
    sha256,
    labelled_by: z.string().min(1).optional(),
    notes: z.string().optional(),
    claims: z.array(realGoldClaimSchema)
  })
  .strict()

/** One page of the index. */
export const realIndexEntrySchema = z
  .object({
    slug,
    url: z.string().min(1),
    site: z.string().min(1).optional(),
    found_by: z.string().min(1).optional(),
    procedure: slug,
    layout: z.enum(layouts).optional(),
    chars: z.number().int().positive().optional(),
    sha256,
    set: z.enum(realSets)
  })
  .strict()

/** An index file (`index.yaml`, or one of `index.d/*.yaml`): a list of pages (validated entry by entry). */
export const realIndexSchema = z.array(realIndexEntrySchema)

export type RealGoldClaim = z.infer<typeof realGoldClaimSchema>
export type RealGoldFile = z.infer<typeof realGoldFileSchema>
export type RealIndexEntry = z.infer<typeof realIndexEntrySchema>

/**
 * The guidelines' topic an extracted topic counts as: itself when the
 * guidelines list it, else `other` (the vocabulary's `massage`, `skincare`,
 * `heat`, and any activity outside the vocabulary).
 *
 * @param topic An extracted claim's topic.
 * @returns A guideline topic.
 * @example
 * guidelineTopic('massage') // 'other'
 */
export function guidelineTopic(topic: string): GuidelineTopic {
  return (guidelineTopics as readonly string[]).includes(topic) ? (topic as GuidelineTopic) : 'other'
}
