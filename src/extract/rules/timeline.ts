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
      doc: 'A statement with a stance and no time of its own under a timeline heading takes its time: an avoid item the section\'s end, an allowed item its start ("0–24 hours after" + "Skip the gym" → avoid 24 h; "24–48 hours after" + "light workouts are okay" → allowed from 24 h; for day numbers see `timeline/day-one`). A time in brackets at the end of a heading is its time ("The critical phase (0–48 hours)"), and a plain-text heading line with no time under such a named phase is part of it ("Cleansing"). A heading with no number ("Immediate care") gives no time; the nearest heading above with a time does.',
      ok: [{ text: '0–24 hours\n\n- Skip the sauna.\n\n24–72 hours\n\n- Light jogging is fine.\n', claims: ['sauna avoid 24 h', 'exercise allowed 24 h [light]'] }],
      notOk: [{ text: '## Immediate care\n\n- Skip the sauna.\n', claims: [] }]
    },
    {
      id: 'timeline/label',
      kind: 'reads',
      summary: 'The wait comes from the time label the paragraph or item starts with ("Days 3–5:"): an avoid item lasts to the end of that window, an allowed item starts with it.',
      doc: 'A block that starts with a run-in label made of a time and a colon ("Days 1–2: The brows look darker. Avoid touching them.", "• 72 hours to 1 week: resume harder workouts") reads that time as a timeline for every sentence of the block, as a timeline heading\'s: an avoid statement with no time of its own runs to the window\'s end, an allowed one starts at its start. The label is no duration of the first sentence. A label with no time ("Sun protection:") gives none.',
      ok: [{ text: 'Days 3–5: Some flaking is normal. Do not pick at the scabs.', claims: ['picking avoid 120 h'] }],
      notOk: [{ text: 'Flaking: it is normal on days 3–5. Do not pick at the scabs.', claims: [] }]
    },
    {
      id: 'timeline/sequence',
      kind: 'reads',
      summary: 'The section starts where the timeline section before it ended ("Month 1" after "Week 1" runs from the end of the first week).',
      doc: 'Timeline headings in a row lay out one recovery: a section whose own time starts before the previous section ended, and ends after it, starts at that end ("Week 1" then "Month 1": the month-1 section runs from 168 to 720 h, so an allowed item in it is fine from 168 h; "First 24 hours" then "First week": from 24 h). A heading with no time that is not part of a named phase ends the run.',
      ok: [{ text: '## Week 1\n\n- Skip the gym.\n\n## Month 1\n\n- Workouts are fine again.\n', claims: ['exercise avoid 168 h', 'exercise allowed 168 h'] }],
      notOk: [{ text: '## Week 1\n\n- Skip the gym.\n\n## Sunscreen\n\nUse it daily.\n\n## Month 1\n\n- Workouts are fine again.\n', claims: ['exercise avoid 168 h', 'exercise allowed 0 h'] }]
    },
    {
      id: 'timeline/day-one',
      kind: 'reads',
      summary: 'The wait comes from a day-by-day heading or label, counting the day of the treatment as day 1 ("Day 2" runs from 24 to 48 h).',
      doc: 'A timeline heading or run-in label with day numbers ("Day 1: right after", "Days 3–7") counts the treatment day as day 1 on a page that never names a "Day 0": day N runs from 24·(N−1) to 24·N hours. On a page with a "Day 0", day N runs from 24·N. Day numbers inside a sentence ("around the sixth day") are read as `duration.ts` reads them, from day 0.',
      ok: [{ text: '## Day 2\n\n- Skip the gym.\n- Light walks are fine.\n', claims: ['exercise avoid 48 h', 'exercise allowed 24 h [light]'] }],
      notOk: [{ text: '## Day 0\n\n- Rest.\n\n## Day 2\n\n- Skip the gym.\n', claims: ['exercise avoid 72 h'] }]
    }
  ]
} as const satisfies RuleFamily
