/**
 * `npm start` keeps watching: sources added or edited in a temp copy of the
 * corpus are re-extracted, `data.js` is rewritten and pages get an event.
 */
import { existsSync } from 'node:fs'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readClaimsFile } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { createLiveApi, type LiveApi } from '../../src/site/api.ts'
import { writeSiteData } from '../../src/site/build.ts'
import { parseDataScript } from '../../web/data.ts'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'
import { formatSourceChange, watchSources, type SourceChange, type SourceWatcher } from '../../src/site/watch.ts'
import { openEvents, tempProject, waitFor, type EventReader, type TempProject } from './helpers.ts'

const vocabulary = await readVocabulary()

let project: TempProject
let api: LiveApi
let site: RunningSite
let watcher: SourceWatcher
let changes: SourceChange[]
let errors: string[]
let events: EventReader

beforeEach(async () => {
  project = await tempProject('claimrange-watch-')
  await writeSiteData({ sourcesDir: project.sources, claimsDir: project.claims, outDir: project.out, vocabulary })
  changes = []
  errors = []
  api = createLiveApi({ sourcesDir: project.sources, claimsDir: project.claims, outDir: project.out, vocabulary })
  site = await serveSite({ dir: project.out, routes: api.routes })
  watcher = await watchSources({
    sourcesDir: project.sources,
    claimsDir: project.claims,
    outDir: project.out,
    vocabulary,
    exclusive: api.exclusive,
    debounceMs: 100,
    onChange: (change) => {
      changes.push(change)
      if (change.dataWritten) api.notify()
    },
    onError: (message) => void errors.push(message)
  })
  events = await openEvents(site.url)
})

afterEach(async () => {
  events.close()
  await watcher.close()
  api.close()
  await site.close()
  await project.remove()
})

const article = `---
title: Sauna after microneedling
---
# Heat

Stay out of the sauna for two weeks after microneedling.
`

describe('watchSources', () => {
  it('adding sources/sauna-guide.md extracts its claims, rewrites data.js and sends an event', async () => {
    await writeFile(join(project.sources, 'sauna-guide.md'), article)
    await waitFor(() => events.events().length === 1, 'the SSE event')
    expect(events.events()).toEqual([{ version: 1 }])
    expect(changes).toHaveLength(1)
    const change = changes[0]!
    expect(change.files).toEqual([{ path: join(project.sources, 'sauna-guide.md'), event: 'added' }])
    // Only the new source was extracted; the others were skipped by digest.
    expect(change.result.sources.filter((s) => s.extracted).map((s) => s.id)).toEqual(['sauna-guide'])
    const claims = (await readClaimsFile(join(project.claims, 'sauna-guide.yaml'))).data!.claims
    expect(claims.map((c) => [c.topic, c.stance, c.wait.min])).toEqual([['sauna', 'avoid', 336]])
    // data.js names the new claims file's detail script, which holds its words and its source's text.
    const detail = parseDataScript(await readFile(join(project.out, 'data.js'), 'utf8')).details.get('sauna-guide')!
    expect(await readFile(join(project.out, detail), 'utf8')).toContain('Stay out of the sauna for two weeks')
    const text = formatSourceChange(change)
    expect(text.split('\n')[0]).toBe(`${join(project.sources, 'sauna-guide.md')} added; re-extracted sauna-guide (1 claim)`)
    expect(text).toMatch(/\n {2}sauna: [^\n]*\+1 voice \(sauna-guide\)/)
    expect(errors).toEqual([])
  })

  it('editing a source re-extracts it; a burst of writes gives one regeneration', async () => {
    const file = join(project.sources, 'workout-after-microneedling.md')
    await appendFile(file, '\nAvoid alcohol for 10 days after microneedling.\n')
    await appendFile(file, '\nStay out of the sun for a month.\n')
    await waitFor(() => events.events().length === 1, 'the SSE event')
    expect(changes).toHaveLength(1)
    expect(changes[0]!.files).toEqual([{ path: file, event: 'edited' }])
    expect(changes[0]!.result.sources.filter((s) => s.extracted).map((s) => s.id)).toEqual(['workout-after-microneedling'])
    const claims = (await readClaimsFile(join(project.claims, 'workout-after-microneedling.yaml'))).data!.claims
    expect(claims.some((c) => c.topic === 'alcohol' && c.wait.min === 240)).toBe(true)
    expect(claims.some((c) => c.topic === 'sun' && c.quote === 'Stay out of the sun for a month.')).toBe(true)
    expect(changes[0]!.diff.rows.find((r) => r.topic === 'alcohol')!.voicesAdded).toEqual(['workout-after-microneedling'])
  })

  it('a source that cannot be read is reported and leaves its claims alone; watching goes on', async () => {
    const claimsFile = join(project.claims, 'workout-after-microneedling.yaml')
    const before = await readFile(claimsFile, 'utf8')
    await writeFile(join(project.sources, 'workout-after-microneedling.md'), '---\ntitle: [unclosed\n---\nText.\n')
    await waitFor(() => changes.length === 1, 'the regeneration')
    expect(changes[0]!.result.sources.find((s) => s.id === 'workout-after-microneedling')!.status).toBe('failed')
    expect(changes[0]!.messages.some((m) => m.file.endsWith('workout-after-microneedling.md'))).toBe(true)
    expect(await readFile(claimsFile, 'utf8')).toBe(before)
    await writeFile(join(project.sources, 'sauna-guide.md'), article)
    await waitFor(() => changes.length === 2, 'the next regeneration')
    expect(existsSync(join(project.claims, 'sauna-guide.yaml'))).toBe(true)
  })

  it('files other than *.md and dot files do not regenerate; after close nothing does', async () => {
    await writeFile(join(project.sources, 'notes.txt'), 'Avoid the sauna for a week.\n')
    await writeFile(join(project.sources, '.draft.md'), article)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(changes).toEqual([])
    await watcher.close()
    await writeFile(join(project.sources, 'sauna-guide.md'), article)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(changes).toEqual([])
    expect(existsSync(join(project.claims, 'sauna-guide.yaml'))).toBe(false)
  })
})
