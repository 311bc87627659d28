import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import type { ConsensusReport } from '../../src/consensus/types.ts'
import { rowPairs } from './helpers.ts'

const fixtures = join(import.meta.dirname, 'fixtures')
const project = join(import.meta.dirname, '..', '..')
let tmp: string

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'claimrange-consensus-'))
})
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true })
})

/** Run the CLI in-process and collect what it printed. */
async function run(...argv: string[]) {
  const effects = captureEffects()
  const code = await main(argv, effects)
  return { code, stdout: effects.stdout.join('\n'), stderr: effects.stderr.join('\n'), effects }
}

describe('claimrange consensus (terminal)', () => {
  it('claimrange consensus --claims DIR prints the table, the details and the rules', async () => {
    const { code, stdout, stderr } = await run('consensus', '--claims', join(fixtures, 'outliers', 'claims'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^Topic\s+Condition\s+Consensus\s+Median\s+Voices\s+Outliers\s+Conflicts$/)
    expect(lines[1]).toMatch(/^exercise\s+general\s+3 days\s+3 days\s+3\s+0\s+0$/)
    expect(lines[3]).toMatch(/^swimming\s+general\s+48 h – 4 days\s+70 h\s+5\s+1\s+0$/)
    expect(stdout).toContain('Swimming — general: consensus 48 h – 4 days, median 70 h, 5 voices')
    expect(stdout).toContain(
      'outlier   charlie:3 “Do not go swimming at least 24 hours after your treatment.”: 24 h is a third of the median of 70 h, outside the consensus 48 h – 4 days'
    )
    expect(stdout).toMatch(/charlie#Dr Yalda\s+avoid\s+1 week\s+“Swimming should be avoided for a week\.” line 4/)
    expect(stdout).toMatch(/vague\s+delta:7 avoid “Skip pools until fully healed\.”/)
    expect(stdout).toContain('Outliers: A claim is an outlier when')
    expect(stdout).not.toContain('\u001b[')
  })

  it('claimrange consensus colours only when effects.color is set', async () => {
    const effects = { ...captureEffects(), color: true }
    const code = await main(['consensus', '--claims', join(fixtures, 'outliers', 'claims')], effects)
    expect(code).toBe(0)
    expect(effects.stdout.join('\n')).toContain('\u001b[')
  })

  it('claimrange consensus --exclude charlie leaves that source out', async () => {
    const { code, stdout } = await run('consensus', '--claims', join(fixtures, 'outliers', 'claims'), '--exclude', 'charlie')
    expect(code).toBe(0)
    expect(stdout).not.toContain('charlie')
    expect(stdout).toMatch(/^swimming\s+general\s+48 h – 4 days\s+70 h\s+3\s+0\s+0$/m)
  })

  it('claimrange consensus --exclude with an unknown source warns and leaves the report whole', async () => {
    const { code, stdout, stderr } = await run('consensus', '--claims', join(fixtures, 'outliers', 'claims'), '--exclude', 'charlee')
    expect(code).toBe(0)
    expect(stderr).toBe('claimrange: --exclude: no claims file has source `charlee`')
    expect(stdout).toContain('charlie')
  })

  it('claimrange consensus --vocabulary FILE takes related topics from that file', async () => {
    const vocabulary = join(tmp, 'vocabulary.yaml')
    writeFileSync(
      vocabulary,
      [
        'procedures: [microneedling]',
        'topics:',
        '  sweating: {words: [sweat]}',
        '  sauna: {words: [sauna]}',
        '  exercise: {words: [exercise]}',
        'conditions:',
        '  deep: {kind: procedure, words: [deep]}',
        'stance: {avoid: [avoid], allowed: [can], negation: [not]}',
        ''
      ].join('\n')
    )
    const { code, stdout } = await run('consensus', '--claims', join(fixtures, 'conflicts', 'claims'), '--vocabulary', vocabulary, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as ConsensusReport
    const sweating = report.topics.find((t) => t.topic === 'sweating' && t.condition === null)!
    expect(rowPairs(report, sweating).map((c) => [c.allowed.id, c.avoid.id])).toEqual([
      ['sweat-usual', 'needling-sweat'],
      ['sweat-usual', 'sweat-best-avoided']
    ])
  })
})

describe('claimrange consensus --json', () => {
  it('claimrange consensus --json prints the report in the documented shape', async () => {
    const { code, stdout, stderr } = await run('consensus', '--claims', join(fixtures, 'conflicts', 'claims'), '--json')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toBe(JSON.stringify(JSON.parse(stdout), null, 2))
    const report = JSON.parse(stdout) as ConsensusReport
    expect(Object.keys(report.rules).sort()).toEqual(['conflict', 'outlier', 'range', 'voice'])
    const sweating = report.topics.find((t) => t.topic === 'sweating' && t.condition === null)!
    expect(sweating).toMatchObject({ topic: 'sweating', condition: null, voices: 2, claims: ['needling/needling-sweat', 'sweat/sweat-usual', 'sweat/sweat-best-avoided'] })
    expect(sweating.conflicts.groups[0]).toMatchObject({ allowedFrom: 0, allowed: ['sweat/sweat-usual'], pairs: 5, withinSource: 3 })
    expect(sweating.conflicts.groups[0]!.reason).toContain('1 claim from sweat allows sweating right away')
    expect(rowPairs(report, sweating)[0]).toEqual({
      allowed: { source: 'sweat', id: 'sweat-usual' },
      avoid: { source: 'needling', id: 'needling-ex' },
      scope: 'cross-source',
      reason: expect.stringContaining('sweat allows sweat right away')
    })
    expect(report.claims['sweat/sweat-usual']).toMatchObject({ source: 'sweat', stance: 'allowed', quote: 'If you are having microneedling done, you can sweat as usual.', line: 14 })
  })

  it('claimrange consensus --json ends with a newline and is byte-identical on a rerun', async () => {
    const exec = promisify(execFile)
    const args = ['bin/claimrange.js', 'consensus', '--claims', join(fixtures, 'outliers', 'claims'), '--json']
    const first = await exec('node', args, { cwd: project })
    const second = await exec('node', args, { cwd: project })
    expect(first.stdout.endsWith('}\n')).toBe(true)
    expect(second.stdout).toBe(first.stdout)
    const report = JSON.parse(first.stdout) as ConsensusReport
    expect(report.topics.find((t) => t.topic === 'swimming')!.outliers).toEqual([
      {
        claim: 'charlie-swim',
        source: 'charlie',
        speaker: null,
        wait: { min: 24, max: 24 },
        reason: '24 h is a third of the median of 70 h, outside the consensus 48 h – 4 days',
        factor: 0.35
      }
    ])
  })
})

describe('claimrange consensus --markdown', () => {
  it('claimrange consensus --markdown FILE writes a paste-ready report, the same bytes every run', async () => {
    const out = join(tmp, 'review', 'consensus.md')
    const first = await run('consensus', '--claims', join(fixtures, 'conflicts', 'claims'), '--markdown', out)
    expect(first.code).toBe(0)
    expect(first.stderr).toBe(`claimrange: wrote ${out}`)
    expect(first.stdout).toMatch(/^Topic\s+Condition/)
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('# Consensus report\n\n| Topic | Condition | Consensus | Median | Voices | Outliers | Conflicts |\n')).toBe(true)
    // sweat says both ("sweat as usual", "it is best avoided"): the tie goes to its claim with a time, 0 h.
    expect(text).toContain('| sweating | general | 0–72 h | 7.5 h | 2 | 0 | 5 (3 within-source) |')
    expect(text).toContain('## Active skincare (retinol, acids, exfoliants) — general')
    expect(text).toContain('- *within-source*: sweat allows retinol after 5–6 days')
    expect(text).toContain('| sweat#Dr Shotter | avoid | 48 h |')
    expect(text).toContain('**Vague claims** (no number: they count for stance, not for the range)')
    expect(text).toContain('- **Range.** Waits are compared on a log scale')
    expect(text.endsWith('\n')).toBe(true)
    expect(text.endsWith('\n\n')).toBe(false)
    await run('consensus', '--claims', join(fixtures, 'conflicts', 'claims'), '--markdown', out)
    expect(readFileSync(out, 'utf8')).toBe(text)
  })
})

describe('claimrange consensus with bad input', () => {
  it('reports an invalid claims file as file:line:column, skips it, still prints the rest and exits 1', async () => {
    const dir = join(tmp, 'claims')
    cpSync(join(fixtures, 'outliers', 'claims'), dir, { recursive: true })
    writeFileSync(join(dir, 'broken.yaml'), 'source: broken\ndigest: "nothex"\nclaims: []\n')
    writeFileSync(join(dir, 'garbled.yaml'), 'source: garbled\nclaims: [\n')
    const { code, stdout, stderr } = await run('consensus', '--claims', dir)
    expect(code).toBe(1)
    const errors = stderr.split('\n')
    expect(errors[0]).toBe(`${join(dir, 'broken.yaml')}:2:9: \`digest\`: expected a sha256 hex digest [schema]`)
    expect(errors[1]).toMatch(new RegExp(`^${join(dir, 'garbled.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: Invalid YAML: .+ \\[yaml\\]$`))
    expect(errors.at(-1)).toBe('claimrange: skipped 2 unusable claims files; the report leaves them out')
    expect(stdout).toMatch(/^swimming\s+general\s+48 h – 4 days/m)
  })

  it('an empty claims folder gives one clear message and exit 1', async () => {
    const dir = join(tmp, 'empty')
    mkdirSync(dir)
    const { code, stdout, stderr } = await run('consensus', '--claims', dir)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`claimrange: ${dir}: no claims files (*.yaml) found; run \`claimrange extract\` first`)
  })

  it('a missing claims folder gives a one-line error and exit 1', async () => {
    const dir = join(tmp, 'nowhere')
    const { code, stderr } = await run('consensus', '--claims', dir)
    expect(code).toBe(1)
    expect(stderr).toBe(`claimrange: ${dir}: Cannot read folder: it does not exist`)
  })

  it('a folder where no claims file is usable lists every problem and exits 1', async () => {
    const dir = join(tmp, 'claims')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.yaml'), 'source: a\n')
    const { code, stdout, stderr } = await run('consensus', '--claims', dir)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(`claimrange: ${dir}: none of the 1 claims file is usable:`)
    expect(stderr).toContain(`${join(dir, 'a.yaml')}:1:1:`)
  })

  it('a claims folder whose files hold no claims prints that there is nothing to compare', async () => {
    const dir = join(tmp, 'claims')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.yaml'), `source: a\ndigest: "${'0'.repeat(64)}"\nclaims: []\n`)
    const { code, stdout } = await run('consensus', '--claims', dir)
    expect(code).toBe(0)
    expect(stdout).toBe('No claims to compare.')
  })
})
