/**
 * The worker thread once claimrange is compiled to JavaScript: `worker.js`
 * is found beside `extract.js` and runs without tsx. The sources are
 * compiled with the project's own `tsc` (relative `.ts` imports rewritten
 * to `.js`) into `test-output/`, and a plain `node` process extracts with
 * them.
 */
import { execFileSync } from 'node:child_process'
import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const out = join(root, 'test-output', `compiled-${process.pid}`)

afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

describe('compiled to JavaScript', () => {
  it('extractSource runs its worker from worker.js with no tsx, and gives the claims the TypeScript sources give', async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--noEmit', 'false', '--outDir', out, '--rewriteRelativeImportExtensions'], { stdio: 'pipe' })
    await cp(join(root, 'vocabulary.yaml'), join(out, 'vocabulary.yaml'))
    const script = `
      import { extractSource, stopWorkers, workerUrl } from ${JSON.stringify(join(out, 'src/isolate/index.js'))}
      import { readSource } from ${JSON.stringify(join(out, 'src/read/source.js'))}
      import { readVocabulary } from ${JSON.stringify(join(out, 'src/read/vocabulary.js'))}
      const source = await readSource(${JSON.stringify(join(root, 'sources', 'exercise-after-skin-needling.md'))})
      const { claims } = await extractSource(source, await readVocabulary())
      console.log(JSON.stringify({ worker: workerUrl.pathname, claims, loaders: process.execArgv }))
      await stopWorkers()
    `
    // No --import tsx, no loader: what a compiled CLI runs with.
    const answer = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { worker: string; claims: unknown[]; loaders: string[] }
    expect(answer.worker.endsWith('/src/isolate/worker.js')).toBe(true)
    expect(answer.loaders.join(' ')).not.toMatch(/tsx|--import|--loader/)
    const { extractClaims } = await import('../../src/extract/index.ts')
    const { readSource } = await import('../../src/read/source.ts')
    const { readVocabulary } = await import('../../src/read/vocabulary.ts')
    const expected = extractClaims(await readSource(join(root, 'sources', 'exercise-after-skin-needling.md')), await readVocabulary())
    expect(answer.claims).toEqual(expected)
    expect(expected.length).toBeGreaterThan(3)
  }, 60000)
})
