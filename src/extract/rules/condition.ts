/** The `condition/…` rules: which treatments or kinds of the activity a claim is for (logic: `../condition.ts`). */
import type { RuleFamily } from './types.ts'

export const conditionFamily = {
  name: 'condition',
  title: 'Conditions',
  intro: 'A claim may hold only for some treatments (superficial, deep, home) or some kinds of the activity (light, intense): the vocabulary\'s `conditions`. A procedure condition wins over an activity condition.',
  rules: [
    {
      id: 'condition/procedure',
      kind: 'reads',
      summary: 'The claim is for one kind of treatment (superficial, deep, at home), named in the statement.',
      doc: 'A procedure condition anywhere in the clause ("after a deep session", "for home dermarolling") is the claim\'s condition, whatever activity condition it also names.',
      ok: [{ text: 'Avoid intense workouts for 72 hours after a deep session.', claims: ['exercise avoid 72 h [deep]'] }],
      notOk: [{ text: 'Avoid intense workouts for 72 hours.', claims: ['exercise avoid 72 h [intense]'] }]
    },
    {
      id: 'condition/activity',
      kind: 'reads',
      summary: 'The claim is for one kind of the activity (light, intense), named with it.',
      doc: 'An activity condition right before the activity\'s words (at most two words) or inside them ("light jogging", "gentle walks", "hot yoga") is the claim\'s condition, when the vocabulary lets it qualify the topic (`topics`: a "gentle cleanser" is no light exercise). A clause that borrows its activity may qualify it with its own words ("…, and 72 hours for intense ones").',
      ok: [{ text: 'Light jogging is fine after 24 hours.', claims: ['exercise allowed 24 h [light]'] }],
      notOk: [{ text: 'A gentle cleanser is fine after 24 hours.', claims: ['washing allowed 24 h'] }]
    }
  ]
} as const satisfies RuleFamily
