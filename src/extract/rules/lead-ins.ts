/** The `lead-ins/…` rules: what leads a block gives its stance and time (logic: `../lead-ins.ts`). */
import type { RuleFamily } from './types.ts'

export const leadInsFamily = {
  name: 'lead-ins',
  title: 'Tables and lead-ins',
  intro:
    "Some blocks are led by another: a table row by the table's header row (GitHub tables are read row by row, a row is one statement, its cells in order), a list item by the paragraph before the list when it ends with a colon, or by the heading right above the list. A clause of such a block that states no stance takes the lead's; one with no time takes the lead's time. The block's own words win.",
  rules: [
    {
      id: 'lead-ins/table-header',
      kind: 'reads',
      summary: "The stance comes from the table's header row (\"When it's safe\": allowed; \"Avoid for\": avoid).",
      doc: 'A table row with no stance of its own takes its header row\'s ("| Activity | When it\'s safe |" + "| Exercise | Same day |" → allowed, no wait; "| Activity | Avoid for |" + "| Swimming | 2 weeks |" → avoid 336 h). A header with no stance gives none.',
      ok: [{ text: '| Activity | Avoid for |\n| --- | --- |\n| Swimming | 2 weeks |\n| Sauna | 72 hours |\n', claims: ['swimming avoid 336 h', 'sauna avoid 72 h'] }],
      notOk: [{ text: '| Activity | Notes |\n| --- | --- |\n| Swimming | 2 weeks |\n', claims: [] }]
    },
    {
      id: 'lead-ins/colon',
      kind: 'reads',
      summary: 'The stance comes from the sentence before the list, which ends with a colon ("Avoid the following for 48 hours:").',
      doc: 'A list item with no stance of its own takes that of the paragraph that leads into the list with a colon ("Avoid the following for 48 hours:" + "- saunas" → avoid 48 h; "After a week you can:" + "1. go swimming" → allowed from 168 h). A paragraph that does not end with a colon leads nothing.',
      ok: [{ text: 'Avoid the following for 48 hours:\n\n- exercise\n- saunas\n', claims: ['exercise avoid 48 h', 'sauna avoid 48 h'] }],
      notOk: [{ text: 'Avoid the following for 48 hours.\n\n- exercise\n', claims: [] }]
    },
    {
      id: 'lead-ins/heading',
      kind: 'reads',
      summary: 'The stance comes from the heading right above the list ("## What to avoid").',
      doc: 'The heading right above a list leads it when it states a stance and names no activity ("## What to avoid for the first 10 days" + "- Saunas"; "## What you can do straight away" + "- Light walks" → allowed, no wait). A heading that names an activity ("## Avoid swimming for 2 weeks") titles its list instead, one with no stance ("## Recovery takes a week") gives it nothing, and text between the heading and the list ends its lead.',
      ok: [{ text: '## Avoid these for the first 48 hours\n\n- Saunas\n- Hot tubs\n', claims: ['sauna avoid 48 h', 'sauna avoid 48 h'] }],
      notOk: [{ text: '## Recovery takes about a week\n\n- Gentle walks\n- Swimming\n', claims: [] }]
    },
    {
      id: 'lead-ins/negated',
      kind: 'reads',
      summary: "The stance is the opposite of the lead's: the row or item is negated (\"When it's safe\" + \"Not until fully healed\").",
      doc: 'A led clause with a negation and no cue of its own turns the lead\'s stance around ("| When it\'s safe |" + "| Hot tubs | Not until fully healed |" → avoid, no number).',
      ok: [{ text: "| Activity | When it's safe |\n| --- | --- |\n| Hot tubs | Not until fully healed |\n", claims: ['sauna avoid no number'] }],
      notOk: [{ text: "| Activity | When it's safe |\n| --- | --- |\n| Hot tubs | After two weeks |\n", claims: ['sauna allowed 336 h'] }]
    },
    {
      id: 'lead-ins/time',
      kind: 'reads',
      summary: 'The wait comes from the lead of the list or table ("Avoid the following for 48 hours:").',
      doc: 'A led clause with no time of its own takes the lead\'s: a time the lead starts with, as a timeline heading does ("In the first 24 hours, skip:"), else its first wait anywhere ("Avoid the following for 48 hours:"), else, for an allowed lead, "straight away" or "as usual" (no wait). An item\'s own time wins ("- saunas for 72 hours").',
      ok: [{ text: 'In the first 24 hours, skip:\n\n- the gym\n- saunas for 72 hours\n', claims: ['exercise avoid 24 h', 'sauna avoid 72 h'] }],
      notOk: [{ text: 'Things to do every day:\n\n- wash your face twice\n- go for a swim\n', claims: [] }]
    }
  ]
} as const satisfies RuleFamily
