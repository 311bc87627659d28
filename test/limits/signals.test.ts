/**
 * A real `claimrange extract` in a child process, stopped in the middle of
 * a source that takes seconds to extract: Ctrl-C and SIGTERM end it at
 * once, every file is as it was or as it should be, the lock is gone; and
 * while it runs, a second run waits for its lock instead of taking it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseClaims } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { extractCorpus } from '../../src/write/corpus.ts'
import { tempProject, type TempProject } from '../site/helpers.ts'

const bin = fileURLToPath(new URL('../../bin/claimrange.js', import.meta.url))
let project: TempProject
let child: ChildProcess | undefined

beforeEach(async () => {
  project = await tempProject('claimrange-signals-')
  // Sorted last, and within every limit: 65,000 lines of two claims each (4.9 MB, 130,000 claims) take 4 s or more to extract.
  await writeFile(join(project.sources, 'zz-slow.md'), 'Avoid swimming for 2 days, and avoid saunas for a week after the treatment.\n'.repeat(65000))
  // Edited, so it is rewritten before the slow source is reached.
  const edited = join(project.sources, 'workout-after-microneedling.md')
  await writeFile(edited, `${await readFile(edited, 'utf8')}\nAvoid saunas for 5 days.\n`)
})

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await project.remove()
})

/** Start `extract` and resolve once it is extracting the slow source (the edited file was rewritten). */
async function startExtract(): Promise<{ child: ChildProcess; stderr: () => string; exited: Promise<number | null> }> {
  const started = spawn(process.execPath, [bin, 'extract', '--sources', project.sources, '--claims', project.claims], { stdio: ['ignore', 'pipe', 'pipe'] })
  child = started
  let stderr = ''
  started.stderr!.on('data', (chunk) => (stderr += chunk))
  started.stdout!.resume()
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)))
  const rewritten = join(project.claims, 'workout-after-microneedling.yaml')
  for (;;) {
    if ((await readFile(rewritten, 'utf8')).includes('Avoid saunas for 5 days.')) break
    if (started.exitCode !== null) throw new Error(`extract ended early: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { child: started, stderr: () => stderr, exited }
}

/** Every claims file parses as a valid claims file; no temp file is left. */
async function expectFilesSound(): Promise<void> {
  const names = await readdir(project.claims)
  for (const name of names.filter((n) => n.endsWith('.yaml'))) {
    const file = join(project.claims, name)
    expect(parseClaims(file, await readFile(file, 'utf8')).messages).toEqual([])
  }
  // Besides the claims: the extraction state and the digest index (`.cache`), nothing (no temp file).
  expect(names.filter((n) => !n.endsWith('.yaml') && n !== '.claimrange.json' && n !== '.cache')).toEqual([])
  expect(names).not.toContain('zz-slow.yaml')
  expect(existsSync(`${project.claims}.lock`)).toBe(false)
}

describe('signals during a long extraction', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const) {
    it(`${signal} mid-extraction ends the run with exit ${code} and one line, files sound, lock removed`, async () => {
      const run = await startExtract()
      run.child.kill(signal)
      // Taken mid-extraction: the exit code is the signal's, and the slow source's claims file was never written.
      expect(await run.exited).toBe(code)
      expect(run.stderr()).toContain(`claimrange: stopped by ${signal}; every file is as it was or as it should be`)
      await expectFilesSound()
    }, 60000)
  }

  it('a second run waits for the lock of the live run and stops naming the lock and its pid, never taking it over', async () => {
    const run = await startExtract()
    const vocabulary = await readVocabulary()
    await expect(extractCorpus({ sourcesDir: project.sources, claimsDir: project.claims, vocabulary, lockWaitMs: 1500 })).rejects.toThrow(
      `${project.claims}.lock: another claimrange run (pid ${run.child.pid}) is writing to \`${project.claims}\`; waited 1.5 s, stopping without writing`
    )
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
  }, 60000)
})
