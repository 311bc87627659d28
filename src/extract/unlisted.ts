/**
 * Activities the vocabulary does not list (`topic/unlisted`; doc and
 * examples in `rules/topic.ts`): the object of a stance cue in a clause
 * with a wait is an activity even when no vocabulary word names it ("Do not
 * lie down for 4 hours" → lying down; "Avoid self-tanners for 48 hours" →
 * self-tanners). Each member of a coordinated object ("alcohol, caffeine
 * and smoking") the vocabulary does not cover becomes one such activity,
 * with the clause's stance and wait.
 *
 * How the words are found: by position, not by a part-of-speech tagger.
 * The object starts right after the cue ("avoid", "refrain from", "do
 * not", "no", "you can", "safe to", "wait … before"), or is the subject of
 * a passive or adjective cue ("Botox and fillers should be avoided",
 * "Quick showers are fine"), or is the whole item under a lead-in
 * ("Avoid:" + "Touching the treated area"). It runs to the first word that
 * ends a noun or verb phrase in English (a time, "for", "until", "after",
 * "to", "that", "such as", punctuation; {@link listEnds} in `grammar.ts`)
 * and is cut into members at commas, "and", "or" and "/".
 *
 * Decision, measured before choosing (on the eleven sentences of this
 * issue's examples, 2,200 runs, this machine): wink-nlp with its
 * `wink-eng-lite-web-model` tags 0.39 MB/s (150 µs a sentence) and
 * compromise 0.03 MB/s (2.2 ms), against 2.6 MB/s for extraction end to end;
 * run on the one sentence in ten that has a cue and a wait, wink alone would
 * take extraction from 93 % to about 55 % of remark-parse alone, far below
 * the 85 % bar. Both also mis-tag the words that matter here ("scratch",
 * "rubbing" and "upright" as nouns after "pick or", "Avoid" and "remain"),
 * where the position after "do not" already says "verb". So no tagger.
 *
 * Normalised words (`unlisted-words.ts`): determiners and quantifiers dropped ("any", "your"), a
 * light verb dropped before its object ("using scented lotions" → scented
 * lotions, "take a shower" → shower), the reader's own body as object
 * dropped ("touching the treated area" → touching), a verb after "do not" or
 * "can" made a gerund ("lie down" → lying down). The key (the claim's
 * `topic`) is those words as a slug with the last word singular, so "contact
 * lenses" and "contact lens" in two sources are one row.
 */
import type { Stance } from '../schema.ts'
import type { Duration } from './duration.ts'
import {
  adjectiveCues,
  adverbsBeforeVerb,
  adviceBefore,
  conditionLinks,
  copulas,
  dutyVerbs,
  exampleWords,
  lightVerbs,
  listEnds,
  listJoiners,
  modalFillers,
  modals,
  notActivityVerbs,
  numberWords,
  passiveAvoid,
  purposeBefore,
  relativeWords,
  quantifiers,
  sentenceOpeners,
  storySubjects,
  subjectPronouns,
  subordinators,
  toKeepers,
  verbAfterWords
} from './grammar.ts'
import { matchesOf, type Lexicon } from './lexicon.ts'
import type { PhraseMatch } from './phrase-matcher.ts'
import { treatmentAt } from './not-a-claim.ts'
import { isAllowedCue, isDirectiveNegation } from './stance.ts'
import { keyOf, normalise } from './unlisted-words.ts'
import type { Mention } from './state.ts'
import type { Token } from './tokens.ts'

/** Where an object starts in a clause, and whether its first word is a verb's base form ("do not *lie* down"). */
interface ObjectStart {
  at: number
  verb: boolean
  /** The object is a subject before its cue: it ends at the cue. */
  end?: number
  /** The object is a whole item under a lead-in. */
  led?: true
}

/**
 * The activities of a clause the vocabulary does not list: the members of
 * its cues' objects that no vocabulary mention covers.
 *
 * @param clause Tokens of the clause.
 * @param stance The clause's stance.
 * @param own The clause's vocabulary mentions.
 * @param lexicon The compiled vocabulary.
 * @param led The stance comes from a lead-in: the item itself is the object.
 * @param durations The clause's waits (token indexes into `clause`): a time before the treatment gives no unlisted activity.
 * @returns One mention per unlisted activity, in order, keys unique.
 * @example
 * unlistedMentions(tokenize('Do not lie down for 4 hours.'), 'avoid', [], lexicon, false)
 * // [{topic: 'lying-down', activity: 'lying down', rule: 'topic/unlisted', unlisted: true, …}]
 */
export function unlistedMentions(clause: Token[], stance: Stance, own: Mention[], lexicon: Lexicon, led: boolean, durations: readonly Duration[] = []): Mention[] {
  // "from at least 48 hours before": getting ready for the treatment; "for longer than 6 weeks": how long to do it.
  for (const d of durations) {
    const next = clause[d.last]?.norm
    const after = clause[d.last + 1]
    const preparation = next === 'beforehand' || ((next === 'before' || next === 'prior') && (after === undefined || after.kind === 'punct' || treatmentAt(clause, d.last + 1, lexicon)))
    if (preparation) return []
    if (clause[d.first - 1]?.norm === 'than') return []
  }
  const starts = objectStarts(clause, stance, lexicon, led)
  if (starts.length === 0) return []
  const matches = matchesOf(clause, lexicon)
  // The vocabulary's words, less those inside an `ignore` phrase ("self-tanning" is no tanning).
  const named = matches.topics.filter((m) => !matches.ignore.some((x) => x.first <= m.first && x.last >= m.last))
  const out: Mention[] = []
  const seen = new Set<string>(own.map((m) => m.topic))
  for (const start of starts) {
    // "never a bath towel": a determiner starts a noun, not a verb; "don't always realise": the adverb is no activity.
    while (start.verb && adverbsBeforeVerb.has(clause[start.at]?.norm ?? '')) start.at++
    if (start.verb && quantifiers.has(clause[start.at]?.norm ?? '')) start.verb = false
    const first = clause[start.at]?.norm ?? ''
    if ((start.verb && notActivityVerbs.has(first)) || subjectPronouns.has(first)) continue
    const end = start.end ?? listEnd(clause, start.at, start.verb, durations)
    // Under a lead-in, an item that opens with a duty ("Wash with a gentle cleanser and cool water") is no list of activities.
    if (start.led && dutyVerbs.has(first)) continue
    const list = members(clause, start.at, end)
    // "beauty products that contain glycolic acid": the vocabulary names what the last member holds.
    // "sweaty activities like exercise": so do the examples of an umbrella word.
    if (start.end === undefined && (relativeWords.has(clause[end]?.norm ?? '') || /^(where|containing|contain|contains|with)$/.test(clause[end]?.norm ?? '') || exampleWords.has(clause[end]?.norm ?? '')) && matches.topics.some((m) => m.first > end)) list.pop()
    // "Do not use retinols or Retin-A products": after a light verb, the members are its objects.
    const objects = start.verb && lightVerbs.has(clause[start.at]?.norm ?? '')
    for (const [k, [from, to]] of list.entries()) {
      // Named with the vocabulary's words (or one of its `ignore` phrases): not unlisted; nor "reach for makeup".
      if (overlaps(named, from, to)) continue
      // "chemical or physical exfoliants": a lone adjective that shares the next member's noun.
      const nextMember = list[k + 1]
      const head = lightVerbs.has(clause[from]!.norm) ? from + 1 : from
      if (to - head === 1 && nextMember && clause[head]!.norm.endsWith('al') && overlaps(named, nextMember[0], nextMember[1])) continue
      if (k === list.length - 1 && /^(for|to|on|in|into|with)$/.test(clause[to]?.norm ?? '') && named.some((m) => m.first > to && m.first <= to + 3)) continue
      const words = normalise(clause, from, to, start.verb && !(objects && k > 0), matches.procedures, matches.ignore)
      if (!words) continue
      const key = keyOf(words)
      if (key === '' || seen.has(key) || lexicon.topicNames.has(key)) continue
      seen.add(key)
      out.push({ topic: key, first: from, last: to, activity: words, condition: null, rule: 'topic/unlisted', unlisted: true })
    }
  }
  return out
}

/** Where the objects of a clause's cues start. */
function objectStarts(clause: Token[], stance: Stance, lexicon: Lexicon, led: boolean): ObjectStart[] {
  const starts: ObjectStart[] = []
  const matches = matchesOf(clause, lexicon)
  // Under a lead-in the item is the object ("Avoid:" + "Touching the area"), unless it opens like a sentence ("However, it can…").
  if (led && !sentenceOpeners.has(clause[firstWord(clause, 0)]?.norm ?? '')) starts.push({ at: firstWord(clause, 0), verb: false, led: true })
  if (stance === 'avoid') {
    for (const c of matches.stance) {
      if (c.value !== 'avoid') continue
      const word = clause[c.last - 1]!.norm
      if (isPurpose(clause, c.first)) continue
      // "while avoiding the heat": circumstance, not advice; "only use lukewarm water": what to use, not what to avoid.
      if (subordinators.has(clause[c.first - 1]?.norm ?? '') || clause.slice(c.first, c.last).some((t) => t.norm === 'only')) continue
      // "the hair growth will stop and the shaft…": what will happen, not an order (an order to the reader names "you").
      if (/^(will|would)$/.test(clause[c.first - 1]?.norm ?? '') && clause[c.first - 2]?.norm !== 'you') continue
      if (word === passiveAvoid) {
        const end = auxiliaryStart(clause, c.first)
        starts.push({ at: subjectStart(clause, end), verb: false, end })
        continue
      }
      if (word === 'wait' || word === 'waiting') {
        // "while waiting for the scabs to drop off": no advice.
        if (/^(while|whilst|for|when|of)$/.test(clause[c.first - 1]?.norm ?? '')) continue
        // "wait at least 72 hours before using it", "wait 24 hours to reapply": the activity after "before"/"to" (not "up to two weeks").
        const link = clause.findIndex((t, i) => i >= c.last && (t.norm === 'before' || (t.norm === 'to' && clause[i - 1]?.norm !== 'up' && !isNumberAt(clause, i + 1))))
        const timed = link !== -1 && clause.slice(c.last, link).some((t) => t.kind === 'number' || numberWords.has(t.norm) || t.norm === 'until' || t.norm === 'till')
        if (timed) starts.push({ at: skipToVerb(clause, link + 1), verb: clause[link]!.norm === 'to' })
        continue
      }
      const at = skipLinks(clause, c.last)
      // "Facial treatments: Avoid for 2 weeks.": a cue with no object of its own is about the label before it.
      const colon = clause.findIndex((t, i) => i < c.first && t.norm === ':')
      if (colon > 0 && (at >= clause.length || clause[at]!.kind === 'number' || listEnds.has(clause[at]!.norm))) starts.push({ at: firstWord(clause, 0), verb: false, end: colon })
      // "resist the urge to pick": after "to", a verb.
      else starts.push({ at, verb: clause[c.last - 1]!.norm === 'to' || clause[c.last]?.norm === 'to' })
    }
    for (const n of matches.negation) {
      if (!isDirectiveNegation(clause, n)) continue
      const word = clause[n.first]!.norm
      // "there is no swelling": a statement, not a ban; "provided that you don't aggravate it": a condition.
      if (word === 'no' && copulas.has(clause[n.first - 1]?.norm ?? '')) continue
      if (clause.slice(Math.max(0, n.first - 3), n.first).some((t) => conditionLinks.has(t.norm))) continue
      // "I never judge a result before two weeks", "people do not always realise": not an order to the reader.
      if (storySubjects.has(clause[n.first - 1]?.norm ?? '')) continue
      let at = skipLinks(clause, n.last)
      // "do not go back to it": the object of the negated cue.
      const cue = matches.stance.find((c) => c.first === at)
      if (cue) at = skipLinks(clause, cue.last)
      starts.push({ at, verb: word !== 'no' && !cue })
    }
  } else {
    for (const c of matches.stance) {
      if (c.value !== 'allowed' || !isAllowedCue(clause, c, matches.topics)) continue
      const word = clause[c.last - 1]!.norm
      if (modals.has(word)) {
        if (clause[c.last]?.norm === 'be') starts.push({ at: subjectStart(clause, c.first), verb: false, end: c.first })
        else {
          const at = skipToVerb(clause, c.last)
          starts.push({ at, verb: !skippedVerbCue(clause, c.last, at) })
        }
      } else if ((adjectiveCues.has(word) || word === 'free') && clause[c.last]?.norm === 'to') starts.push({ at: skipToVerb(clause, c.last + 1), verb: true })
      else if (adjectiveCues.has(word) && c.first > 0) {
        // "Quick showers are fine": a predicate, with "is"/"are" before it (not "fine lines").
        const end = auxiliaryStart(clause, c.first)
        if (clause.slice(end, c.first).some((t) => copulas.has(t.norm))) starts.push({ at: subjectStart(clause, end), verb: false, end })
      }
    }
  }
  return starts.filter((s) => s.at < (s.end ?? clause.length))
}

/** Whether a number (digits or a number word) is at `i` ("two to four weeks"). */
function isNumberAt(clause: Token[], i: number): boolean {
  const t = clause[i]
  return t !== undefined && (t.kind === 'number' || numberWords.has(t.norm))
}

/** Skip what stands between a modal or "to" and the activity: adverbs, subjects and verb cues ("can typically return to", "may start to", "before you get"). */
function skipToVerb(clause: Token[], i: number): number {
  while (i < clause.length && (clause[i]!.kind === 'punct' || modalFillers.has(clause[i]!.norm) || /^(you|they|we|i|patients)$/.test(clause[i]!.norm) || /^[a-z]{3,}ly$/.test(clause[i]!.norm))) i++
  // "before you try and cover it", "try to": the verb after.
  if (clause[i]?.norm === 'try' && (clause[i + 1]?.norm === 'and' || clause[i + 1]?.norm === 'to')) return i + 2
  return i
}

/** Whether a verb cue was skipped between `from` and `to` ("return to your routine"): what follows is a noun, not a verb. */
function skippedVerbCue(clause: Token[], from: number, to: number): boolean {
  return clause.slice(from, to).some((t) => /^(return|returning|resume|go|get|back)$/.test(t.norm))
}

/** Where the subject before a passive or adjective cue starts: after the last punctuation or time before it ("24–72 hours: light walks are okay"). */
function subjectStart(clause: Token[], end: number): number {
  let i = end
  // ", and powdered makeup is fine": a comma before "and" starts a new clause, not a longer subject.
  const newClause = (k: number) => clause[k - 1]!.norm === 'and' && clause[k - 2]?.norm === ','
  while (i > 0 && clause[i - 1]!.kind === 'word' && !listEnds.has(clause[i - 1]!.norm) && !newClause(i)) i--
  while (i > 0 && (clause[i - 1]!.kind === 'word' || listJoiners.has(clause[i - 1]!.norm) || clause[i - 1]!.norm === '-') && !listEnds.has(clause[i - 1]!.norm) && !newClause(i)) i--
  return firstWord(clause, i)
}

/** Whether the cue at `i` states a purpose ("in order to avoid", "to help avoid", ", to avoid"), not advice. */
function isPurpose(clause: Token[], i: number): boolean {
  const before = clause[i - 1]?.norm
  if (before !== undefined && purposeBefore.has(before)) return true
  // "it is best to avoid", "make sure to avoid" advise; "moist for 3 days to avoid infection" gives a reason.
  return before === 'to' && !adviceBefore.has(clause[i - 2]?.norm ?? '')
}

/** The first word at or after `i` (skipping bullets and punctuation). */
function firstWord(clause: Token[], i: number): number {
  while (i < clause.length && clause[i]!.kind === 'punct') i++
  return i
}

/** Skip the particles that join a cue to its object ("refrain from", "steer clear of", "hold off on"). */
function skipLinks(clause: Token[], i: number): number {
  while (i < clause.length && (verbAfterWords.has(clause[i]!.norm) || (clause[i]!.kind === 'punct' && !/^[:.;!?]$/.test(clause[i]!.norm)))) i++
  return i
}

/** Where the auxiliaries before a passive or adjective cue start ("should be avoided", "are fine"). */
function auxiliaryStart(clause: Token[], cue: number): number {
  let i = cue
  while (i > 0 && /^(should|must|need|needs|to|be|is|are|was|were|best|also|likewise|generally|usually|typically|often|normally|sometimes|perfectly|absolutely|can|may|might|could|would|will|always|completely|totally|still)$/.test(clause[i - 1]!.norm)) i--
  return i
}

/**
 * Where an object that starts at `from` ends: at the first word that ends a
 * phrase, or a time; in a list of nouns, also at a verb that gives a duty
 * ("Avoid direct sunlight and wear sunscreen").
 */
function listEnd(clause: Token[], from: number, verb: boolean, durations: readonly Duration[]): number {
  let i = from
  for (; i < clause.length; i++) {
    const t = clause[i]!
    if (t.kind === 'number' || durations.some((d) => d.first === i)) break
    // "exfoliant creams (retinoids, acids)": the brackets belong to the member.
    if (t.norm === '(') {
      const close = clause.findIndex((x, k) => k > i && x.norm === ')')
      if (close === -1) break
      i = close
      continue
    }
    if (!verb && i > from && dutyVerbs.has(t.norm) && listJoiners.has(clause[i - 1]!.norm)) return i - 1
    // "… and a wear sunscreen": a stray article before the duty changes nothing.
    if (!verb && i > from + 1 && dutyVerbs.has(t.norm) && /^(a|an|the)$/.test(clause[i - 1]!.norm) && listJoiners.has(clause[i - 2]!.norm)) return i - 2
    if (t.kind === 'punct' ? !listJoiners.has(t.norm) && t.norm !== '-' && t.norm !== '‐' && t.norm !== '‑' : listEnds.has(t.norm) && !(t.norm === 'to' && toKeepers.has(clause[i - 1]?.norm ?? ''))) break
  }
  return i
}

/** The members of a coordinated object: cut at "and", "or", "/" and (in a list with a conjunction) commas. */
function members(clause: Token[], from: number, to: number): Array<[number, number]> {
  const conjunction = clause.slice(from, to).some((t) => t.norm === 'and' || t.norm === 'or' || t.norm === 'nor' || t.norm === '/' || t.norm === '&')
  const out: Array<[number, number]> = []
  let start = from
  let depth = 0
  for (let i = from; i <= to; i++) {
    const t = clause[i]
    if (t?.norm === '(') depth++
    else if (t?.norm === ')') depth = Math.max(0, depth - 1)
    const cut = i === to || (depth === 0 && (t!.norm === ',' ? conjunction : listJoiners.has(t!.norm) && t!.norm !== ','))
    if (!cut) continue
    // "Makeup on or around the brows": a member that starts with a preposition belongs to the one before.
    if (i > start && out.length > 0 && /^(on|around|in|near|over|under|at|of|to|with|into|onto)$/.test(clause[start]!.norm)) out[out.length - 1] = [out[out.length - 1]![0], i]
    else if (i > start) out.push([start, i])
    start = i + 1
  }
  return out
}

/** Whether some match lies within `[from, to)`. */
function overlaps(list: PhraseMatch<unknown>[], from: number, to: number): boolean {
  return list.some((m) => m.first < to && m.last > from)
}
