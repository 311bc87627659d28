/**
 * The grammar extraction relies on: English function words, each set named
 * by the role it plays in a rule. The domain words (activities, procedures,
 * conditions, stance cues, negations) are the vocabulary's
 * (`vocabulary.yaml`), which an editor extends; these are the same for every
 * topic and procedure, so they live here, in one place, instead of in the
 * rules that use them. A rule names the set it reads ("a modal counts only
 * with a subject from `subjects` before it"); its doc and examples are in
 * `rules/`.
 *
 * Decision: not in `vocabulary.yaml`. They are English, not aftercare: an
 * editor who adds "lymphatic drainage" should never have to know that "can"
 * needs a subject, and a vocabulary that dropped one of them would silently
 * change how every sentence is read.
 *
 * All words are lowercase with a straight apostrophe (a token's `norm`).
 */

/** Pronouns that refer back to the activity named before ("avoid it", "it's best avoided"). */
export const pronouns = new Set(['it', 'them', "it's"])
/** The pronouns that refer to one activity only, the last one named ("avoid it" after "swimming and saunas": saunas). */
export const singularPronouns = new Set(['it', "it's"])
/** Demonstratives that refer back only when the clause has a real cue ("Avoid these habits"). */
export const demonstratives = new Set(['these', 'those'])

/** Subjects of a sentence about a third person ("She rests for 48 hours"): a story, not advice. */
export const thirdPerson = new Set(['she', 'he', 'her', 'his', 'him'])
/** People as a group: before a verb of choice they report what people do ("many patients choose to…"), not advice. */
export const groupSubjects = new Set(['patients', 'people', 'clients', 'customers'])
/** Verbs of choice after such a group. */
export const choiceVerbs = new Set(['choose', 'chose', 'prefer', 'decide', 'opt', 'like', 'tend'])
/** Words for the reader: a sentence with one is advice even when it tells a story. */
export const secondPerson = new Set(['you', 'your', "you're", "you'll", "you've", 'yourself'])
/** Subjects before a modal that make it a permission ("you can", "patients may"), unlike "sweat can irritate". */
export const subjects = new Set(['you', 'they', 'patients', 'clients', 'people', 'we', 'i', 'one', 'most', 'many', 'patient', 'client', 'everyone', 'anyone'])
/** Modals: an allowed cue only with a subject from {@link subjects}, or in a passive with the activity as subject. */
export const modals = new Set(['can', 'could', 'may'])
/** Auxiliaries that say what will or should happen: a list item with one is a statement, not a plan. */
export const futureAuxiliaries = new Set(['will', 'should'])
/** The auxiliary of a modal passive ("can be resumed"). */
export const passiveAuxiliary = 'be'
/** Past participles without "-ed" that a wait is given for ("Makeup can be worn"). */
export const irregularParticiples = new Set(['worn', 'done', 'begun', 'taken', 'undertaken', 'put'])
/** Participles that describe what may happen, not permit it ("sweating can be increased"). */
export const describingParticiples = new Set(['expected', 'increased', 'reduced', 'affected', 'irritated', 'delayed', 'caused', 'triggered', 'worsened', 'aggravated', 'controlled', 'managed', 'relieved', 'minimized', 'minimised', 'treated', 'seen', 'felt', 'noticed', 'used'])

/** Allowed cues that are verbs: they need the activity as their object ("return to the gym"). */
export const verbCues = new Set(['start', 'return', 'returning', 'resume', 'introduce', 'introducing', 'reintroduce', 'add'])
/** How far after a verb cue (in tokens) its object may start. */
export const verbObjectWindow = 4
/** Allowed cues that describe the activity before them ("workouts are okay") as well as after ("safe to swim"). */
export const adjectiveCues = new Set(['okay', 'ok', 'fine', 'safe', 'allowed', 'plenty', 'usual', 'normal', 'on', 'acceptable', 'suitable'])
/** Imperatives that recommend doing the activity now ("Instead, try gentle yoga"). */
export const imperativeCues = new Set(['try', 'choose', 'opt'])
/** Words that may stand before an imperative without making it something else ("Instead, try …", "Then just opt for …"). */
export const leadingWords = new Set(['instead', 'then', 'also', 'so', 'and', 'or', 'just', 'simply'])
/** Passive forms of the avoid cue that look back at the activity before them ("it's best avoided"). */
export const passiveAvoid = 'avoided'
/** "best avoided": the adverb that may stand before {@link passiveAvoid}. */
export const passiveAvoidAdverb = 'best'

/** Negations that give an order ("do not swim", "you must not"), unlike "you won't lose fitness". */
export const directiveNegations = new Set(["don't", 'do', 'never', 'must', "mustn't", 'should', "shouldn't", "can't", 'cannot', 'dont'])
/** The negation that bans a noun ("no exercise for 72 hours"). */
export const banNegation = 'no'
/** The negation that gives an order when "to" is next to it ("advise you not to", "to not come into contact"). */
export const infinitiveNegation = 'not'
/** Words after "no" that make it no ban ("no need", "no more than", "no reason"). */
export const notBanned = new Set(['one', 'more', 'need', 'reason', 'longer'])
/** Words after a negation that lift a duty instead of giving an order ("you don't have to", "not necessary"). */
export const dutyWords = new Set(['have', 'need', 'necessary', 'required'])
/** Relative pronouns: a negation right after one describes ("workouts that won't make you sweat"). */
export const relativeWords = new Set(['that', 'which', 'who'])
/** Words that open a conditional clause, in which a negation or an "avoid" gives no order ("if you're not sweating"). */
export const conditionalWords = new Set(['if', 'unless', 'whether'])
/** "only if …": a condition too. */
export const onlyIf = ['only', 'if']
/** Words that open an indirect question before a modal ("find out if you can sweat", "when you can exercise"). */
export const questionWords = new Set(['if', 'whether', 'when', 'how'])
/** Words that open a condition on the reader ("if you sweat a lot", "once you", "If it is still red after 48 hours, then …"). */
export const conditionWords = new Set(['if', 'unless', 'once', 'when', 'whenever'])
/** "how long" / "how soon": a question about the wait, not advice ("how long you should stay out of the gym"). */
export const waitQuestions = [['how', 'long'], ['how', 'soon'], ['timeframe', 'to'], ['time', 'frame', 'to'], ['when', 'to']]

/** Contrast and reason words that start a new clause anywhere ("…, but", "because"). */
export const contrastWords = new Set(['but', 'however', 'whereas', 'although', 'though', 'except', 'because'])
/** Words that start a reason or result after a comma (", as sweat stings", ", so stay out"). */
export const reasonAfterComma = new Set(['as', 'so', 'since'])
/** Words that open a clause giving a reason: it states its own stance or none. */
export const reasonStarts = new Set(['because', 'as', 'since'])
/** The word of a next step (", then …", "and then …"). */
export const nextStep = 'then'
/** The words a next step's "then" follows. */
export const nextStepJoiners = new Set([',', 'and'])
/** Words that join two waits in one clause: it is cut at the last one before the second wait. */
export const waitJoiners = new Set([',', 'and', 'or'])
/** The only words that may stand before the time of a clause that only adds a time ("…, and up to a week"). */
export const ellipsisWords = new Set(['and', 'or', 'then', 'for', 'up', 'to', 'at', 'least', 'most', 'about', 'around', 'another', 'a', 'an', 'the', 'further', 'more', 'even', 'ideally', 'preferably', 'possibly', 'perhaps', 'usually', 'often', 'sometimes'])

/** Words up to two before a duration that make it a frequency, not a wait ("every 3–4 weeks", "twice a day"). */
export const frequencyBefore = new Set(['every', 'each', 'per', 'once', 'twice', 'spaced'])
/** Words up to two before a duration that make it how long something lasts or took ("takes 15 minutes", "lasts 2–3 days"). */
export const lastingBefore = new Set(['last', 'lasts', 'lasting', 'lasted', 'takes', 'take', 'took', 'taking', 'ago'])
/** Words right after a duration that make it a frequency ("3–4 weeks apart", "twice per day"). */
export const frequencyAfter = new Set(['apart', 'per'])
/** Words right after a duration that make it how long something lasts or how long ago ("a week ago", "2 days of", "a week old"). */
export const lastingAfter = new Set(['ago', 'of', 'later', 'old', 'long', 'earlier'])
/** Words right after a duration that put it before the treatment ("five days beforehand", "a week prior"). */
export const beforeTreatmentAfter = new Set(['beforehand', 'prior'])
/** "a"/"per" + one of these after a duration: a frequency ("twice a day"). */
export const frequencyUnits = new Set(['day', 'week', 'month', 'year'])
/** Words of an article that make "a day or two" a frequency ("once a day"). */
export const frequencyArticles = new Set(['a', 'per'])
/** Events other than the treatment that a time may be "before" ("three weeks before race day"). */
export const otherEvents = new Set(['race', 'event'])
/**
 * Words of a time or a bound ("hours", "until", "tonight", "for a bit"): a
 * sentence with none of them, no digit, no "while"/"during" before a word
 * of healing and no procedure after "after" gives no wait for an activity
 * the vocabulary does not list (`lexicon.mayHoldTime`), and is not
 * tokenized for one.
 */
export const timeHints = new Set([
  'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'fortnight', 'fortnights', 'month', 'months', 'minute', 'minutes', 'mins',
  'tomorrow', 'until', 'till', 'overnight', 'immediately', 'normally', 'usual', 'tonight', 'evening', 'yet', 'bit', 'while'
])
/** Units whose presence after "no" makes it a ban with a time ("no drinks for 24 hours"). */
export const unitWords = new Set(['hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months'])

/** Words that end a wait with no number ("until healed"). */
export const untilWords = new Set(['until', 'till', 'til'])
/** The preposition of how long to do something ("you can swim for 20 minutes"): for an allowed stance, no wait. */
export const durationPreposition = 'for'
/** The infinitive marker next to "not" that makes it an order ("advise you not to", "to not come into contact"). */
export const infinitiveMarker = 'to'
/** The words joining "before and after" a duration: a wait after the treatment too ("a week before and after"). */
export const beforeAndAfter = ['and', 'after']
/** A time word put after a duration that makes it a time off ("take a day or two off") or before ("a week before you feel hot"). */
export const timeOff = new Set(['before', 'off'])
/** The verb that gives a time off ("give the pool a day or two"), up to four words before the duration. */
export const giveVerb = 'give'
/** How far before a duration (in tokens) {@link giveVerb} may stand. */
export const giveWindow = 4
/** The particle that leaves the activity off ("leave makeup off", "keep it off"). */
export const offParticle = 'off'
/** "longer": a wait longer than the figure before it ("leave it slightly longer"). */
export const longer = 'longer'
/** "after" before a procedure's name: "you can swim after the treatment". */
export const afterWord = 'after'
/** Words that may stand between "after"/"to" and the procedure's name. */
export const treatmentDeterminers = new Set(['the', 'your'])
/** Words that may stand before a procedure's name after "before"/"prior" ("prior to your appointment"). */
export const treatmentLinks = new Set(['to', 'the', 'your'])
/** Words that put an activity before the treatment ("stop it beforehand", "prior to your appointment"). */
export const beforeWords = new Set(['before', 'prior'])
/** "beforehand": before the treatment, whatever follows. */
export const beforehand = 'beforehand'
/** Prepositions of a destination ("introduce retinol to your routine": the routine is no activity). */
export const destinations = new Set(['to', 'into'])
/** The possessive of a destination ("to your skincare routine"). */
export const destinationPossessive = 'your'
/** A prefix that names what is fine, not the activity ("non-exfoliating"). */
export const negativePrefix = 'non'

/** How far after an avoid cue (in tokens) its object may start, for a claim with no time. */
export const objectWindow = 10
/** How far after an allowed cue (in tokens) the activity it allows may start. */
export const allowedWindow = 12
/** The same after "can"/"may": the verb and its object follow at once ("you can go to the gym"). */
export const modalWindow = 5

/** Phrases that say "now" for an allowed stance ("straight away", "as usual", "tonight"): no wait. */
export const nowPhrases = [['at', 'any', 'point'], ['any', 'time'], ['anytime'], ['same', 'evening'], ['that', 'evening'], ['this', 'evening'], ['first', 'evening'], ['tonight'], ['as', 'usual'], ['as', 'normal'], ['right', 'away'], ['straight', 'away'], ['immediately'], ['same', 'day'], ['right', 'after'], ['straight', 'after']]
/** Phrases that frame a directive as advice before its verb ("You'll want to cleanse…", "Be sure to wash…"). */
export const directiveFrames = [["you'll", 'want', 'to'], ['you', 'will', 'want', 'to'], ['you', 'want', 'to'], ['be', 'sure', 'to'], ['make', 'sure', 'to'], ['remember', 'to'], ['just']]
/** Phrases that point back to the wait stated before ("from this point", "after that"). */
export const anaphoricTimes = [["that's", 'when'], ['that', 'is', 'when'], ['from', 'this', 'point'], ['from', 'that', 'point'], ['at', 'this', 'point'], ['at', 'that', 'point'], ['from', 'then'], ['after', 'that'], ['by', 'then'], ['from', 'there']]

/** Labels of a list item that gives examples of the one before ("Options: cycling, brisk walking"), not a plan of its own. */
export const exampleLabels = new Set(['examples', 'example', 'options'])
/** Words that may stand before the time in a timeline heading ("In the first 48 hours", "Step 2: days 3–7"). */
export const timelineLeading = new Set(['in', 'within', 'during', 'after', 'from', 'for', 'the', 'first', 'on', 'by', 'until', 'step', 'phase', 'stage', 'week', 'weeks'])
/** Marks that may close a question after its "?" (quotes, a bracket). */
export const closingMarks = new Set(['"', '”', '’', ')'])

/**
 * The first of a few fixed word sequences that tokens spell from index `i`.
 *
 * @param tokens Tokens (their `norm` is compared).
 * @param i Start index.
 * @param phrases Word sequences, e.g. {@link nowPhrases}.
 * @returns The sequence found, or `undefined`.
 * @example
 * phraseAt(tokenize('swim as usual'), 1, nowPhrases) // ['as', 'usual']
 */
export function phraseAt(tokens: ReadonlyArray<{ norm: string }>, i: number, phrases: string[][]): string[] | undefined {
  const t = tokens[i]
  // Most words start no phrase of the list: one look-up rules them out.
  if (t === undefined || !firstWordsOf(phrases).has(t.norm)) return undefined
  return phrases.find((words) => words.every((w, k) => tokens[i + k]?.norm === w))
}

/** The first words of each phrase list, computed once per list. */
const firstWords = new WeakMap<string[][], Set<string>>()

function firstWordsOf(phrases: string[][]): Set<string> {
  let set = firstWords.get(phrases)
  if (!set) {
    set = new Set(phrases.map((words) => words[0]!))
    firstWords.set(phrases, set)
  }
  return set
}

/*
 * Activities the vocabulary does not list (`topic/unlisted`, `unlisted.ts`):
 * the words that end a cue's object, join its members, or say that a
 * member is no activity.
 */

/** Words that end a cue's object: a time, a purpose, a reason, a relative clause, examples ("such as"), a condition. */
export const listEnds = new Set([
  'for', 'until', 'till', 'til', 'after', 'before', 'during', 'within', 'following', 'post', 'while', 'whilst', 'when', 'once', 'since', 'as', 'because',
  'unless', 'if', 'so', 'but', 'then', 'than', 'that', 'which', 'who', 'where', 'such', 'including', 'like', 'especially', 'except', 'to', 'immediately',
  'straight', 'right', 'today', 'tonight', 'tomorrow', 'by', 'longer', 'outside', 'inside', 'indoors', 'outdoors', 'not', "don't", 'never', "doesn't", 'cannot', "can't", 'containing', 'contain', 'contains', 'again', 'altogether', 'entirely', 'completely', 'afterwards', 'afterward', 'eg', 'e', 'i', 'ie', 'is', 'are', 'will', 'can', 'may', 'should', 'must', 'could', 'would'
])
/** Punctuation that joins the members of a coordinated object ("alcohol, caffeine and smoking", "hot tub/Jacuzzi"); the words are "and", "or", "nor". */
export const listJoiners = new Set([',', 'and', 'or', 'nor', '/', '&'])
/** Words after which "to" does not end an object ("exposure to strong sunlight", "going to the beach"). */
export const toKeepers = new Set(['exposure', 'exposing', 'expose', 'going', 'go', 'trips', 'trip', 'travel', 'travelling', 'traveling'])
/** Particles between a cue and its object ("refrain from", "steer clear of", "hold off on"). */
export const verbAfterWords = new Set(['from', 'of', 'on', 'doing', 'any', 'ever', 'even', 'to'])
/** Words before an avoid cue that make it a purpose, not advice ("in order to avoid", "helps avoid", "to help avoid"). */
export const purposeBefore = new Set(['order', 'help', 'helps', 'helping', 'helped'])
/** Words before "to avoid" that make it advice ("it is best to avoid", "make sure to avoid"); after any other word it gives a purpose. */
export const adviceBefore = new Set(['best', 'important', 'sure', 'want', 'try', 'need', 'needs', 'advised', 'recommended', 'advisable', 'crucial', 'essential', 'vital', 'wise', 'good', 'better', 'remember', 'careful', 'have', 'has', 'ought', 'asked', 'instructed', 'told', 'recommend', 'advise', 'ideal', 'smart', 'key', 'necessary', 'critical', 'imperative'])
/** Determiners and quantifiers dropped from an activity's words ("any makeup", "your skin", "other treatments"). */
export const quantifiers = new Set(['the', 'a', 'an', 'any', 'all', 'your', 'my', 'their', 'his', 'her', 'its', 'this', 'these', 'those', 'some', 'other', 'another', 'further', 'additional', 'too', 'much', 'many', 'more', 'such', 'certain', 'also'])
/** The quantifiers that name another treatment than the one done ("other treatments", "any further peels"). */
export const otherTreatmentWords = new Set(['other', 'another', 'further', 'additional', 'any'])
/** Words that make a treatment the next session of this one ("your next session", "a follow-up appointment"): its timing is no claim. */
export const nextSessionWords = new Set(['next', 'follow', 'follow-up', 'touch', 'touch-up', 'second', 'subsequent', 'upcoming', 'booking', 'book'])
/** Verbs dropped before their object: the object is the activity ("using scented lotions", "take a shower", "wear contact lenses"). */
export const lightVerbs = new Set([
  'use', 'using', 'consume', 'consuming', 'take', 'taking', 'have', 'having', 'wear', 'wearing', 'apply', 'applying', 'reapply', 'reapplying', 'put', 'putting',
  'engage', 'engaging', 'partake', 'partaking', 'perform', 'performing', 'do', 'doing', 'schedule', 'scheduling', 'undergo', 'undergoing', 'receive', 'receiving',
  'go', 'going', 'consumption', 'exposure', 'exposing'
])
/** The reader's body and the treated place: as the object of a verb they are dropped ("touching the treated area" → touching); alone they are no activity. */
export const bodyWords = new Set(['area', 'areas', 'skin', 'face', 'lips', 'lip', 'brows', 'eyebrows', 'eyebrow', 'brow', 'eye', 'eyes', 'piercing', 'tattoo', 'site', 'spot', 'spots', 'scabs', 'scab', 'it', 'them', 'hands', 'jewelry', 'jewellery', 'treated', 'treatment', 'injection', 'injections', 'head', 'body', 'mouth'])
/** Words that name no activity on their own ("activities", "anything", "things"). */
export const genericHeads = new Set(['activities', 'activity', 'things', 'thing', 'anything', 'everything', 'something', 'it', 'them', 'this', 'that', 'these', 'those', 'following', 'what', 'one', 'ones', 'products', 'product', 'instructions', 'way', 'ways', 'kind', 'sort', 'lot', 'bit', 'time', 'days', 'day', 'hours', 'weeks', 'exposure', 'use', 'contact', 'care', 'aftercare'])
/** Verbs of a duty or a step, not an activity to avoid: in a list of nouns after "avoid" they start a new instruction ("Avoid direct sunlight and wear sunscreen"). */
export const dutyVerbs = new Set(['wear', 'use', 'apply', 'keep', 'stay', 'try', 'make', 'take', 'drink', 'follow', 'continue', 'stick', 'opt', 'choose', 'protect', 'cleanse', 'wash', 'moisturize', 'moisturise', 'rinse', 'pat', 'sleep', 'let', 'allow', 'see', 'contact', 'call', 'consult', 'ask', 'remember', 'practice', 'practise', 'reapply', 'gently', 'be'])
/** Verbs that name no activity after "do not", "can" or "wait … to" ("don't worry", "you can expect", "don't forget to"). */
export const notActivityVerbs = new Set(['want', 'need', 'have', 'worry', 'forget', 'hesitate', 'panic', 'stress', 'expect', 'be', 'feel', 'let', 'allow', 'mean', 'think', 'notice', 'see', 'experience', 'find', 'tell', 'help', 'ask', 'call', 'contact', 'discuss', 'read', 'learn', 'imagine', 'look', 'book', 'hear', 'know', 'understand', 'realise', 'realize', 'mind', 'achieve', 'enjoy', 'benefit', 'reap', 'say', 'assume', 'come', 'leave', 'make', 'ensure', 'remember', 'follow', 'consider', 'return', 'resume', 'start', 'begin', 'continue', 'decide', 'choose', 'try', 'do'])
/** Words between a modal (or "safe to") and the activity: verb cues and fillers ("can typically return to", "may start to", "can also"). */
export const modalFillers = new Set(['also', 'still', 'even', 'then', 'now', 'just', 'gradually', 'usually', 'typically', 'generally', 'slowly', 'safely', 'start', 'begin', 'resume', 'return', 'returning', 'go', 'get', 'back', 'to', 'continue', 'certainly', 'probably', 'likely', 'normally', 'usually', 'often'])
/** Forms of "be" before "no" that make it a statement ("there is no swelling"), not a ban. */
export const copulas = new Set(['is', 'are', 'be', 'was', 'were', "there's", "it's", 'been'])
/** Number words: "to" between two of them joins a range ("two to four weeks"), not an activity. */
export const numberWords = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'a', 'an', 'few', 'several', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy'])
/** Words that introduce examples of the word before ("activities like running", "heat such as saunas"). */
export const exampleWords = new Set(['like', 'such', 'including', 'especially', 'eg', 'e'])
/** Generic heads that name no activity even with a modifier ("sweaty activities", "these things"): the examples or the vocabulary say which. */
export const vagueHeads = new Set(['activities', 'activity', 'things', 'thing', 'anything', 'everything', 'something', 'situations', 'situation', 'stuff'])
/** Phrases that bound a wait with no number ("for a bit", "immediately", "the same day"): see `boundOf`. */
export const boundPhrases = [['for', 'a', 'bit'], ['for', 'a', 'while'], ['for', 'now'], ['at', 'first'], ['immediately'], ['right', 'after'], ['straight', 'after'], ['right', 'away'], ['straight', 'away'], ['same', 'day'], ['that', 'evening'], ['tonight'], ['the', 'evening'], ['rest', 'of', 'the', 'day'], ['remainder', 'of', 'the', 'day'], ['yet'], ['soon', 'after'], ['too', 'soon'], ['in', 'the', 'meantime'], ['early', 'on'], ['as', 'long', 'as', 'it'], ['as', 'long', 'as', 'the'], ['for', 'some', 'time'], ['directly', 'after'], ['wait', 'a', 'little'], ['temporarily']]
/** Words of a sentence that says how the skin is while it heals ("your skin will be sensitive right after"): its bound bounds the untimed advice of its paragraph. */
export const stateWords = new Set(['sensitive', 'sensitivity', 'healing', 'heals', 'heal', 'recovery', 'recovering', 'vulnerable', 'delicate', 'tender', 'raw'])
/** Words before "the first …" that make it a start point, not a window ("after the first day you can…" → from 24 h). */
export const startPoints = new Set(['after', 'following', 'beyond', 'past'])
/** Words that, before the procedure's name, bound a wait with no number: while it is new ("your fresh tattoo", "a newly pierced ear"). */
export const freshWords = new Set(['fresh', 'new', 'newly'])
/** Determiners before such a word: "your fresh tattoo" bounds, a bare "Fresh tattoos are wounds" or a list item "Newly tattooed skin" does not. */
export const freshDeterminers = new Set(['your', 'a', 'the', 'this', 'any', 'my'])
/** Words that open a vague bound running to the next punctuation ("while it heals", "during the healing period"). */
export const boundWords = new Set(['while', 'whilst', 'during'])
/** Words that continue the advice before ("You should also skip saunas", "likewise"; "too" and "as well" count only at the end): a clause with no time takes its wait. */
export const carryWords = new Set(['also', 'likewise'])
/** Words that, before "this"/"that"/"these"/"those", point back at the time stated before ("during this phase", "within that time"). */
export const anaphorStarts = new Set(['during', 'within', 'throughout', 'in', 'for'])
/** Possessives dropped wherever they stand in an activity's words ("getting your brows wet" → getting brows wet). */
export const possessives = new Set(['your', 'my', 'their', 'his', 'her', 'its', 'our'])
/** What a contrast clause says to reject the belief reported before it ("…, but our experts say otherwise"). */
export const rejections = [['otherwise'], ['disagree'], ['disagrees'], ['not', 'true'], ["isn't", 'true'], ['not', 'the', 'case'], ['is', 'a', 'myth']]
/** Phrases that deny giving the advice the clause holds ("by no means telling you not to exercise", "I'm not saying"). */
export const rhetoricalPhrases = [['by', 'no', 'means'], ['not', 'saying'], ['not', 'telling'], ['not', 'suggesting']]
/** Verbs of finding out before "when"/"whether" that make an allowed word part of a question ("Deciding when it's safe to swim takes patience"). */
export const knowingVerbs = new Set(['deciding', 'decide', 'knowing', 'know', 'figuring', 'figure', 'ask', 'asking', 'wondering', 'wonder', 'find', 'finding', 'learn', 'learning', 'tell', 'telling', 'understand', 'understanding', 'sure', 'unsure', 'determine', 'determining', 'judging', 'judge'])
/** Words that add the ideal wait to the least one ("at least 24 hours, and ideally 48–72"): one wait from the least to the ideal. */
export const idealWords = new Set(['ideally', 'preferably', 'better', 'optimally'])
/** Words that open a concession, which ends at its comma ("Although you can X right after, we'd rather you waited"). */
export const concessives = new Set(['although', 'though'])
/** "-free" after an activity ("makeup-free"): avoid it, with a verb of {@link keepVerbs} before it. */
export const freeWord = 'free'
/** Verbs that keep the skin free of an activity ("stay makeup-free", "keep your skin makeup free"). */
export const keepVerbs = new Set(['keep', 'keeping', 'stay', 'staying', 'remain', 'remaining', 'go', 'going', 'kept'])
/** Singular nouns that end in "s": the key of an unlisted activity keeps them ("contact lens", not "contact len"). */
export const singularEndingInS = new Set(['lens', 'gas', 'bias', 'canvas', 'news', 'series', 'species', 'means', 'aerobics', 'pilates', 'lotus', 'chorus', 'plus'])
/** Words before an avoid cue that make it a circumstance, not advice ("while avoiding the heat", "by avoiding it"). */
export const subordinators = new Set(['while', 'whilst', 'when', 'by', 'after', 'before', 'without', 'from'])
/** Words before a negation that make it a condition, not an order ("provided that you don't aggravate it", "as long as you don't"). */
export const conditionLinks = new Set(['provided', 'providing', 'long', 'if', 'unless', 'that'])
/** Words that open a sentence, not an item: a led item that opens with one is not the lead's object ("However, it can…"). */
export const sentenceOpeners = new Set(['however', 'also', 'but', 'and', 'so', 'then', 'it', "it's", 'this', 'these', 'they', 'you', "you'll", 'we', 'there', 'if', 'when', 'although', 'though', 'because', 'as', 'since', 'once', 'while', 'after', 'before', 'i', 'your', 'our', 'most', 'some', 'many', 'please', 'remember', 'note'])
/** Words a vague bound with "while" or "during" must hold to bound a wait ("while it heals", "during the initial healing period"; not "during the session"). */
export const healingWords = new Set(['heal', 'sensitivity', 'heals', 'healing', 'healed', 'recover', 'recovers', 'recovering', 'recovery', 'settle', 'settles', 'settling', 'subside', 'subsides', 'peel', 'peels', 'peeling', 'swollen', 'swelling', 'red', 'redness', 'sensitive', 'raw', 'tender', 'initial', 'first', 'downtime', 'phase', 'period', 'treatments', 'course'])
/** Adverbs between a negation and its verb ("do not always realise", "never ever"). */
export const adverbsBeforeVerb = new Set(['always', 'ever', 'even', 'just', 'really', 'actually', 'necessarily', 'usually', 'immediately'])
/** Subject pronouns: an object that starts with one is a clause ("before it has settled", "he says"), not an activity. */
export const subjectPronouns = new Set(['it', "it's", 'its', 'he', 'she', 'i', 'we', 'they', 'this', 'these', 'those', 'there', "there's"])
/** Subjects before a negation that make it a story or an opinion, not an order ("I never judge", "people do not realise"). */
export const storySubjects = new Set(['i', 'we', 'he', 'she', 'they', 'people', 'patients', 'clients', 'most', 'many', 'some', 'who'])
/** Words that open a start point before a duration ("Starting the day after treatment, cleanse…"): see `stance/directive-start`. */
export const startWords = new Set(['starting', 'beginning'])
