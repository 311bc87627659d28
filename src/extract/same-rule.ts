/**
 * "The same goes for …": the `same-rule/…` rule (doc and examples in
 * `rules/same-rule.ts`).
 */
import type { RuleId } from './rules/index.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import type { Draft, Mention } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * A statement that applies the claim before it to other activities ("Hot
 * yoga falls under the same rule", "The same goes for hot tubs"): that
 * claim's stance and wait for each activity it names (`same-rule/applies`).
 * Nothing when it names none, or negates ("swimming is not under the same rule").
 *
 * @param tokens Tokens of the statement.
 * @param mentions The activities it names.
 * @param before The last claim before it in the block.
 * @param at Where it is and who says it.
 * @param lexicon The compiled vocabulary (its `same` phrases).
 * @returns One draft per activity, or none.
 */
export function sameRule(tokens: Token[], mentions: Mention[], before: Draft, at: Pick<Draft, 'start' | 'end' | 'speaker'>, lexicon: Lexicon): Draft[] {
  const matches = matchesOf(tokens, lexicon)
  if (matches.same.length === 0 || matches.negation.length > 0) return []
  return mentions.map((m) => {
    const rules: RuleId[] = [m.rule, 'same-rule/applies']
    if (m.condition !== null) rules.push('condition/activity')
    return { topic: m.topic, activity: m.activity, stance: before.stance, wait: { ...before.wait }, condition: m.condition, ...at, rules }
  })
}
