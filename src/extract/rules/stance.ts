/** The `stance/…` rules: avoid (wait first) or allowed (fine now or after the time) (logic: `../stance.ts`). */
import type { RuleFamily } from './types.ts'

export const stanceFamily = {
  name: 'stance',
  title: 'Stance: avoid or allowed',
  intro:
    "A clause's own cues decide its stance: the vocabulary's `avoid` and `allowed` cues, each turned around by a negation at most three words before it with no punctuation between; avoid wins when both appear. A clause with no cue of its own takes the stance of the clause before it, or else of what leads its block (see lead-ins). Words with a grammatical role (modals, verb cues, subjects) are listed in `src/extract/grammar.ts`.",
  rules: [
    {
      id: 'stance/avoid-cue',
      kind: 'reads',
      summary: 'The stance is avoid: the statement has an avoid word ("avoid", "skip", "stay out of", "hold off").',
      doc: 'An `avoid` cue of the vocabulary with no negation reaching it gives the stance avoid ("Skip saunas for two days", "swimming is off-limits for 72 hours").',
      ok: [{ text: 'Skip saunas for two days.', claims: ['sauna avoid 48 h'] }],
      notOk: [{ text: 'Saunas feel great after two days.', claims: [] }]
    },
    {
      id: 'stance/kept-free',
      kind: 'reads',
      summary: 'The stance is avoid: the statement says to keep the skin free of the activity ("stay makeup-free").',
      doc: 'An activity right before "free" or "-free", with "keep", "stay" or "remain" at most four words before it, is to be avoided ("Staying makeup-free for about 24 hours is best", "keep your skin makeup free for two days"). Without such a verb "-free" describes a product ("a fragrance-free cleanser", "alcohol-free toner") and gives no stance.',
      ok: [{ text: 'Staying makeup-free typically for about 24 hours is best.', claims: ['makeup avoid 24 h'] }],
      notOk: [{ text: 'Use a fragrance-free, makeup-free routine for 24 hours.', claims: [] }]
    },
    {
      id: 'stance/directive-start',
      kind: 'reads',
      summary: 'The stance is allowed: the statement tells the reader to do the activity from a point in time ("Starting the day after, cleanse…").',
      doc: 'A clause with no cue that opens with the activity\'s own verb, from a start point, allows it from then: after "starting" or "beginning" + a duration ("Starting the day after treatment, cleanse the skin with lukewarm water" → washing allowed from 24 h), or under a run-in time label ("Days 2–7: Cleanse gently with a mild cleanser." → from the window\'s start). Not "for <duration>", which says how long to keep doing it, and not a clause that opens with anything but the verb ("Use a cleanser to wash your face").',
      ok: [{ text: 'Starting the day after treatment, cleanse the skin with lukewarm water.', claims: ['washing allowed 24 h'] }],
      notOk: [{ text: 'Cleanse the skin with lukewarm water for a week.', claims: [] }]
    },
    {
      id: 'stance/directive-now',
      kind: 'reads',
      summary: 'The stance is allowed: the statement tells the reader to do the activity now ("Wash it with mild soap that evening").',
      doc: 'A clause with no cue and no duration that opens with the activity\'s own verb (after an advice frame such as "you\'ll want to", "be sure to", "make sure to") and says when in words that mean now ("that evening", "immediately", "right after", "the same day") allows it with no wait ("You\'ll want to cleanse your face gently immediately after the peel" → washing allowed 0 h). Not a clause that opens with anything but the verb, and not without such words ("Cleanse gently with a mild cleanser" is how, not when).',
      ok: [{ text: 'Wash your face with mild soap that evening.', claims: ['washing allowed 0 h'] }],
      notOk: [
        { text: 'Wash your face with mild soap.', claims: [] },
        { text: 'Exercise right after a peel can increase redness.', claims: [] }
      ]
    },
    {
      id: 'stance/negated-avoid',
      kind: 'reads',
      summary: 'The stance is allowed: an avoid word is negated ("no need to wait", "not off-limits").',
      doc: 'An `avoid` cue reached by a negation gives the stance allowed ("there is no need to wait", "you don\'t have to avoid it"); with no time of its own that is no wait (`time/no-need-to-wait`).',
      ok: [{ text: "You don't need to wait to wash your face.", claims: ['washing allowed 0 h'] }],
      notOk: [{ text: 'You need to wait a day to wash your face.', claims: ['washing avoid 24 h'] }]
    },
    {
      id: 'stance/allowed-cue',
      kind: 'reads',
      summary: 'The stance is allowed: the statement has an allowed word ("okay", "fine", "safe", "resume", "back to").',
      doc: 'An `allowed` cue of the vocabulary with no negation reaching it gives the stance allowed ("Light jogging is fine", "it is safe to swim after a week"). The modals and verb cues among them count only with their partner (`stance/modal-subject`, `stance/modal-passive`, `stance/verb-object`).',
      ok: [{ text: 'It is safe to swim after a week.', claims: ['swimming allowed 168 h'] }],
      notOk: [{ text: 'Swimming after a week is a question we often hear.', claims: [] }]
    },
    {
      id: 'stance/negated-allowed',
      kind: 'reads',
      summary: 'The stance is avoid: an allowed word is negated ("it is not safe to", "never okay").',
      doc: 'An `allowed` cue reached by a negation gives the stance avoid ("It is not safe to swim for two weeks", "saunas are not okay until day 3").',
      ok: [{ text: 'It is not safe to swim for two weeks.', claims: ['swimming avoid 336 h'] }],
      notOk: [{ text: 'It is safe to swim after two weeks.', claims: ['swimming allowed 336 h'] }]
    },
    {
      id: 'stance/modal-subject',
      kind: 'reads',
      summary: 'The stance is allowed: "can", "could" or "may" with a person as subject ("you can", "patients may").',
      doc: '"can", "could" and "may" are allowed cues only with a person as subject just before them (`subjects` in the grammar: "you can", "most patients may"), so "sweat can irritate" is no cue; never in an indirect question ("find out if you can", "ask when you can exercise").',
      ok: [{ text: 'You can return to the gym after 48 hours.', claims: ['exercise allowed 48 h'] }],
      notOk: [
        { text: 'Sweat can irritate the skin for 48 hours.', claims: [] },
        { text: 'Ask your clinic when you can exercise again, usually after 48 hours.', claims: [] }
      ]
    },
    {
      id: 'stance/modal-passive',
      kind: 'reads',
      summary: 'The stance is allowed: the activity is the subject of "can be" + a participle ("Exercise can be resumed").',
      doc: 'A modal passive with the activity as its subject, named at most four words before "can be"/"may be" + a past participle, allows it ("Exercise can be resumed after 48 hours", "Makeup may be worn from day two"); not a participle that describes what happens ("Sweating can be expected", "can be increased").',
      ok: [{ text: 'Makeup can be worn from day two.', claims: ['makeup allowed 48 h'] }],
      notOk: [{ text: 'Sweating can be expected the same day.', claims: [] }]
    },
    {
      id: 'stance/verb-object',
      kind: 'reads',
      summary: 'The stance is allowed: a verb like "return", "resume" or "introduce" has the activity as its object.',
      doc: 'The verb cues ("start", "return", "resume", "introduce", "add"…) allow an activity only as their object: named at most four words after the verb ("return to the gym", "introduce retinol"), so "start to heal" says nothing about the swimming in the same clause.',
      ok: [{ text: 'Around the sixth day, you can start introducing retinol.', claims: ['actives allowed 144 h'] }],
      notOk: [{ text: 'Your skin will start to heal over the next few days, so leave swimming for now.', claims: [] }]
    },
    {
      id: 'stance/directive-negation',
      kind: 'reads',
      summary: 'The stance is avoid: the statement gives an order with a negation ("do not", "you must not", "no exercise for").',
      doc: 'A negation that gives an order makes the stance avoid when no cue took it: "do not go swimming", "you must not engage in exercise", "advise you not to", "no exercise for 72 hours" ("no" + a noun or a time; not "no need", "no more than"). Not in a relative or conditional clause ("workouts that won\'t make you sweat", "if you\'re not sweating") and not when it lifts a duty ("you don\'t have to").',
      ok: [
        { text: 'You must not engage in exercise for 72 hours.', claims: ['exercise avoid 72 h'] },
        { text: 'No exercise for 72 hours.', claims: ['exercise avoid 72 h'] }
      ],
      notOk: [{ text: "Pick workouts that won't make you sweat for 48 hours.", claims: [] }]
    },
    {
      id: 'stance/left-off',
      kind: 'reads',
      summary: 'The stance is avoid: the activity is left "off" ("leave makeup off").',
      doc: '"off" right after the activity\'s words, or one word after them, leaves it off: "leave makeup off for 24 hours", "keep makeup off the area for a day".',
      ok: [{ text: 'Leave makeup off for 24 hours.', claims: ['makeup avoid 24 h'] }],
      notOk: [{ text: 'Makeup washes straight off after 24 hours.', claims: [] }]
    },
    {
      id: 'stance/time-off',
      kind: 'reads',
      summary: 'The stance is avoid: a time is taken "off" or given "before" the activity ("take a day or two off").',
      doc: 'A wait followed by "off" or "before" is time without the activity: "take a day or two off the gym", "leave it a week before you get hot and sweaty".',
      ok: [{ text: 'Take a day or two off the gym.', claims: ['exercise avoid 24–48 h'] }],
      notOk: [{ text: 'Book the gym a day or two ahead.', claims: [] }]
    },
    {
      id: 'stance/give-time',
      kind: 'reads',
      summary: 'The stance is avoid: the statement says to "give" the skin or the activity a time ("give the pool a day or two").',
      doc: '"give" at most four words before a wait asks for that time without the activity: "so give the pool a day or two". Only in a sentence that has some cue word elsewhere ("New skin can sting, so give saunas a full week"): "give" alone does not make a sentence be read (the cheap test before the analysis looks for cues, "off" and "before").',
      ok: [{ text: 'New skin can sting, so give saunas a full week.', claims: ['sauna avoid 168 h'] }],
      notOk: [{ text: 'Saunas give you a glow for a week.', claims: [] }]
    },
    {
      id: 'stance/clause-before',
      kind: 'reads',
      summary: 'The stance is the one of the clause before, in the same sentence.',
      doc: 'A clause with no cue of its own takes the stance of the clause before it in the sentence ("Avoid swimming for 24 hours, and saunas for 72 hours"). A next step (", then …") or a reason ("because …", ", as …") states its own stance or none: it does not carry on the one before ("Avoid the sun for two weeks, then wear SPF 50").',
      ok: [{ text: 'Avoid the gym for 24 hours and saunas for 72 hours.', claims: ['exercise avoid 24 h', 'sauna avoid 72 h'] }],
      notOk: [{ text: 'Avoid the sun for two weeks, then wear SPF 50 every day for three months.', claims: ['sun avoid 336 h'] }]
    }
  ]
} as const satisfies RuleFamily
