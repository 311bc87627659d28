import { describe, expect, it } from 'vitest'
import {
  markdownWithUrl,
  maxSlugLength,
  renderArticle,
  slugify,
  textToArticle,
  typeFromContentType,
  typeFromName,
  uniqueSlug
} from '../../src/convert/index.ts'
import { parseFrontMatter } from '../../src/read/source.ts'

describe('slugify', () => {
  it("slugify('Microneedling Aftercare: What to Avoid (2024)')", () => {
    expect(slugify('Microneedling Aftercare: What to Avoid (2024)')).toBe('microneedling-aftercare-what-to-avoid-2024')
  })

  it("slugify('Soins après un peeling — jour 1') drops accents and dashes", () => {
    expect(slugify('Soins après un peeling — jour 1')).toBe('soins-apres-un-peeling-jour-1')
  })

  it("slugify('ßüß 😀 ***') keeps only ASCII letters and digits", () => {
    expect(slugify('***')).toBe('')
    expect(slugify('Über 😀 care')).toBe('uber-care')
  })

  it('slugify(a very long title) cuts at a hyphen, at most maxSlugLength characters', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength)
    expect(slug.endsWith('word')).toBe(true)
  })
})

describe('uniqueSlug', () => {
  it("uniqueSlug('aftercare', new Set(['aftercare', 'aftercare-2']))", () => {
    expect(uniqueSlug('aftercare', new Set(['aftercare', 'aftercare-2']))).toBe('aftercare-3')
    expect(uniqueSlug('aftercare', new Set(['other']))).toBe('aftercare')
  })
})

describe('textToArticle', () => {
  it("textToArticle('Tattoo aftercare\\n\\nNo swimming for two weeks.\\n')", () => {
    const text = 'Tattoo aftercare\n\nNo swimming for two weeks.\n'
    expect(textToArticle(text)).toEqual({ meta: { title: 'Tattoo aftercare' }, body: text })
  })

  it('textToArticle(text starting with a long paragraph) gives no title', () => {
    const text = `${'Avoid the sun after a peel. '.repeat(8)}\n`
    expect(textToArticle(text).meta).toEqual({})
  })
})

describe('renderArticle', () => {
  it("renderArticle({meta: {title: 'Aftercare'}, body: 'Avoid sun.\\n'})", () => {
    expect(renderArticle({ meta: { title: 'Aftercare' }, body: 'Avoid sun.\n' })).toBe('---\ntitle: Aftercare\n---\nAvoid sun.\n')
  })

  it('renderArticle orders the fields, quotes what YAML needs and parses back', () => {
    const text = renderArticle({
      meta: { url: 'https://x.example/a', date: '2024-01-02', title: 'Peels: "day 1" # tips', author: 'Dr A' },
      body: 'Body'
    })
    expect(text.split('\n').slice(1, 5).map((l) => l.split(':')[0])).toEqual(['title', 'author', 'date', 'url'])
    expect(parseFrontMatter('x.md', text).meta).toMatchObject({ title: 'Peels: "day 1" # tips', author: 'Dr A', date: '2024-01-02' })
    expect(text.endsWith('Body\n')).toBe(true)
  })

  it('renderArticle with no fields writes the body only', () => {
    expect(renderArticle({ meta: {}, body: 'Plain.\n' })).toBe('Plain.\n')
  })
})

describe('markdownWithUrl', () => {
  it("markdownWithUrl('# Aftercare\\n', 'https://example.org/a.md')", () => {
    expect(markdownWithUrl('# Aftercare\n', 'https://example.org/a.md')).toBe('---\nurl: https://example.org/a.md\n---\n# Aftercare\n')
  })

  it('markdownWithUrl adds url at the end of existing front matter, keeping every other byte', () => {
    const text = '---\ntitle: Peel care\nkind: clinic page\n---\nBody text.\n'
    expect(markdownWithUrl(text, 'https://p.example/')).toBe('---\ntitle: Peel care\nkind: clinic page\nurl: https://p.example/\n---\nBody text.\n')
  })

  it('markdownWithUrl keeps a stated url and copies a file as is without one', () => {
    const text = '---\nurl: https://old.example/\n---\nBody.\n'
    expect(markdownWithUrl(text, 'https://new.example/')).toBe(text)
    expect(markdownWithUrl(text)).toBe(text)
  })
})

describe('types', () => {
  it("typeFromName('aftercare.HTM')", () => {
    expect(typeFromName('aftercare.HTM')).toBe('html')
    expect(typeFromName('notes.markdown')).toBe('markdown')
    expect(typeFromName('a.txt')).toBe('text')
    expect(typeFromName('scan.pdf')).toBeUndefined()
    expect(typeFromName('README')).toBeUndefined()
  })

  it("typeFromContentType('text/html; charset=UTF-8')", () => {
    expect(typeFromContentType('text/html; charset=UTF-8')).toBe('html')
    expect(typeFromContentType('text/plain', '/posts/care.md')).toBe('markdown')
    expect(typeFromContentType('text/plain', '/posts/care')).toBe('text')
    expect(typeFromContentType('application/pdf')).toBeUndefined()
  })
})
