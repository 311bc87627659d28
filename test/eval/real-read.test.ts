import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '../../src/message.ts'
import { readRealSet } from '../../src/read/gold.ts'

const fixtures = new URL('./fixtures/real/', import.meta.url).pathname

describe('readRealSet', () => {
  let dir: string
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'claimrange-real-')), 'real')
    await cp(fixtures, dir, { recursive: true })
  })
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true })
  })

  it('readRealSet(fixtures) gives every indexed page its status and no problem', async () => {
    const read = await readRealSet(dir)
    expect(read.messages).toEqual([])
    expect(read.indexFiles).toEqual([join(dir, 'index.yaml')])
    expect(read.pages.map((p) => [p.entry.slug, p.entry.set, p.status])).toEqual([
      ['peel-faq', 'dev', 'ready'],
      ['tattoo-plain', 'dev', 'ready'],
      ['laser-missing', 'dev', 'missing-text'],
      ['piercing-changed', 'dev', 'other-text'],
      ['botox-holdout', 'holdout', 'ready'],
      ['filler-unlabelled', 'dev', 'unlabelled']
    ])
    const peel = read.pages[0]!
    expect(peel.text).toBe(await readFile(join(dir, 'cache', 'peel-faq.txt'), 'utf8'))
    // The guidelines' defaults for fields a labeller leaves out.
    expect(peel.gold![3]).toMatchObject({ topic: 'swimming', vague: false, condition: null, speaker: null, optional: false, alt: [], alt_topics: [] })
    expect(read.pages[3]!.textSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads index.d/*.yaml while there is no index.yaml', async () => {
    const index = await readFile(join(dir, 'index.yaml'), 'utf8')
    const entries = index.split(/\n(?=- slug:)/)
    await mkdir(join(dir, 'index.d'))
    await writeFile(join(dir, 'index.d', 'labeller-a.yaml'), `${entries.slice(0, 3).join('\n')}\n`)
    await writeFile(join(dir, 'index.d', 'labeller-b.yaml'), `${entries.slice(3).join('\n')}`)
    await rm(join(dir, 'index.yaml'))
    const read = await readRealSet(dir)
    expect(read.messages).toEqual([])
    expect(read.indexFiles.map((f) => f.slice(dir.length + 1))).toEqual(['index.d/labeller-a.yaml', 'index.d/labeller-b.yaml'])
    expect(read.pages).toHaveLength(6)
  })

  it('lists every problem of an index and of a gold file at its line and column, and keeps the other pages', async () => {
    const index = join(dir, 'index.yaml')
    const text = await readFile(index, 'utf8')
    // A duplicate slug, a wrong length.
    await writeFile(index, text.replace('  chars: 255\n', '  chars: 256\n') + '- slug: peel-faq\n  url: https://example.org/again\n  procedure: chemical-peel\n  sha256: \'' + '0'.repeat(64) + '\'\n  set: dev\n')
    const gold = join(dir, 'gold', 'peel-faq.yaml')
    const goldText = await readFile(gold, 'utf8')
    await writeFile(
      gold,
      goldText
        .replace('- topic: swimming\n', '- topic: swim\n')
        .replace('  at: [259, 288]\n', '  at: [288, 259]\n')
        .replace('  at: [361, 418]\n', '  at: [361, 900]\n  colour: blue\n')
    )
    await writeFile(join(dir, 'gold', 'stray.yaml'), 'slug: stray\nsha256: nope\nclaims: []\n')
    const read = await readRealSet(dir)
    const lines = read.messages.map((m) => formatMessage({ ...m, file: m.file.slice(dir.length + 1) }))
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
    expect(lines).toEqual([
      `gold/peel-faq.yaml:${lineOf(goldText, '- topic: swimming')}:10: \`claims.3.topic\`: Invalid option: expected one of "exercise"|"swimming"|"sweating"|"sauna"|"sun"|"makeup"|"washing"|"actives"|"alcohol"|"smoking"|"other" [schema]`,
      `gold/peel-faq.yaml:${lineOf(goldText, 'at: [259, 288]')}:7: \`claims.3.at\`: expected \`at: [start, end]\` with end > start [schema]`,
      `gold/peel-faq.yaml:${lineOf(goldText, '- topic: sun')}:3: \`claims.5\`: Unrecognized key: "colour" [schema]`,
      'gold/stray.yaml:1:1: Unexpected gold file for `stray`: the index lists no such page [index]',
      `index.yaml:${lineOf(text, 'chars: 255')}:10: Unexpected \`chars: 256\`, expected \`255\` (the length of \`${join(dir, 'cache', 'tattoo-plain.txt')}\`) [index]`,
      `index.yaml:${text.split('\n').length}:9: Duplicate slug \`peel-faq\`, first at ${index}:2 [index]`
    ])
    expect(read.pages.map((p) => p.status)).toEqual(['invalid', 'invalid', 'missing-text', 'other-text', 'ready', 'unlabelled'])
  })

  it('keeps the other entries of an index when one is broken, and does not call its gold file a stray', async () => {
    const index = join(dir, 'index.yaml')
    const text = await readFile(index, 'utf8')
    await writeFile(index, text.replace('  procedure: laser\n', '').replace('  layout: clinic\n  chars: 62', '  layout: leaflet\n  chars: 62'))
    const read = await readRealSet(dir)
    expect(read.messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([
      `${text.split('\n').findIndex((l) => l === '- slug: laser-missing') + 1}: \`2.procedure\`: Invalid input: expected string, received undefined`,
      `${text.split('\n').findIndex((l) => l === '- slug: laser-missing') + 5}: \`2.layout\`: Invalid option: expected one of "blog"|"clinic"|"qa"|"magazine"|"plain"|"list"`
    ])
    expect(read.pages.map((p) => p.entry.slug)).toEqual(['peel-faq', 'tattoo-plain', 'piercing-changed', 'botox-holdout', 'filler-unlabelled'])
  })

  it('checks that a gold file is for the text indexed and that its offsets lie inside it', async () => {
    const gold = join(dir, 'gold', 'tattoo-plain.yaml')
    const text = await readFile(gold, 'utf8')
    await writeFile(gold, text.replace(/^sha256: \w+$/m, `sha256: ${'a'.repeat(64)}`).replace('at: [212, 254]', 'at: [212, 300]'))
    const read = await readRealSet(dir)
    expect(read.messages.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^Unexpected `sha256`: the index has `e7deceb315c3…` for this page \(.*index\.yaml:\d+\): the offsets are into another text$/),
      'Unexpected `at: [212, 300]`, expected offsets within the text (0–255)'
    ])
    expect(read.pages[1]!.status).toBe('invalid')
  })

  it('throws a FileError for a folder that does not exist, and reads a folder with no index as empty', async () => {
    await expect(readRealSet(join(dir, 'nope'))).rejects.toThrow(/nope: Cannot read folder: it does not exist/)
    const empty = join(dir, 'empty')
    await mkdir(empty)
    expect(await readRealSet(empty)).toEqual({ indexFiles: [], pages: [], messages: [] })
  })
})
