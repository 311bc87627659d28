/**
 * The "what changed" report as `extract` and `add` print it, on a temp copy
 * of the five-article corpus.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { readClaimsFile } from '../../src/read/claims.ts'
import { setReview } from '../../src/write/review.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

const quickRecovery = `---
title: Back to the gym the next morning
author: Test Clinic
---
# Quick recovery

You can go back to the gym after 12 hours.
Avoid the sun for two weeks.
`

let dir: string
let sources: string
let claims: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-diff-'))
  sources = join(dir, 'sources')
  claims = join(dir, 'claims')
  await cp(join(root, 'sources'), sources, { recursive: true })
  await cp(join(root, 'claims'), claims, { recursive: true })
  return () => rm(dir, { recursive: true, force: true })
})

async function run(...argv: string[]) {
  const effects = captureEffects()
  const code = await main(argv, effects)
  return { code, stdout: effects.stdout.join('\n'), stderr: effects.stderr.join('\n') }
}

describe('extract prints what changed', () => {
  it("claimrange extract after adding an article that allows the gym after 12 hours", async () => {
    await writeFile(join(sources, 'quick-recovery.md'), quickRecovery)
    const { code, stdout } = await run('extract', '--sources', sources, '--claims', claims)
    expect(code).toBe(0)
    const report = stdout.slice(stdout.indexOf('What changed in the consensus:'))
    expect(report).not.toBe('')
    const lines = report.split('\n')
    const exercise = lines.find((l) => l.startsWith('  exercise: '))
    expect(exercise).toBeDefined()
    expect(exercise).toContain('+1 voice (quick-recovery)')
    expect(exercise).toContain('+1 claim')
    expect(report).toMatch(/\n {4}new outlier: quick-recovery: 12 h is [^\n]+ the median of/)
    expect(report).toMatch(/\n {4}new conflict: 1 claim from quick-recovery allows exercise after 12 h, but \d+ claims from \d+ sources say to wait longer \(the shortest wait /)
    expect(lines.find((l) => l.startsWith('  sun: '))).toContain('+1 voice (quick-recovery)')
    // Nothing else moved: every row line names the new source.
    for (const line of lines.filter((l) => /^ {2}\S/.test(l))) expect(line).toContain('quick-recovery')

    const again = await run('extract', '--sources', sources, '--claims', claims)
    expect(again.stdout.split('\n').at(-1)).toBe('No change in the consensus.')
  })

  it('claimrange extract after deleting the sentence of a confirmed claim: orphaned, review kept', async () => {
    const claimsFile = join(claims, 'workout-after-microneedling.yaml')
    const massage = (await readClaimsFile(claimsFile)).data!.claims.find((c) => c.topic === 'massage')!
    const outcome = await setReview({ claimsDir: claims, sourcesDir: sources, source: 'workout-after-microneedling', id: massage.id, review: { status: 'confirmed', by: 'AB' } })
    expect(outcome.kind).toBe('updated')
    const sourceFile = join(sources, 'workout-after-microneedling.md')
    const text = await readFile(sourceFile, 'utf8')
    expect(text).toContain(massage.quote)
    await writeFile(sourceFile, text.replace(massage.quote, ''))

    const { stdout, stderr } = await run('extract', '--sources', sources, '--claims', claims)
    expect(stderr).toContain('workout-after-microneedling.yaml')
    const report = stdout.slice(stdout.indexOf('What changed in the consensus:'))
    // The only massage claim of the corpus (extractor version 11): the row goes.
    expect(report).toMatch(/\n {2}massage: no longer stated \(was [^\n]*1 voice: workout-after-microneedling\); −1 claim\n/)
    expect(report).toContain(`\n    orphaned: workout-after-microneedling:${massage.span.line} “Avoid facial massages, aggressive rubbing`)
    const kept = (await readClaimsFile(claimsFile)).data!.claims.find((c) => c.id === massage.id)!
    expect(kept.status).toBe('orphaned')
    expect(kept.review).toEqual({ status: 'confirmed', by: 'AB' })
  })
})

describe('add prints what changed', () => {
  it('claimrange add quick-recovery.md', async () => {
    const input = join(dir, 'quick-recovery.md')
    await writeFile(input, quickRecovery)
    const { code, stdout } = await run('add', input, '--sources', sources, '--claims', claims)
    expect(code).toBe(0)
    expect(stdout).toContain('\n\nWhat changed in the consensus:\n')
    expect(stdout).toMatch(/\n {2}exercise: [^\n]*\+1 voice \(back-to-the-gym-the-next-morning\)/)
  })
})
