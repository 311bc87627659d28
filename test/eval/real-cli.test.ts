import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { formatMessage } from '../../src/message.ts'
import { readRealSet } from '../../src/read/gold.ts'

/**
 * `eval --real` runs the real extractor on the fixture pages (written for
 * these tests), so these check what is scored, the shape of the output and
 * the exit codes; the scorer's counts are checked on hand-made claims in
 * real-score.test.ts.
 */
const fixtures = new URL('./fixtures/real/', import.meta.url).pathname

describe('claimrange eval --real', () => {
  let root: string
  let dir: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'claimrange-real-cli-'))
    dir = join(root, 'real')
    await cp(fixtures, dir, { recursive: true })
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('eval --real DIR scores the labelled dev pages whose text is cached, says what it did not score, and lists findings with rules', async () => {
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir], effects)).toBe(0)
    expect(effects.stderr).toEqual([])
    const out = effects.stdout.join('\n').split('\n')
    expect(out[0]).toMatch(new RegExp(`^Real articles \\(${dir}, set dev\\): 2 of 5 pages scored, 10 gold claims \\(and 1 optional, not counted\\)\\.$`))
    expect(out[1]).toBe('Not scored: 1 without cached text; 1 not labelled yet (filler-unlabelled).')
    expect(out[2]).toMatch(/^Not scored: piercing-changed: the cached text is another than the one labelled \(sha256 [0-9a-f]{12}…, indexed 861d87a806dd…\)\.$/)
    expect(out).toContainEqual(expect.stringMatching(/^topic\s+gold\s+P\s+R\s+F1\s+tp\s+fp\s+fn\s+loose P\s+loose R\s+loose F1$/))
    for (const row of ['swimming', 'core \\(exercise, swimming, sweating\\)', 'all topics', 'chemical-peel', 'tattoo']) {
      expect(out, row).toContainEqual(expect.stringMatching(new RegExp(`^${row}\\s+(\\d+\\s+)+(\\d\\.\\d{3}|–)\\s`)))
    }
    expect(out).toContainEqual(expect.stringMatching(/^Missed \(strict; in gold, not extracted\): \d+$/))
    expect(out).toContainEqual(expect.stringMatching(/^False alarms \(strict; extracted, not in gold\): \d+$/))
    const findings = out.filter((l) => l.startsWith('  '))
    for (const line of findings) expect(line).toMatch(new RegExp(`^  ${dir}/cache/(peel-faq|tattoo-plain)\\.txt:\\d+: \\S+ (avoid|allowed) `))
    // Holdout pages are neither scored in dev nor listed.
    expect(effects.stdout.join('\n')).not.toContain('botox')
  })

  it('eval --real --set holdout scores the holdout pages but never lists their findings; --json says the same', async () => {
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir, '--set', 'holdout'], effects)).toBe(0)
    const text = effects.stdout.join('\n')
    expect(text).toMatch(/: 1 of 1 pages scored, 3 gold claims\./)
    expect(text).toContain('Missed (strict; in gold, not extracted): 0')
    expect(text).not.toContain('/cache/botox-holdout.txt:')
    const json = captureEffects()
    expect(await main(['eval', '--real', dir, '--set', 'all', '--json'], json)).toBe(0)
    const parsed = JSON.parse(json.stdout.join('\n'))
    expect(parsed.status).toMatchObject({ set: 'all', pages: 6, scored: ['peel-faq', 'tattoo-plain', 'botox-holdout'], missingText: ['laser-missing'], unlabelled: ['filler-unlabelled'] })
    expect(parsed.score.pages).toBe(3)
    expect(parsed.score.procedures.map((p: { procedure: string }) => p.procedure)).toEqual(['botox', 'chemical-peel', 'tattoo'])
    for (const finding of [...parsed.score.misses, ...parsed.score.falseAlarms]) expect(finding.set).toBe('dev')
    expect(parsed.problems).toEqual([])
  })

  it('eval --real --verbose groups misses and false alarms by rule', async () => {
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir, '--verbose'], effects)).toBe(0)
    const out = effects.stdout.join('\n').split('\n')
    expect(out).toContainEqual(expect.stringMatching(/^False alarms by rule \(a claim is listed under each of its rules\): \d+$/))
    expect(out).toContainEqual(expect.stringMatching(/^Misses by the rules of the claim extracted there, or of what ruled one out there: \d+$/))
    for (const line of out.filter((l) => /^ {2}\S/.test(l))) expect(line).toMatch(/^ {2}([a-z-]+\/[a-z-]+|\(nothing extracted or ruled out there\)): \d+$/)
  })

  it('without cached texts (CI) says plainly that nothing was scored, prints no score and exits 0', async () => {
    await rm(join(dir, 'cache'), { recursive: true })
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir], effects)).toBe(0)
    expect(effects.stderr).toEqual([])
    expect(effects.stdout.join('\n').split('\n')).toEqual([
      `Real articles (${dir}, set dev): nothing was scored: no page of set dev has its text in ${dir}/cache/ (page texts are never committed; a machine that has not fetched them, such as CI, has none).`,
      'Not scored: 4 without cached text; 1 not labelled yet (filler-unlabelled).'
    ])
  })

  it('with a broken gold file lists every problem at file:line:column, still scores the other pages and exits 1', async () => {
    const gold = join(dir, 'gold', 'tattoo-plain.yaml')
    await writeFile(gold, (await readFile(gold, 'utf8')).replace('  stance: avoid\n', '  stance: wait\n').replace('min_hours: 336\n', 'min_hours: -1\n'))
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir], effects)).toBe(1)
    expect(effects.stderr).toEqual([
      expect.stringMatching(new RegExp(`^${gold}:7:11: \`claims\\.0\\.stance\`: Invalid option: expected one of "avoid"\\|"allowed" \\[schema\\]$`)),
      expect.stringMatching(new RegExp(`^${gold}:\\d+:\\d+: \`claims\\.2\\.min_hours\`: Too small: expected number to be >=0 \\[schema\\]$`))
    ])
    expect(effects.stdout[0]).toMatch(/: 1 of 5 pages scored, 5 gold claims/)
    expect(effects.stdout.join('\n')).toContain('1 with problems (tattoo-plain)')
  })

  it('rejects --real with --sources, and a --set that is no set (exit 2)', async () => {
    const mixed = captureEffects()
    expect(await main(['eval', '--real', dir, '--sources', 'sources'], mixed)).toBe(2)
    expect(mixed.stderr).toEqual(['claimrange: --real scores the real-article set: it takes no --sources or --gold'])
    expect(await main(['eval', '--real', dir, '--set', 'test'], captureEffects())).toBe(2)
  })

  it('says so when the folder has no index yet (and no gold)', async () => {
    await rm(join(dir, 'index.yaml'))
    await rm(join(dir, 'gold'), { recursive: true })
    const effects = captureEffects()
    expect(await main(['eval', '--real', dir], effects)).toBe(0)
    expect(effects.stdout).toEqual([`Real articles (${dir}, set dev): nothing was scored: there is no ${dir}/index.yaml (nor index.d/*.yaml).`])
  })
})

describe('the committed real-article set (test/real)', () => {
  it('has an index and gold files without problems, when it has any (read only: no extraction)', async () => {
    const read = await readRealSet('test/real')
    expect(read.messages.map(formatMessage)).toEqual([])
    expect(read.indexFiles.length > 0).toBe(existsSync('test/real/index.yaml') || existsSync('test/real/index.d'))
  })
})
