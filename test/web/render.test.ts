/**
 * Deterministic SVG snapshots of spec + render for the fixture site, drawn
 * into a jsdom document (created here rather than with the jsdom test
 * environment, so the fixture data is read with Node's own URL and fs).
 * `UPDATE=1 npx vitest run test/web/render.test.ts` rewrites the expected
 * files under `fixtures/snapshots/`; CI never does.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { JSDOM } from 'jsdom'
import { beforeAll, describe, expect, test } from 'vitest'
import type { SiteData } from '../../src/site/data.ts'
import { writeFileAtomic } from '../../src/write/atomic.ts'
import { createSvg, render } from '../../web/render.ts'
import { pageModel } from '../../web/model.ts'
import { layout } from '../../web/spec.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window

beforeAll(async () => {
  data = await fixtureData()
})

/** Render a spec into a fresh SVG and return its markup, one element per line. */
function draw(width: number, exclude: string[] = []): SVGSVGElement {
  const svg = createSvg(document)
  document.body.replaceChildren(svg)
  render(svg, layout(pageModel(data, consensusOf(data, exclude), { exclude }).rows, width))
  return svg
}

function markup(svg: SVGSVGElement): string {
  return svg.outerHTML.replace(/></g, '>\n<') + '\n'
}

async function matchFile(actual: string, name: string): Promise<void> {
  const file = fileURLToPath(new URL(`./fixtures/snapshots/${name}`, import.meta.url))
  if (process.env.UPDATE) await writeFileAtomic(file, actual)
  const expected = await readFile(file, 'utf8')
  expect(actual).toBe(expected)
}

describe('render', () => {
  test('render(svg, layout(rows, 1000)) matches fixtures/snapshots/chart-1000.svg', async () => {
    await matchFile(markup(draw(1000)), 'chart-1000.svg')
  })

  test('render(svg, layout(rows, 390)) matches fixtures/snapshots/chart-390.svg', async () => {
    await matchFile(markup(draw(390)), 'chart-390.svg')
  })

  test('rendering twice gives the same bytes', () => {
    expect(markup(draw(800))).toBe(markup(draw(800)))
  })

  test('marks are focusable buttons with an accessible name', () => {
    const svg = draw(1000)
    const marks = svg.querySelectorAll('g.mark')
    expect(marks).toHaveLength(17)
    // Roving focus: the first mark is the chart's one tab stop.
    expect([...marks].map((m) => m.getAttribute('tabindex')).filter((t) => t === '0')).toHaveLength(1)
    expect(marks[0]!.getAttribute('tabindex')).toBe('0')
    for (const mark of marks) {
      expect(mark.getAttribute('role')).toBe('button')
      expect(mark.getAttribute('aria-label')).toMatch(/^[A-Z].*, (avoid|allowed) /)
    }
    expect(svg.querySelector('g.mark[data-claim="derm-blog/derm-gym"]')!.getAttribute('aria-label')).toMatch(/^Exercise, avoid 5 days, Dr Lee, derm-blog/)
  })

  test('avoid and allowed differ in shape as well as colour', () => {
    const svg = draw(1000)
    const glyph = (id: string) => svg.querySelector(`g.mark[data-claim="${id}"] .glyph`)!
    expect(glyph('clinic-guide/clinic-exercise').tagName).toBe('circle')
    expect(glyph('quick-tips/quick-light').tagName).toBe('path')
    expect(glyph('clinic-guide/clinic-exercise').getAttribute('fill')).not.toBe(glyph('quick-tips/quick-light').getAttribute('stroke'))
    expect(glyph('clinic-guide/clinic-makeup').getAttribute('fill')).toBe('#D55E00')
    expect(glyph('quick-tips/quick-swim').getAttribute('fill')).toBe('#ffffff')
    // Rejected: grey, hollow, dashed, same shape.
    expect(glyph('quick-tips/quick-wash').getAttribute('stroke-dasharray')).not.toBeNull()
    expect(glyph('quick-tips/quick-wash').getAttribute('fill')).toBe('#ffffff')
  })

  test('the legend explains every encoding the chart uses', () => {
    const svg = draw(1000)
    const kinds = [...svg.querySelectorAll('.legend-item')].map((g) => g.getAttribute('data-kind'))
    expect(kinds).toEqual(['avoid-point', 'avoid-range', 'allowed-point', 'allowed-range', 'open', 'band', 'median', 'outlier', 'conflict', 'corrected', 'rejected'])
    expect(svg.querySelector('.tick-none')?.textContent).toBe('no time given')
  })

  test('no conflict link is drawn until the page asks for one (a focused claim); the group is a bracket', () => {
    const svg = draw(1000)
    expect(svg.querySelectorAll('path.link')).toHaveLength(0)
    expect(svg.querySelectorAll('g.bracket')).toHaveLength(1)
    expect(svg.querySelector('g.bracket .bracket-label')?.textContent).toMatch(/say it is fine now; .* say wait ≥ 2 h/)
  })

  test('a hostile quote or title becomes text, not elements', () => {
    const svg = draw(1000)
    expect(svg.querySelector('img, script')).toBeNull()
    expect(svg.querySelector('g.mark[data-claim="hostile/hostile-sun"]')).not.toBeNull()
  })

  test('switching a source off moves the exercise band', () => {
    const band = (svg: SVGSVGElement) => {
      const rect = svg.querySelector('g.band[data-row="exercise"] rect')!
      return [rect.getAttribute('x'), rect.getAttribute('width')]
    }
    expect(band(draw(1000, ['derm-blog']))).not.toEqual(band(draw(1000)))
  })
})
