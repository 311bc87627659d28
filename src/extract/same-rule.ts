/**
 * "The same goes for …" and "you can resume these after 72 hours": the
 * `same-rule/…` rules (docs and examples in `rules/same-rule.ts`).
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

/**
 * A sentence that allows again, after a time, the activities the sentence
 * before said to avoid with no time of its own ("Avoid pools and saunas.
 * After 72 hours you may resume these activities"): the two make one
 * statement, an avoid claim until that time (`same-rule/resumed-after`,
 * the labelling guidelines' "two sentences that only make sense
 * together"). The avoid drafts are changed in place (their wait, their
 * rules, their span now covering both sentences); the allowed ones are not
 * claims of their own.
 *
 * @param found The drafts of the sentence read now.
 * @param before The drafts of the sentence before it in the block.
 * @returns `undefined` when the sentence is no such end of the one before; else the avoid drafts to add for the activities only it names (then `found` makes no claim).
 */
export function resumedAfter(found: Draft[], before: Draft[]): Draft[] | undefined {
  if (found.length === 0 || before.length === 0) return undefined
  const resumes = found.every((d) => d.stance === 'allowed' && d.rules[0] === 'topic/refers-back' && d.rules.includes('time/own-duration') && d.wait.min !== null)
  if (!resumes) return undefined
  // The sentence before gave no number of its own: nothing, or a wait it only borrowed.
  if (!before.every((d) => d.stance === 'avoid' && (d.wait.min === null || d.rules.includes('time/carried')))) return undefined
  // "These activities" are those of the sentence before (its umbrella words included: "situations where you sweat").
  const topics = new Set(found.map((d) => d.topic))
  if (!before.every((d) => topics.has(d.topic))) return undefined
  const { min, text } = found[0]!.wait
  const end = found.at(-1)!.end
  const first = before[0]!
  const added: Draft[] = []
  for (const d of before) {
    d.wait = { min, max: min, text }
    d.rules = [...d.rules.filter((r) => !r.startsWith('time/')), 'same-rule/resumed-after']
    d.end = Math.max(d.end, end)
  }
  for (const d of found) {
    if (before.some((b) => b.topic === d.topic)) continue
    const rules = [d.rules[0]!, ...first.rules.filter((r) => r.startsWith('stance/')), 'same-rule/resumed-after'] as Draft['rules']
    added.push({ ...d, stance: 'avoid', wait: { min, max: min, text }, start: first.start, end: Math.max(first.end, end), rules })
  }
  return added
}
