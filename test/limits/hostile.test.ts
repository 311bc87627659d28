/**
 * One test per row of the hostile-input audit (issue 16): each input ends in
 * a one-line message naming the file (and line), that source's old claims
 * stay byte for byte, every other source regenerates, and the exit code says
 * so. Small inputs where the shape is what matters; the bench times the
 * large ones (`npm run bench`).
 */
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { findQuotes } from '../../src/extract/speakers.ts'
import { extractSource, stopWorkers } from '../../src/isolate/index.ts'
import { maxSourceBytes, maxTablePipes } from '../../src/limits.ts'
import { toBlocks, type Block } from '../../src/parse/blocks.ts'
import { tokenizeMarkdown } from '../../src/parse/tokenize.ts'
import { inlineCost, lineShape, needsPlainInline, needsPlainTables, readAsPlain } from '../../src/parse/shape.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { serveSite } from '../../src/site/serve.ts'
import { send, tempProject, type TempProject } from '../site/helpers.ts'

let project: TempProject

beforeEach(async () => {
  project = await tempProject('claimrange-hostile-')
})

afterEach(async () => {
  await project.remove()
})

afterAll(async () => {
  await stopWorkers()
})

/** Run the CLI on the temp project. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const effects = captureEffects()
  const code = await main([...argv, '--sources', project.sources, '--claims', project.claims], effects)
  return { code, stdout: effects.stdout, stderr: effects.stderr }
}

/** Every claims file's bytes, by name. */
async function claimsBytes(): Promise<Map<string, string>> {
  const names = (await readdir(project.claims)).filter((n) => n.endsWith('.yaml'))
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(project.claims, n), 'utf8')] as [string, string])))
}

const victim = 'exercise-after-skin-needling'

/**
 * Make one bundled source hostile, and edit another so it must regenerate:
 * run extract, and check that the hostile source's claims file is unchanged,
 * the other one was rewritten, and the run said so in one line.
 */
async function hostileRun(hostile: string): Promise<{ code: number; stderr: string[] }> {
  const before = await claimsBytes()
  await writeFile(join(project.sources, `${victim}.md`), hostile)
  const other = join(project.sources, 'workout-after-microneedling.md')
  await writeFile(other, `${await readFile(other, 'utf8')}\nAvoid saunas for 5 days.\n`)
  const run = await cli('extract')
  const after = await claimsBytes()
  expect(after.get(`${victim}.yaml`)).toBe(before.get(`${victim}.yaml`))
  expect(after.get('workout-after-microneedling.yaml')).not.toBe(before.get('workout-after-microneedling.yaml'))
  expect(after.get('workout-after-microneedling.yaml')).toContain('Avoid saunas for 5 days.')
  const lines = run.stderr.filter((l) => l.includes(`${victim}.md`))
  expect(lines).toHaveLength(1)
  expect(lines[0]).not.toContain('\n')
  return run
}

describe('sources: one bad file never stops the run', () => {
  it('quotes ‘’“” repeated 150,000 times in one block: findQuotes returns every quote (no stack overflow from push(...list))', () => {
    const text = '‘a’'.repeat(150000)
    const block: Block = { kind: 'text', level: 0, start: 0, end: text.length, text, listItem: false }
    expect(findQuotes([block], text)).toHaveLength(150000)
  })

  it('10,000 levels of `>`: one line naming the file and line 1, old claims kept, the others regenerate, exit 1', async () => {
    const run = await hostileRun(`${'>'.repeat(10000)} Avoid exercise for 48 hours.\n`)
    expect(run.code).toBe(1)
    expect(run.stderr.join('\n')).toContain(`${victim}.md:1: Unexpected 10000 levels of nested block quotes or lists, expected at most 32`)
  })

  it('10,000 levels of `- `: the same', async () => {
    const run = await hostileRun(`${'- '.repeat(10000)}Avoid exercise for 48 hours.\n`)
    expect(run.code).toBe(1)
    expect(run.stderr.join('\n')).toContain(`${victim}.md:1: Unexpected 10000 levels`)
  })

  it('lists nested 40 deep by indentation over 40 lines: refused at the line where the 33rd level opens', () => {
    const text = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    expect(() => toBlocks(text)).toThrow('line 33: Unexpected 33 levels of nested block quotes or lists, expected at most 32')
  })

  it('more than 100,000 lines, or more than 100,000 list markers: refused with a reason', () => {
    expect(() => tokenizeMarkdown('a\n'.repeat(100001))).toThrow('Unexpected 100002 lines, expected at most 100000')
    expect(() => tokenizeMarkdown('- - - a\n'.repeat(40000))).toThrow('Unexpected 120000 block quote and list markers, expected at most 100000')
  })

  it('a list item continued by 5,000 lazy lines (a plain-text article opening with "- "): read as plain paragraphs, every line a block', () => {
    const text = `- Avoid swimming for 2 days.\n${'Saunas should be avoided for a week.\n'.repeat(5000)}`
    const shape = lineShape(text)
    expect(shape.lazyOpeners).toEqual([0])
    expect(readAsPlain(text, shape.lazyOpeners).slice(0, 12)).toBe('x Avoid swim')
    const blocks = toBlocks(text)
    expect(blocks).toHaveLength(5001)
    expect(blocks[0]).toMatchObject({ start: 0, text: '- Avoid swimming for 2 days.' })
    expect(blocks[1]).toMatchObject({ text: 'Saunas should be avoided for a week.' })
    // A short run is left to micromark: it is a list item.
    expect(lineShape(`- Avoid swimming.\n${'b\n'.repeat(50)}`).lazyOpeners).toEqual([])
  })

  it('`*a` repeated: read without emphasis (a warning naming the file), extracted, exit 0', async () => {
    const text = `${'*a'.repeat(20000)}\n\nAvoid exercise for 48 hours.\n`
    expect(needsPlainInline(text)).toBe(true)
    // 40,000 markers in one paragraph: micromark's matching alone would take about 13 s.
    expect(tokenizeMarkdown(text).length).toBeGreaterThan(0)
    await writeFile(join(project.sources, `${victim}.md`), text)
    const run = await cli('extract')
    expect(run.code).toBe(0)
    expect(run.stderr.filter((l) => l.includes(`${victim}.md`))).toEqual([expect.stringContaining('Read without emphasis and links')])
    expect((await claimsBytes()).get(`${victim}.yaml`)).toContain('Avoid exercise for 48 hours.')
  })

  it('a table of thousands of cells: read without tables (a warning naming the file), its rows as text, exit 0', async () => {
    const row = '| Avoid swimming | for 2 days |\n'
    const small = `| What | When |\n| --- | --- |\n${row}`
    expect(needsPlainTables(small)).toBe(false)
    expect(toBlocks(small).map((b) => b.text.trim())).toEqual(['Avoid swimming   for 2 days'])
    const text = `| What | When |\n| --- | --- |\n${row.repeat(Math.ceil(maxTablePipes / 3))}`
    expect(needsPlainTables(text)).toBe(true)
    // Without tables the rows are one paragraph, pipes and all.
    expect(toBlocks(text)[0]!.text).toContain('| Avoid swimming |')
    await writeFile(join(project.sources, `${victim}.md`), text)
    const run = await cli('extract')
    expect(run.code).toBe(0)
    expect(run.stderr.filter((l) => l.includes(`${victim}.md`))).toEqual([expect.stringContaining('Read without tables')])
    expect((await claimsBytes()).get(`${victim}.yaml`)).toContain('topic: swimming')
  })

  it('inlineCost stays far below the limit on every bundled source', async () => {
    for (const name of await readdir(project.sources)) expect(inlineCost(await readFile(join(project.sources, name), 'utf8'))).toBeLessThan(1e5)
  })

  it('a YAML alias bomb in front matter: file:line, the others regenerate, exit 1', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')
    const run = await hostileRun(`---\n${bomb}\n---\nAvoid exercise for 48 hours.\n`)
    expect(run.code).toBe(1)
    expect(run.stderr.join('\n')).toMatch(new RegExp(`${victim}\\.md:3:\\d+: Unexpected aliases that expand to more than 64 copies`))
  })

  it('a source over the 5 MiB cap: one line naming the file and the cap, old claims kept, exit 1', async () => {
    const run = await hostileRun('Avoid swimming for 2 days. '.repeat(Math.ceil((maxSourceBytes + 1) / 27)))
    expect(run.code).toBe(1)
    expect(run.stderr.join('\n')).toContain(`${victim}.md: Unexpected file of 5.0 MiB, expected at most 5.0 MiB (the size cap)`)
  })

  it('a source over its time budget: one message naming the file, and the next source extracts in a fresh worker', async () => {
    const vocabulary = await readVocabulary()
    // Within every limit, but 65,000 lines of two claims each take 4 s or more.
    const slow = 'Avoid swimming for 2 days, and avoid saunas for a week after the treatment.\n'.repeat(65000)
    const source = (text: string) => ({ id: 'slow', file: 'sources/slow.md', text, digest: '', meta: {}, bodyStart: 0 })
    const stopped = await extractSource(source(slow), vocabulary, { budgetMs: 300 })
    expect(stopped.claims).toBeUndefined()
    expect(stopped.messages).toEqual([expect.objectContaining({ file: 'sources/slow.md', reason: expect.stringContaining('took longer than the time budget of 0.3 s') })])
    const next = await extractSource(source('Avoid swimming for 2 days.\n'), vocabulary)
    expect(next.claims?.map((c) => c.topic)).toEqual(['swimming'])
  }, 30000)

  it('a symlinked source: skipped with a warning naming it, in extract and check', async () => {
    await symlink(join(project.sources, `${victim}.md`), join(project.sources, 'linked.md'))
    const run = await cli('extract')
    expect(run.code).toBe(0)
    expect(run.stderr.join('\n')).toContain(`${join(project.sources, 'linked.md')}: Skipped: a symbolic link`)
    expect((await claimsBytes()).has('linked.yaml')).toBe(false)
    const check = await cli('check')
    expect(check.stdout.join('\n')).toContain('linked.md: Skipped: a symbolic link')
  })
})

describe('claims files: one bad file never stops check, consensus or extract', () => {
  const bomb = ['x1: &a [x, x, x, x, x, x, x, x, x]', 'x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]'].join('\n')

  it('an alias bomb in a claims file: check names file:line and checks the others, consensus reports the others, exit 1 both', async () => {
    const file = join(project.claims, `${victim}.yaml`)
    await writeFile(file, `${await readFile(file, 'utf8')}${bomb}\n`)
    const check = await cli('check')
    expect(check.code).toBe(1)
    expect(check.stdout.join('\n')).toMatch(new RegExp(`${victim}\\.yaml:\\d+:\\d+: Unexpected aliases that expand to more than 64 copies`))
    const effects = captureEffects()
    const consensus = await main(['consensus', '--claims', project.claims], effects)
    expect(consensus).toBe(1)
    expect(effects.stderr.join('\n')).toContain(`${victim}.yaml`)
    expect(effects.stdout.join('\n')).toContain('exercise')
    const extract = await cli('extract')
    expect(extract.code).toBe(1)
    expect(await readFile(file, 'utf8')).toContain(bomb)
  })

  it('an alias bomb in a claims file: start --no-serve builds the page from the others, names the file, exit 1', async () => {
    const file = join(project.claims, `${victim}.yaml`)
    await writeFile(file, `${await readFile(file, 'utf8')}${bomb}\n`)
    const effects = captureEffects()
    const code = await main(['start', '--no-serve', '--sources', project.sources, '--claims', project.claims, '--out', project.out], effects)
    expect(code).toBe(1)
    expect(effects.stderr.join('\n')).toContain(`${victim}.yaml`)
    const data = await readFile(join(project.out, 'data.js'), 'utf8')
    expect(data).toContain('workout-after-microneedling')
    // Its source is still shown; its claims file is not among the files.
    expect(data).not.toContain(`"source":"${victim}"`)
  }, 60000)

  it('a skipped claims file with an out-of-range span or a duplicate id: extract exits 1 like check, run after run, the file untouched', async () => {
    // The digest index is built first: a file broken by hand afterwards must not be skipped by it.
    expect((await cli('extract')).code).toBe(0)
    const file = join(project.claims, `${victim}.yaml`)
    const text = await readFile(file, 'utf8')
    const firstId = /id: (\S+)/.exec(text)![1]!
    const last = text.lastIndexOf('- id: ')
    const duplicated = `${text.slice(0, last)}${text.slice(last).replace(/- id: \S+/, `- id: ${firstId}`)}`
    const broken = duplicated.replace(/span: \{start: \d+, end: \d+/, 'span: {start: 999990, end: 999999')
    await writeFile(file, broken)
    const run = await cli('extract')
    expect(run.code).toBe(1)
    const said = run.stderr.join('\n')
    expect(said).toContain('Unexpected quote at span 999990–999999')
    expect(said).toContain(`Duplicate id \`${firstId}\``)
    expect(await readFile(file, 'utf8')).toBe(broken)
    expect((await cli('extract')).code).toBe(1)
    expect((await cli('check')).code).toBe(1)
  })
})

describe('the server: every response checks Host', () => {
  it('GET /data.js with Host: evil.example → 403 and none of the data; with the server’s own Host → 200', async () => {
    await writeFile(join(project.out, 'data.js'), 'window.data = {"text": "Avoid exercise for 72 hours"}\n')
    const site = await serveSite({ dir: project.out })
    try {
      for (const path of ['/data.js', '/', '/index.html', '/missing']) {
        const refused = await send(site.url, 'GET', path, { headers: { Host: 'evil.example' } })
        expect(refused.status).toBe(403)
        expect(refused.text).not.toContain('Avoid exercise')
        expect((refused.json as { error: string }).error).toContain('Refused: unexpected Host `evil.example`')
      }
      const port = new URL(site.url).port
      expect((await send(site.url, 'GET', '/data.js', { headers: { Host: `localhost:${port}` } })).status).toBe(200)
      expect((await send(site.url, 'GET', '/data.js')).text).toContain('Avoid exercise')
      expect((await send(site.url, 'GET', '/data.js', { headers: { Host: '127.0.0.1:1' } })).status).toBe(403)
    } finally {
      await site.close()
    }
  })
})
