import { beforeAll, describe, expect, test } from 'vitest'
import type { SiteData } from '../../src/site/data.ts'
import { pageModel, type ViewOptions } from '../../web/model.ts'
import { nextMark } from '../../web/nav.ts'
import { collapseAbove, layout, markLabel, wrap, type LayoutOptions } from '../../web/spec.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData

beforeAll(async () => {
  data = await fixtureData()
})

/** The spec the page draws for some view. */
function specOf(width: number, view: ViewOptions = {}, options: LayoutOptions = {}) {
  return layout(pageModel(data, consensusOf(data, [...(view.exclude ?? [])]), view).rows, width, options)
}

describe('layout', () => {
  test('layout(rows, 1000) draws one mark per claim, a rejected one greyed (not counted)', () => {
    const spec = specOf(1000)
    expect(spec.marks).toHaveLength(17)
    expect(new Set(spec.marks.map((m) => m.id)).size).toBe(17)
    expect(spec.marks.filter((m) => m.rejected).map((m) => m.id)).toEqual(['quick-tips/quick-wash'])
    expect(specOf(1000, { statuses: ['unreviewed', 'confirmed', 'corrected'] }).marks.map((m) => m.id)).not.toContain('quick-tips/quick-wash')
  })

  test('rows follow the vocabulary order, general row before its conditions', () => {
    const spec = specOf(1000)
    expect(spec.rows.map((r) => r.key)).toEqual(['exercise', 'exercise/light', 'exercise/intense', 'swimming', 'sweating', 'sauna', 'sun', 'makeup', 'washing'])
    const ys = spec.rows.map((r) => r.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })

  test('one line per source, labelled with its title, shortest wait first', () => {
    const row = specOf(1000).rows.find((r) => r.key === 'exercise')!
    expect(row.lines.map((l) => l.label.text)).toEqual(['Quick tips, fast healing', 'Clinic aftercare guide', 'Tips <script>window.__pwned…', "A dermatologist's blog"])
    const ys = row.lines.map((l) => l.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })

  test('shapes: a single value is a point, a range a bar, max null open, no number in the "no time given" column', () => {
    const spec = specOf(1000)
    const mark = (id: string) => spec.marks.find((m) => m.id === id)!
    expect(mark('clinic-guide/clinic-exercise').shape).toBe('point')
    expect(mark('clinic-guide/clinic-makeup').shape).toBe('range')
    expect(mark('derm-blog/derm-pool').shape).toBe('open')
    expect(mark('derm-blog/derm-pool').x2).toBe(spec.axis.openX)
    const none = mark('derm-blog/derm-makeup')
    expect(none.shape).toBe('none')
    expect(none.x1).toBeGreaterThanOrEqual(spec.axis.noneX1)
    expect(none.x1).toBeLessThanOrEqual(spec.axis.noneX2)
    expect(spec.axis.noneX1).toBeGreaterThan(spec.axis.openX)
  })

  test('0 h sits in the now column, left of the log axis; 1 week right of 3 days', () => {
    const spec = specOf(1200)
    const mark = (id: string) => spec.marks.find((m) => m.id === id)!
    expect(mark('derm-blog/derm-sweat').x1).toBe(spec.axis.nowX)
    expect(spec.axis.nowX).toBeLessThan(spec.axis.x0)
    expect(mark('clinic-guide/clinic-swimming').x1).toBeGreaterThan(mark('clinic-guide/clinic-exercise').x1)
    const tick = (hours: number) => spec.axis.ticks.find((t) => t.hours === hours)!.x
    expect(mark('clinic-guide/clinic-exercise').x1).toBe(tick(72))
    expect(spec.axis.ticks.map((t) => t.label)).toEqual(['1 h', '4 h', '1 day', '2 days', '3 days', '1 week', '2 weeks', '3 weeks'])
  })

  test('tick labels that would overlap are left out, their grid lines kept', () => {
    const spec = specOf(700)
    expect(spec.axis.ticks).toHaveLength(8)
    const shown = spec.axis.ticks.filter((t) => t.label !== '')
    expect(shown.length).toBeLessThan(8)
    for (let i = 1; i < shown.length; i++) {
      const gap = shown[i]!.x - shown[i - 1]!.x
      expect(gap).toBeGreaterThan(((shown[i]!.label.length + shown[i - 1]!.label.length) / 2) * 6)
    }
  })

  test('a corrected claim is drawn with the editor’s values and marked corrected', () => {
    const spec = specOf(1000)
    const corrected = spec.marks.find((m) => m.id === 'quick-tips/quick-makeup')!
    expect(corrected.x1).toBe(spec.axis.ticks.find((t) => t.hours === 24)!.x)
    expect(corrected.corrected).toBe(true)
    expect(corrected.label).toContain('corrected by an editor')
  })

  test('a consensus of a single value is a band at least 10 px wide, across every line of its row', () => {
    const row = specOf(1000).rows.find((r) => r.key === 'sauna')!
    expect(row.band!.x2 - row.band!.x1).toBeGreaterThanOrEqual(10)
    expect(row.band!.y1).toBeLessThanOrEqual(row.lines[0]!.y)
    expect(row.band!.y2).toBeGreaterThanOrEqual(row.lines.at(-1)!.y + row.lines.at(-1)!.height)
  })

  test('an outlier is labelled beside its mark with its reason, on its source’s line', () => {
    const spec = specOf(1000)
    const outlier = spec.marks.find((m) => m.id === 'quick-tips/quick-exercise')!
    expect(outlier.outlier).toBe(true)
    expect(outlier.label).toBe('Exercise, avoid 2 h, quick-tips, unreviewed, outlier, conflicts with 1 claim')
    const label = spec.labels.find((t) => t.role === 'outlier-label')!
    expect(label.text).toBe('2 h is 2% of the median of 3.5 days')
    expect(Math.abs(label.y - 4 - outlier.y)).toBeLessThan(1)
    const row = spec.rows.find((r) => r.key === 'exercise')!
    expect(row.lines[outlier.line]!.label.text).toBe('Quick tips, fast healing')
  })

  test('a conflict group is one labelled bracket from the allowed time to the shortest contrary wait; its source is flagged', () => {
    const spec = specOf(1000)
    expect(spec.brackets).toHaveLength(1)
    const [bracket] = spec.brackets
    expect(bracket!.row).toBe('sweating')
    expect(bracket!.x1).toBe(spec.axis.nowX)
    // 2 h sits halfway between 1 h and 4 h on the log axis.
    expect(bracket!.x2).toBeCloseTo((spec.axis.ticks.find((t) => t.hours === 1)!.x + spec.axis.ticks.find((t) => t.hours === 4)!.x) / 2, 0)
    expect(bracket!.label.text).toBe('1 claim (1 source) say it is fine now; 5 claims (4 sources) say wait ≥ 2 h')
    const line = spec.rows.find((r) => r.key === 'sweating')!.lines[0]!
    expect(line.flag?.text).toBe('⇄ contradicts itself ×1')
  })

  test('switching a source off hides its marks and moves the consensus band', () => {
    const all = specOf(1000)
    const without = specOf(1000, { exclude: ['derm-blog'] })
    expect(without.marks.some((m) => m.source === 'derm-blog')).toBe(false)
    expect(without.marks).toHaveLength(all.marks.length - 4)
    const band = (spec: typeof all) => spec.rows.find((r) => r.key === 'exercise')!.band!
    expect([band(without).x1, band(without).x2, band(without).medianX]).not.toEqual([band(all).x1, band(all).x2, band(all).medianX])
  })

  test('topic and condition filters keep only the chosen rows', () => {
    const spec = specOf(1000, { topics: ['exercise'], conditions: [null, 'intense'] })
    expect(spec.rows.map((r) => r.key)).toEqual(['exercise', 'exercise/intense'])
    expect(spec.marks.every((m) => m.row.startsWith('exercise'))).toBe(true)
  })

  test('at 390 px source titles go above their lines and tick labels are short', () => {
    const spec = specOf(390)
    expect(spec.narrow).toBe(true)
    expect(spec.width).toBe(390)
    for (const row of spec.rows) for (const line of row.lines) expect(line.label.y).toBeLessThan(Math.min(...spec.marks.filter((m) => m.row === row.key && row.lines[m.line] === line).map((m) => m.y)))
    for (const mark of spec.marks) expect(Math.max(mark.x1, mark.x2)).toBeLessThanOrEqual(390)
    expect(spec.axis.ticks.map((t) => t.label).filter(Boolean)).toContain('1w')
  })

  test('the same input gives the same spec', () => {
    expect(JSON.stringify(specOf(777))).toBe(JSON.stringify(specOf(777)))
  })

  test(`a row of more than ${collapseAbove} sources collapses to a density strip, the lines that need a look and a button`, () => {
    const many = structuredClone(data)
    const template = many.files.find((f) => f.source === 'clinic-guide')!
    for (let i = 0; i < 30; i++) many.files.push({ ...structuredClone(template), source: `copy-${String(i).padStart(2, '0')}` })
    const rows = pageModel(many, consensusOf(many)).rows
    const row = layout(rows, 1000).rows.find((r) => r.key === 'exercise')!
    expect(row.total).toBe(34)
    expect(row.density?.label).toBe('All 34 sources')
    expect(row.lines.map((l) => l.source)).toEqual(['quick-tips'])
    expect(row.buttons.map((b) => b.text)).toEqual(['Show all 34 sources ▾'])
    const open = layout(rows, 1000, { expanded: new Map([['exercise', 10]]) }).rows.find((r) => r.key === 'exercise')!
    expect(open.lines).toHaveLength(10)
    expect(open.buttons.map((b) => b.action)).toEqual(['more', 'collapse'])
  })
})

describe('nextMark', () => {
  test('arrow keys move within a row and between lines; Page Down to the next row', () => {
    const { marks } = specOf(1000)
    const first = marks[0]!.id
    expect(first).toBe('quick-tips/quick-exercise')
    expect(nextMark(marks, first, 'ArrowRight')).toBe('clinic-guide/clinic-exercise')
    expect(nextMark(marks, first, 'ArrowLeft')).toBeUndefined()
    expect(nextMark(marks, first, 'ArrowDown')).toBe('clinic-guide/clinic-exercise')
    expect(nextMark(marks, first, 'End')).toBe('derm-blog/derm-gym')
    expect(nextMark(marks, first, 'PageDown')).toBe('quick-tips/quick-light')
    expect(nextMark(marks, 'derm-blog/derm-gym', 'ArrowDown')).toBe('quick-tips/quick-light')
    expect(nextMark(marks, first, 'x')).toBeUndefined()
  })
})

describe('markLabel', () => {
  test("markLabel(view) reads 'Exercise, avoid 5 days, Dr Lee, derm-blog, unreviewed'", () => {
    const { claims } = pageModel(data, consensusOf(data))
    expect(markLabel(claims.get('derm-blog/derm-gym')!)).toMatch(/^Exercise, avoid 5 days, Dr Lee, derm-blog, unreviewed/)
    expect(markLabel(claims.get('clinic-guide/clinic-intense')!)).toBe('Exercise — intense, avoid 2 weeks, clinic-guide, unreviewed')
  })
})

describe('wrap', () => {
  test("wrap('Sauna, steam and hot tubs', 12)", () => {
    expect(wrap('Sauna, steam and hot tubs', 12)).toEqual(['Sauna, steam', 'and hot tubs'])
  })
})
