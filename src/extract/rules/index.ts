/**
 * Every extraction rule by id, with its words. Pure data and browser-safe:
 * the chart's claim panel says why a claim was read as it was
 * ({@link describeRule}), `check` knows which ids exist ({@link isRuleId}),
 * and `npm run docs:rules` writes the README's rule section from the same
 * docs (`markdown.ts`). The rules' code is in `src/extract/<family>.ts`;
 * `pipeline.ts` states the order they are asked in.
 */
import { clausesFamily } from './clauses.ts'
import { conditionFamily } from './condition.ts'
import { leadInsFamily } from './lead-ins.ts'
import { notAClaimFamily } from './not-a-claim.ts'
import { plansFamily } from './plans.ts'
import { sameRuleFamily } from './same-rule.ts'
import { stanceFamily } from './stance.ts'
import { timeFamily } from './time.ts'
import { timelineFamily } from './timeline.ts'
import { topicFamily } from './topic.ts'
import type { RuleDoc, RuleFamily } from './types.ts'

export type { RuleDoc, RuleExample, RuleFamily, RuleKind } from './types.ts'

/** The families in the order the README presents them (the order a clause meets them, roughly). */
export const ruleFamilies = [
  clausesFamily,
  topicFamily,
  stanceFamily,
  leadInsFamily,
  timeFamily,
  timelineFamily,
  plansFamily,
  sameRuleFamily,
  conditionFamily,
  notAClaimFamily
] as const satisfies readonly RuleFamily[]

/** The id of a rule, e.g. `stance/negated-allowed`. */
export type RuleId = (typeof ruleFamilies)[number]['rules'][number]['id']

const byId = new Map<string, RuleDoc>()
for (const family of ruleFamilies) for (const rule of family.rules) byId.set(rule.id, rule)

/** Every rule id, family by family. */
export const ruleIds: readonly RuleId[] = [...byId.keys()] as RuleId[]

/**
 * Whether a string is the id of a rule.
 *
 * @param id A string, e.g. from a claims file's `rules`.
 * @returns `true` for a known id.
 * @example
 * isRuleId('stance/avoid-cue') // true
 */
export function isRuleId(id: string): id is RuleId {
  return byId.has(id)
}

/**
 * A rule's documentation.
 *
 * @param id A rule id.
 * @returns Its doc, or `undefined` for an unknown id.
 */
export function ruleDoc(id: string): RuleDoc | undefined {
  return byId.get(id)
}

/**
 * Why a claim was read as it was, in words an editor reads: the rule's
 * one-sentence summary.
 *
 * @param id A rule id from a claim's `rules`.
 * @returns The sentence, or `undefined` for an id no rule has (a claims file from another version).
 * @example
 * describeRule('stance/negated-allowed')
 * // 'The stance is avoid: an allowed word is negated ("it is not safe to", "never okay").'
 */
export function describeRule(id: string): string | undefined {
  return byId.get(id)?.summary
}
