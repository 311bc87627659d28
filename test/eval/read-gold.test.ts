import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '../../src/message.ts'
import { readEvalCorpus, parseGold, readGoldFile } from '../../src/read/gold.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'

const claim = (quote: string, extra = '') =>
  `  - topic: sauna\n    stance: avoid\n    wait: {min: 48, max: 48}\n    condition: null\n    speaker: null\n    quote: "${quote}"\n${extra}`

describe('parseGold', () => {
  it("parseGold(file, 'source: a\\nclaims: []') is valid", () => {
    const read = parseGold('g.yaml', 'source: a\nclaims: []\n')
    expect(read.messages).toEqual([])
    expect(read.data).toEqual({ source: 'a', claims: [] })
  })

  it('parseGold gives the line of each claim', () => {
    const read = parseGold('g.yaml', `source: a\nclaims:\n${claim('one')}${claim('two')}`)
    expect(read.lines).toEqual([3, 9])
  })

  it('parseGold lists every schema problem at its own line', () => {
    const text = `source: a\nclaims:\n${claim('one').replace('stance: avoid', 'stance: maybe')}${claim('two').replace('{min: 48, max: 48}', '{min: 48, max: 24}')}`
    const read = parseGold('g.yaml', text)
    expect(read.data).toBeUndefined()
    expect(read.messages.map(formatMessage)).toEqual([
      expect.stringMatching(/^g\.yaml:4:13: `claims\.0\.stance`: .*"avoid"\|"allowed"/),
      expect.stringMatching(/^g\.yaml:11:11: `claims\.1\.wait`: expected `min` <= `max` \[schema\]$/)
    ])
  })

  it('parseGold rejects unknown fields (a typo in a field name)', () => {
    const read = parseGold('g.yaml', `source: a\nclaims:\n${claim('one', '    notes: oops\n')}`)
    expect(read.messages.map(formatMessage)).toEqual([expect.stringMatching(/^g\.yaml:3:5: `claims\.0`: .*notes/)])
  })

  it('parseGold reports invalid YAML with its line', () => {
    const read = parseGold('g.yaml', 'source: a\nclaims: [\n')
    expect(read.data).toBeUndefined()
    expect(read.messages[0]).toMatchObject({ file: 'g.yaml', ruleId: 'yaml' })
    expect(read.messages[0]!.line).toBeGreaterThanOrEqual(2)
  })

  it('readGoldFile(missing) gives one message, no exception', async () => {
    const read = await readGoldFile('/nonexistent/g.yaml')
    expect(read.messages.map(formatMessage)).toEqual(['/nonexistent/g.yaml: Cannot read file: it does not exist [read]'])
  })
})

describe('readEvalCorpus', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimrange-gold-'))
    await mkdir(join(dir, 'sources'))
    await mkdir(join(dir, 'gold'))
    await writeFile(join(dir, 'sources', 'a.md'), '---\ntitle: A\n---\nAvoid saunas for 48 hours.\nAvoid saunas for 48 hours.\n')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('readEvalCorpus pairs each gold file with its source', async () => {
    await writeFile(join(dir, 'gold', 'a.yaml'), `source: a\nclaims:\n${claim('Avoid saunas for 48 hours.', '    occurrence: 2\n')}`)
    const corpus = await readEvalCorpus(join(dir, 'sources'), join(dir, 'gold'), await readVocabulary())
    expect(corpus.messages).toEqual([])
    expect(corpus.goldFiles).toBe(1)
    expect(corpus.documents).toHaveLength(1)
    expect(corpus.documents[0]).toMatchObject({ file: join(dir, 'sources', 'a.md'), source: { id: 'a', bodyStart: 17 } })
  })

  it('readEvalCorpus reports a quote not found, an ambiguous quote, and unknown vocabulary at the claim line', async () => {
    const text = `source: a\nclaims:\n${claim('Avoid hot tubs')}${claim('Avoid saunas for 48 hours.')}${claim('Avoid saunas').replace('topic: sauna', 'topic: karaoke').replace('condition: null', 'condition: loud')}`
    await writeFile(join(dir, 'gold', 'a.yaml'), text)
    const corpus = await readEvalCorpus(join(dir, 'sources'), join(dir, 'gold'), await readVocabulary())
    const gold = join(dir, 'gold', 'a.yaml')
    expect(corpus.documents).toEqual([])
    expect(corpus.messages.map(formatMessage)).toEqual([
      `${gold}:3: Quote not found in the source: \`Avoid hot tubs\` (in \`${join(dir, 'sources', 'a.md')}\`) [quote]`,
      `${gold}:9: Quote occurs 2 times in the source, expected \`occurrence: N\` to say which: \`Avoid saunas for 48 hours.\` (in \`${join(dir, 'sources', 'a.md')}\`) [quote]`,
      `${gold}:15: Quote occurs 2 times in the source, expected \`occurrence: N\` to say which: \`Avoid saunas\` (in \`${join(dir, 'sources', 'a.md')}\`) [quote]`,
      `${gold}:15: Unexpected condition \`loud\`, expected \`null\` or one of the vocabulary's conditions [vocabulary]`,
      `${gold}:15: Unexpected topic \`karaoke\`, expected one of the vocabulary's topics [vocabulary]`
    ])
  })

  it('readEvalCorpus reports a missing source and a gold file named after another source', async () => {
    await writeFile(join(dir, 'gold', 'b.yaml'), 'claims: []\nsource: b\n')
    await writeFile(join(dir, 'gold', 'c.yaml'), 'source: a\nclaims: []\n')
    const corpus = await readEvalCorpus(join(dir, 'sources'), join(dir, 'gold'))
    expect(corpus.documents).toEqual([])
    expect(corpus.messages.map(formatMessage)).toEqual([
      `${join(dir, 'gold', 'b.yaml')}:2: Cannot use source \`${join(dir, 'sources', 'b.md')}\`: Cannot read file: it does not exist [source]`,
      `${join(dir, 'gold', 'c.yaml')}:1: Unexpected \`source: a\`, expected \`c\` (the gold file's name) [source]`
    ])
  })

  it('readEvalCorpus names the line of a source it cannot use', async () => {
    await writeFile(join(dir, 'sources', 'd.md'), '---\ntitle: [unclosed\n---\nAvoid saunas.\n')
    await writeFile(join(dir, 'gold', 'd.yaml'), 'source: d\nclaims: []\n')
    const corpus = await readEvalCorpus(join(dir, 'sources'), join(dir, 'gold'))
    const messages = corpus.messages.map(formatMessage)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(`${join(dir, 'gold', 'd.yaml')}:1: Cannot use source \`${join(dir, 'sources', 'd.md')}\` at line 3: Invalid YAML in front matter: `)
  })

  it('readEvalCorpus(missing folder) throws a FileError naming it', async () => {
    await expect(readEvalCorpus(join(dir, 'sources'), join(dir, 'nope'))).rejects.toThrow(/nope: Cannot read folder: it does not exist/)
  })
})
