/**
 * The vocabulary compiled for extraction: one phrase matcher per kind of
 * word (`phrase-matcher.ts`), the patterns that rule out prose before it is
 * tokenized, and every kind of match of a token list found in one pass.
 */
import type { Vocabulary } from '../vocabulary.ts'
import { timeHints } from './grammar.ts'
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.ts'
import type { Token } from './tokens.ts'

/** Every matcher extraction needs, compiled once per vocabulary. */
export interface Lexicon {
  topics: PhraseMatcher<string>
  /** The vocabulary's topic names: an unlisted activity whose key is one of them is that topic's. */
  topicNames: Set<string>
  conditions: PhraseMatcher<string>
  /** Condition name → `procedure` or `activity`. */
  conditionKinds: Map<string, 'procedure' | 'activity'>
  /** Condition name → the topics it may qualify (absent: any topic). */
  conditionTopics: Map<string, Set<string>>
  procedures: PhraseMatcher<true>
  /** Phrases that contain an activity's word but are not the activity ("alcohol wipes"). */
  ignore: PhraseMatcher<true>
  stance: PhraseMatcher<'avoid' | 'allowed'>
  negation: PhraseMatcher<true>
  /** Words that mark a statement as a disputed belief ("myth"). */
  disputed: PhraseMatcher<true>
  /** Phrases that apply the rule stated before to another activity ("the same goes for"). */
  same: PhraseMatcher<true>
  /**
   * A quick test on raw text (see `phrasePattern`): whether it may name an
   * activity (a topic phrase) or refer back to one ("it", "them", "these").
   * Text that fails it cannot make a claim and is not tokenized.
   */
  mayNameActivity: RegExp
  /** The same without the pronouns: whether raw text may name an activity itself. */
  mayNameTopic: RegExp
  /**
   * The same for a stance: whether raw text may hold a stance or negation
   * cue (or "off", "before"). Text that fails it makes no claim.
   */
  mayGiveStance: RegExp
  /**
   * Whether raw text may hold a time for an activity the vocabulary does
   * not list (see `timeHints`): a digit, a unit of time, "until", a bound in
   * words ("while it heals", "for a bit"), "now" words, or "after" a
   * procedure. Text that fails it makes no such claim and is not tokenized
   * for one.
   */
  mayHoldTime: RegExp
  /** Whether raw text says "also", "likewise", "too" or "as well" (a wait carried from the claim before). */
  mayCarry: RegExp
}

/**
 * Compile a vocabulary into matchers.
 *
 * @param vocabulary Validated vocabulary.
 * @returns The lexicon.
 */
export function compileLexicon(vocabulary: Vocabulary): Lexicon {
  const topics: Array<[string, string]> = []
  for (const [name, entry] of Object.entries(vocabulary.topics)) for (const w of entry.words) topics.push([w, name])
  const conditions: Array<[string, string]> = []
  const conditionKinds = new Map<string, 'procedure' | 'activity'>()
  const conditionTopics = new Map<string, Set<string>>()
  for (const [name, entry] of Object.entries(vocabulary.conditions)) {
    conditionKinds.set(name, entry.kind)
    if (entry.topics) conditionTopics.set(name, new Set(entry.topics))
    for (const w of entry.words) conditions.push([w, name])
  }
  const stance: Array<[string, 'avoid' | 'allowed']> = [
    ...vocabulary.stance.avoid.map((w): [string, 'avoid'] => [w, 'avoid']),
    ...vocabulary.stance.allowed.map((w): [string, 'allowed'] => [w, 'allowed'])
  ]
  return {
    mayNameActivity: phrasePattern([...topics.map(([phrase]) => phrase), 'it', 'them', 'these', 'those']),
    mayNameTopic: phrasePattern(topics.map(([phrase]) => phrase)),
    mayGiveStance: phrasePattern([...stance.map(([phrase]) => phrase), ...vocabulary.stance.negation, ...(vocabulary.stance.same ?? []), 'off', 'before', 'free', 'starting', 'beginning', 'that evening', 'same evening', 'immediately', 'right after', 'tonight']),
    mayHoldTime: new RegExp(
      `[0-9]|${phrasePattern([...timeHints]).source}|(?:while|whilst|during)[^.;:!?]{0,40}(?:heal|recover|settl|subsid|peel|swell|red|sensitiv|initial|first)|(?:^|[^a-z])(?:after|following|post)[\\s-]+(?:(?:the|your|a|an|having|getting)\\s+)?${phrasePattern(vocabulary.procedures).source.replace('(?:^|[^a-z])', '')}`,
      'i'
    ),
    mayCarry: /(?:^|[^a-z])(?:also|likewise|too|as well)(?![a-z])/i,
    topics: new PhraseMatcher(topics),
    topicNames: new Set(Object.keys(vocabulary.topics)),
    conditions: new PhraseMatcher(conditions),
    conditionKinds,
    conditionTopics,
    procedures: new PhraseMatcher(vocabulary.procedures.map((w): [string, true] => [w, true])),
    ignore: new PhraseMatcher((vocabulary.ignore ?? []).map((w): [string, true] => [w, true])),
    stance: new PhraseMatcher(stance),
    negation: new PhraseMatcher(vocabulary.stance.negation.map((w): [string, true] => [w, true])),
    disputed: new PhraseMatcher((vocabulary.stance.disputed ?? []).map((w): [string, true] => [w, true])),
    same: new PhraseMatcher((vocabulary.stance.same ?? []).map((w): [string, true] => [w, true]))
  }
}

/**
 * A regular expression that tells whether raw text may contain one of the
 * phrases, as `PhraseMatcher` would find it in the text's tokens: whole
 * words, case-insensitive, any spaces, hyphens or slashes between words
 * (none too: a false hit costs only the full match), a `*` word as a word
 * start. The alternatives are merged into a trie so the engine tries one
 * branch per character instead of every phrase at every position.
 *
 * Only ASCII letters count as word characters around a phrase, without the
 * `u` flag: a phrase glued to an accented letter ("ésun") passes the test
 * (the full match then rejects it), and irregexp runs about six times faster
 * than with Unicode classes. It misses nothing except through letters that
 * are not ASCII but lowercase to ASCII (the Kelvin sign).
 *
 * @param phrases Vocabulary phrases (`*` allowed at the end).
 * @returns A case-insensitive pattern for `test`.
 */
export function phrasePattern(phrases: string[]): RegExp {
  interface Node {
    next: Map<string, Node>
    /** A phrase ends here: `word` needs a word boundary, `prefix` does not. */
    end?: 'word' | 'prefix'
  }
  const root: Node = { next: new Map() }
  for (const phrase of phrases) {
    const star = phrase.endsWith('*')
    const words = (star ? phrase.slice(0, -1) : phrase)
      .toLowerCase()
      .replace(/’/g, "'")
      .split(/[^\p{L}\p{M}\p{N}']+/u)
      .filter(Boolean)
    if (words.length === 0) continue
    let node = root
    // ' ' stands for the gap between words.
    for (const ch of words.join(' ')) {
      if (!node.next.has(ch)) node.next.set(ch, { next: new Map() })
      node = node.next.get(ch)!
    }
    if (star) node.end = 'prefix'
    else if (node.end !== 'prefix') node.end = 'word'
  }
  const atom = (ch: string) => (ch === ' ' ? '[\\s\\-‐‑/]*' : ch === "'" ? "['’]" : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const source = (node: Node): string => {
    // For a yes/no test, a prefix that ends here already matches.
    if (node.end === 'prefix') return ''
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => atom(ch) + source(child))
    if (node.end === 'word') branches.push('(?![a-z])')
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`
  }
  // A non-letter before the phrase, consumed rather than looked behind at: irregexp then runs twice as fast.
  return root.next.size === 0 ? /(?!)/ : new RegExp(`(?:^|[^a-z])${source(root)}`, 'i')
}

/** Every vocabulary match in one token list, by kind. */
export interface Matches {
  topics: PhraseMatch<string>[]
  conditions: PhraseMatch<string>[]
  procedures: PhraseMatch<true>[]
  ignore: PhraseMatch<true>[]
  stance: PhraseMatch<'avoid' | 'allowed'>[]
  negation: PhraseMatch<true>[]
  disputed: PhraseMatch<true>[]
  same: PhraseMatch<true>[]
}

/**
 * The last few token lists matched and their matches: the steps of one
 * clause ask one after another. A ring of identities, not a WeakMap: a
 * WeakMap entry per clause cost more than the matching itself.
 */
const recentSize = 8
const recentTokens: Array<Token[] | undefined> = new Array(recentSize).fill(undefined)
const recentLexicons: Array<Lexicon | undefined> = new Array(recentSize).fill(undefined)
const recentMatches: Array<Matches | undefined> = new Array(recentSize).fill(undefined)
let recentNext = 0
/** Per lexicon: its matchers in a fixed order (bit `k` of a mask is `matchers[k]`), and the mask of each word seen. */
interface MatchIndex {
  matchers: PhraseMatcher<unknown>[]
  masks: Map<string, number>
}
const indexes = new WeakMap<Lexicon, MatchIndex>()

function indexOf(lexicon: Lexicon): MatchIndex {
  let index = indexes.get(lexicon)
  if (!index) {
    index = { matchers: [lexicon.topics, lexicon.conditions, lexicon.procedures, lexicon.ignore, lexicon.stance, lexicon.negation, lexicon.disputed, lexicon.same], masks: new Map() }
    indexes.set(lexicon, index)
  }
  return index
}

/** For a word, a bit per matcher whose phrases can start there. */
function maskOf(index: MatchIndex, word: string): number {
  let mask = index.masks.get(word)
  if (mask === undefined) {
    mask = 0
    for (let k = 0; k < index.matchers.length; k++) if (index.matchers[k]!.startsWith(word)) mask |= 1 << k
    // Bounded memory on adversarial input with endless distinct words.
    if (index.masks.size > 200000) index.masks.clear()
    index.masks.set(word, mask)
  }
  return mask
}

/**
 * All matches of a lexicon in a token list, computed once per list: the
 * extraction steps of a clause each ask for them.
 *
 * @param tokens Tokens of a sentence or clause (the same array, unchanged, gives the cached result).
 * @param lexicon Compiled vocabulary.
 * @returns Matches of every kind.
 */
export function matchesOf(tokens: Token[], lexicon: Lexicon): Matches {
  for (let k = 0; k < recentSize; k++) if (recentTokens[k] === tokens && recentLexicons[k] === lexicon) return recentMatches[k]!
  const index = indexOf(lexicon)
  // One pass for all kinds: each kind keeps the semantics of PhraseMatcher#match
  // (left to right, longest at each position, no overlaps).
  const lists: PhraseMatch<unknown>[][] = index.matchers.map(() => [])
  const free = index.matchers.map(() => 0)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind === 'punct') continue
    const mask = maskOf(index, t.norm)
    for (let k = 0; mask >> k !== 0; k++) {
      if ((mask & (1 << k)) === 0 || i < free[k]!) continue
      const m = index.matchers[k]!.matchAt(tokens, i)
      if (m) {
        lists[k]!.push(m)
        free[k] = m.last
      }
    }
  }
  const [topics, conditions, procedures, ignore, stance, negation, disputed, same] = lists
  const found = { topics, conditions, procedures, ignore, stance, negation, disputed, same } as Matches
  recentTokens[recentNext] = tokens
  recentLexicons[recentNext] = lexicon
  recentMatches[recentNext] = found
  recentNext = (recentNext + 1) % recentSize
  return found
}
