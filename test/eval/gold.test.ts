import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultCorpora } from '../../src/cli/eval.ts'
import { formatMessage } from '../../src/message.ts'
import { listFiles } from '../../src/read/claims.ts'
import { readEvalCorpus } from '../../src/read/gold.ts'
import { parseFrontMatter } from '../../src/read/source.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'

const [bundled, extra] = defaultCorpora as [(typeof defaultCorpora)[0], (typeof defaultCorpora)[0]]

describe('gold files', () => {
  for (const corpus of [bundled, extra]) {
    it(`readEvalCorpus('${corpus.sources}', '${corpus.gold}') finds every gold quote in its source, with vocabulary topics`, async () => {
      const read = await readEvalCorpus(corpus.sources, corpus.gold, await readVocabulary())
      expect(read.messages.map(formatMessage)).toEqual([])
      expect(read.documents.length).toBe(read.goldFiles)
    })

    it(`every source in ${corpus.sources}/ has a gold file in ${corpus.gold}/`, async () => {
      const sources = (await listFiles(corpus.sources, /\.md$/i)).map((name) => name.replace(/\.md$/i, ''))
      const gold = (await listFiles(corpus.gold, /\.ya?ml$/i)).map((name) => name.replace(/\.ya?ml$/i, ''))
      expect(gold).toEqual(sources)
    })
  }

  it('gold lists claims for every topic the accuracy test thresholds name', async () => {
    const read = await readEvalCorpus(bundled.sources, bundled.gold)
    const topics = new Set(read.documents.flatMap((d) => d.gold.map((claim) => claim.topic)))
    for (const topic of ['exercise', 'swimming', 'sweating']) expect(topics).toContain(topic)
  })
})

describe('extra articles', () => {
  it('there are at least 8 extra articles, each 300–900 words of body', async () => {
    const names = await listFiles(extra.sources, /\.md$/i)
    expect(names.length).toBeGreaterThanOrEqual(8)
    for (const name of names) {
      const file = join(extra.sources, name)
      const text = await readFile(file, 'utf8')
      const { bodyStart } = parseFrontMatter(file, text)
      const words = text.slice(bodyStart).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length
      expect([name, words >= 300 && words <= 900]).toEqual([name, true])
    }
  })

  it('some extra articles have front matter and some have none', async () => {
    const names = await listFiles(extra.sources, /\.md$/i)
    const starts = await Promise.all(names.map(async (name) => (await readFile(join(extra.sources, name), 'utf8')).startsWith('---\n')))
    expect(starts).toContain(true)
    expect(starts).toContain(false)
  })
})
