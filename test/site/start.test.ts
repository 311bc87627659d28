/**
 * `runStart` (what `npm start` runs) serves the review API and watches the
 * sources; closing the site stops both.
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { runStart } from '../../src/cli/start.ts'
import { openEvents, send, tempProject, waitFor } from './helpers.ts'

describe('runStart', () => {
  it('runStart({port: 0}): the page gets /api/status, and a new source is extracted and announced', { timeout: 60000 }, async () => {
    const project = await tempProject('claimrange-start-')
    const out = join(project.dir, 'dist')
    const effects = captureEffects()
    const { site, exitCode } = await runStart({ sources: project.sources, claims: project.claims, out, port: 0 }, effects)
    try {
      expect(exitCode).toBe(0)
      expect(site).toBeDefined()
      expect(effects.stdout.at(-1)).toBe(`chart: ${site!.url}  (watching ${project.sources}/; Ctrl-C to stop)`)
      expect((await send(site!.url, 'GET', '/api/status')).json).toEqual({ review: true, version: 0 })
      const events = await openEvents(site!.url)
      await writeFile(join(project.sources, 'sauna-guide.md'), '# Sauna\n\nStay out of the sauna for two weeks after microneedling.\n')
      await waitFor(() => events.events().length === 1, 'the SSE event')
      expect(existsSync(join(project.claims, 'sauna-guide.yaml'))).toBe(true)
      expect(effects.stdout.join('\n')).toMatch(/sauna-guide\.md added; re-extracted sauna-guide \(1 claim\)\nWhat changed in the consensus:\n {2}sauna: /)
      events.close()
    } finally {
      await site?.close()
    }
    // Closed: the watcher is gone too.
    await writeFile(join(project.sources, 'late.md'), '# Late\n\nAvoid swimming for a week.\n')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(existsSync(join(project.claims, 'late.yaml'))).toBe(false)
    await project.remove()
  })
})
