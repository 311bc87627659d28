import { describe, expect, it } from 'vitest'
import { isHeadingLike, splitLines, toBlocks } from '../../src/parse/blocks.ts'
import { splitSentences } from '../../src/parse/sentences.ts'

const pieces = (text: string, ranges: Array<[number, number]>) => ranges.map(([a, b]) => text.slice(a, b))

describe('splitSentences', () => {
  it("splitSentences('Ask Dr. Lee. Then wait 2 days.') keeps Dr. with its name", () => {
    const text = 'Ask Dr. Lee. Then wait 2 days.'
    expect(pieces(text, splitSentences(text))).toEqual(['Ask Dr. Lee.', 'Then wait 2 days.'])
  })

  it('does not split after initials or "e. g."', () => {
    const text = 'Refrain from activities that make you sweat, e. g. PRP therapy and sauna. Then rest.'
    expect(pieces(text, splitSentences(text))).toEqual(['Refrain from activities that make you sweat, e. g. PRP therapy and sauna.', 'Then rest.'])
  })

  it('splits after a closing quote', () => {
    const text = '‘Swimming should be avoided for a week.’ Chlorine stings.'
    expect(pieces(text, splitSentences(text))).toEqual(['‘Swimming should be avoided for a week.’', 'Chlorine stings.'])
  })
})

describe('toBlocks', () => {
  it('splits a plain-text article written one paragraph per line', () => {
    const text = 'Aftercare Guide\nAvoid swimming for 72 hours.\nThe First Week\nKeep out of the sun.\n'
    const blocks = toBlocks(text)
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['heading', 'Aftercare Guide'],
      ['text', 'Avoid swimming for 72 hours.'],
      ['heading', 'The First Week'],
      ['text', 'Keep out of the sun.']
    ])
  })

  it('keeps a wrapped Markdown paragraph together', () => {
    const text = 'You should avoid the gym for at least\nthree days after the treatment.\n'
    expect(toBlocks(text).map((b) => b.kind)).toEqual(['text'])
  })

  it('masks Markdown syntax but keeps file offsets (a block starts at its first visible character)', () => {
    const text = '---\ntitle: T\n---\n**Avoid** [saunas](https://x.test) for *two* days.\n'
    const [block] = toBlocks(text)
    expect(block!.text.replace(/\s+/g, ' ').trim()).toBe('Avoid saunas for two days.')
    expect(text.slice(block!.start, block!.end)).toBe('Avoid** [saunas](https://x.test) for *two* days.')
    expect(block!.text.length).toBe(block!.end - block!.start)
  })

  it('reads each row of a GitHub table as one block that keeps its header row', () => {
    const text = "| Activity | When it's safe |\n| --- | --- |\n| Swimming | After *4 weeks* |\n| Exercise | Same day |\n"
    const blocks = toBlocks(text)
    expect(blocks.map((b) => text.slice(b.start, b.end).trim())).toEqual(['| Swimming | After *4 weeks* |', '| Exercise | Same day |'])
    expect(blocks.map((b) => b.text.replace(/\s+/g, ' ').trim())).toEqual(['Swimming After 4 weeks', 'Exercise Same day'])
    for (const b of blocks) {
      expect(b.lead!.text.replace(/\s+/g, ' ').trim()).toBe("Activity When it's safe")
      expect(b.text.length).toBe(b.end - b.start)
    }
  })

  it('finds a table inside a quote or a list item, and keeps pipes without a delimiter row as text', () => {
    const quoted = '> | Activity | Wait |\n> | --- | --- |\n> | Swimming | 2 weeks |\n'
    expect(toBlocks(quoted).map((b) => [b.text.replace(/\s+/g, ' ').trim(), b.lead?.text.replace(/\s+/g, ' ').trim()])).toEqual([['Swimming 2 weeks', 'Activity Wait']])
    const listed = '- Timings:\n\n  | Activity | Wait |\n  |:--|--:|\n  | Sauna | 3 days |\n'
    expect(toBlocks(listed).map((b) => b.text.replace(/\s+/g, ' ').trim())).toEqual(['Timings:', 'Sauna 3 days'])
    const text = 'Swimming | 2 weeks\nSauna | 3 days\n'
    expect(toBlocks(text).map((b) => [b.text.trim(), b.lead])).toEqual([
      ['Swimming | 2 weeks', undefined],
      ['Sauna | 3 days', undefined]
    ])
  })

  it('leads the items of a list with the paragraph before it when that ends with a colon', () => {
    const led = toBlocks('Avoid these for 48 hours:\n\n- exercise\n- saunas\n')
    expect(led.map((b) => [b.text, b.lead?.text])).toEqual([
      ['Avoid these for 48 hours:', undefined],
      ['exercise', 'Avoid these for 48 hours:'],
      ['saunas', 'Avoid these for 48 hours:']
    ])
    expect(toBlocks('Avoid these for 48 hours.\n\n- exercise\n').map((b) => b.lead)).toEqual([undefined, undefined])
  })

  it('leads the items of a list with the heading right above it, not across other text', () => {
    expect(toBlocks('## What to avoid\n\n- exercise\n- saunas\n').map((b) => [b.text.trim(), b.lead?.text.trim()])).toEqual([
      ['What to avoid', undefined],
      ['exercise', 'What to avoid'],
      ['saunas', 'What to avoid']
    ])
    expect(toBlocks('## What to avoid\n\nEveryone heals differently.\n\n- exercise\n').map((b) => b.lead)).toEqual([undefined, undefined, undefined])
  })

  it('keeps single tildes as text: "~24 hours" is not struck through', () => {
    const text = 'Avoid saunas for ~24 hours and gyms for ~48 hours.\n'
    expect(toBlocks(text).map((b) => b.text.trim())).toEqual(['Avoid saunas for ~24 hours and gyms for ~48 hours.'])
  })

  it('reads a lone short list item as the title of the text under it', () => {
    const blocks = toBlocks('1. Avoid Makeup\n\nFor at least 24 hours, avoid makeup.\n')
    expect(blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 8],
      ['text', 0]
    ])
  })
})

describe('toBlocks reads Markdown structure', () => {
  const texts = (text: string) => toBlocks(text).map((b) => b.text.replace(/\s+/g, ' ').trim())

  it('gives headings their level: # count, 1 for a === underline, 2 for ---', () => {
    const blocks = toBlocks('### Day three\n\nThe first week\n==============\n\nAfter that\n----------\n')
    expect(blocks.map((b) => [b.kind, b.level, b.text.trim()])).toEqual([
      ['heading', 3, 'Day three'],
      ['heading', 1, 'The first week'],
      ['heading', 2, 'After that']
    ])
  })

  it('skips front matter, code, HTML blocks and rules', () => {
    const text = '---\ntitle: Avoid saunas for a week\n---\n\n```\navoid saunas\n```\n\n<div>avoid gyms</div>\n\n***\n\nAvoid swimming.\n'
    expect(texts(text)).toEqual(['Avoid swimming.'])
  })

  it('masks the > of a quoted paragraph on every line', () => {
    const text = '> Avoid saunas\n> for two days.\n'
    const [block] = toBlocks(text)
    expect(block!.text).not.toContain('>')
    expect(block!.text.replace(/\s+/g, ' ').trim()).toBe('Avoid saunas for two days.')
    expect(text.slice(block!.start, block!.end)).toBe('Avoid saunas\n> for two days.')
  })

  it('keeps link text, inline code, escapes and entities; masks images and inline HTML', () => {
    expect(texts('See [the gym](g.html) ![a sauna](s.png) <b>saunas</b> `spf` \\* &amp; <https://x.test>.\n')).toEqual([
      'See the gym saunas `spf` \\* &amp; https://x.test .'
    ])
  })

  it('reads every paragraph of a list item, and nested lists as list items', () => {
    const blocks = toBlocks('- Avoid saunas.\n\n  Wait a week.\n  - gyms\n- swimming\n')
    expect(blocks.map((b) => [b.text.trim(), b.listItem])).toEqual([
      ['Avoid saunas.', true],
      ['Wait a week.', true],
      ['gyms', true],
      ['swimming', true]
    ])
  })
})

describe('isHeadingLike', () => {
  it("isHeadingLike('The First 24-48 Hours')", () => expect(isHeadingLike('The First 24-48 Hours')).toBe(true))
  it("isHeadingLike('Avoid swimming for 72 hours.')", () => expect(isHeadingLike('Avoid swimming for 72 hours.')).toBe(false))
  it('splitLines keeps a line that ends mid-sentence', () => expect(splitLines('keep out of\nthe sun').length).toBe(1))
})
