/** The `not-a-claim/…` rules: what looks like a claim but is none (logic: `../not-a-claim.ts` and the stages that ask it). */
import type { RuleFamily } from './types.ts'

export const notAClaimFamily = {
  name: 'not-a-claim',
  title: 'Not claims',
  intro:
    'These rules stop a sentence, a clause or a duration from making a claim. They are not recorded on claims (there is none); `eval` shows the ones that fired where a claim was missed.',
  rules: [
    {
      id: 'not-a-claim/no-time',
      kind: 'rules-out',
      summary: 'Not a claim: the statement says to avoid something, but gives no time at all, not even "for a while" or "while it heals".',
      doc: 'A claim needs a time bound (the labelling guidelines: "a generic yes/no with no time at all" is no claim). An avoid statement is read only with a time: its own, a timeline heading\'s or lead-in\'s, one carried from the advice before (`time/carried`), or a bound in words anywhere in its sentence (see `time/open-avoid`). "No, avoid makeup after the treatment", "Avoid touching your face" alone, an introduction or an untimed sheet line, is no claim: such lines say what to avoid without saying when, and without a time there is nothing to place on the chart. "After the treatment" alone is no bound: all aftercare is after the treatment.',
      ok: [
        { text: 'Avoid touching your face after washing it.', claims: [] },
        { text: 'No, avoid makeup after the treatment.', claims: [] }
      ],
      notOk: [{ text: 'Avoid touching your face while it heals.', claims: ['touching avoid no number'] }]
    },
    {
      id: 'not-a-claim/title',
      kind: 'rules-out',
      summary: 'Not a claim of its own: a tip\'s title ("Skip Hot Tubs:", "Stay away from pools.") that the text right after it states with a time.',
      doc: 'A short one-sentence line (at most 8 words) or a run-in label before a colon that says to avoid an activity with no number is a tip\'s title when its block, after the title, or one of the next two blocks of its section makes a claim on the same topic with a number ("Skip Hot Tubs and Steam Rooms: heat adds swelling. Skip them for two days." → sauna avoid 48 h only). When the text below gives no time for it, the title is the advice and stays.',
      ok: [{ text: 'Stay away from pools for now.\n\nChlorine dries healing skin, so wait a day before swimming.\n', claims: ['swimming avoid 24 h'] }],
      notOk: [{ text: 'Stay away from pools for now.\n\nChlorine dries healing skin.\n', claims: ['swimming avoid no number'] }]
    },
    {
      id: 'not-a-claim/rhetorical',
      kind: 'rules-out',
      summary: 'Not a claim: the statement says it is not telling the reader to avoid the activity ("by no means telling you not to exercise").',
      doc: 'A clause that denies giving the advice its words hold ("I am by no means telling you not to exercise, but…", "I\'m not saying you shouldn\'t swim") makes no claim.',
      ok: [{ text: 'I am by no means telling you not to exercise, but hard training can shorten how long it lasts.', claims: [] }],
      notOk: [{ text: 'I am telling you not to exercise for two days.', claims: ['exercise avoid 48 h'] }]
    },
    {
      id: 'not-a-claim/question',
      kind: 'rules-out',
      summary: 'A question makes no claim.',
      doc: 'A sentence ending with a question mark (closing quotes or brackets after it aside) makes no claim ("How long should I avoid swimming?"); it may still name the activity a later "it" refers to.',
      ok: [{ text: 'Should I avoid swimming for a week?', claims: [] }],
      notOk: [{ text: 'Avoid swimming for a week.', claims: ['swimming avoid 168 h'] }]
    },
    {
      id: 'not-a-claim/third-person',
      kind: 'rules-out',
      summary: 'A story about someone else ("She rests for 48 hours") is no advice.',
      doc: 'A sentence whose subject, among its first three words, is "she", "he", "her", "his" or "him", and that never says "you", tells what someone else did; so does one that says what people as a group choose ("many patients choose to", "people prefer to", "clients tend to").',
      ok: [
        { text: 'She avoids the gym for 48 hours.', claims: [] },
        { text: 'After a day, many clients choose to keep their skin bare a little longer.', claims: [] }
      ],
      notOk: [{ text: 'She says you should skip the gym for 48 hours.', claims: ['exercise avoid 48 h'] }]
    },
    {
      id: 'not-a-claim/frequency',
      kind: 'rules-out',
      summary: 'A frequency ("every 3–4 weeks", "twice a day") is no wait.',
      doc: 'A duration after "every", "each", "per", "once", "twice" or "spaced", or before "apart", "per", "a day", "a week", is how often, not how long to wait ("Sessions are spaced 3–4 weeks apart", "Exfoliate no more than once a week").',
      ok: [{ text: 'Sessions are spaced 3–4 weeks apart, so avoid saunas for 48 hours.', claims: ['sauna avoid 48 h'] }],
      notOk: [{ text: 'Avoid retinol for 3 days.', claims: ['actives avoid 72 h'] }]
    },
    {
      id: 'not-a-claim/lasting',
      kind: 'rules-out',
      summary: 'How long something lasts or took ("takes 15 minutes", "lasts 2–3 days") is no wait.',
      doc: 'A duration after "takes", "took", "lasts", "lasting", or before "ago", "of", "old", "long", "later", "earlier", says how long something lasts or how long ago; so does a duration used as an adjective ("a 10-minute walk").',
      ok: [{ text: 'A 10-minute walk is fine the same day.', claims: ['exercise allowed 0 h'] }],
      notOk: [{ text: 'A walk is fine after 2 hours.', claims: ['exercise allowed 2 h'] }]
    },
    {
      id: 'not-a-claim/before-treatment',
      kind: 'rules-out',
      summary: 'A time before the treatment ("three weeks before race day", "five days beforehand") is no wait after it.',
      doc: 'A duration followed by "beforehand" or "prior", or by "before" and, within four words, the treatment or another event ("race", "event"), is before the procedure; "a week before and after" still counts.',
      ok: [{ text: 'Stop retinol five days before the treatment.', claims: [] }],
      notOk: [{ text: 'Stop retinol for five days after the treatment.', claims: ['actives avoid 120 h'] }]
    },
    {
      id: 'not-a-claim/how-long-to-do',
      kind: 'rules-out',
      summary: 'For an allowed activity, "for 20 minutes" is how long to do it, not when.',
      doc: 'For an allowed stance, a duration right after "for" says how long to do the activity, not after how long it is fine ("You can walk for 20 minutes"): it is no wait, and the clause may still take another time.',
      ok: [{ text: 'You can walk for 20 minutes after the treatment.', claims: ['exercise allowed 0 h'] }],
      notOk: [{ text: 'Avoid walking for 2 hours.', claims: ['exercise avoid 2 h [light]'] }]
    },
    {
      id: 'not-a-claim/disputed',
      kind: 'rules-out',
      summary: 'A statement the text calls a myth or misconception, or says is wrong ("…, but our experts say otherwise"), is no advice.',
      doc: 'A clause holding one of the vocabulary\'s `disputed` words ("myth", "misconception", "old wives\' tale") presents a belief the article disputes ("There is a myth that you can\'t wash your face"); the clause after it is the article\'s own advice. So do the clauses of a sentence before a contrast clause that rejects them ("…, but our experts say otherwise", "…, but that is not true"): the text reports a belief it rejects.',
      ok: [
        { text: 'It is a myth that you must avoid the gym for a week; skip it for 24 hours.', claims: ['exercise avoid 24 h'] },
        { text: 'Some blogs tell you to avoid wine for a week, but our doctors say otherwise.', claims: [] }
      ],
      notOk: [{ text: 'You must avoid the gym for a week.', claims: ['exercise avoid 168 h'] }]
    },
    {
      id: 'not-a-claim/adds-time-only',
      kind: 'rules-out',
      summary: 'A clause that borrows activity and stance from the one before may only add a time.',
      doc: 'A clause that takes both its activity and its stance from the clause before may only add a time ("Skip saunas for two days, or up to a week for deep treatments"); with words of its own before its time ("…, and use SPF 50 every day for three months") it is another instruction and makes no claim.',
      ok: [{ text: 'Stay out of direct sunlight for two weeks, and use SPF 50 every day for the next three months.', claims: ['sun avoid 336 h'] }],
      notOk: [{ text: 'Avoid swimming for 24 hours after a light session, and 72 hours after a deep one.', claims: ['swimming avoid 24 h', 'swimming avoid 72 h [deep]'] }]
    },
    {
      id: 'not-a-claim/longer-without-figure',
      kind: 'rules-out',
      summary: '"Wait longer" with no figure before it says no wait.',
      doc: 'An avoid clause with no time of its own that says "longer" with no figure before it in the sentence is longer than nothing stated, and makes no claim ("Deep sessions need you to stay out of saunas longer").',
      ok: [{ text: 'After a deep session, stay out of saunas longer.', claims: [] }],
      notOk: [{ text: 'Stay out of saunas for two days – after a deep session, even longer.', claims: ['sauna avoid 48 h', 'sauna avoid 48+ h [deep]'] }]
    },
    {
      id: 'not-a-claim/heading-without-time',
      kind: 'rules-out',
      summary: 'A heading makes a claim only with a time of its own.',
      doc: 'A heading with a stance and an activity but no time ("## Avoid saunas", "## Back to the gym after microneedling") is a title, not a claim; "## You Can Swim After a Peel" (a modal with a subject) is the exception.',
      ok: [{ text: '## Avoid saunas\n', claims: [] }],
      notOk: [{ text: '## Avoid saunas for 48 hours\n', claims: ['sauna avoid 48 h'] }]
    },
    {
      id: 'not-a-claim/wait-question',
      kind: 'rules-out',
      summary: '"How long you should stay out of the gym" asks about the wait, it gives none.',
      doc: 'A clause with no time of its own that says "how long", "how soon", "when to" or "the timeframe to" is about the wait, it gives none ("Ask how long you should stay out of the gym", "The ideal timeframe to resume workouts varies").',
      ok: [{ text: 'Ask your clinic how long you should stay out of the gym.', claims: [] }],
      notOk: [{ text: 'Stay out of the gym while you heal.', claims: ['exercise avoid no number'] }]
    },
    {
      id: 'not-a-claim/preparation',
      kind: 'rules-out',
      summary: 'Getting ready for the treatment ("stop it beforehand") is no aftercare.',
      doc: 'An avoid clause with no wait after the treatment that says "beforehand", or "before"/"prior" with the treatment named after it, is preparation ("They may ask you to stop it beforehand", "Stop using retinol prior to your appointment"). Before and after in one statement: the wait after still counts.',
      ok: [{ text: 'Stop using retinol prior to your appointment.', claims: [] }],
      notOk: [{ text: 'Stop retinol before the treatment and avoid it for a week afterwards.', claims: ['actives avoid 168 h'] }]
    },
    {
      id: 'not-a-claim/gerund',
      kind: 'rules-out',
      summary: '"Avoiding these things will help" gives a reason, not advice.',
      doc: 'An avoid clause with no time of its own that opens with the cue as a gerund ("Avoiding sweat…", "Avoiding these things will help") says why, not what to do.',
      ok: [{ text: 'Avoiding saunas helps the skin settle.', claims: [] }],
      notOk: [{ text: 'Avoid saunas for a while so the skin can settle.', claims: ['sauna avoid no number'] }]
    }
  ]
} as const satisfies RuleFamily
