import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureEffects } from '../../src/cli/effects.ts'
import { readClaimsFile } from '../../src/read/claims.ts'
import { readSource } from '../../src/read/source.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { addSource } from '../../src/write/add.ts'

const clinicPage = await readFile(fileURLToPath(new URL('../convert/fixtures/clinic-page/input.html', import.meta.url)), 'utf8')

/** Routes of the local test server: path → [status, content type, body]. */
const routes: Record<string, [number, string, string | Buffer]> = {
  '/blog/aftercare.html': [200, 'text/html; charset=utf-8', clinicPage],
  '/notes/peel.txt': [200, 'text/plain; charset=utf-8', 'Peel aftercare notes\n\nAvoid the sun for two weeks after a medium peel.\n'],
  '/notes/laser.md': [200, 'text/plain', '---\ntitle: Laser care\n---\nSkip the gym for 24 hours after laser hair removal.\n'],
  '/logo.png': [200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  '/empty.html': [200, 'text/html', ''],
  '/nav-only.html': [200, 'text/html', '<html><body><nav><a href="/">Home</a></nav><footer>© Clinic</footer></body></html>'],
  '/binary.txt': [200, 'text/plain', Buffer.from('abc\u0000def')],
  '/latin1.html': [200, 'text/html', Buffer.from('<html><head><meta charset="iso-8859-1"><title>Soins apr\xe8s peeling</title></head><body><p>\xc9vitez le soleil. Avoid saunas for 72 hours.</p></body></html>', 'latin1')]
}

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow') return // never answers: the client's timeout must fire
    if (request.url === '/moved') {
      response.writeHead(301, { location: '/blog/aftercare.html' })
      response.end()
      return
    }
    const route = routes[request.url ?? '']
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    response.writeHead(route[0], { 'content-type': route[1] })
    response.end(route[2])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let dir: string
let sources: string
let claims: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-add-'))
  sources = join(dir, 'sources')
  claims = join(dir, 'claims')
  return () => rm(dir, { recursive: true, force: true })
})

async function add(input: string, ...flags: string[]) {
  const effects = captureEffects()
  const code = await main(['add', input, '--sources', sources, '--claims', claims, ...flags], effects)
  return { code, stdout: effects.stdout.join('\n'), stderr: effects.stderr.join('\n') }
}

async function listing(): Promise<string[]> {
  const names: string[] = []
  for (const folder of [sources, claims]) {
    if (existsSync(folder)) for (const name of await readdir(folder)) names.push(`${folder}/${name}`)
  }
  return names.sort()
}

describe('claimrange add', () => {
  it('add http://127.0.0.1:PORT/blog/aftercare.html converts the page, writes the source and its claims', async () => {
    const { code, stdout, stderr } = await add(`${base}/blog/aftercare.html`)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const file = join(sources, 'tattoo-aftercare-your-first-month.md')
    const source = await readSource(file)
    expect(source.meta).toEqual({
      title: 'Tattoo aftercare: your first month',
      author: 'Priya Natarajan',
      publisher: 'Inkwell Studio',
      date: '2024-03-18T09:30:00+00:00',
      url: `${base}/blog/aftercare.html`
    })
    const body = source.text.slice(source.bodyStart)
    expect(body).toContain('Do not go to the gym for 48 hours')
    expect(body).not.toContain('Book now')
    expect(body).not.toContain('All rights reserved')
    const read = await readClaimsFile(join(claims, 'tattoo-aftercare-your-first-month.yaml'))
    expect(read.messages).toEqual([])
    const found = read.data!.claims
    expect(read.data!.digest).toBe(source.digest)
    for (const claim of found) expect(source.text.slice(claim.span.start, claim.span.end)).toBe(claim.quote)
    expect(found.some((c) => c.topic === 'exercise' && c.stance === 'avoid' && c.wait.min === 48)).toBe(true)
    expect(found.some((c) => c.topic === 'alcohol' && c.wait.min === 24)).toBe(true)
    expect(stdout.split('\n')[0]).toBe(`Added ${file} (HTML): “Tattoo aftercare: your first month”`)
    expect(stdout).toMatch(/^ {2}exercise$/m)
    expect(stdout).toContain('avoid 48 h')
  })

  it('add of the same page twice writes `<slug>-2.md`, and a redirect records the final URL', async () => {
    await add(`${base}/blog/aftercare.html`)
    const { code } = await add(`${base}/moved`)
    expect(code).toBe(0)
    const second = await readSource(join(sources, 'tattoo-aftercare-your-first-month-2.md'))
    expect(second.meta.url).toBe(`${base}/blog/aftercare.html`)
    expect(existsSync(join(claims, 'tattoo-aftercare-your-first-month-2.yaml'))).toBe(true)
  })

  it('add notes.txt keeps the text as is, with its first line as title', async () => {
    const text = 'Piercing aftercare\n\nAvoid swimming for six weeks after a new piercing.\nSleep on the other side.\n'
    await writeFile(join(dir, 'notes.txt'), text)
    const { code, stdout } = await add(join(dir, 'notes.txt'))
    expect(code).toBe(0)
    const written = await readFile(join(sources, 'piercing-aftercare.md'), 'utf8')
    expect(written).toBe(`---\ntitle: Piercing aftercare\n---\n${text}`)
    expect(stdout).toContain('(plain text)')
    const read = await readClaimsFile(join(claims, 'piercing-aftercare.yaml'))
    expect(read.data!.claims.some((c) => c.topic === 'swimming' && c.wait.min === 6 * 168)).toBe(true)
  })

  it('add care.md copies the Markdown file byte for byte', async () => {
    const text = '---\ntitle: Botox do and don’t\nkind: clinic page\n---\n# Botox\n\nDo not exercise for 24 hours after botox.\n'
    await writeFile(join(dir, 'care.md'), text)
    expect((await add(join(dir, 'care.md'))).code).toBe(0)
    expect(await readFile(join(sources, 'botox-do-and-don-t.md'), 'utf8')).toBe(text)
  })

  it('add of Markdown served as text/plain adds the URL to its front matter', async () => {
    expect((await add(`${base}/notes/laser.md`)).code).toBe(0)
    expect(await readFile(join(sources, 'laser-care.md'), 'utf8')).toBe(
      `---\ntitle: Laser care\nurl: ${base}/notes/laser.md\n---\nSkip the gym for 24 hours after laser hair removal.\n`
    )
  })

  it('add of a plain-text URL takes its first line as title and records the URL', async () => {
    expect((await add(`${base}/notes/peel.txt`)).code).toBe(0)
    const source = await readSource(join(sources, 'peel-aftercare-notes.md'))
    expect(source.meta).toEqual({ title: 'Peel aftercare notes', url: `${base}/notes/peel.txt` })
  })

  it('add of an HTML page in ISO-8859-1 decodes it with the charset the page declares', async () => {
    expect((await add(`${base}/latin1.html`)).code).toBe(0)
    const source = await readSource(join(sources, 'soins-apres-peeling.md'))
    expect(source.meta.title).toBe('Soins après peeling')
    expect(source.text).toContain('Évitez le soleil.')
  })

  it('add does not reuse the name of an existing claims file', async () => {
    await mkdir(claims, { recursive: true })
    await writeFile(join(claims, 'piercing-aftercare.yaml'), `source: piercing-aftercare\ndigest: ${'0'.repeat(64)}\nclaims: []\n`)
    await writeFile(join(dir, 'p.txt'), 'Piercing aftercare\n\nNo swimming for six weeks.\n')
    expect((await add(join(dir, 'p.txt'))).code).toBe(0)
    expect(existsSync(join(sources, 'piercing-aftercare-2.md'))).toBe(true)
    expect(existsSync(join(sources, 'piercing-aftercare.md'))).toBe(false)
  })
})

describe('claimrange add with bad input: one line naming it, exit 1, nothing written', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a missing file', async () => join(dir, 'missing.html'), /missing\.html: Cannot read file: it does not exist$/],
    ['an unsupported type', async () => write('scan.pdf', '%PDF-1.4'), /scan\.pdf: Unsupported file type `\.pdf`/],
    ['a folder', async () => folder('articles'), /articles: Is a folder, expected one article \(`\.md`, `\.html`, `\.txt`\) or an http\(s\) URL/],
    ['a folder named like an article', async () => folder('notes.md'), /notes\.md: Is a folder, expected one article/],
    ['an empty file', async () => write('empty.txt', ''), /empty\.txt: Unexpected empty file/],
    ['a binary file', async () => write('photo.txt', Buffer.from([0x41, 0, 0x42])), /photo\.txt: Unexpected NUL byte at offset 1/],
    ['invalid UTF-8', async () => write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), /latin1\.txt:1: Invalid UTF-8 at byte 3/],
    ['whitespace only', async () => write('blank.txt', '  \n\n\t\n'), /blank\.txt: Unexpected empty article/],
    ['a page without article text', async () => `${base}/nav-only.html`, /nav-only\.html: Unexpected empty article: no text found/],
    ['Markdown with broken front matter', async () => write('broken.md', '---\ntitle: [unclosed\n---\nText.\n'), /broken\.md:\d+(:\d+)?: Invalid YAML in front matter/],
    ['an HTTP 404', async () => `${base}/nope`, /\/nope: Cannot fetch: HTTP 404 Not Found$/],
    ['an image URL', async () => `${base}/logo.png`, /logo\.png: Unexpected content type `image\/png`, expected HTML, Markdown or plain text$/],
    ['an empty page', async () => `${base}/empty.html`, /empty\.html: Unexpected empty page/],
    ['a binary page', async () => `${base}/binary.txt`, /binary\.txt: Unexpected NUL byte/],
    ['a server that does not answer', async () => `${base}/slow`, /\/slow: No answer within 0\.3 s$/],
    ['nothing listening', async () => 'http://127.0.0.1:9/aftercare', /127\.0\.0\.1:9\/aftercare: Cannot fetch \(/],
    ['a non-http URL', async () => 'ftp://127.0.0.1/a.html', /ftp:\/\/127\.0\.0\.1\/a\.html: Unexpected URL scheme `ftp:`/]
  ]

  async function folder(name: string): Promise<string> {
    await mkdir(join(dir, name), { recursive: true })
    return join(dir, name)
  }

  async function write(name: string, content: string | Buffer): Promise<string> {
    await writeFile(join(dir, name), content)
    return join(dir, name)
  }

  for (const [name, input, error] of cases) {
    it(`add <${name}>`, async () => {
      await mkdir(sources, { recursive: true })
      await writeFile(join(sources, 'existing.md'), 'Avoid saunas for 72 hours.\n')
      const before = await listing()
      const { code, stdout, stderr } = await add(await input(), '--timeout', '0.3')
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr.split('\n')).toHaveLength(1)
      expect(stderr).toMatch(/^claimrange: /)
      expect(stderr).toMatch(error)
      expect(await listing()).toEqual(before)
    })
  }
})

describe('addSource', () => {
  it('addSource returns what changed in the consensus against the claims files as they were before', async () => {
    const vocabulary = await readVocabulary()
    await mkdir(sources, { recursive: true })
    await writeFile(join(sources, 'sauna-note.md'), 'Avoid saunas for 72 hours after microneedling.\n')
    const effects = captureEffects()
    expect(await main(['extract', '--sources', sources, '--claims', claims], effects)).toBe(0)
    await writeFile(join(dir, 'pool.txt'), 'Pool rules\n\nAvoid swimming for 48 hours after microneedling.\n')
    const result = await addSource({ input: join(dir, 'pool.txt'), sourcesDir: sources, claimsDir: claims, vocabulary })
    expect(result.id).toBe('pool-rules')
    expect(result.type).toBe('text')
    expect(result.corpus.diff).toMatchObject({ sourcesBefore: 1, sourcesAfter: 2, rowsBefore: 1, rowsAfter: 2 })
    expect(result.corpus.diff.rows.map((r) => [r.topic, r.kind, r.voicesAdded])).toEqual([['swimming', 'added', ['pool-rules']]])
    expect(result.claims.map((c) => [c.topic, c.wait.min])).toEqual([['swimming', 48]])
    expect(result.corpus.sources.map((s) => s.id)).toEqual(['pool-rules'])
  })
})
