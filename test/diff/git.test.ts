/**
 * `claimrange diff --since <ref>` against a temp git repository.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { readClaimsAtRef } from '../../src/read/git.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

let repo: string
let claims: string

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' })
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'claimrange-git-'))
  claims = join(repo, 'data', 'claims')
  git('init', '-q', '-b', 'main')
  await mkdir(join(repo, 'data'))
  await writeFile(join(repo, 'README.md'), 'no claims yet\n')
  git('add', 'README.md')
  git('commit', '-q', '-m', 'start')
  await cp(join(root, 'claims'), claims, { recursive: true })
  await rm(join(claims, 'workout-after-microneedling.yaml'))
  git('add', 'data')
  git('commit', '-q', '-m', 'four sources')
  return () => rm(repo, { recursive: true, force: true })
})

async function diff(...flags: string[]) {
  const effects = captureEffects()
  const code = await main(['diff', '--claims', claims, ...flags], effects)
  return { code, stdout: effects.stdout.join('\n'), stderr: effects.stderr.join('\n') }
}

describe('claimrange diff', () => {
  it('claimrange diff: unchanged working tree', async () => {
    const { code, stdout, stderr } = await diff()
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const commit = git('rev-parse', '--short=7', 'HEAD').trim()
    expect(stdout).toBe(`${claims}: HEAD (${commit}) → working tree\nNo change in the consensus.`)
  })

  it('claimrange diff after a source was added and a claim rejected in the working tree', async () => {
    await cp(join(root, 'claims', 'workout-after-microneedling.yaml'), join(claims, 'workout-after-microneedling.yaml'))
    const file = join(claims, 'microneedling-aftercare-bhskin.yaml')
    const text = await readFile(file, 'utf8')
    const alcohol = /\n {2}- id: (alcohol-[0-9a-f]+)\n/.exec(text)![1]!
    const rejected = text.replace(new RegExp(`(- id: ${alcohol}\\n(?:.*\\n)*?\\s+review: )\\{status: unreviewed\\}`), '$1{status: rejected, note: "not about microneedling"}')
    expect(rejected).not.toBe(text)
    await writeFile(file, rejected)

    const { code, stdout } = await diff('--since', 'HEAD')
    expect(code).toBe(0)
    expect(stdout).toContain('\nWhat changed in the consensus:\n')
    // The source's claim was the only alcohol claim of the corpus (extractor version 11): the row goes.
    expect(stdout).toMatch(/\n {2}alcohol: no longer stated \(was [^\n]*1 voice: microneedling-aftercare-bhskin\); −1 claim/)
    expect(stdout).toMatch(/\n {2}exercise: [^\n]*\+1 voice \(workout-after-microneedling\)/)
  })

  it('claimrange diff --since HEAD~1: the claims folder did not exist then, every row is new', async () => {
    const { code, stdout } = await diff('--since', 'HEAD~1')
    expect(code).toBe(0)
    expect(stdout.split('\n')[1]).toMatch(/^New consensus: \d+ rows from 4 sources\.$/)
  })

  it('claimrange diff --since nope: unknown ref, one line, exit 1', async () => {
    const { code, stdout, stderr } = await diff('--since', 'nope')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`claimrange: ${claims}: Unknown git ref \`nope\`: no such commit in this repository`)
  })

  it('claimrange diff --since=--output=x: an option-like ref is refused', async () => {
    const { code, stderr } = await diff('--since=--output=x')
    expect(code).toBe(1)
    expect(stderr).toContain('Unexpected git ref `--output=x`')
  })

  it('claimrange diff outside a git repository: one line, exit 1', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'claimrange-nogit-'))
    try {
      const effects = captureEffects()
      const code = await main(['diff', '--claims', join(outside, 'claims')], effects)
      expect(code).toBe(1)
      expect(effects.stderr).toEqual([`claimrange: ${join(outside, 'claims')}: Not inside a git repository: \`--since\` compares with a commit`])
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('claimrange diff with a claims file broken in the working tree: skipped with file:line, exit 1', async () => {
    await writeFile(join(claims, 'sweat-after-microneedling.yaml'), 'source: sweat\nclaims: [\n')
    const { code, stdout, stderr } = await diff()
    expect(code).toBe(1)
    expect(stderr).toMatch(/sweat-after-microneedling\.yaml:\d+:\d+: Invalid YAML/)
    expect(stdout).toMatch(/no longer stated|−1 voice \(sweat-after-microneedling/)
  })

  it('readClaimsAtRef(dir, "HEAD") reads the committed files and names the commit', async () => {
    const committed = await readClaimsAtRef(claims, 'HEAD')
    expect(committed.path).toBe('data/claims')
    expect(committed.commit).toBe(git('rev-parse', 'HEAD').trim())
    expect(committed.files.map((f) => f.source)).toEqual([
      'exercise-after-skin-needling',
      'microneedling-aftercare-bhskin',
      'skin-care-after-microneedling',
      'sweat-after-microneedling'
    ])
    expect(committed.messages).toEqual([])
  })
})
