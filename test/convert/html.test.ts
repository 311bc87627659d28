import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { htmlToArticle, mainContent, pageMeta, parseHtml, renderArticle } from '../../src/convert/index.ts'
import { extractClaims } from '../../src/extract/index.ts'
import { parseFrontMatter } from '../../src/read/source.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

describe('htmlToArticle on fixtures (input.html → expected.md; UPDATE=1 rewrites expectations)', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`htmlToArticle(fixtures/${name}/input.html)`, () => {
      const html = readFileSync(`${fixtures}${name}/input.html`, 'utf8')
      const actual = renderArticle(htmlToArticle(html))
      const expectedFile = `${fixtures}${name}/expected.md`
      if (process.env.UPDATE === '1' && !process.env.CI) writeFileSync(expectedFile, actual)
      expect(existsSync(expectedFile)).toBe(true)
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'))
      // The result is a valid source: its front matter parses.
      expect(() => parseFrontMatter(expectedFile, actual)).not.toThrow()
    })
  }
})

describe('htmlToArticle', async () => {
  const vocabulary = await readVocabulary()
  const html = readFileSync(`${fixtures}clinic-page/input.html`, 'utf8')

  it('htmlToArticle(clinic page) keeps the article text and drops nav, footer, aside, forms, scripts and images', () => {
    const { body } = htmlToArticle(html)
    expect(body).toContain('- Do not go to the gym for 48 hours: sweat and friction lift the ink.')
    expect(body).toContain('Stay out of swimming pools, the sea and hot tubs for at least two weeks.')
    expect(body).toContain('> “Saunas are a no for the first two weeks,” says our senior artist, Tom Reyes.')
    for (const noise of ['Book now', 'cookies', 'Related posts', 'Share this post', 'Subscribe', 'Book a consultation', 'All rights reserved', 'dataLayer', 'font-family', 'base64', 'data:image', 'pixel.gif']) {
      expect(body).not.toContain(noise)
    }
  })

  it('htmlToArticle(html, {url}) uses the fetched URL and makes relative links absolute', () => {
    const { meta, body } = htmlToArticle(html, { url: 'http://127.0.0.1:8080/aftercare.html' })
    expect(meta.url).toBe('http://127.0.0.1:8080/aftercare.html')
    expect(body).toContain('[Priya Natarajan](http://127.0.0.1:8080/team/priya)')
  })

  it('htmlToArticle gives the same bytes for the same page', () => {
    expect(renderArticle(htmlToArticle(html))).toBe(renderArticle(htmlToArticle(html)))
  })

  it("htmlToArticle('<title>Aftercare</title><nav>Home</nav><article><p>Avoid the sun for a week.</p></article>')", () => {
    expect(htmlToArticle('<title>Aftercare</title><nav>Home</nav><article><p>Avoid the sun for a week.</p></article>')).toEqual({
      meta: { title: 'Aftercare' },
      body: 'Avoid the sun for a week.\n'
    })
  })

  it('htmlToArticle picks the <article> with the most text when a page has several', () => {
    const page = '<article><p>Teaser.</p></article><article><p>Avoid swimming for two weeks after a piercing.</p></article>'
    expect(htmlToArticle(page).body).toBe('Avoid swimming for two weeks after a piercing.\n')
  })

  it('htmlToArticle writes an HTML table as a GitHub table, which extraction then reads row by row', () => {
    const page = "<article><p>Aftercare after a piercing, from our studio.</p><table><tr><th>Activity</th><th>When it's safe</th></tr><tr><td>Swimming</td><td>After <strong>4 weeks</strong></td></tr></table></article>"
    const { body } = htmlToArticle(page)
    expect(body).toMatch(/^\| Activity \| When it's safe +\|$/m)
    expect(body).toMatch(/^\| Swimming \| After \*\*4 weeks\*\* +\|$/m)
    expect(extractClaims({ id: 'page', text: body }, vocabulary).map((c) => [c.topic, c.stance, c.wait.min])).toEqual([['swimming', 'allowed', 672]])
  })

  it('htmlToArticle(page without text) has an empty body', () => {
    expect(htmlToArticle('<html><body><nav>Home</nav><script>x()</script></body></html>').body.trim()).toBe('')
  })
})

describe('pageMeta', () => {
  it('pageMeta(clinic page) reads og:title, author, published time, site name and canonical URL', () => {
    const html = readFileSync(`${fixtures}clinic-page/input.html`, 'utf8')
    expect(pageMeta(parseHtml(html))).toEqual({
      title: 'Tattoo aftercare: your first month',
      author: 'Priya Natarajan',
      date: '2024-03-18T09:30:00+00:00',
      publisher: 'Inkwell Studio',
      url: 'https://inkwell.example/blog/tattoo-aftercare'
    })
  })

  it("pageMeta('<title>Aftercare | Glow</title><meta property=\"og:site_name\" content=\"Glow\">') drops the site name from the title", () => {
    expect(pageMeta(parseHtml('<title>Aftercare | Glow</title><meta property="og:site_name" content="Glow">'))).toEqual({
      title: 'Aftercare',
      publisher: 'Glow'
    })
  })

  it('pageMeta falls back to the first h1, a rel=author link and a <time datetime>', () => {
    const tree = parseHtml('<h1> Piercing\n care </h1><a rel="author" href="/x">Sam Lee</a><article><time datetime="2022-05-01">May</time></article>')
    expect(pageMeta(tree)).toEqual({ title: 'Piercing care', author: 'Sam Lee', date: '2022-05-01' })
  })

  it('pageMeta states nothing a page does not state', () => {
    expect(pageMeta(parseHtml('<p>Just text.</p>'))).toEqual({})
  })
})

describe('mainContent', () => {
  it("mainContent(parseHtml('<nav>Home</nav><article><p>Avoid sun.</p></article>'))", () => {
    const html = renderArticle(htmlToArticle('<nav>Home</nav><article><p>Avoid sun.</p></article>'))
    expect(html).toBe('Avoid sun.\n')
    const tree = parseHtml('<nav>Home</nav><article><p>Avoid sun.</p></article>')
    expect(JSON.stringify(mainContent(tree))).not.toContain('Home')
  })

  it('mainContent does not change the tree it is given', () => {
    const tree = parseHtml('<nav>Home</nav><main><p>Text <a href="/a">link</a></p></main>')
    const before = JSON.stringify(tree)
    htmlToArticle('<nav>Home</nav><main><p>Text <a href="/a">link</a></p></main>', { url: 'http://127.0.0.1/' })
    mainContent(tree)
    expect(JSON.stringify(tree)).toBe(before)
  })
})
