import { cp, mkdtemp, readFile, rm, stat, writeFile, mkdir, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { buildSite, loadSiteData, writeSiteData } from '../../src/site/build.ts'
import { siteDataScript } from '../../src/site/wire.ts'
import { parseDataScript } from '../../web/data.ts'
import { fixtureClaims, fixtureSources } from './helpers.ts'

let base: string
const out = () => join(base, 'site')

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  const walk = async (d: string, prefix: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(d, entry.name), `${prefix}${entry.name}/`)
      else files[`${prefix}${entry.name}`] = await readFile(join(d, entry.name), 'utf8')
    }
  }
  await walk(dir, '')
  return files
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'claimrange-build-'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('buildSite', () => {
  test('buildSite({sourcesDir, claimsDir, outDir}) writes index.html, one script, one stylesheet, data.js, a detail script per claims file and a read-only api/status', async () => {
    const result = await buildSite({ sourcesDir: fixtureSources, claimsDir: fixtureClaims, outDir: out() })
    expect(result.outDir).toBe(out())
    expect(result.messages).toEqual([])
    const details = result.files.filter((f) => /^sources\/[0-9a-f]{20}\.js$/.test(f))
    expect(details).toHaveLength(5)
    expect(result.files).toHaveLength(5 + 5)
    expect(result.files).toContain('index.html')
    expect(result.files).toContain('data.js')
    // A static server answers the page's `./api/status` with this: no review API here.
    expect(JSON.parse(await readFile(join(out(), 'api', 'status'), 'utf8'))).toEqual({ review: false })
    expect(result.files.filter((f) => /^assets\/.+\.js$/.test(f))).toHaveLength(1)
    expect(result.files.filter((f) => /^assets\/.+\.css$/.test(f))).toHaveLength(1)
    const html = await readFile(join(out(), 'index.html'), 'utf8')
    expect(html).toContain('<script src="./data.js"></script>')
    expect(html).not.toMatch(/type="module"|crossorigin|src="\//)
    const { data } = await loadSiteData({ sourcesDir: fixtureSources, claimsDir: fixtureClaims })
    const script = await readFile(join(out(), 'data.js'), 'utf8')
    const named = parseDataScript(script).details
    expect([...named.values()].sort()).toEqual(details)
    expect(script).toBe(siteDataScript(data, named))
    // Each detail script holds its claims file's words and its source's text.
    const derm = await readFile(join(out(), named.get('derm-blog')!), 'utf8')
    expect(derm).toContain('Dr Lee says to skip the gym for 5 days.')
    expect(derm).toContain('"bodyStart":')
  })

  test('building again on unchanged input changes no byte', async () => {
    const first = await snapshot(out())
    await buildSite({ sourcesDir: fixtureSources, claimsDir: fixtureClaims, outDir: out() })
    expect(await snapshot(out())).toEqual(first)
  })

  test('a broken claims file stops the build with file:line, leaving the previous site as it was', async () => {
    const before = await snapshot(out())
    const claims = join(base, 'bad-claims')
    await cp(fixtureClaims, claims, { recursive: true })
    await writeFile(join(claims, 'derm-blog.yaml'), (await readFile(join(claims, 'derm-blog.yaml'), 'utf8')).replace('stance: avoid', 'stance: maybe'))
    await expect(buildSite({ sourcesDir: fixtureSources, claimsDir: claims, outDir: out() })).rejects.toThrow(/derm-blog\.yaml:\d+:\d+: .*stance/)
    expect(await snapshot(out())).toEqual(before)
  })

  test('buildSite refuses to empty a folder that holds something other than a site', async () => {
    const other = join(base, 'notes')
    await mkdir(other)
    await writeFile(join(other, 'keep.txt'), 'mine')
    await expect(buildSite({ sourcesDir: fixtureSources, claimsDir: fixtureClaims, outDir: other })).rejects.toThrow(/Refusing to empty/)
    expect(await readFile(join(other, 'keep.txt'), 'utf8')).toBe('mine')
    await expect(buildSite({ sourcesDir: fixtureSources, claimsDir: fixtureClaims, outDir: join(fixtureSources, '..') })).rejects.toThrow(/contains/)
  })

  test('writeSiteData rewrites the data only: the new detail script, data.js naming it, the stale one deleted; it warns about a source changed since extraction', async () => {
    const sources = join(base, 'edited-sources')
    await cp(fixtureSources, sources, { recursive: true })
    await writeFile(join(sources, 'derm-blog.md'), (await readFile(join(sources, 'derm-blog.md'), 'utf8')) + '\nOne more line.\n')
    const html = await stat(join(out(), 'index.html'))
    const before = parseDataScript(await readFile(join(out(), 'data.js'), 'utf8')).details
    const kept = await stat(join(out(), before.get('clinic-guide')!))
    const { file, messages } = await writeSiteData({ sourcesDir: sources, claimsDir: fixtureClaims, outDir: out() })
    expect(file).toBe(join(out(), 'data.js'))
    expect(messages.map((m) => [m.file.endsWith('derm-blog.yaml'), m.ruleId, m.severity])).toEqual([[true, 'digest', 'warning']])
    const after = parseDataScript(await readFile(file, 'utf8')).details
    expect(after.get('derm-blog')).not.toBe(before.get('derm-blog'))
    expect(await readFile(join(out(), after.get('derm-blog')!), 'utf8')).toContain('One more line.')
    await expect(stat(join(out(), before.get('derm-blog')!))).rejects.toThrow(/ENOENT/)
    // The scripts whose bytes did not change are not written again.
    expect(after.get('clinic-guide')).toBe(before.get('clinic-guide'))
    expect((await stat(join(out(), after.get('clinic-guide')!))).mtimeMs).toBe(kept.mtimeMs)
    expect((await stat(join(out(), 'index.html'))).mtimeMs).toBe(html.mtimeMs)
  })
})

describe('claimrange build / serve', () => {
  test('claimrange build --sources --claims --out prints where the site is', async () => {
    const effects = captureEffects()
    const dir = join(base, 'cli-site')
    const code = await main(['build', '--sources', fixtureSources, '--claims', fixtureClaims, '--out', dir], effects)
    expect([code, effects.stderr]).toEqual([0, []])
    expect(effects.stdout.join('\n')).toContain(`built ${dir} (10 files)`)
    expect((await stat(join(dir, 'data.js'))).isFile()).toBe(true)
  })

  test('claimrange build with a missing claims folder fails with one line naming it', async () => {
    const effects = captureEffects()
    const code = await main(['build', '--sources', fixtureSources, '--claims', join(base, 'nope'), '--out', join(base, 'x')], effects)
    expect(code).toBe(1)
    expect(effects.stderr).toEqual([`claimrange: ${join(base, 'nope')}: Cannot read folder: it does not exist`])
  })

  test('claimrange serve on a folder without a site says to build first; a bad port is a usage error', async () => {
    const effects = captureEffects()
    expect(await main(['serve', '--out', join(base, 'nope')], effects)).toBe(1)
    expect(effects.stderr[0]).toMatch(/no built site here .*claimrange build/)
    const again = captureEffects()
    expect(await main(['serve', '--port', 'abc'], again)).toBe(2)
    expect(again.stderr[0]).toMatch(/--port `abc`/)
  })
})
