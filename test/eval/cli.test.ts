import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'

/**
 * The CLI runs the real extractor, so these tests check the shape of the
 * output and the exit codes, not the scores (the accuracy test does that).
 */
describe('claimrange eval', () => {
  let dir: string
  let sources: string
  let gold: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimrange-eval-'))
    sources = join(dir, 'sources')
    gold = join(dir, 'gold')
    await mkdir(sources)
    await mkdir(gold)
    await writeFile(join(sources, 'peel.md'), '---\ntitle: Peel\n---\nAfter the peel, avoid saunas for 48 hours.\n\nSwimming is fine after a week.\n')
    await writeFile(
      join(gold, 'peel.yaml'),
      [
        'source: peel',
        'claims:',
        '  - topic: sauna',
        '    stance: avoid',
        '    wait: {min: 48, max: 48}',
        '    condition: null',
        '    speaker: null',
        '    quote: "After the peel, avoid saunas for 48 hours."',
        '  - topic: swimming',
        '    stance: allowed',
        '    wait: {min: 168, max: 168}',
        '    condition: null',
        '    speaker: null',
        '    quote: "Swimming is fine after a week."',
        ''
      ].join('\n')
    )
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('eval --sources DIR --gold DIR prints a table with an all-topics row', async () => {
    const effects = captureEffects()
    const code = await main(['eval', '--sources', sources, '--gold', gold], effects)
    expect(effects.stderr).toEqual([])
    expect(code).toBe(0)
    const out = effects.stdout.join('\n').split('\n')
    expect(out[0]).toBe(`${sources} + ${gold}: 1 source, 2 gold claims`)
    expect(out[1]).toMatch(/^topic\s+precision\s+recall\s+F1\s+gold\s+tp\s+fp\s+fn$/)
    expect(out.find((line) => line.startsWith('sauna '))).toMatch(/^sauna\s+\S+\s+\S+\s+\S+\s+1\s+\d+\s+\d+\s+\d+$/)
    expect(out.find((line) => line.startsWith('all topics'))).toMatch(/^all topics\s+\S+\s+\S+\s+\S+\s+2\s+\d+\s+\d+\s+\d+$/)
    expect(out.join('\n')).not.toContain('Missed')
  })

  it('eval --verbose also lists misses and false alarms', async () => {
    const effects = captureEffects()
    const code = await main(['eval', '--sources', sources, '--gold', gold, '--verbose'], effects)
    expect(code).toBe(0)
    const out = effects.stdout.join('\n')
    expect(out).toMatch(/^Missed \(in gold, not extracted\): \d+$/m)
    expect(out).toMatch(/^False alarms \(extracted, not in gold\): \d+$/m)
    for (const line of out.split('\n').filter((l) => l.startsWith('  '))) expect(line).toMatch(new RegExp(`^  ${sources.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/peel\\.md:\\d+: `))
  })

  it('eval with a broken gold file lists the problem at file:line, scores nothing and exits 1', async () => {
    await writeFile(join(gold, 'peel.yaml'), 'source: peel\nclaims:\n  - topic: sauna\n    stance: avoid\n    wait: {min: 48, max: 48}\n    condition: null\n    speaker: null\n    quote: "avoid hot tubs"\n')
    const effects = captureEffects()
    const code = await main(['eval', '--sources', sources, '--gold', gold], effects)
    expect(code).toBe(1)
    expect(effects.stdout).toEqual([])
    expect(effects.stderr).toEqual([
      `${join(gold, 'peel.yaml')}:3: Quote not found in the source: \`avoid hot tubs\` (in \`${join(sources, 'peel.md')}\`) [quote]`,
      'claimrange: 1 problem in gold files; nothing was scored'
    ])
  })

  it('eval with an empty gold folder exits 1 naming it', async () => {
    const empty = join(dir, 'empty')
    await mkdir(empty)
    const effects = captureEffects()
    expect(await main(['eval', '--sources', sources, '--gold', empty], effects)).toBe(1)
    expect(effects.stderr).toEqual([`claimrange: ${empty}: no gold files (*.yaml) found`])
  })

  it('eval with a missing gold folder exits 1 naming it', async () => {
    const effects = captureEffects()
    expect(await main(['eval', '--sources', sources, '--gold', join(dir, 'nope')], effects)).toBe(1)
    expect(effects.stderr).toEqual([`claimrange: ${join(dir, 'nope')}: Cannot read folder: it does not exist`])
  })
})
