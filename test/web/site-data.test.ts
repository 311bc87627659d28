import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import type { TopicConsensus } from '../../src/consensus/types.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Source } from '../../src/read/source.ts'
import type { Claim } from '../../src/schema.ts'
import { buildSiteData, detailScript, relatedOf, type SiteData, type SourceDetail } from '../../src/site/data.ts'
import { decodeSiteData, siteDataScript, type WireData } from '../../src/site/wire.ts'
import { fixtureData } from './helpers.ts'

function source(id: string, meta: Source['meta'], text = 'Body.'): Source {
  return { id, file: `sources/${id}.md`, text, digest: '0'.repeat(64), meta, bodyStart: 0 }
}

/** Run a script as the browser would, with a `window` of our own. */
function run(script: string, window: Record<string, unknown>): void {
  runInNewContext(script, { window, document: { currentScript: 'the script element' } })
}

/** What a claim is worth to the chart: its values, without its words. */
function values(c: Claim) {
  return [c.id, c.topic, c.stance, c.wait.min, c.wait.max, c.wait.vague === true, c.condition, c.speaker, c.review, c.status ?? null, c.unlisted === true]
}

/** Rows with the within-source reasons left out (they quote words `data.js` does not carry). */
function blank(rows: TopicConsensus[]): TopicConsensus[] {
  return rows.map((t) => ({ ...t, conflicts: { ...t.conflicts, withinSource: t.conflicts.withinSource.map((c) => ({ ...c, reason: '' })) } }))
}

describe('buildSiteData', () => {
  test('buildSiteData(sources, files, vocabulary) sorts sources and fills titles, dates and nulls; no text', async () => {
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
    expect(JSON.stringify(data)).not.toContain('Body.')
  })

  test('topics keep the vocabulary order with labels and symmetric related topics; topics the vocabulary lacks follow, unlisted', async () => {
    const vocabulary = await readVocabulary()
    const claim = { id: 'x-1', topic: 'hot-tubs', activity: 'hot tubs', stance: 'avoid' as const, wait: { min: 24, max: 24, text: null }, condition: 'post-op', speaker: null, quote: 'q', span: { start: 0, end: 1, line: 1 }, review: { status: 'unreviewed' as const } }
    const data = buildSiteData([], [{ source: 'x', digest: '0'.repeat(64), claims: [claim] }], vocabulary)
    expect(data.topics[0]).toEqual({ name: 'exercise', label: 'Exercise', related: ['sweating'], unlisted: false })
    expect(data.topics.find((t) => t.name === 'sweating')!.related).toEqual(['exercise', 'sauna'])
    expect(data.topics.at(-1)).toEqual({ name: 'hot-tubs', label: 'Hot tubs', related: [], unlisted: true })
    expect(data.conditions.slice(0, 2)).toEqual(['superficial', 'deep'])
    expect(data.conditions.at(-1)).toBe('post-op')
    expect(relatedOf(data).sauna).toEqual(['heat', 'sweating'])
  })

  test('an unlisted topic is labelled with the words most of its claims use for the activity', async () => {
    const vocabulary = await readVocabulary()
    const claim = (id: string, activity: string): Claim => ({ id, topic: 'lying-down', activity, unlisted: true, stance: 'avoid', wait: { min: 4, max: 4, text: null }, condition: null, speaker: null, quote: 'q', span: { start: 0, end: 1, line: 1 }, review: { status: 'unreviewed' } })
    const data = buildSiteData([], [{ source: 'x', digest: '0'.repeat(64), claims: [claim('a', 'lying flat'), claim('b', 'lying down'), claim('c', 'lying down')] }], vocabulary)
    expect(data.topics.at(-1)).toEqual({ name: 'lying-down', label: 'Lying down', related: [], unlisted: true })
  })
})

describe('data.js and the detail scripts', () => {
  test('siteDataScript(data) assigns window.__CLAIMRANGE_DATA__; it reads back to every claim’s values and the consensus of computeConsensus', async () => {
    const data = await fixtureData()
    const script = siteDataScript(data, new Map(data.files.map((f) => [f.source, `sources/${f.source}.js`])))
    expect(script.startsWith('window.__CLAIMRANGE_DATA__ = {')).toBe(true)
    expect(script.endsWith(';\n')).toBe(true)
    const window: Record<string, unknown> = {}
    run(script, window)
    const decoded = decodeSiteData(window.__CLAIMRANGE_DATA__ as WireData)
    expect(decoded.data.files.map((f) => f.claims.map(values))).toEqual(data.files.map((f) => f.claims.map(values)))
    expect(decoded.data.topics).toEqual(data.topics)
    expect(decoded.data.sources).toEqual(data.sources)
    expect(decoded.details.get('derm-blog')).toBe('sources/derm-blog.js')
    const whole = computeConsensus(data.files, { related: relatedOf(data) }).topics
    expect(whole.some((t) => t.conflicts.withinSource.length > 0) && whole.some((t) => t.outliers.length > 0) && whole.some((t) => t.conflicts.groups.length > 0)).toBe(true)
    expect(decoded.consensus).toEqual(blank(whole))
  })

  test('data.js carries no source text and no quote: the words are in the detail scripts', async () => {
    const data = await fixtureData()
    const script = siteDataScript(data)
    for (const file of data.files) for (const claim of file.claims) expect(script).not.toContain(JSON.stringify(claim.quote).slice(1, -1).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    expect(script).not.toContain('Light exercise is fine')
    // Reviews stay: what an editor decided is what the first screen counts.
    expect(script).toContain('"not aftercare advice"')
  })

  test('detailScript(detail) hands its own script element and the claims with their words and text to the page', async () => {
    const data = await fixtureData()
    const file = data.files.find((f) => f.source === 'hostile')!
    const detail: SourceDetail = { source: 'hostile', claims: file.claims, text: { text: 'Tips <script>window.__pwned=1</script> & more', bodyStart: 0 } }
    const script = detailScript(detail)
    expect(script.startsWith('window.__CLAIMRANGE_DETAIL__(document.currentScript, {')).toBe(true)
    expect(script).not.toMatch(/[<>&]/)
    const got: unknown[] = []
    run(script, { __CLAIMRANGE_DETAIL__: (element: unknown, value: unknown) => got.push(element, value) })
    expect(got[0]).toBe('the script element')
    expect(JSON.parse(JSON.stringify(got[1]))).toEqual(JSON.parse(JSON.stringify(detail)))
  })

  test('siteDataScript escapes < > & so no text can close a script element, and does not depend on key order', async () => {
    const data = await fixtureData()
    expect(data.sources.some((s) => s.title.includes('</script>'))).toBe(true)
    expect(siteDataScript(data)).not.toMatch(/[<>&]/)
    const a: SiteData = { sources: [], files: [], topics: [{ name: 'sun', label: 'Sun', related: [], unlisted: false }], conditions: [] }
    const b = { conditions: [], topics: [{ unlisted: false, related: [], label: 'Sun', name: 'sun' }], files: [], sources: [] } as SiteData
    expect(siteDataScript(a)).toBe(siteDataScript(b))
    expect(siteDataScript(a)).toBe('window.__CLAIMRANGE_DATA__ = {"conditions":[],"consensus":[],"files":[],"format":2,"sources":[],"topics":[{"label":"Sun","name":"sun","related":[],"unlisted":false}]};\n')
  })

  test('decodeSiteData refuses data of another layout with a message that says to rebuild', () => {
    expect(() => decodeSiteData({ sources: [], files: [], topics: [], conditions: [] } as unknown as WireData)).toThrow(/rebuild the site/)
  })
})
