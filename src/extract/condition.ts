/**
 * Conditions of a claim: the `condition/…` rules (docs and examples in
 * `rules/condition.ts`). A procedure condition (superficial, deep, home)
 * anywhere in the clause wins over an activity condition (light, intense)
 * read with the activity's words (see `topicMentions`).
 */
import type { Lexicon } from './lexicon.ts'
import { matchesOf } from './lexicon.ts'
import type { RuleId } from './rules/index.ts'
import type { Mention } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * The condition of a claim on one activity, and the rule that gave it.
 *
 * @param clause Tokens of the clause.
 * @param lexicon The compiled vocabulary.
 * @param mention The activity.
 * @param inherited Whether the clause borrowed the activity (its own words may then qualify it: "and 72 hours for intense ones").
 * @returns The condition (or `null`) and its rule (`undefined` for none).
 */
export function conditionOf(clause: Token[], lexicon: Lexicon, mention: Mention, inherited: boolean): { condition: string | null; rule: RuleId | undefined } {
  for (const c of matchesOf(clause, lexicon).conditions) if (lexicon.conditionKinds.get(c.value) === 'procedure') return { condition: c.value, rule: 'condition/procedure' }
  const condition = (inherited ? activityConditionOf(clause, lexicon, mention.topic) : null) ?? mention.condition
  return { condition, rule: condition === null ? undefined : 'condition/activity' }
}

/** The first activity condition in a clause that may qualify a topic. */
function activityConditionOf(clause: Token[], lexicon: Lexicon, topic: string): string | null {
  for (const c of matchesOf(clause, lexicon).conditions) {
    if (lexicon.conditionKinds.get(c.value) === 'activity' && conditionApplies(lexicon, c.value, topic)) return c.value
  }
  return null
}

/**
 * Whether a topic is an activity one plans (it accepts an activity condition such as `light`).
 *
 * @param lexicon The compiled vocabulary.
 * @param topic A topic.
 * @returns `true` when some activity condition lists it.
 */
export function planTopic(lexicon: Lexicon, topic: string): boolean {
  for (const [condition, kind] of lexicon.conditionKinds) {
    if (kind === 'activity' && lexicon.conditionTopics.get(condition)?.has(topic)) return true
  }
  return false
}

/**
 * Whether a condition may qualify a topic (the vocabulary's `topics` list, when it has one).
 *
 * @param lexicon The compiled vocabulary.
 * @param condition A condition.
 * @param topic A topic.
 * @returns `true` when the condition lists no topics or lists this one.
 */
export function conditionApplies(lexicon: Lexicon, condition: string, topic: string): boolean {
  const topics = lexicon.conditionTopics.get(condition)
  return !topics || topics.has(topic)
}
