/**
 * The words of an activity the vocabulary does not list (`topic/unlisted`,
 * see `unlisted.ts`), normalised, and the key that groups it across
 * sources: determiners, quantifiers and possessives dropped, a light verb
 * dropped before its object ("using scented lotions" → scented lotions), the
 * reader's own body as object dropped ("touching the treated area" →
 * touching), a verb after "do not" or "can" made a gerund ("lie down" →
 * lying down); the key is the words as a slug, the last one singular.
 */
import {
  bodyWords,
  genericHeads,
  lightVerbs,
  nextSessionWords,
  otherTreatmentWords,
  possessives,
  quantifiers,
  singularEndingInS,
  vagueHeads
} from './grammar.ts'
import type { PhraseMatch } from './phrase-matcher.ts'
import type { Token } from './tokens.ts'

/**
 * A member's words, normalised (see the module doc), or `undefined` when
 * they name no activity: a side effect, a generic word ("activities",
 * "anything"), the reader's body alone, or the treatment itself.
 */
export function normalise(clause: Token[], from: number, to: number, verb: boolean, procedures: PhraseMatch<true>[], ignore: PhraseMatch<true>[]): string | undefined {
  let words: Token[] = []
  let depth = 0
  for (const t of clause.slice(from, to)) {
    if (t.norm === '(') depth++
    else if (t.norm === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (t.kind === 'word' || t.norm === '-')) words.push(t)
  }
  let other = false
  while (words.length > 0 && (quantifiers.has(words[0]!.norm) || words[0]!.norm === 'of')) {
    if (otherTreatmentWords.has(words[0]!.norm)) other = true
    words = words.slice(1)
  }
  // "etc" and adverbs at the end ("shower normally") say nothing of the activity.
  while (words.length > 0 && (words.at(-1)!.norm === 'etc' || /^[a-z]{3,}ly$/.test(words.at(-1)!.norm))) words = words.slice(0, -1)
  // A light verb before its object: the object is the activity ("using scented lotions", "partaking in sports").
  if (words.length === 1 && lightVerbs.has(words[0]!.norm)) return undefined
  if (words.length > 1 && lightVerbs.has(words[0]!.norm)) {
    words = words.slice(/^(in|of|on|to|into)$/.test(words[1]!.norm) ? 2 : 1)
    while (words.length > 0 && quantifiers.has(words[0]!.norm)) words = words.slice(1)
    verb = false
  }
  // The object ends at a preposition ("picking at the scabs", "touching of the eyebrow area").
  const preposition = words.findIndex((t, i) => i > 0 && /^(at|on|in|over|near|around|into|onto|with|without|from|of|by|under|through|to)$/.test(t.norm))
  if (preposition !== -1) words = words.slice(0, preposition)
  if (words.length === 0) return undefined
  // "to avoid infection", "additional swelling", "alcohol wipes": an `ignore` phrase as the head; "self-tanning lotion" is a lotion.
  const head = clause.indexOf(words.at(-1)!)
  if (ignore.some((m) => m.first <= head && m.last > head)) return undefined
  const first = words[0]!.norm
  // A verb with the reader's body as its object: the verb alone ("touch your face" → touching).
  const bodyAt = words.findIndex((t, i) => i > 0 && bodyWords.has(t.norm))
  if (bodyAt !== -1 && (verb || first.endsWith('ing')) && (bodyAt === words.length - 1 || bodyWords.has(words.at(-1)!.norm))) words = words.slice(0, bodyAt).filter((t) => !quantifiers.has(t.norm))
  if (words.length === 0) return undefined
  const norms = words.map((t) => t.norm).filter((w) => !possessives.has(w))
  if (norms.length === 0) return undefined
  if (norms.every((w) => bodyWords.has(w) || genericHeads.has(w))) return undefined
  if (vagueHeads.has(norms.at(-1)!) || (genericHeads.has(norms.at(-1)!) && norms.length === 1)) return undefined
  // The treatment itself ("the procedure", "your next session") is no activity; another one is ("other treatments", "Botox and fillers", "facial treatments").
  const procedureWords = words.filter((t) => procedures.some((p) => p.first <= clause.indexOf(t) && p.last > clause.indexOf(t)))
  if (procedureWords.length > 0) {
    if (clause.slice(Math.max(0, from - 2), to).some((t) => nextSessionWords.has(t.norm))) return undefined
    const determined = from > 0 && /^(the|your|this|that|my)$/.test(clause[from]!.norm)
    if (determined && !other) return undefined
    if (procedureWords.length === words.length && words.length === 1 && /^(treatments?|procedures?|sessions?|appointments?)$/.test(norms[0]!) && !other) return undefined
  }
  if (verb && !norms[0]!.endsWith('ing')) norms[0] = gerund(norms[0]!)
  return norms.join(' ').replace(/ - /g, '-')
}

/**
 * The gerund of a verb's base form: "lie" → lying, "pick" → picking, "rub" → rubbing, "shave" → shaving.
 *
 * @param verb A lowercase verb.
 * @returns Its "-ing" form.
 */
export function gerund(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`
  if (verb.endsWith('ee') || verb.endsWith('ye') || verb.endsWith('oe')) return `${verb}ing`
  if (verb.endsWith('e') && verb.length > 2) return `${verb.slice(0, -1)}ing`
  // One syllable ending consonant–vowel–consonant: the consonant doubles ("rub", "swim", "sit").
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb)) return `${verb}${verb.at(-1)}ing`
  return `${verb}ing`
}

/**
 * The key that groups an unlisted activity across sources: its words as a
 * slug, the last word singular ("contact lenses" → contact-lens).
 *
 * @param words Normalised words.
 * @returns A topic slug.
 */
export function keyOf(words: string): string {
  const parts = words.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
  if (parts.length === 0) return ''
  const last = parts.at(-1)!
  if (last.length > 4 && last.endsWith('ies')) parts[parts.length - 1] = `${last.slice(0, -3)}y`
  else if (last.length > 4 && /(s|x|z|ch|sh)es$/.test(last)) parts[parts.length - 1] = last.slice(0, -2)
  else if (last.length > 3 && last.endsWith('s') && !/(ss|us|is)$/.test(last) && !singularEndingInS.has(last)) parts[parts.length - 1] = last.slice(0, -1)
  return parts.join('-')
}
