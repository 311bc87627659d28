/**
 * Phrase matching for the vocabulary: finds the vocabulary's words and
 * phrases in tokens. Case-insensitive, whole words; hyphens and whitespace
 * between words are interchangeable ("make-up" = "make up"); a trailing `*`
 * matches any ending ("exfoliat*"). Longest match wins. Cost: one map look-up
 * per token plus the length of the phrases that start there.
 */
import { tokenize, type Token } from './tokens.ts'

/** A phrase found in tokens. */
export interface PhraseMatch<T> {
  /** What the phrase stands for (a topic, a condition, a cue kind…). */
  value: T
  /** Index of the first token. */
  first: number
  /** Index after the last token. */
  last: number
}

interface Pattern<T> {
  words: string[]
  /** The last word is a prefix (`exfoliat*`). */
  prefix: boolean
  value: T
}

const joiners = new Set(['-', '‐', '‑', '/'])

/** Matches a fixed set of phrases in token lists. */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Pattern<T>[]>()
  private readonly prefixed = new Map<string, Pattern<T>[]>()
  /** Patterns that may start at a word, longest first, memoized per word (words repeat a lot). */
  private readonly candidates = new Map<string, Pattern<T>[]>()

  /**
   * @param entries Phrases (as in the vocabulary, `*` allowed at the end) and their values.
   */
  constructor(entries: Array<[string, T]>) {
    for (const [phrase, value] of entries) {
      const star = phrase.endsWith('*')
      const words = tokenize(star ? phrase.slice(0, -1) : phrase)
        .filter((t) => !joiners.has(t.norm))
        .map((t) => t.norm)
      if (words.length === 0) continue
      const pattern: Pattern<T> = { words, prefix: star, value }
      const head = words[0]!
      if (star && words.length === 1) {
        const key = head.slice(0, 3)
        if (!this.prefixed.has(key)) this.prefixed.set(key, [])
        this.prefixed.get(key)!.push(pattern)
      } else {
        if (!this.exact.has(head)) this.exact.set(head, [])
        this.exact.get(head)!.push(pattern)
      }
    }
    for (const list of [...this.exact.values(), ...this.prefixed.values()]) list.sort((a, b) => b.words.length - a.words.length)
  }

  /**
   * Find phrases left to right; at each position the longest match wins and
   * matches do not overlap.
   *
   * @param tokens Tokens to search.
   * @returns Matches in order.
   */
  match(tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = []
    let i = 0
    while (i < tokens.length) {
      const found = this.matchAt(tokens, i)
      if (found) {
        out.push(found)
        i = found.last
      } else i++
    }
    return out
  }

  /**
   * The longest phrase starting at token `i`.
   *
   * @param tokens Tokens to search.
   * @param i Start index.
   * @returns The match, or `undefined`.
   */
  matchAt(tokens: Token[], i: number): PhraseMatch<T> | undefined {
    const t = tokens[i]
    if (!t || t.kind === 'punct') return undefined
    const candidates = this.candidatesOf(t.norm)
    for (const p of candidates) {
      // Longest first: the first pattern that matches is the best.
      const last = p.prefix && p.words.length === 1 ? i + 1 : matchWords(tokens, i, p)
      if (last !== -1) return { value: p.value, first: i, last }
    }
    return undefined
  }

  /**
   * Whether some phrase can start at a word.
   *
   * @param word A token's `norm`.
   * @returns `false` for the many words that start no phrase.
   */
  startsWith(word: string): boolean {
    return this.candidatesOf(word).length > 0
  }

  /** Patterns that can start at a word: exact first word, or a one-word prefix it starts with. */
  private candidatesOf(word: string): Pattern<T>[] {
    let list = this.candidates.get(word)
    if (list) return list
    list = [...(this.exact.get(word) ?? [])]
    for (const p of this.prefixed.get(word.slice(0, 3)) ?? []) if (word.startsWith(p.words[0]!)) list.push(p)
    list.sort((a, b) => b.words.length - a.words.length)
    // Bounded memory on adversarial input with endless distinct words.
    if (this.candidates.size > 200000) this.candidates.clear()
    this.candidates.set(word, list)
    return list
  }
}

/** Match a pattern's words from token `i`, skipping hyphens between words. Returns the index after, or -1. */
function matchWords<T>(tokens: Token[], i: number, p: Pattern<T>): number {
  let k = i
  for (let w = 0; w < p.words.length; w++) {
    if (w > 0) while (tokens[k] && joiners.has(tokens[k]!.norm)) k++
    const t = tokens[k]
    if (!t) return -1
    const word = p.words[w]!
    const lastWord = w === p.words.length - 1
    if (lastWord && p.prefix ? !t.norm.startsWith(word) : t.norm !== word) return -1
    k++
  }
  return k
}
