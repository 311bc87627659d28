import { beforeAll, describe, expect, test } from 'vitest'
import type { SiteData } from '../../src/site/data.ts'
import { countShownClaims, viewRows } from '../../web/model.ts'
import { chartSpec, markLabel, wrap } from '../../web/spec.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData

beforeAll(async () => {
  data = await fixtureData()
})

describe('chartSpec', () => {
  test('chartSpec({data, report, width: 1000}) draws one mark per claim not rejected', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1000 })
    expect(countShownClaims(data)).toBe(16)
    expect(spec.marks).toHaveLength(16)
    expect(spec.marks.map((m) => m.id)).not.toContain('quick-wash')
    expect(new Set(spec.marks.map((m) => m.id)).size).toBe(16)
  })

  test('rows follow the vocabulary order, general row before its conditions', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1000 })
    expect(spec.rows.map((r) => r.key)).toEqual([
      'exercise',
      'exercise/light',
      'exercise/intense',
      'swimming',
      'sweating',
      'sauna',
      'sun',
      'makeup'
    ])
    const ys = spec.rows.map((r) => r.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })

  test('shapes: a single value is a point, a range a bar, max null open, min null vague (never a number)', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1000 })
    const mark = (id: string) => spec.marks.find((m) => m.id === id)!
    expect(mark('clinic-exercise').shape).toBe('point')
    expect(mark('clinic-makeup').shape).toBe('range')
    expect(mark('derm-pool').shape).toBe('open')
    expect(mark('derm-pool').x2).toBe(spec.axis.openX)
    const vague = mark('derm-makeup')
    expect(vague.shape).toBe('vague')
    expect([vague.x1, vague.x2]).toEqual([spec.axis.x0, spec.axis.openX])
  })

  test('0 h sits in the now column, left of the log axis; 1 week right of 3 days', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1200 })
    const mark = (id: string) => spec.marks.find((m) => m.id === id)!
    expect(mark('derm-sweat').x1).toBe(spec.axis.nowX)
    expect(spec.axis.nowX).toBeLessThan(spec.axis.x0)
    expect(mark('clinic-swimming').x1).toBeGreaterThan(mark('clinic-exercise').x1)
    const tick = (hours: number) => spec.axis.ticks.find((t) => t.hours === hours)!.x
    expect(mark('clinic-exercise').x1).toBe(tick(72))
    expect(spec.axis.ticks.map((t) => t.label)).toEqual(['1 h', '4 h', '1 day', '2 days', '3 days', '1 week', '2 weeks', '3 weeks'])
  })

  test('tick labels that would overlap are left out, their grid lines kept', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 700 })
    expect(spec.axis.ticks).toHaveLength(8)
    const shown = spec.axis.ticks.filter((t) => t.label !== '')
    expect(shown.length).toBeLessThan(8)
    for (let i = 1; i < shown.length; i++) {
      const gap = shown[i]!.x - shown[i - 1]!.x
      expect(gap).toBeGreaterThan(((shown[i]!.label.length + shown[i - 1]!.label.length) / 2) * 6)
    }
  })

  test('a corrected claim is drawn with the editor’s values', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1000 })
    const corrected = spec.marks.find((m) => m.id === 'quick-makeup')!
    const tick24 = spec.axis.ticks.find((t) => t.hours === 24)!.x
    expect(corrected.x1).toBe(tick24)
  })

  test('outliers carry their reason, conflicts are linked', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 1000 })
    const outlier = spec.marks.find((m) => m.id === 'quick-exercise')!
    expect(outlier.outlier).toMatch(/2 h/)
    expect(outlier.label).toBe('Exercise, avoid 2 h, quick-tips, outlier, conflicts with 1 claim')
    expect(spec.links.map((l) => l.id)).toContain('clinic-exercise~derm-sweat')
    for (const link of spec.links) {
      expect(spec.marks.some((m) => m.id === link.from)).toBe(true)
      expect(spec.marks.some((m) => m.id === link.to)).toBe(true)
      expect(link.reason).not.toBe('')
    }
  })

  test('switching a source off hides its marks and moves the consensus band', () => {
    const all = chartSpec({ data, report: consensusOf(data), width: 1000 })
    const exclude = ['derm-blog']
    const without = chartSpec({ data, report: consensusOf(data, exclude), view: { exclude }, width: 1000 })
    expect(without.marks.some((m) => m.source === 'derm-blog')).toBe(false)
    expect(without.marks).toHaveLength(all.marks.length - 4)
    const band = (spec: typeof all) => spec.rows.find((r) => r.key === 'exercise')!.band!
    expect([band(without).x1, band(without).x2, band(without).medianX]).not.toEqual([band(all).x1, band(all).x2, band(all).medianX])
  })

  test('topic and condition filters keep only the chosen rows', () => {
    const report = consensusOf(data)
    const spec = chartSpec({ data, report, view: { topics: ['exercise'], conditions: [null, 'intense'] }, width: 1000 })
    expect(spec.rows.map((r) => r.key)).toEqual(['exercise', 'exercise/intense'])
    expect(spec.marks.every((m) => m.row.startsWith('exercise'))).toBe(true)
  })

  test('at 390 px labels go above the rows and tick labels are short', () => {
    const spec = chartSpec({ data, report: consensusOf(data), width: 390 })
    expect(spec.narrow).toBe(true)
    expect(spec.width).toBe(390)
    for (const row of spec.rows) {
      const label = row.labels.find((t) => t.role === 'row-label')!
      expect(label.y).toBeLessThan(row.lanesTop)
    }
    for (const mark of spec.marks) expect(Math.max(mark.x1, mark.x2)).toBeLessThanOrEqual(390)
    expect(spec.axis.ticks.map((t) => t.label).filter(Boolean)).toContain('1w')
  })

  test('the same input gives the same spec', () => {
    const a = chartSpec({ data, report: consensusOf(data), width: 777 })
    const b = chartSpec({ data, report: consensusOf(data), width: 777 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})

describe('markLabel', () => {
  test("markLabel(view) reads 'Exercise, avoid 5 days, Dr Lee, derm-blog'", () => {
    const rows = viewRows(data, consensusOf(data))
    const view = rows.flatMap((r) => r.claims).find((v) => v.stored.id === 'derm-gym')!
    expect(markLabel(view)).toMatch(/^Exercise, avoid 5 days, Dr Lee, derm-blog/)
    const intense = rows.flatMap((r) => r.claims).find((v) => v.stored.id === 'clinic-intense')!
    expect(markLabel(intense)).toBe('Exercise — intense, avoid 2 weeks, clinic-guide')
  })
})

describe('wrap', () => {
  test("wrap('Sauna, steam and hot tubs', 12)", () => {
    expect(wrap('Sauna, steam and hot tubs', 12)).toEqual(['Sauna, steam', 'and hot tubs'])
  })
})
