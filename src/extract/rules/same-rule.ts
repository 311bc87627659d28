/** The `same-rule/…` rule: "the same goes for …" (logic: `../same-rule.ts`). */
import type { RuleFamily } from './types.ts'

export const sameRuleFamily = {
  name: 'same-rule',
  title: 'The same rule',
  intro: 'Articles extend a rule to another activity without repeating it.',
  rules: [
    {
      id: 'same-rule/applies',
      kind: 'reads',
      summary: 'Stance and wait come from the claim before: the statement applies "the same rule" to this activity.',
      doc: 'A statement with no claim of its own that applies "the same rule" to an activity (the vocabulary\'s `same` phrases: "Hot yoga falls under the same rule", "The same goes for hot tubs") takes the stance and wait of the last claim before it in the same paragraph. Not when it names no activity or negates ("Swimming is not under the same rule").',
      ok: [{ text: 'Stay out of saunas for 48 hours. Hot yoga falls under the same rule.', claims: ['sauna avoid 48 h', 'exercise avoid 48 h [intense]'] }],
      notOk: [{ text: 'Avoid saunas for a week. Swimming is not under the same rule.', claims: ['sauna avoid 168 h'] }]
    }
  ]
} as const satisfies RuleFamily
