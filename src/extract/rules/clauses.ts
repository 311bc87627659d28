/** The `clauses/…` rules: how a sentence is cut into the clauses that are read one by one (logic: `../clauses.ts`). */
import type { RuleFamily } from './types.ts'

export const clausesFamily = {
  name: 'clauses',
  title: 'Clauses',
  intro:
    'Sentences (see Blocks and sentences below) are cut into clauses; each clause makes its own claims and hands its activity and stance to the next (`topic/clause-before`, `stance/clause-before`).',
  rules: [
    {
      id: 'clauses/semicolon',
      kind: 'structures',
      summary: 'A semicolon or a spaced dash ends a clause.',
      doc: 'A sentence is cut at `;` and at a spaced en or em dash ("Avoid saunas for 48 hours – swimming is fine after a week").',
      ok: [{ text: 'Avoid saunas for 48 hours; swimming is fine after a week.', claims: ['sauna avoid 48 h', 'swimming allowed 168 h'] }],
      notOk: [{ text: 'Avoid saunas for 24–48 hours.', claims: ['sauna avoid 24–48 h'] }]
    },
    {
      id: 'clauses/contrast',
      kind: 'structures',
      summary: 'A contrast or reason word ("but", "however", "because") starts a new clause.',
      doc: 'A clause starts at "but", "however", "whereas", "although", "though", "except" and "because", wherever they stand; a clause that starts with "because" states its own stance or none.',
      ok: [{ text: 'Light walks are fine the next day, but avoid the gym for a week.', claims: ['exercise allowed 24 h [light]', 'exercise avoid 168 h'] }],
      notOk: [{ text: 'Avoid the gym and saunas for a week.', claims: ['exercise avoid 168 h', 'sauna avoid 168 h'] }]
    },
    {
      id: 'clauses/reason',
      kind: 'structures',
      summary: 'A reason after a comma (", as …", ", so …", ", since …") starts a new clause.',
      doc: '", as", ", so" and ", since" start a clause giving a reason or a result, which states its own stance or none ("Skip the sauna for two days, as heat can irritate the skin").',
      ok: [{ text: 'Skip the sauna for two days, as heat makes the skin react.', claims: ['sauna avoid 48 h'] }],
      notOk: [{ text: 'Skip the sauna as well as the gym for two days.', claims: ['exercise avoid 48 h', 'sauna avoid 48 h'] }]
    },
    {
      id: 'clauses/next-step',
      kind: 'structures',
      summary: 'A next step (", then …", "and then …") starts a new clause with its own stance.',
      doc: '", then" and "and then" start the next step, which states its own stance or none; not the "then" of "if …, then", which gives the consequence of a condition.',
      ok: [{ text: 'Skip the gym for 48 hours, then train as usual.', claims: ['exercise avoid 48 h', 'exercise allowed 48 h'] }],
      notOk: [{ text: 'If your skin is calm after 48 hours, then you can go swimming.', claims: ['swimming allowed 48 h'] }]
    },
    {
      id: 'clauses/two-waits',
      kind: 'structures',
      summary: 'A clause with two waits is cut between them.',
      doc: 'A clause holding two waits is cut before the second, at the last ",", "and" or "or" before it ("24–48 hours after a superficial session and up to 72 hours after a deep one").',
      ok: [{ text: 'Avoid the gym for 24 hours and saunas for 72 hours.', claims: ['exercise avoid 24 h', 'sauna avoid 72 h'] }],
      notOk: [{ text: 'Avoid the gym and saunas for 72 hours.', claims: ['exercise avoid 72 h', 'sauna avoid 72 h'] }]
    },
    {
      id: 'clauses/long-sentence',
      kind: 'structures',
      summary: 'A sentence of more than 160 words is read in pieces.',
      doc: 'A "sentence" longer than 160 tokens is no prose (a run-on list, a pasted table, hostile input): it is read in pieces of at most 160 tokens, each cut at the last punctuation, so every rule works on bounded input.',
      ok: [{ text: `${'word, '.repeat(100)}avoid saunas for 48 hours, ${'word, '.repeat(60)}`, claims: ['sauna avoid 48 h'] }],
      notOk: [{ text: 'Avoid saunas for 48 hours.', claims: ['sauna avoid 48 h'] }]
    }
  ]
} as const satisfies RuleFamily
