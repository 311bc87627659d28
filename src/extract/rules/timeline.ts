/** The `timeline/…` rule: a heading with a time gives it to the section under it (logic: `../timeline.ts`). */
import type { RuleFamily } from './types.ts'

export const timelineFamily = {
  name: 'timeline',
  title: 'Timeline sections',
  intro:
    'A heading that starts with a time ("0–24 hours after", "Days 3–7", "The first week", "Step 2: day 3"; only numbering and a few words such as "in", "the first", "after" may come before it) opens a timeline section. A statement in it with no time of its own takes the section\'s.',
  rules: [
    {
      id: 'timeline/section',
      kind: 'reads',
      summary: 'The wait comes from the timeline heading above: an avoid item lasts to the end of the section, an allowed item starts with it.',
      doc: 'A statement with a stance and no time of its own under a timeline heading takes its time: an avoid item the section\'s end, an allowed item its start ("0–24 hours after" + "Skip the gym" → avoid 24 h; "24–48 hours after" + "light workouts are okay" → allowed from 24 h). A heading with no number ("Immediate care") gives no time; the nearest heading above with a time does.',
      ok: [{ text: 'Days 3–7\n\n- Skip the sauna.\n- Light jogging is fine.\n', claims: ['sauna avoid 168 h', 'exercise allowed 72 h [light]'] }],
      notOk: [{ text: '## Immediate care\n\n- Skip the sauna.\n', claims: ['sauna avoid no number'] }]
    }
  ]
} as const satisfies RuleFamily
