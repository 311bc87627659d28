/** The `plans/…` rules: a list item under a timeline heading that plans an activity (logic: `../plans.ts`). */
import type { RuleFamily } from './types.ts'

export const plansFamily = {
  name: 'plans',
  title: 'Plans',
  intro: 'A recovery plan lists what to do when, often with no cue at all ("Day 2 — 5-minute warm-up walk").',
  rules: [
    {
      id: 'plans/timeline-item',
      kind: 'reads',
      summary: 'Allowed from the section\'s start: a short list item under a timeline heading plans the activity then.',
      doc: 'A one-sentence list item under a timeline heading, with no stance and no "can", "may", "will" or "should", that names an activity people plan (a topic an activity condition such as `light` may qualify: exercise, sweating) plans its first activity: allowed from the section\'s start ("## Days 3–7" + "- Gentle yoga." → allowed from 72 h).',
      ok: [{ text: '## Days 3–7\n\n- Gentle yoga.\n', claims: ['exercise allowed 48 h [light]'] }],
      notOk: [{ text: '## Days 3–7\n\n- Gentle yoga will feel good.\n', claims: [] }]
    },
    {
      id: 'plans/examples-label',
      kind: 'rules-out',
      summary: 'A list item labelled "Options:" or "Examples:" illustrates the item before it and plans nothing of its own.',
      doc: 'An item that opens with "Options:", "Examples:" or "Example:" gives examples of the item before it ("- Light workouts are fine." + "- Options: cycling, brisk walking.") and makes no plan.',
      ok: [{ text: '## Days 3–7\n\n- Light workouts are fine.\n- Options: cycling, brisk walking.\n', claims: ['exercise allowed 48 h [light]'] }],
      notOk: [{ text: '## Days 3–7\n\n- Cycling, brisk walking.\n', claims: ['exercise allowed 48 h [light]'] }]
    }
  ]
} as const satisfies RuleFamily
