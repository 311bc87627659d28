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
    },
    {
      id: 'same-rule/resumed-after',
      kind: 'reads',
      summary: 'The wait comes from the sentence after: it says when the activities this one rules out may be resumed ("After 72 hours you may resume these activities").',
      doc: 'A sentence that says to avoid activities with no time of its own (no time at all, a bound in words, or only a wait borrowed from the advice before, `time/carried`), followed in the same paragraph by one that allows "these activities" (or "them") again after a time, is one statement (the labelling guidelines: two sentences that only make sense together): an avoid claim per activity until that time, quoted over both sentences; the second sentence makes no allowed claim of its own. Not when the first sentence has a time of its own, or when the second names other activities.',
      ok: [
        { text: 'Keep away from pools and saunas while you heal. After 72 hours you may resume these activities.', claims: ['sauna avoid 72 h', 'swimming avoid 72 h'] },
        { text: 'Keep away from pools and saunas. After 72 hours you may resume these activities.', claims: ['sauna avoid 72 h', 'swimming avoid 72 h'] }
      ],
      notOk: [{ text: 'Keep away from pools and saunas for 48 hours. After 72 hours you may resume these activities.', claims: ['sauna avoid 48 h', 'swimming avoid 48 h', 'sauna allowed 72 h', 'swimming allowed 72 h'] }]
    }
  ]
} as const satisfies RuleFamily
