/** The `topic/…` rules: which activities a clause is about (logic: `../topic.ts`). */
import type { RuleFamily } from './types.ts'

export const topicFamily = {
  name: 'topic',
  title: 'Topic: which activity',
  intro:
    "A clause is about the activities it names with the vocabulary's words; a clause that names none borrows them, in this order: from the clause before it in the sentence, from the sentence before when it refers back, from the heading above. One claim per topic per statement.",
  rules: [
    {
      id: 'topic/own-words',
      kind: 'reads',
      summary: "The activity is named in the statement itself, in the vocabulary's words.",
      doc: 'The clause names the activity with words of a vocabulary topic (first mention per topic; an activity condition right before the words belongs to it: "light jogging"). Phrases listed under `ignore` are no activity ("alcohol wipes", "sun damage", "use alcohol"), nor is a procedure\'s name ("chemical peel") or a word after "non-" ("non-exfoliating").',
      ok: [
        { text: 'Do not go swimming for at least 24 hours.', claims: ['swimming avoid 24 h'] },
        { text: 'Avoid sweaty activities like exercise and sauna for a week.', claims: ['exercise avoid 168 h', 'sauna avoid 168 h'] }
      ],
      notOk: [
        { text: 'Do not use alcohol wipes on the area for 24 hours.', claims: ['alcohol-wipe avoid 24 h'] },
        { text: 'Use only non-exfoliating cleansers for a week.', claims: [] }
      ]
    },
    {
      id: 'topic/unlisted',
      kind: 'reads',
      summary: 'The activity is one the vocabulary does not list: the words the statement advises on, normalised ("lying down", "contact lenses"); an editor maps them to a topic or to `ignore` in vocabulary.yaml.',
      doc: 'In a clause with a stance and a time, the object of the cue is an activity even when no vocabulary word names it: the words right after "avoid", "refrain from", "skip", "do not", "no", "you can", "safe to", after "before"/"to" of "wait N", or the subject of "should be avoided" and "are fine", or the whole item under a lead-in ("Avoid:"). The object ends where a noun or verb phrase ends (a time, "for", "until", "to", "that", "such as", punctuation) and is cut into members at commas, "and", "or", "/"; each member no vocabulary word covers is one activity, with the clause\'s stance and time: "Avoid alcohol, caffeine and smoking for 3 days" → caffeine. Its words are normalised (determiners, light verbs such as "using" or "take", and the reader\'s own body as object dropped; a verb after "do not" or "can" made a gerund: "Do not lie down" → lying down), and the claim\'s topic is their key (`lying-down`), marked `unlisted: true`. Not a side effect or a purpose ("to avoid infection"; side effects are `ignore` words), not a generic word ("activities", "anything"), not the treatment itself or its next session ("your next appointment"), and never without a time: "avoid touching your face" alone makes no claim.',
      ok: [
        { text: 'Do not lie down for 4 hours.', claims: ['lying-down avoid 4 h'] },
        { text: 'Avoid alcohol, caffeine and smoking for 3 days.', claims: ['alcohol avoid 72 h', 'caffeine avoid 72 h', 'smoking avoid 72 h'] },
        { text: 'Botox and fillers should be avoided for 7 days after treatment.', claims: ['botox avoid 168 h', 'filler avoid 168 h'] }
      ],
      notOk: [
        { text: 'Avoid touching your face.', claims: [] },
        { text: 'Keep the area moist for 3 days to avoid infection.', claims: [] },
        { text: 'Wait four weeks before your next session.', claims: [] }
      ]
    },
    {
      id: 'topic/clause-before',
      kind: 'reads',
      summary: 'The activity is the one named in the clause before, in the same sentence.',
      doc: 'A clause that names no activity takes those of the clause before it in the same sentence ("Avoid swimming for 24 hours after a light session, and 72 hours after a deep one"). Such a clause that also takes its stance from the one before may only add a time (see `not-a-claim/adds-time-only`).',
      ok: [{ text: 'Avoid swimming for 24 hours after a light session, and 72 hours after a deep one.', claims: ['swimming avoid 24 h', 'swimming avoid 72 h [deep]'] }],
      notOk: [{ text: 'Avoid swimming for 24 hours. Saunas need 72 hours after a deep session.', claims: ['swimming avoid 24 h'] }]
    },
    {
      id: 'topic/bare-wait',
      kind: 'reads',
      summary: 'The statement says how long to wait without naming the activity: it is the one named in the sentence before.',
      doc: 'A clause that names no activity and says to wait a stated time, with nothing after the time that names what for ("I tell my clients to wait 10 days", "In general, wait five to seven days after a laser peel"), is about the activities of the last sentence before it that named any. Not "wait 24 hours before swimming" or "wait a day to reapply", which name it, and not a wait with no number.',
      ok: [
        { text: 'Most people ask when they can get back in the pool. I tell my clients to wait 10 days.', claims: ['swimming avoid 240 h'] },
        { text: '## Swimming\n\nMost people ask about it.\n\nWait at least two weeks.\n', claims: ['swimming avoid 336 h'] }
      ],
      notOk: [{ text: 'Most people ask when they can get back in the pool. I tell my clients to wait.', claims: [] }]
    },
    {
      id: 'topic/refers-back',
      kind: 'reads',
      summary: 'The statement says "it", "them" or "these", which refers to the activity named in the sentence before.',
      doc: 'A clause that names no activity and says "it", "them", "these" or "those" right after a cue ("avoid them", "Avoid these habits") or before a passive or adjective cue ("it\'s best avoided", "it is fine") is about the activities of the last sentence before it that named any; "it" takes the last of them. A heading never refers back to the text above it.',
      ok: [
        { text: 'Saunas dry out healing skin. Avoid them for 48 hours.', claims: ['sauna avoid 48 h'] },
        { text: 'Swimming and saunas are common questions. It is best avoided for a week.', claims: ['sauna avoid 168 h'] }
      ],
      notOk: [{ text: '- Makeup\n\n## Avoid these for the first 48 hours\n\nThe clinic will explain why.\n', claims: [] }]
    },
    {
      id: 'topic/heading',
      kind: 'reads',
      summary: 'The activity is the one the heading above names.',
      doc: "In the first block under a heading, a clause that names no activity and borrows none from the clause before takes the heading's activities (\"## Swimming\" + \"Wait two weeks.\").",
      ok: [{ text: '## Swimming\n\nWait at least two weeks.\n', claims: ['swimming avoid 336 h'] }],
      notOk: [{ text: '## Swimming\n\nMost people ask about it.\n\nTake two weeks off.\n', claims: [] }]
    },
    {
      id: 'topic/condition-on-reader',
      kind: 'rules-out',
      summary: 'An activity named only in a condition on the reader ("if you sweat a lot") is not what the statement advises on.',
      doc: 'When a clause names several activities, one named only in a condition on the reader ("if you", "when you\'re", "unless you" just before it) is not advised on: "Avoid the gym for two days, and wear a headband if you sweat a lot" is about exercise only. When it is the only activity, it stays ("If you want to swim, wait a week").',
      ok: [{ text: 'If you exercise, skip the sauna for 48 hours.', claims: ['sauna avoid 48 h'] }],
      notOk: [{ text: 'If you want to swim, wait a week.', claims: ['swimming avoid 168 h'] }]
    },
    {
      id: 'topic/qualifier',
      kind: 'rules-out',
      summary: 'An activity named in a relative clause that qualifies another ("workouts that make you sweat") is not advised on itself.',
      doc: 'When a clause names an activity and, right after it, a relative clause ("that", "which", "who") names another, the second qualifies the first and makes no claim of its own: "Avoid workouts that make you sweat for a day" is about exercise. A relative clause after a word that names no activity keeps its activity ("activities that cause sweating" → sweating).',
      ok: [{ text: 'Avoid workouts that make you sweat for a day.', claims: ['exercise avoid 24 h'] }],
      notOk: [{ text: 'Avoid activities that make you sweat for a day.', claims: ['sweating avoid 24 h'] }]
    },
    {
      id: 'topic/allowed-object',
      kind: 'rules-out',
      summary: 'Only the activities an allowed word is about are allowed.',
      doc: 'For an allowed stance, the claim is about the activities the allowed cue is about: named soon after it ("you can return to the gym"; within 5 words after a modal, 12 after another cue) or before an adjective cue or a modal passive ("light workouts are okay", "Exercise can be resumed"); not a destination ("introduce retinol to your skincare routine"). When no cue links any (a negated avoid cue: "you don\'t need to wait to swim"), all of them.',
      ok: [{ text: 'After a week you can introduce retinol to your skincare routine.', claims: ['actives allowed 168 h'] }],
      notOk: [{ text: "You don't need to wait to wash your face.", claims: ['washing allowed 0 h'] }]
    }
  ]
} as const satisfies RuleFamily
