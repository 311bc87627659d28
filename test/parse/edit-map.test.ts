import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { EditMap } from 'micromark-util-edit-map'
import type { Event } from 'micromark-util-types'
import { describe, expect, it } from 'vitest'
import { consumeFromFirstEdit, originalConsume } from '../../src/parse/edit-map.ts'
import { tokenizeMarkdown } from '../../src/parse/tokenize.ts'

/** A linear congruential generator, so the random edits are the same every run. */
function random(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
}

/** Stand-ins for events: only their identity matters to an edit map. */
const fake = (n: number, tag: string) => Array.from({ length: n }, (_, i) => [tag, i] as unknown as Event)

describe('EditMap#consume, as patched', () => {
  it('consumeFromFirstEdit gives the same events as the library method on 2,000 random edit sets', () => {
    const rnd = random(16)
    for (let round = 0; round < 2000; round++) {
      const events = fake(Math.floor(rnd() * 40), 'e')
      const edits: Array<[number, number, number, boolean]> = []
      for (let k = Math.floor(rnd() * 6); k > 0; k--) edits.push([Math.floor(rnd() * (events.length + 1)), Math.floor(rnd() * 4), Math.floor(rnd() * 3), rnd() < 0.3])
      const apply = (consume: (this: EditMap, e: Event[]) => undefined) => {
        const list = [...events]
        const map = new EditMap()
        edits.forEach(([at, remove, add, before], i) => (before ? map.addBefore(at, remove, fake(add, `a${i}`)) : map.add(at, remove, fake(add, `a${i}`))))
        consume.call(map, list)
        return list
      }
      expect(apply(consumeFromFirstEdit)).toEqual(apply(originalConsume))
    }
  })

  it('is the method micromark uses once blocks.ts is loaded', () => {
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit)
  })

  it('tokenizeMarkdown gives the same events with either method, on every bundled source and fixture article', () => {
    const dirs = ['../../sources/', '../fixtures/articles/'].map((d) => fileURLToPath(new URL(d, import.meta.url)))
    const texts = dirs.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => readFileSync(dir + n, 'utf8')))
    texts.push('a\n\nb\n===\n\n- - - c\n  d\n> e\nf\n\n| x | y |\n| - | - |\n| 1 | 2 |\n')
    const shape = (events: Event[]) => events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`)
    for (const text of texts) {
      const patched = shape(tokenizeMarkdown(text))
      EditMap.prototype.consume = originalConsume
      try {
        expect(patched).toEqual(shape(tokenizeMarkdown(text)))
      } finally {
        EditMap.prototype.consume = consumeFromFirstEdit
      }
    }
    expect(texts.length).toBeGreaterThan(10)
  })
})
