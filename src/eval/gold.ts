/**
 * The gold format: hand-made claims an extractor is measured against, one
 * file per source (`test/gold/<source-id>.yaml`). Reading the files is
 * `read/gold.ts`'s job; this module only defines and validates the shape.
 *
 * ```yaml
 * source: exercise-after-skin-needling
 * claims:
 *   - topic: exercise
 *     stance: avoid
 *     wait: {min: 72, max: 72}
 *     condition: null
 *     speaker: null
 *     quote: "you must not engage in exercise and other strenuous activities for 72 hours"
 *     note: optional free text explaining a hard call
 *     occurrence: 2   # optional: which occurrence of the quote (1-based) when it occurs more than once
 * ```
 *
 * Unlike a claims file, gold has no id, span or review: the quote alone
 * places it (see {@link locateQuote}), and `wait` has no `text`.
 *
 * Browser-safe: no Node APIs.
 */
import { z } from 'zod'
import { slug, stances, withWaitRules, type Stance } from '../schema.ts'

/** A gold wait in hours: `min`/`max` as in claims (`null` max is open ended, both null is no number). */
export const goldWaitSchema = withWaitRules(
  z
    .object({
      min: z.number().nonnegative().nullable(),
      max: z.number().nonnegative().nullable()
    })
    .strict()
)

/** One gold claim. */
export const goldClaimSchema = z
  .object({
    topic: slug,
    stance: z.enum(stances),
    wait: goldWaitSchema,
    condition: slug.nullable(),
    speaker: z.string().min(1).nullable(),
    quote: z.string().min(1),
    note: z.string().optional(),
    occurrence: z.number().int().positive().optional()
  })
  .strict()

/** A gold file: every claim an expert editor would list for one source. */
export const goldFileSchema = z
  .object({
    source: z.string().min(1),
    claims: z.array(goldClaimSchema)
  })
  .strict()

export type GoldClaim = z.infer<typeof goldClaimSchema>

/**
 * Whether a gold claim is an optional reading: its note starts with
 * "optional" ("optional under GUIDELINES: … read alone it is a generic
 * avoid"). This format has no `optional` field, so the labeller marks such
 * a claim in its note; it is scored as the real-page gold's `optional: true`
 * is: neither required (no miss when nothing matches it) nor a false alarm
 * when something does (and that match is no hit either).
 *
 * @param claim A gold claim.
 * @returns `true` for an optional reading.
 */
export function isOptionalGold(claim: Pick<GoldClaim, 'note'>): boolean {
  return /^optional\b/i.test(claim.note ?? '')
}
export type GoldFile = z.infer<typeof goldFileSchema>

/** The fields two claims are compared on (a gold claim and an extracted one both have them). */
export interface ClaimFacts {
  topic: string
  stance: Stance
  wait: { min: number | null; max: number | null }
  condition: string | null
  speaker: string | null
}
