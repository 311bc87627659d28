/**
 * `add` with hostile input: the size cap holds for local files as for URLs,
 * and links that would run code when clicked are not carried into a source.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { dropUnsafeLinks, parseHtml } from '../../src/convert/html.ts'
import { stopWorkers } from '../../src/isolate/index.ts'
import { maxSourceBytes } from '../../src/limits.ts'
import { tempProject, type TempProject } from '../site/helpers.ts'
import { selectAll } from 'hast-util-select'

let project: TempProject

beforeEach(async () => {
  project = await tempProject('claimrange-add-hostile-')
})

afterEach(async () => {
  await project.remove()
})

afterAll(async () => {
  await stopWorkers()
})

async function add(input: string): Promise<{ code: number; stderr: string[] }> {
  const effects = captureEffects()
  const code = await main(['add', input, '--sources', project.sources, '--claims', project.claims], effects)
  return { code, stderr: effects.stderr }
}

describe('add', () => {
  it('a local HTML file over the 5 MiB cap: one line naming it, nothing written, exit 1', async () => {
    const file = join(project.dir, 'huge.html')
    const paragraph = '<p>Avoid swimming for 2 days.</p>\n'
    await writeFile(file, `<article>${paragraph.repeat(Math.ceil((maxSourceBytes + 1) / paragraph.length))}</article>`)
    const before = (await readdir(project.sources)).sort()
    const run = await add(file)
    expect(run.code).toBe(1)
    expect(run.stderr).toEqual([`claimrange: ${file}: Unexpected file of 5.0 MiB, expected at most 5.0 MiB (the size cap)`])
    expect((await readdir(project.sources)).sort()).toEqual(before)
  })

  it('an HTML page with javascript: and data: links: the source keeps their text, not their targets', async () => {
    const file = join(project.dir, 'links.html')
    await writeFile(
      file,
      '<title>Links</title><article><p>Read <a href="javascript:alert(1)">this</a>, <a href=" JaVa&#9;ScRipt:alert(1)">that</a>, <a href="data:text/html;base64,PHNjcmlwdD4=">the data</a> and <a href="https://clinic.example/a">the clinic</a>. Avoid swimming for 2 days.</p></article>'
    )
    const run = await add(file)
    expect(run.code).toBe(0)
    const text = await readFile(join(project.sources, 'links.md'), 'utf8')
    expect(text).toContain('Read this, that, the data and [the clinic](https://clinic.example/a).')
    expect(text.toLowerCase()).not.toMatch(/javascript|data:/)
  })

  it('dropUnsafeLinks keeps http, https, mailto and relative links, and unlinks vbscript: and file:', () => {
    const tree = parseHtml('<a href="http://a">1</a><a href="mailto:x@y">2</a><a href="/r">3</a><a href="vbscript:x">4</a><a href="file:///etc/passwd">5</a>')
    dropUnsafeLinks(tree)
    expect(selectAll('a', tree).map((a) => a.properties.href)).toEqual(['http://a', 'mailto:x@y', '/r'])
  })
})
