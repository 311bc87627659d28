/**
 * Draw a chart spec into an SVG element with d3. Only draws: every position
 * was computed by `spec.ts`. Styling is written as SVG presentation
 * attributes, so an exported SVG looks the same without the page's CSS; the
 * page's CSS only adds hover and focus states. All text goes in as text
 * (`.text()`), never as markup.
 */
import { select, type Selection } from 'd3'
import type { ChartSpec, LegendKind, MarkSpec } from './spec.ts'

/** Okabe–Ito colours (safe for the common colour-vision deficiencies). */
export const palette = {
  avoid: '#D55E00',
  allowed: '#0072B2',
  band: '#56B4E9',
  median: '#000000',
  outlier: '#E69F00',
  conflict: '#CC79A7',
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
 * @param spec Chart spec from `chartSpec`.
 * @example
 * render(document.querySelector('svg')!, chartSpec({data, report, width: 900}))
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
  const links = root.append('g').attr('class', 'links')
  for (const link of spec.links) {
    const p = links
      .append('path')
      .attr('class', 'link')
      .attr('data-link', link.id)
      .attr('data-from', link.from)
      .attr('data-to', link.to)
      .attr('d', link.d)
      .attr('fill', 'none')
      .attr('stroke', palette.conflict)
      .attr('stroke-width', 1.5)
      .attr('stroke-opacity', 0.6)
      .attr('stroke-dasharray', '5 3')
    p.append('title').text(`Conflict: ${link.reason}`)
  }
  const labels = root.append('g').attr('class', 'row-labels')
  for (const row of spec.rows) {
    const g = labels.append('g').attr('data-row', row.key)
    for (const t of row.labels) {
      g.append('text')
        .attr('class', t.role)
        .attr('x', t.x)
        .attr('y', t.y)
        .attr('font-weight', t.role === 'row-label' ? 700 : null)
        .attr('font-size', t.role === 'row-label' ? 12.5 : 11)
        .attr('font-style', t.role === 'row-empty' ? 'italic' : null)
        .attr('fill', t.role === 'row-label' ? palette.text : palette.muted)
        // A white outline keeps labels readable over grid lines and the now column.
        .attr('stroke', palette.background)
        .attr('stroke-width', 3)
        .attr('stroke-linejoin', 'round')
        .attr('paint-order', 'stroke')
        .text(t.text)
    }
  }
  const marks = root.append('g').attr('class', 'marks')
  for (const mark of spec.marks) drawMark(marks, mark)
  legend(root.append('g').attr('class', 'legend'), spec)
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
  g.append('line')
    .attr('class', 'open-edge')
    .attr('x1', a.x1)
    .attr('x2', a.x1)
    .attr('y1', a.gridTop)
    .attr('y2', a.gridBottom)
    .attr('stroke', palette.grid)
    .attr('stroke-dasharray', '2 3')
  for (const y of [a.labelY, a.bottomLabelY]) {
    g.append('text').attr('class', 'tick-now').attr('x', a.nowX).attr('y', y).attr('text-anchor', 'middle').attr('font-weight', 700).text(a.nowLabel)
  }
  for (const t of a.ticks) {
    g.append('line')
      .attr('class', 'tick')
      .attr('data-hours', t.hours)
      .attr('x1', t.x)
      .attr('x2', t.x)
      .attr('y1', a.gridTop)
      .attr('y2', a.gridBottom)
      .attr('stroke', palette.grid)
    if (!t.label) continue
    for (const y of [a.labelY, a.bottomLabelY]) {
      g.append('text').attr('class', 'tick-label').attr('x', t.x).attr('y', y).attr('text-anchor', 'middle').attr('fill', palette.muted).text(t.label)
    }
  }
}

function drawMark(parent: G, mark: MarkSpec): void {
  const g = parent
    .append('g')
    .attr('class', `mark ${mark.stance} ${mark.shape}${mark.outlier ? ' outlier' : ''}${mark.conflict ? ' conflict' : ''}`)
    .attr('data-claim', mark.id)
    .attr('data-source', mark.source)
    .attr('tabindex', 0)
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
  shape(g, mark.shape, mark.stance, mark.x1, mark.x2, mark.y)
}

/** Draw one encoding (used by marks and by the legend swatches). */
function shape(g: G, kind: MarkSpec['shape'], stance: MarkSpec['stance'], x1: number, x2: number, y: number): void {
  const colour = palette[stance]
  const filled = stance === 'avoid'
  if (kind === 'point') {
    if (filled) g.append('circle').attr('class', 'glyph').attr('cx', x1).attr('cy', y).attr('r', 5).attr('fill', colour)
    else
      g.append('path')
        .attr('class', 'glyph')
        .attr('d', `M${round(x1)},${round(y - 6)}L${round(x1 + 6)},${round(y)}L${round(x1)},${round(y + 6)}L${round(x1 - 6)},${round(y)}Z`)
        .attr('fill', palette.background)
        .attr('stroke', colour)
        .attr('stroke-width', 2)
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
    return
  }
  if (kind === 'open') {
    const end = x2 - 7
    g.append('rect')
      .attr('class', 'glyph')
      .attr('x', x1)
      .attr('y', round(y - 4))
      .attr('width', round(Math.max(2, end - x1)))
      .attr('height', 8)
      .attr('fill', filled ? `url(#fade-${stance})` : palette.background)
      .attr('stroke', filled ? 'none' : `url(#fade-${stance})`)
      .attr('stroke-width', filled ? 0 : 2)
    arrow(g, end, y, colour, filled)
    return
  }
  // No number: a dotted line over the whole axis, ending in an arrow.
  const end = x2 - 7
  g.append('line')
    .attr('class', 'glyph')
    .attr('x1', x1)
    .attr('x2', round(end))
    .attr('y1', y)
    .attr('y2', y)
    .attr('stroke', colour)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '1.5 3.5')
    .attr('stroke-linecap', 'round')
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

function legend(g: G, spec: ChartSpec): void {
  g.attr('aria-hidden', 'true')
  for (const item of spec.legend) {
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
    case 'vague':
      return shape(g, 'vague', 'avoid', x + 2, x + 26, y)
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
      g.append('path').attr('d', `M${x + 2},${y + 5}Q${x + 13},${y - 9} ${x + 24},${y + 5}`).attr('fill', 'none').attr('stroke', palette.conflict).attr('stroke-width', 2).attr('stroke-dasharray', '5 3')
      return
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
