/**
 * `tokenizeMarkdown` reuses one micromark parser per set of extensions:
 * each document must tokenize exactly as with a new parser, whatever the
 * document before it defined or left lazy.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parse, postprocess, preprocess } from 'micromark'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Event } from 'micromark-util-types'
import { describe, expect, it } from 'vitest'
import { tokenizeMarkdown } from '../../src/parse/tokenize.ts'

/** Events with a fresh parser, as a list of `enter/exit type offset–offset`. */
function fresh(text: string, tables: boolean): string[] {
  const extensions = tables ? [frontmatter(['yaml', 'toml']), gfmTable()] : [frontmatter(['yaml', 'toml'])]
  return shape(postprocess(parse({ extensions }).document().write(preprocess()(text, undefined, true))))
}

function shape(events: Event[]): string[] {
  return events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}–${token.end.offset}`)
}

describe('tokenizeMarkdown with a reused parser', () => {
  it('a definition in one document does not make a link in the next', () => {
    expect(shape(tokenizeMarkdown('[care]: https://example.org\n\nSee [care].\n')).some((e) => e.startsWith('enter link '))).toBe(true)
    const next = shape(tokenizeMarkdown('See [care].\n'))
    expect(next.some((e) => e.startsWith('enter link'))).toBe(false)
    expect(next).toEqual(fresh('See [care].\n', false))
  })

  it('lazy lines of one document do not carry into the next', () => {
    tokenizeMarkdown('> Avoid swimming\nfor 2 days.\n> and saunas\nfor a week.\n')
    const text = 'Avoid saunas\n===\n\n    code\nfor a week\n'
    expect(shape(tokenizeMarkdown(text))).toEqual(fresh(text, false))
  })

  it('every bundled source, read twice in turn, gives the events of a new parser', () => {
    const dir = new URL('../../sources/', import.meta.url)
    const texts = readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => readFileSync(new URL(n, dir), 'utf8'))
    for (let round = 0; round < 2; round++) {
      for (const text of texts) expect(shape(tokenizeMarkdown(text))).toEqual(fresh(text, /^(?=[^\n]*\|)(?=[^\n]*-)[> \t]*[|:\- \t]+$/m.test(text)))
    }
  })
})
