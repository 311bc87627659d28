import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { readClaimsFile } from '../../src/read/claims.ts'

/** The `rules` of claims as an editor meets them: in the claims file, kept through re-extraction. */
describe('rules in claims files', () => {
  let dir: string
  let sources: string
  let claims: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimrange-rules-'))
    sources = join(dir, 'sources')
    claims = join(dir, 'claims')
    await mkdir(sources)
    await writeFile(join(sources, 'tattoo.md'), '## Days 1–3\n\n- Skip the gym.\n\nIt is not safe to swim for two weeks.\n')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('extract writes every claim with the rules that gave it its topic, stance and time', async () => {
    expect(await main(['extract', '--sources', sources, '--claims', claims], captureEffects())).toBe(0)
    const read = await readClaimsFile(join(claims, 'tattoo.yaml'))
    expect(read.data!.claims.map((c) => [c.topic, c.stance, c.wait.min, c.rules])).toEqual([
      ['exercise', 'avoid', 72, ['topic/own-words', 'stance/avoid-cue', 'timeline/section', 'timeline/day-one']],
      ['swimming', 'avoid', 336, ['topic/own-words', 'stance/negated-allowed', 'time/own-duration']]
    ])
  })

  it('a reviewed claim of a file written before rules had ids keeps its review and gets the rules', async () => {
    expect(await main(['extract', '--sources', sources, '--claims', claims], captureEffects())).toBe(0)
    const file = join(claims, 'tattoo.yaml')
    const text = await readFile(file, 'utf8')
    const old = text.replace(/\n {4}rules: \[[^\]]*\]/g, '').replace('review: {status: unreviewed}', 'review: {status: confirmed, by: mk}')
    expect(old).not.toContain('rules:')
    await writeFile(file, old)
    expect(await main(['extract', '--sources', sources, '--claims', claims, '--force'], captureEffects())).toBe(0)
    const read = await readClaimsFile(file)
    expect(read.data!.claims[0]!.review).toEqual({ status: 'confirmed', by: 'mk' })
    expect(read.data!.claims.map((c) => c.rules?.[1])).toEqual(['stance/avoid-cue', 'stance/negated-allowed'])
  })

  it('extract marks an activity the vocabulary does not list, lists it with its counts and the edit that maps it; check warns once the vocabulary lists it', async () => {
    await writeFile(join(sources, 'brows.md'), 'Do not lie down for 4 hours.\n\nAvoid lying down for the first 4 hours, and skip saunas for a week.\n')
    const effects = captureEffects()
    expect(await main(['extract', '--sources', sources, '--claims', claims], effects)).toBe(0)
    const text = await readFile(join(claims, 'brows.yaml'), 'utf8')
    expect(text).toContain('topic: lying-down\n    activity: lying down\n    unlisted: true\n')
    const listing = effects.stdout.join('\n')
    expect(listing).toMatch(/Activities outside the vocabulary: 1 \(2 claims\)/)
    expect(listing).toMatch(/lying-down +2 claims, 1 source +"lying down"/)
    expect(listing).toContain("add its words to a topic's `words` in vocabulary.yaml (`- lying down`), or to `ignore`")
    // The editor maps the words to a topic: check says the file predates that, and extract reads them as the topic.
    const vocabulary = join(dir, 'vocabulary.yaml')
    const base = await readFile(join(import.meta.dirname, '..', '..', 'vocabulary.yaml'), 'utf8')
    await writeFile(vocabulary, base.replace('topics:\n', 'topics:\n  lying-down:\n    words: [lie down, lying down]\n'))
    const checked = captureEffects()
    expect(await main(['check', '--sources', sources, '--claims', claims, '--vocabulary', vocabulary], checked)).toBe(0)
    expect(checked.stdout.join('\n')).toMatch(/brows\.yaml:\d+:\d+: Unexpected `unlisted` on topic `lying-down`: the vocabulary lists it now/)
    expect(await main(['extract', '--sources', sources, '--claims', claims, '--vocabulary', vocabulary], captureEffects())).toBe(0)
    const mapped = await readClaimsFile(join(claims, 'brows.yaml'))
    expect(mapped.data!.claims.map((c) => [c.topic, c.unlisted ?? false])).toEqual([
      ['lying-down', false],
      ['lying-down', false],
      ['sauna', false]
    ])
  })
})
