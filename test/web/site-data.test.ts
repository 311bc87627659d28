import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Source } from '../../src/read/source.ts'
import { buildSiteData, relatedOf, siteDataScript, type SiteData } from '../../src/site/data.ts'
import { fixtureData } from './helpers.ts'

function source(id: string, meta: Source['meta'], text = 'Body.'): Source {
  return { id, file: `sources/${id}.md`, text, digest: '0'.repeat(64), meta, bodyStart: 0 }
}

describe('buildSiteData', () => {
  test('buildSiteData(sources, files, vocabulary) sorts sources and fills titles, dates and nulls', async () => {
    const vocabulary = await readVocabulary()
    const data = buildSiteData(
      [source('b-source', { title: 'B', date: new Date('2024-03-01T00:00:00Z'), url: 'https://b.example' }), source('a-source', {})],
      [],
      vocabulary
    )
    expect(data.sources.map((s) => [s.id, s.title, s.date, s.url, s.author])).toEqual([
      ['a-source', 'a-source', null, null, null],
      ['b-source', 'B', '2024-03-01', 'https://b.example', null]
    ])
  })

  test('topics keep the vocabulary order with labels and symmetric related topics; unknown topics follow', async () => {
    const vocabulary = await readVocabulary()
    const claim = { id: 'x-1', topic: 'hot-tubs', activity: 'hot tubs', stance: 'avoid' as const, wait: { min: 24, max: 24, text: null }, condition: 'post-op', speaker: null, quote: 'q', span: { start: 0, end: 1, line: 1 }, review: { status: 'unreviewed' as const } }
    const data = buildSiteData([], [{ source: 'x', digest: '0'.repeat(64), claims: [claim] }], vocabulary)
    expect(data.topics[0]).toEqual({ name: 'exercise', label: 'Exercise', related: ['sweating'] })
    expect(data.topics.find((t) => t.name === 'sweating')!.related).toEqual(['exercise', 'sauna'])
    expect(data.topics.at(-1)).toEqual({ name: 'hot-tubs', label: 'Hot tubs', related: [] })
    expect(data.conditions.slice(0, 2)).toEqual(['superficial', 'deep'])
    expect(data.conditions.at(-1)).toBe('post-op')
    expect(relatedOf(data).sauna).toEqual(['heat', 'sweating'])
  })
})

describe('siteDataScript', () => {
  test('siteDataScript(data) assigns window.__CLAIMRANGE_DATA__ and reads back the same data', async () => {
    const data = await fixtureData()
    const script = siteDataScript(data)
    expect(script.startsWith('window.__CLAIMRANGE_DATA__ = {')).toBe(true)
    expect(script.endsWith(';\n')).toBe(true)
    const window: Record<string, unknown> = {}
    runInNewContext(script, { window })
    expect(JSON.parse(JSON.stringify(window.__CLAIMRANGE_DATA__))).toEqual(JSON.parse(JSON.stringify(data)))
  })

  test('siteDataScript escapes < > & so a source cannot close a script element', async () => {
    const data = await fixtureData()
    const script = siteDataScript(data)
    expect(data.sources.some((s) => s.text.includes('</script>'))).toBe(true)
    expect(script).not.toMatch(/[<>&]/)
  })

  test('siteDataScript output does not depend on key order', () => {
    const a: SiteData = { sources: [], files: [], topics: [{ name: 'sun', label: 'Sun', related: [] }], conditions: [] }
    const b = { conditions: [], topics: [{ related: [], label: 'Sun', name: 'sun' }], files: [], sources: [] } as SiteData
    expect(siteDataScript(a)).toBe(siteDataScript(b))
    expect(siteDataScript(a)).toBe('window.__CLAIMRANGE_DATA__ = {"conditions":[],"files":[],"sources":[],"topics":[{"label":"Sun","name":"sun","related":[]}]};\n')
  })
})
