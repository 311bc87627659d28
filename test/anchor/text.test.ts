import { describe, expect, it } from 'vitest'
import { contextOf, findExact, lacksContext, lineAt, tokenize } from '../../src/anchor/index.ts'
import type { Claim } from '../../src/schema.ts'

describe('text helpers', () => {
  it("lineAt('a\\nb\\nc', 2)", () => {
    expect(lineAt('a\nb\nc', 2)).toBe(2)
    expect(lineAt('a\nb\nc', 0)).toBe(1)
    expect(lineAt('a\nb\nc', 4)).toBe(3)
  })

  it("contextOf('Rest. Avoid swimming for 72 hours. Then swim.', 6, 34, 5)", () => {
    expect(contextOf('Rest. Avoid swimming for 72 hours. Then swim.', 6, 34, 5)).toEqual({ before: 'est. ', after: ' Then' })
  })

  it('contextOf clips at the ends of the text and keeps whitespace as in the source', () => {
    expect(contextOf('Avoid it.\n\n  Next', 0, 9)).toEqual({ before: '', after: '\n\n  Next' })
  })

  it('contextOf never splits a surrogate pair', () => {
    const text = '😀abc QUOTE def😀'
    const start = text.indexOf('QUOTE')
    const { before, after } = contextOf(text, start, start + 5, 5)
    expect(before).toBe('abc ')
    expect(after).toBe(' def')
  })
})

describe('tokenize', () => {
  it("tokenize('Avoid saunas for a week')", () => {
    expect(tokenize('Avoid saunas for a week').map((t) => t.norm)).toEqual(['avoid', 'sauna', 'for', '1', 'week'])
  })

  it("tokenize('forty-eight hrs, 24–48 hours, strenuous activities')", () => {
    const tokens = tokenize('forty-eight hrs, 24–48 hours, strenuous activities')
    expect(tokens.map((t) => `${t.norm}:${t.kind}`)).toEqual([
      '48:number',
      'hour:unit',
      '24:number',
      '48:number',
      'hour:unit',
      'strenuous:word',
      'activity:word'
    ])
    expect(tokens[0]).toMatchObject({ start: 0, end: 11 })
  })

  it("tokenize('don't swim', 10) offsets every token", () => {
    expect(tokenize("don't swim", 10).map((t) => [t.norm, t.kind, t.start, t.end])).toEqual([
      ['don', 'word', 10, 13],
      ['t', 'cue', 14, 15],
      ['swim', 'word', 16, 20]
    ])
  })
})

describe('findExact', () => {
  const quote = 'Avoid swimming for 72 hours.'

  it("findExact('New intro. Avoid swimming for 72 hours.', quote, oldSpan)", () => {
    expect(findExact('New intro. Avoid swimming for 72 hours.', quote, { start: 0, end: 28, line: 1 })).toEqual({ start: 11, method: 'moved' })
  })

  it('findExact returns `span` when the quote is still at its old offset, even if it repeats', () => {
    const text = `${quote} ${quote}`
    expect(findExact(text, quote, { start: 29, end: 57, line: 1 })).toEqual({ start: 29, method: 'span' })
  })

  it('findExact picks the nearest occurrence without context', () => {
    const text = `${quote}\n\nFiller text here.\n\n${quote}`
    const second = text.lastIndexOf(quote)
    expect(findExact(text, quote, { start: second - 5, end: second + 23, line: 1 })?.start).toBe(second)
  })

  it('findExact picks the occurrence whose neighbours match the stored context, before the nearest', () => {
    const text = `Recap: ${quote}\n\n## Swimming\n\nChlorine irritates. ${quote} The sea too.`
    const context = { before: '## Swimming\n\nChlorine irritates. ', after: ' The sea too.' }
    expect(findExact(text, quote, { start: 0, end: 28, line: 1 }, context)?.start).toBe(text.lastIndexOf(quote))
  })

  it('findExact returns undefined when the quote is gone', () => {
    expect(findExact('Nothing here.', quote, { start: 0, end: 28, line: 1 })).toBeUndefined()
  })
})

describe('lacksContext', () => {
  const claim: Claim = {
    id: 'sun-1',
    topic: 'sun',
    activity: 'sun',
    stance: 'avoid',
    wait: { min: 168, max: 168, text: 'a week' },
    condition: null,
    speaker: null,
    quote: 'Stay out of the sun for a week.',
    span: { start: 0, end: 31, line: 1 },
    review: { status: 'unreviewed' }
  }

  it('lacksContext([reviewed claim without context])', () => {
    expect(lacksContext([{ ...claim, review: { status: 'confirmed' } }])).toBe(true)
    expect(lacksContext([claim])).toBe(false)
    expect(lacksContext([{ ...claim, review: { status: 'rejected' }, context: { before: '', after: '' } }])).toBe(false)
    expect(lacksContext([{ ...claim, review: { status: 'confirmed' }, status: 'orphaned' }])).toBe(false)
  })
})
