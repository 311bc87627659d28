import { beforeAll, describe, expect, it } from 'vitest'
import { phrasePattern } from '../../src/extract/lexicon.ts'
import { PhraseMatcher } from '../../src/extract/phrase-matcher.ts'
import { tokenize } from '../../src/extract/tokens.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Vocabulary } from '../../src/vocabulary.ts'

let vocabulary: Vocabulary
beforeAll(async () => {
  vocabulary = await readVocabulary()
})

/** Ways an article may write a phrase: case, hyphens, curly apostrophes, plurals of `*` words, markup masked by spaces. */
function spellings(phrase: string): string[] {
  const plain = phrase.replace(/\*$/, phrase.endsWith('*') ? 'ing' : '')
  const title = plain.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
  return [plain, plain.toUpperCase(), title, plain.replace(/ /g, '-'), plain.replace(/ /g, '  '), plain.replace(/'/g, '’'), `(${plain}),`]
}

describe('phrasePattern', () => {
  it('accepts every text in which the phrase matcher finds a vocabulary phrase', () => {
    const phrases = [
      ...Object.values(vocabulary.topics).flatMap((t) => t.words),
      ...vocabulary.stance.avoid,
      ...vocabulary.stance.allowed,
      ...vocabulary.stance.negation
    ]
    const pattern = phrasePattern(phrases)
    const matcher = new PhraseMatcher(phrases.map((p): [string, true] => [p, true]))
    let checked = 0
    for (const phrase of phrases) {
      for (const spelling of spellings(phrase)) {
        const text = `After the session, ${spelling} is the question.`
        if (matcher.match(tokenize(text)).length === 0) continue
        checked++
        expect(pattern.test(text), `${phrase} as "${text}"`).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(phrases.length * 4)
  })

  it('matches whole words, and word starts only for a * phrase', () => {
    const pattern = phrasePattern(['it', 'sun', 'exfoliat*', 'hot tub*'])
    expect(pattern.test('Wait until it heals.')).toBe(true)
    expect(pattern.test('It’s fine.')).toBe(true)
    expect(pattern.test('Treat the skin itself gently.')).toBe(false)
    expect(pattern.test('A mild sunburn feeling.')).toBe(false)
    expect(pattern.test('Avoid 2sun.')).toBe(true)
    expect(pattern.test('No exfoliating scrubs.')).toBe(true)
    expect(pattern.test('Skip HOT-TUBS for a week.')).toBe(true)
    expect(pattern.test('Skip hot water.')).toBe(false)
  })

  it('never matches with no phrases', () => {
    expect(phrasePattern([]).test('anything at all')).toBe(false)
  })
})
