/**
 * The page's state without a browser: it starts from the build's
 * consensus as `data.js` carries it, switches sources off and on by
 * recomputing the rows they touch, merges the words it loads, and takes a
 * review; at every step its rows, outliers, conflict counts and pairs are
 * those of the whole consensus computed again.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import type { SiteData, SourceDetail } from '../../src/site/data.ts'
import { decodeSiteData, encodeSiteData } from '../../src/site/wire.ts'
import { replaceClaim } from '../../web/data.ts'
import { pageModel, viewModel } from '../../web/model.ts'
import { indexReport } from '../../web/report.ts'
import { createState, currentRows, mergeWords, replaceData, setExcluded, type PageState } from '../../web/state.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData

beforeAll(async () => {
  data = await fixtureData()
})

/** The state a page starts in: the data and consensus as read back from `data.js`. */
function pageState(): PageState {
  const decoded = decodeSiteData(JSON.parse(JSON.stringify(encodeSiteData(data, consensusOf(data).topics, new Map()))))
  return createState(decoded.data, decoded.consensus)
}

/** A claims file's detail as its script gives it. */
function detail(source: string): SourceDetail {
  return { source, claims: data.files.find((f) => f.source === source)!.claims, text: null }
}

/** Rows with the within-source reasons left out. */
function blank(rows: ReturnType<typeof currentRows>) {
  return rows.map((t) => ({ ...t, conflicts: { ...t.conflicts, withinSource: t.conflicts.withinSource.map((c) => ({ ...c, reason: '' })) } }))
}

describe('page state', () => {
  test('setExcluded(state, sources) leaves the state of computeConsensus without them, switch after switch', () => {
    const state = pageState()
    for (const off of [['derm-blog'], ['derm-blog', 'quick-tips'], ['quick-tips'], [], ['home-care'], ['clinic-guide', 'hostile', 'derm-blog']]) {
      const exclude = new Set(off)
      setExcluded(state, exclude)
      const expected = consensusOf(data, off)
      expect(blank(currentRows(state)), off.join(',')).toEqual(blank(expected.topics))
      const model = viewModel(state.base, { exclude: off })
      const full = pageModel(data, expected, { exclude: off })
      for (const [key, view] of full.claims) {
        const mine = model.claims.get(key)!
        expect([key, mine.outlier, mine.conflictCount]).toEqual([key, view.outlier, view.conflictCount])
        expect(model.index.pairsOf(key).map((p) => p.other)).toEqual(indexReport(expected).pairsOf(key).map((p) => p.other))
      }
      expect(model.rows.map((r) => [r.key, r.lines.map((l) => l.source)])).toEqual(full.rows.map((r) => [r.key, r.lines.map((l) => l.source)]))
    }
  })

  test('a switch recomputes only the rows its source touches', () => {
    const state = pageState()
    const before = new Map(currentRows(state).map((t) => [t.topic + (t.condition ?? ''), t]))
    const touched = setExcluded(state, new Set(['home-care']))
    expect([...touched].map((k) => k.replace('\u0000', '/')).sort()).toEqual(['facial-massage/', 'lying-down/'])
    const sun = currentRows(state).find((t) => t.topic === 'sun')!
    expect(sun).toBe(before.get('sun'))
  })

  test('mergeWords(state, detail) gives the claims their words and the within-source pairs their reasons, as the engine words them', () => {
    const state = pageState()
    const pair = () => currentRows(state).find((t) => t.topic === 'sweating')!.conflicts.withinSource[0]!
    expect(pair().reason).toBe('')
    expect(state.base.claims.get('derm-blog/derm-sweat')!.claim.quote).toBe('')
    expect(mergeWords(state, detail('derm-blog'))).toBe(true)
    expect(mergeWords(state, detail('derm-blog'))).toBe(false)
    expect(state.base.claims.get('derm-blog/derm-sweat')!.claim.quote).toBe('You can sweat as usual.')
    expect(pair().reason).toBe(consensusOf(data).topics.find((t) => t.topic === 'sweating')!.conflicts.withinSource[0]!.reason)
    // The reasons stay with the pairs through switches.
    setExcluded(state, new Set(['clinic-guide']))
    expect(pair().reason).toMatch(/^derm-blog allows sweat/)
  })

  test('replaceData after a review keeps the sources switched off and gives the consensus of the new data', () => {
    const state = pageState()
    for (const file of data.files) mergeWords(state, detail(file.source))
    setExcluded(state, new Set(['hostile']))
    const claim = data.files.find((f) => f.source === 'clinic-guide')!.claims.find((c) => c.id === 'clinic-exercise')!
    const next = replaceClaim(state.data, 'clinic-guide', { ...claim, review: { status: 'rejected' } })!
    replaceData(state, next, undefined, ['clinic-guide'])
    expect(state.exclude).toEqual(new Set(['hostile']))
    expect(currentRows(state)).toEqual(consensusOf(next, ['hostile']).topics)
    expect(state.base.claims.get('clinic-guide/clinic-exercise')!.counted).toBe(false)
  })
})
