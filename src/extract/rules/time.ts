/** The `time/…` rules: the wait a claim gives, in hours (logic: `../time.ts`; durations: `../duration.ts`). */
import type { RuleFamily } from './types.ts'

export const timeFamily = {
  name: 'time',
  title: 'Time: how long to wait',
  intro:
    "The wait is tried in this order: the clause's own duration; \"until …\"; for an allowed stance, the wait stated before (\"after that\") and \"no need to wait\" or \"as usual\" (no wait); the timeline heading or lead-in the clause sits under (see timeline and lead-ins); then, for a clause with none, \"longer\" than the figure before and a claim with no number. Durations themselves (\"24–48 hours\", \"a day or two\", \"day four\") are read by `src/extract/duration.ts` (see Durations below).",
  rules: [
    {
      id: 'time/own-duration',
      kind: 'reads',
      summary: 'The wait is the duration the statement itself gives.',
      doc: 'The clause\'s first duration that is a wait (see `not-a-claim/frequency`, `…/lasting`, `…/before-treatment`) is its wait: "avoid exercise for 72 hours" → 72 h, "24–48 hours" → 24–48 h, "72 hours or more" → 72 h open ended, "at least 24 hours" → 24 h. For an allowed stance, "for <duration>" says how long, not when (`not-a-claim/how-long-to-do`).',
      ok: [{ text: 'Avoid exercise for 72 hours or more.', claims: ['exercise avoid 72+ h'] }],
      notOk: [{ text: 'Avoid exercise until the redness settles.', claims: ['exercise avoid no number'] }]
    },
    {
      id: 'time/ideally',
      kind: 'reads',
      summary: 'The wait runs from the least time stated to the ideal one ("at least 24 hours, and ideally 48–72" → 24–72 h).',
      doc: 'A clause that gives a least wait and then an ideal one after "ideally", "preferably" or "better" ("wait at least 24 hours, and ideally 48–72 hours, before makeup"; "for at least 4 hours – and ideally up to 24 hours – avoid washing") states one wait, from the least to the ideal, not two claims. An aside between spaced dashes is read as with commas.',
      ok: [{ text: 'Wait at least 24 hours, and ideally 48–72 hours, before wearing makeup.', claims: ['makeup avoid 24–72 h'] }],
      notOk: [{ text: 'Wait 24 hours before wearing makeup and 72 hours before swimming.', claims: ['makeup avoid 24 h', 'swimming avoid 72 h'] }]
    },
    {
      id: 'time/day-period',
      kind: 'reads',
      summary: 'The wait runs to the end of the days named ("avoid it on days 1–3" → until day 3 ends).',
      doc: 'For an avoid stance, a period of days longer than one day ("on days 1–3", "days two and three") is a wait until the period ends.',
      ok: [{ text: 'Avoid the gym on days 1–3.', claims: ['exercise avoid 72 h'] }],
      notOk: [{ text: 'You can go back to the gym on days 1–3.', claims: ['exercise allowed 24 h'] }]
    },
    {
      id: 'time/first-window',
      kind: 'reads',
      summary: 'Allowed from the start: "in the first two days it is fine to…" is fine at once.',
      doc: 'For an allowed stance, a duration counted as "the first …" is a window in which the activity is fine: no wait.',
      ok: [{ text: 'In the first two days it is fine to go for gentle walks.', claims: ['exercise allowed 0 h [light]'] }],
      notOk: [{ text: 'Avoid the gym for the first two days.', claims: ['exercise avoid 48 h'] }]
    },
    {
      id: 'time/up-to',
      kind: 'reads',
      summary: 'An "up to" wait runs from the figure stated before it ("48–72 hours … up to a week" → 72–168 h).',
      doc: '"Up to X" after an earlier figure in the sentence runs from that figure to X ("You can return to workouts around 48–72 hours, but deeper sessions may require a longer break (up to a week)" → 72–168 h); "up to X or more" is X, open ended.',
      ok: [{ text: 'Skip saunas for two days, or up to a week for deep treatments.', claims: ['sauna avoid 48 h', 'sauna avoid 48–168 h [deep]'] }],
      notOk: [{ text: 'Skip saunas for a week.', claims: ['sauna avoid 168 h'] }]
    },
    {
      id: 'time/until',
      kind: 'reads',
      summary: 'The wait is "until" something happens, with no number ("until fully healed").',
      doc: 'With no duration, "until …" (or "till") is a wait with no number, its words kept up to the next punctuation ("Stay away from the gym until the inflammation subsides"); so is, for an allowed stance, "once" + healing ("Once the peeling is complete, you may resume exfoliants" → allowed, no number).',
      ok: [{ text: 'Stay away from the gym until the inflammation subsides.', claims: ['exercise avoid no number'] }],
      notOk: [{ text: 'Stay away from the gym for a week.', claims: ['exercise avoid 168 h'] }]
    },
    {
      id: 'time/after-that',
      kind: 'reads',
      summary: 'Allowed from the wait stated just before ("Skip the gym for 48 hours, then train as usual" → from 48 h).',
      doc: 'For an allowed stance, "after that", "from this point", "by then" or a next step\'s "then" point back to the last wait with a number stated before in the block: "Stay out of the pool for a week. After that you can swim as usual" → allowed from 168 h.',
      ok: [{ text: 'Skip the gym for 48 hours, then train as usual.', claims: ['exercise avoid 48 h', 'exercise allowed 48 h'] }],
      notOk: [{ text: 'You can sweat as usual.', claims: ['sweating allowed 0 h'] }]
    },
    {
      id: 'time/no-need-to-wait',
      kind: 'reads',
      summary: 'No wait: the statement says there is no need to wait or avoid it.',
      doc: 'For an allowed stance with no time of its own, a negation at most three words before an avoid cue ("you don\'t need to wait", "there is no reason to stop it", "not off-limits") is no wait.',
      ok: [{ text: "You don't need to wait to wash your face.", claims: ['washing allowed 0 h'] }],
      notOk: [{ text: 'You need to wait a day to wash your face.', claims: ['washing avoid 24 h'] }]
    },
    {
      id: 'time/now',
      kind: 'reads',
      summary: 'No wait: the statement says now ("as usual", "straight away", "tonight", "same day").',
      doc: 'For an allowed stance with no time of its own, "as usual", "as normal", "right away", "straight away", "immediately", "at any point", "same day", "tonight", "that evening" or "from the first evening" is no wait.',
      ok: [{ text: 'You can go swimming tonight.', claims: ['swimming allowed 0 h'] }],
      notOk: [{ text: 'Do not go swimming tonight or for the next week.', claims: ['swimming avoid 168 h'] }]
    },
    {
      id: 'time/longer',
      kind: 'reads',
      summary: 'The wait is longer than the figure stated before it: that figure, open ended.',
      doc: 'For an avoid stance with no time of its own, "longer" after a figure in the same sentence is that figure, open ended ("Rest for 48 hours, or slightly longer for deep sessions" → 48 h or more). With no figure before it, see `not-a-claim/longer-without-figure`.',
      ok: [{ text: 'Skip the gym for 48 hours – after a deep session, avoid it even longer.', claims: ['exercise avoid 48 h', 'exercise avoid 48+ h [deep]'] }],
      notOk: [{ text: 'Skip the gym for 48 hours.', claims: ['exercise avoid 48 h'] }]
    },
    {
      id: 'time/carried',
      kind: 'reads',
      summary: 'The wait is that of the advice just before: the statement says "also", "as well" or "likewise", or points back at the time stated before ("during this phase").',
      doc: 'An avoid clause with no time of its own that continues the claim before it in its paragraph or section ("also", "too", "as well", "likewise": "For the first day, skip hot showers. You should also pass on saunas") takes that claim\'s wait; one that points back at a time ("during this phase", "within that time") takes the last wait stated before it in its block. Not across a heading.',
      ok: [{ text: 'Skip hot showers for the first day. You should also skip saunas.', claims: ['heat avoid 24 h', 'sauna avoid 24 h'] }],
      notOk: [{ text: 'Skip hot showers for the first day.\n\n## Saunas\n\nYou should also skip them.\n', claims: ['heat avoid 24 h'] }]
    },
    {
      id: 'time/open-avoid',
      kind: 'reads',
      summary: 'A wait with no number: the statement says to avoid the activity without saying for how long.',
      doc: 'An avoid clause with no number counts when the activity is the object of its cue (named less than ten words after "avoid"/"do not", or before a passive "should be avoided") and its sentence bounds the wait in words ("Avoid sweaty exercise right after the treatment" → no number): "for a bit", "for a while", "for some time", "for now", "immediately", "right after", "directly after", "wait a little", "while it heals", "during the healing period", "the same day", "tonight", "the rest of the day", "yet", "before it has healed", "your fresh tattoo" (a new, newly or fresh before the procedure\'s name: while it is new). The bound may stand in another clause of the sentence ("Cartilage is sensitive while healing, so avoid knocking it"). Without one, the statement gives no time (`not-a-claim/no-time`). Not "keep workouts clean and avoid touching your face" (workouts are no object of "avoid"), not in a condition ("If you avoid the gym…"), and not for a heading.',
      ok: [
        { text: 'Avoid sweaty exercise right after the treatment.', claims: ['exercise avoid no number'] },
        { text: 'Your fresh tattoo is sensitive while healing, so avoid saunas.', claims: ['sauna avoid no number'] },
        { text: 'Hold off on alcohol for a bit.', claims: ['alcohol avoid no number'] }
      ],
      notOk: [
        { text: 'Keep your workouts clean and avoid touching your face.', claims: [] },
        { text: 'No, avoid sweaty exercise after the treatment.', claims: [] }
      ]
    },
    {
      id: 'time/after-procedure',
      kind: 'reads',
      summary: 'No wait: the statement says the activity is fine after the procedure, with no time.',
      doc: 'An allowed clause with no time that says "after the treatment" (or another procedure\'s name after "after") allows it with no wait: "You can wear makeup after the procedure". A heading does so only with a modal and a subject ("You Can Swim After a Peel").',
      ok: [{ text: 'You can wash your face after the treatment.', claims: ['washing allowed 0 h'] }],
      notOk: [{ text: '## Back to the gym after microneedling\n', claims: [] }]
    },
    {
      id: 'time/imperative',
      kind: 'reads',
      summary: 'No wait: the statement recommends doing the activity ("Instead, try gentle yoga").',
      doc: 'A clause that opens with "try", "choose" or "opt for" (after words like "instead", "then", "just") recommends the activity named within five words after it: fine now.',
      ok: [{ text: 'Instead, try gentle yoga.', claims: ['exercise allowed 0 h [light]'] }],
      notOk: [{ text: 'We tried gentle yoga.', claims: [] }]
    }
  ]
} as const satisfies RuleFamily
