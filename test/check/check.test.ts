import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'

/** `check` on a folder made by `extract`, then edited by hand. */
describe('claimrange check: rule ids', () => {
  let dir: string
  let sources: string
  let claims: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimrange-check-'))
    sources = join(dir, 'sources')
    claims = join(dir, 'claims')
    await mkdir(sources)
    await writeFile(join(sources, 'peel.md'), 'After the peel, avoid saunas for 48 hours.\n\nSwimming is fine after a week.\n')
    expect(await main(['extract', '--sources', sources, '--claims', claims], captureEffects())).toBe(0)
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('passes a claims file whose claims carry the rules that read them', async () => {
    const text = await readFile(join(claims, 'peel.yaml'), 'utf8')
    expect(text).toContain('    rules: [topic/own-words, stance/avoid-cue, time/own-duration]\n')
    const effects = captureEffects()
    expect(await main(['check', '--sources', sources, '--claims', claims], effects)).toBe(0)
    expect(effects.stdout).toEqual(['check: all claims files are valid and current'])
  })

  it('reports an unknown rule id at its line and column, and a malformed one as a schema error', async () => {
    const file = join(claims, 'peel.yaml')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('stance/avoid-cue', 'stance/avoid-cues'))
    const effects = captureEffects()
    expect(await main(['check', '--sources', sources, '--claims', claims], effects)).toBe(1)
    const line = text.split('\n').findIndex((l) => l.includes('stance/avoid-cue')) + 1
    const column = text.split('\n')[line - 1]!.indexOf('stance/avoid-cue') + 1
    expect(effects.stdout[0]).toBe(
      `${file}:${line}:${column}: Unexpected rule \`stance/avoid-cues\`, expected an id of \`src/extract/rules/\` (a claims file of another version? run \`claimrange extract --force\`) [rules]`
    )
    await writeFile(file, text.replace('stance/avoid-cue', 'Avoid Cue'))
    const broken = captureEffects()
    expect(await main(['check', '--sources', sources, '--claims', claims], broken)).toBe(1)
    expect(broken.stdout[0]).toMatch(/peel\.yaml:\d+:\d+: `claims\.0\.rules\.1`: expected a rule id like `stance\/avoid-cue` \[schema\]$/)
  })

  it('reports an `unlisted` mark that is not `true` as a schema error', async () => {
    const file = join(claims, 'peel.yaml')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/(\n {4}activity: [^\n]*)/, '$1\n    unlisted: false'))
    const effects = captureEffects()
    expect(await main(['check', '--sources', sources, '--claims', claims], effects)).toBe(1)
    expect(effects.stdout[0]).toMatch(/peel\.yaml:\d+:\d+: `claims\.0\.unlisted`: .*\[schema\]$/)
  })
})
