/**
 * Draw a chart spec into an SVG element with d3. Only draws: every position
 * was computed by `spec.ts`. Styling is written as SVG presentation
 * attributes, so an exported SVG looks the same without the page's CSS; the
 * page's CSS only adds hover and focus states. All text goes in as text
 * (`.text()`), never as markup.
 */
import { select, type Selection } from 'd3'
import type { ChartSpec, LegendItem, LegendKind, MarkSpec, TextSpec } from './spec.ts'

/** Okabe–Ito colours (safe for the common colour-vision deficiencies). */
export const palette = {
  avoid: '#D55E00',
  allowed: '#0072B2',
  band: '#56B4E9',
  median: '#000000',
  outlier: '#E69F00',
  conflict: '#CC79A7',
  rejected: '#9a9a9a',
  grid: '#d0d0d0',
  text: '#1a1a1a',
  muted: '#555555',
  stripe: '#f4f4f4',
  background: '#ffffff'
} as const

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
const SVG_NS = 'http://www.w3.org/2000/svg'

type G = Selection<SVGGElement, unknown, null, undefined>

/**
 * Draw `spec` into `svg`, replacing what was there.
 *
 * @param svg Target `<svg>` element (its document may be jsdom's).
 * @param spec Chart spec from `layout`.
 * @example
 * render(document.querySelector('svg')!, layout(rows, 900))
 */
export function render(svg: SVGSVGElement, spec: ChartSpec): void {
  const root = select(svg)
  root.selectAll('*').remove()
  root
    .attr('xmlns', SVG_NS)
    .attr('width', spec.width)
    .attr('height', spec.height)
    .attr('viewBox', `0 0 ${spec.width} ${spec.height}`)
    .attr('font-family', FONT)
    .attr('font-size', 12)
    .attr('fill', palette.text)
    .attr('role', 'group')
    .attr('aria-labelledby', 'chart-title')
  root.append('title').attr('id', 'chart-title').text(spec.title)
  defs(root.append('defs'))
  root.append('rect').attr('class', 'background').attr('width', spec.width).attr('height', spec.height).attr('fill', palette.background)
  texts(root.append('g').attr('class', 'header'), spec.header)

  const rows = root.append('g').attr('class', 'rows')
  for (const row of spec.rows) {
    const g = rows.append('g').attr('class', 'row').attr('data-row', row.key)
    if (row.stripe) g.append('rect').attr('x', 0).attr('y', row.y).attr('width', spec.width).attr('height', row.height).attr('fill', palette.stripe)
  }
  axis(root.append('g').attr('class', 'axis'), spec)
  const bands = root.append('g').attr('class', 'bands')
  for (const row of spec.rows) {
    if (!row.band) continue
    const b = bands.append('g').attr('class', 'band').attr('data-row', row.key)
    b.append('title').text(row.band.label)
    b.append('rect')
      .attr('class', 'band-range')
      .attr('x', row.band.x1)
      .attr('y', row.band.y1)
      .attr('width', Math.max(0, round(row.band.x2 - row.band.x1)))
      .attr('height', round(row.band.y2 - row.band.y1))
      .attr('rx', 3)
      .attr('fill', palette.band)
      .attr('fill-opacity', 0.3)
      .attr('stroke', palette.band)
    b.append('line')
      .attr('class', 'band-median')
      .attr('x1', row.band.medianX)
      .attr('x2', row.band.medianX)
      .attr('y1', row.band.y1)
      .attr('y2', row.band.y2)
      .attr('stroke', palette.median)
      .attr('stroke-width', 2.5)
  }
  const density = root.append('g').attr('class', 'density')
  for (const row of spec.rows) {
    const d = row.density
    if (!d) continue
    const g = density.append('g').attr('data-row', row.key)
    g.append('title').text(`${d.label}: where their claims fall (upper half avoid, lower half fine after)`)
    const half = d.height / 2
    for (const bin of d.bins) {
      for (const stance of ['avoid', 'allowed'] as const) {
        if (!bin[stance]) continue
        const h = round(Math.max(1.5, (half - 1) * Math.sqrt(bin[stance] / d.max)))
        g.append('rect')
          .attr('x', bin.x)
          .attr('y', stance === 'avoid' ? round(d.y + half - h) : round(d.y + half))
          .attr('width', bin.w - 1)
          .attr('height', h)
          .attr('fill', palette[stance])
          .attr('fill-opacity', stance === 'avoid' ? 0.85 : 0.55)
      }
    }
  }
  const brackets = root.append('g').attr('class', 'brackets')
  for (const b of spec.brackets) {
    const g = brackets.append('g').attr('class', 'bracket').attr('data-row', b.row)
    g.append('title').text(b.title)
    const tick = 5
    g.append('path')
      .attr('d', `M${b.x1},${round(b.y + tick)}V${b.y}H${b.x2}${b.open ? '' : `V${round(b.y + tick)}`}`)
      .attr('fill', 'none')
      .attr('stroke', palette.conflict)
      .attr('stroke-width', 2)
    if (b.open) arrow(g, b.x2 - 7, b.y, palette.conflict, true)
    texts(g, [b.label])
  }
  const lines = root.append('g').attr('class', 'lines')
  for (const row of spec.rows) {
    row.lines.forEach((line, index) => {
      const g = lines.append('g').attr('class', 'line').attr('data-row', row.key).attr('data-source', line.source).attr('data-line', index)
      if (line.span) {
        g.append('line')
          .attr('class', 'self-conflict')
          .attr('x1', line.span.x1)
          .attr('x2', line.span.x2)
          .attr('y1', line.span.y)
          .attr('y2', line.span.y)
          .attr('stroke', palette.conflict)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', '4 2')
      }
      texts(g, [line.label])
      if (line.flag) {
        const flag = texts(g, [line.flag])
        if (line.flagTitle) flag.append('title').text(line.flagTitle)
      }
    })
  }
  root.append('g').attr('class', 'links')
  const marks = root.append('g').attr('class', 'marks')
  spec.marks.forEach((mark, i) => drawMark(marks, mark, i === 0))
  texts(root.append('g').attr('class', 'mark-labels'), spec.labels)
  const labels = root.append('g').attr('class', 'row-labels')
  for (const row of spec.rows) texts(labels.append('g').attr('data-row', row.key).attr('id', `row-${row.key.replace(/[^a-z0-9-]/gi, '-')}`), row.labels)
  const buttons = root.append('g').attr('class', 'buttons')
  for (const row of spec.rows) {
    for (const b of row.buttons) {
      const g = buttons
        .append('g')
        .attr('class', 'chart-button')
        .attr('data-row', b.row)
        .attr('data-action', b.action)
        .attr('role', 'button')
        .attr('tabindex', 0)
      const w = round(b.text.length * 6.4 + 16)
      g.append('rect').attr('x', b.x).attr('y', b.y).attr('width', w).attr('height', 20).attr('rx', 4).attr('fill', palette.background).attr('stroke', palette.muted)
      g.append('text').attr('x', round(b.x + 8)).attr('y', round(b.y + 14)).attr('font-size', 11.5).text(b.text)
    }
  }
  legend(root.append('g').attr('class', 'legend'), spec.legend)
  texts(root.append('g').attr('class', 'footer'), spec.footer)
}

/**
 * Draw the tick labels of a spec's axis into their own `<svg>`: the page
 * keeps it at the top of the window while the chart scrolls.
 *
 * @param svg Target `<svg>` element.
 * @param spec The chart's spec (its axis and width).
 */
export function renderAxis(svg: SVGSVGElement, spec: ChartSpec): void {
  const root = select(svg)
  root.selectAll('*').remove()
  const height = 22
  root.attr('width', spec.width).attr('height', height).attr('viewBox', `0 0 ${spec.width} ${height}`).attr('font-family', FONT).attr('font-size', 12).attr('aria-hidden', 'true')
  root.append('rect').attr('width', spec.width).attr('height', height).attr('fill', palette.background).attr('fill-opacity', 0.94)
  axisLabels(root.append('g').attr('class', 'axis-labels'), spec, 15)
  root.append('line').attr('x1', 0).attr('x2', spec.width).attr('y1', height - 0.5).attr('y2', height - 0.5).attr('stroke', palette.grid)
}

/**
 * Create an empty `<svg>` element in a document.
 *
 * @param doc Document to create it in.
 * @returns The element, not yet attached.
 */
export function createSvg(doc: Document): SVGSVGElement {
  return doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement
}

function defs(d: Selection<SVGDefsElement, unknown, null, undefined>): void {
  for (const stance of ['avoid', 'allowed'] as const) {
    const g = d.append('linearGradient').attr('id', `fade-${stance}`).attr('x1', 0).attr('x2', 1).attr('y1', 0).attr('y2', 0)
    g.append('stop').attr('offset', 0).attr('stop-color', palette[stance]).attr('stop-opacity', 1)
    g.append('stop').attr('offset', 1).attr('stop-color', palette[stance]).attr('stop-opacity', 0.12)
  }
}

function axis(g: G, spec: ChartSpec): void {
  const a = spec.axis
  g.append('rect')
    .attr('class', 'now-column')
    .attr('x', round(a.nowX - (a.x0 - a.nowX) + 6))
    .attr('y', a.gridTop)
    .attr('width', round(2 * (a.x0 - a.nowX) - 12))
    .attr('height', round(a.gridBottom - a.gridTop))
    .attr('fill', '#eef6ee')
  g.append('rect')
    .attr('class', 'none-column')
    .attr('x', a.noneX1)
    .attr('y', a.gridTop)
    .attr('width', round(a.noneX2 - a.noneX1))
    .attr('height', round(a.gridBottom - a.gridTop))
    .attr('fill', '#f1f1f6')
  g.append('line')
    .attr('class', 'open-edge')
    .attr('x1', a.x1)
    .attr('x2', a.x1)
    .attr('y1', a.gridTop)
    .attr('y2', a.gridBottom)
    .attr('stroke', palette.grid)
    .attr('stroke-dasharray', '2 3')
  for (const t of a.ticks) {
    g.append('line')
      .attr('class', 'tick')
      .attr('data-hours', t.hours)
      .attr('x1', t.x)
      .attr('x2', t.x)
      .attr('y1', a.gridTop)
      .attr('y2', a.gridBottom)
      .attr('stroke', palette.grid)
  }
  if (a.labelY !== null) axisLabels(g, spec, a.labelY)
  axisLabels(g, spec, a.bottomLabelY)
}

/** The tick labels, "now" and "no time given", at one baseline. */
function axisLabels(g: G, spec: ChartSpec, y: number): void {
  const a = spec.axis
  g.append('text').attr('class', 'tick-now').attr('x', a.nowX).attr('y', y).attr('text-anchor', 'middle').attr('font-weight', 700).text(a.nowLabel)
  for (const t of a.ticks) {
    if (t.label) g.append('text').attr('class', 'tick-label').attr('x', t.x).attr('y', y).attr('text-anchor', 'middle').attr('fill', palette.muted).text(t.label)
  }
  g.append('text')
    .attr('class', 'tick-none')
    .attr('x', round((a.noneX1 + a.noneX2) / 2))
    .attr('y', y)
    .attr('text-anchor', 'middle')
    .attr('font-weight', 700)
    .attr('font-size', spec.narrow ? 10 : 11.5)
    .text(a.noneLabel)
}

/** Text styles by role. */
const textStyle: Record<TextSpec['role'], { size: number; weight?: number; fill?: string; italic?: boolean }> = {
  title: { size: 18, weight: 700 },
  description: { size: 12.5, fill: palette.muted },
  footer: { size: 11, fill: palette.muted },
  'row-label': { size: 13, weight: 700 },
  'row-summary': { size: 11.5, fill: palette.muted },
  'row-empty': { size: 11, fill: palette.muted, italic: true },
  'line-label': { size: 11.5 },
  'line-flag': { size: 10.5, weight: 600, fill: '#8a3b6e' },
  'outlier-label': { size: 11, weight: 600, fill: '#7a4100' },
  'bracket-label': { size: 11, weight: 600, fill: '#8a3b6e' },
  more: { size: 11, fill: palette.muted, italic: true },
  'column-label': { size: 11, weight: 700 }
}

/** Draw text specs, each with a white outline that keeps it readable over grid lines. */
function texts(g: G, list: TextSpec[]): Selection<SVGTextElement, unknown, null, undefined> {
  let last = g.append('text')
  last.remove()
  for (const t of list) {
    const style = textStyle[t.role]
    last = g
      .append('text')
      .attr('class', t.role)
      .attr('x', t.x)
      .attr('y', t.y)
      .attr('text-anchor', t.anchor && t.anchor !== 'start' ? t.anchor : null)
      .attr('font-size', style.size)
      .attr('font-weight', style.weight ?? null)
      .attr('font-style', style.italic ? 'italic' : null)
      .attr('fill', style.fill ?? palette.text)
      .attr('stroke', palette.background)
      .attr('stroke-width', 3)
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke')
      .text(t.text)
  }
  return last
}

function drawMark(parent: G, mark: MarkSpec, first: boolean): void {
  const g = parent
    .append('g')
    .attr('class', `mark ${mark.stance} ${mark.shape}${mark.outlier ? ' outlier' : ''}${mark.conflict ? ' conflict' : ''}${mark.rejected ? ' rejected' : ''}${mark.corrected ? ' corrected' : ''}`)
    .attr('data-claim', mark.id)
    .attr('data-source', mark.source)
    .attr('data-row', mark.row)
    .attr('data-line', mark.line)
    // Roving focus: one mark is a tab stop, arrow keys move between marks (see nav.ts).
    .attr('tabindex', first ? 0 : -1)
    .attr('role', 'button')
    .attr('aria-label', mark.label)
  const left = Math.min(mark.x1, mark.x2) - 7
  const width = Math.abs(mark.x2 - mark.x1) + 14
  g.append('rect')
    .attr('class', 'focus-ring')
    .attr('x', round(left - 2))
    .attr('y', round(mark.y - 9))
    .attr('width', round(width + 4))
    .attr('height', 18)
    .attr('rx', 4)
    .attr('fill', 'transparent')
    .attr('stroke', 'none')
  if (mark.outlier) {
    g.append('rect')
      .attr('class', 'outlier-ring')
      .attr('x', round(left))
      .attr('y', round(mark.y - 7.5))
      .attr('width', round(width))
      .attr('height', 15)
      .attr('rx', 7.5)
      .attr('fill', palette.outlier)
      .attr('fill-opacity', 0.45)
      .attr('stroke', '#000')
      .attr('stroke-width', 1.2)
      .attr('stroke-dasharray', '3 2')
  }
  shape(g, mark.shape === 'none' ? 'point' : mark.shape, mark.stance, mark.x1, mark.x2, mark.y, mark.rejected)
  if (mark.corrected) tab(g, Math.max(mark.x1, mark.x2) + 4, mark.y - 8)
}

/** The "corrected by an editor" corner tab. */
function tab(g: G, x: number, y: number): void {
  g.append('path').attr('class', 'corrected-tab').attr('d', `M${round(x)},${round(y)}h6v6Z`).attr('fill', palette.text)
}

/** Draw one encoding (used by marks and by the legend swatches). */
function shape(g: G, kind: Exclude<MarkSpec['shape'], 'none'>, stance: MarkSpec['stance'], x1: number, x2: number, y: number, rejected = false): void {
  const colour = rejected ? palette.rejected : palette[stance]
  // Avoid is filled, allowed hollow; a rejected claim keeps its shape, grey, hollow and dashed.
  const filled = stance === 'avoid' && !rejected
  const dash = rejected ? '2 1.5' : null
  if (kind === 'point') {
    if (stance === 'avoid')
      g.append('circle')
        .attr('class', 'glyph')
        .attr('cx', x1)
        .attr('cy', y)
        .attr('r', 5)
        .attr('fill', filled ? colour : palette.background)
        .attr('stroke', filled ? null : colour)
        .attr('stroke-width', filled ? null : 1.5)
        .attr('stroke-dasharray', dash)
    else
      g.append('path')
        .attr('class', 'glyph')
        .attr('d', `M${round(x1)},${round(y - 6)}L${round(x1 + 6)},${round(y)}L${round(x1)},${round(y + 6)}L${round(x1 - 6)},${round(y)}Z`)
        .attr('fill', palette.background)
        .attr('stroke', colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', dash)
    return
  }
  if (kind === 'range') {
    const w = Math.max(2, x2 - x1)
    g.append('rect')
      .attr('class', 'glyph')
      .attr('x', x1)
      .attr('y', round(y - 4))
      .attr('width', round(w))
      .attr('height', 8)
      .attr('rx', 2)
      .attr('fill', filled ? colour : palette.background)
      .attr('stroke', colour)
      .attr('stroke-width', filled ? 0 : 2)
      .attr('stroke-dasharray', dash)
    return
  }
  // Open ended: a bar fading towards an arrow at the axis end.
  const end = x2 - 7
  g.append('rect')
    .attr('class', 'glyph')
    .attr('x', x1)
    .attr('y', round(y - 4))
    .attr('width', round(Math.max(2, end - x1)))
    .attr('height', 8)
    .attr('fill', filled ? `url(#fade-${stance})` : palette.background)
    .attr('stroke', filled ? 'none' : rejected ? colour : `url(#fade-${stance})`)
    .attr('stroke-width', filled ? 0 : 2)
    .attr('stroke-dasharray', dash)
  arrow(g, end, y, colour, filled)
}

function arrow(g: G, x: number, y: number, colour: string, filled: boolean): void {
  g.append('path')
    .attr('class', 'arrow')
    .attr('d', `M${round(x)},${round(y - 5)}L${round(x + 7)},${round(y)}L${round(x)},${round(y + 5)}Z`)
    .attr('fill', filled ? colour : palette.background)
    .attr('stroke', colour)
    .attr('stroke-width', filled ? 0 : 1.5)
}

/**
 * Draw a legend on its own (the page's, above the sticky axis).
 *
 * @param svg Target `<svg>` element.
 * @param width Width in pixels.
 * @param items Entries from `legendSpec`.
 * @param height Height they take.
 */
export function renderLegend(svg: SVGSVGElement, width: number, items: LegendItem[], height: number): void {
  const root = select(svg)
  root.selectAll('*').remove()
  root.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('font-family', FONT).attr('font-size', 12).attr('role', 'img').attr('aria-label', `Legend: ${items.map((i) => i.label).join('; ')}`)
  legend(root.append('g').attr('class', 'legend'), items)
}

function legend(g: G, items: LegendItem[]): void {
  g.attr('aria-hidden', 'true')
  for (const item of items) {
    const entry = g.append('g').attr('class', 'legend-item').attr('data-kind', item.kind)
    swatch(entry, item.kind, item.x, item.y)
    entry
      .append('text')
      .attr('x', round(item.x + 30))
      .attr('y', round(item.y + 4))
      .attr('font-size', 11)
      .text(item.label)
  }
}

function swatch(g: G, kind: LegendKind, x: number, y: number): void {
  switch (kind) {
    case 'avoid-point':
      return shape(g, 'point', 'avoid', x + 12, x + 12, y)
    case 'allowed-point':
      return shape(g, 'point', 'allowed', x + 12, x + 12, y)
    case 'avoid-range':
      return shape(g, 'range', 'avoid', x + 2, x + 24, y)
    case 'allowed-range':
      return shape(g, 'range', 'allowed', x + 2, x + 24, y)
    case 'open':
      return shape(g, 'open', 'avoid', x + 2, x + 26, y)
    case 'rejected':
      return shape(g, 'point', 'avoid', x + 12, x + 12, y, true)
    case 'corrected':
      shape(g, 'point', 'avoid', x + 12, x + 12, y)
      return tab(g, x + 16, y - 8)
    case 'band':
      g.append('rect').attr('x', x).attr('y', y - 6).attr('width', 26).attr('height', 12).attr('rx', 3).attr('fill', palette.band).attr('fill-opacity', 0.3).attr('stroke', palette.band)
      return
    case 'median':
      g.append('line').attr('x1', x + 13).attr('x2', x + 13).attr('y1', y - 7).attr('y2', y + 7).attr('stroke', palette.median).attr('stroke-width', 2.5)
      return
    case 'outlier':
      g.append('rect').attr('x', x + 2).attr('y', y - 7.5).attr('width', 22).attr('height', 15).attr('rx', 7.5).attr('fill', palette.outlier).attr('fill-opacity', 0.45).attr('stroke', '#000').attr('stroke-width', 1.2).attr('stroke-dasharray', '3 2')
      shape(g, 'point', 'avoid', x + 13, x + 13, y)
      return
    case 'conflict':
      g.append('path').attr('d', `M${x + 2},${y + 5}V${y - 2}H${x + 24}V${y + 5}`).attr('fill', 'none').attr('stroke', palette.conflict).attr('stroke-width', 2)
      return
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
