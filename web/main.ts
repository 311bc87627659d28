/**
 * The page: reads `window.__CLAIMRANGE_DATA__` (from `data.js`), recomputes
 * the consensus with the same code as the CLI whenever a source is switched
 * off, and wires the chart, tooltip, side panel, table, filters and exports.
 * All layout is in `spec.ts`, all drawing in `render.ts`; this file only
 * connects them to the document.
 */
import './style.css'
import { computeConsensus } from '../src/consensus/index.ts'
import type { ConsensusReport } from '../src/consensus/types.ts'
import { relatedOf, siteDataGlobal, type SiteData } from '../src/site/data.ts'
import { claimsCsv } from './csv.ts'
import { download, svgDocument, svgToPng } from './export.ts'
import { initialFilters, renderFilters, viewOptions } from './filters.ts'
import { countShownClaims, viewRows, type ClaimView, type RowView } from './model.ts'
import { showSource } from './panel.ts'
import { render } from './render.ts'
import { layout } from './spec.ts'
import { renderTable } from './table.ts'
import { fillTooltip, placeTooltip } from './tooltip.ts'

const byId = <T extends HTMLElement | SVGElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`the page has no #${id}`)
  return el as unknown as T
}

const data = (window as unknown as Record<string, SiteData | undefined>)[siteDataGlobal]
const svg = byId<SVGSVGElement>('chart')
const chartView = byId('chart-view')
const tableView = byId('table-view')
const tooltip = byId('tooltip')
const panel = byId('panel')
const panelBody = byId('panel-body')
const status = byId('status')

let rows: RowView[] = []
let report: ConsensusReport | undefined
let views = new Map<string, ClaimView>()
let lastWidth = 0
let openMark: string | null = null

if (!data) {
  status.textContent = 'No data: data.js is missing. Build the site with `npx claimrange build`.'
  status.classList.add('error')
} else {
  start(data)
}

function start(data: SiteData): void {
  const state = initialFilters(data)
  const sourceCount = new Set(data.files.map((f) => f.source)).size
  byId('summary').textContent = `${countShownClaims(data)} claims from ${sourceCount} sources on ${new Set(data.files.flatMap((f) => f.claims.map((c) => c.topic))).size} topics.`

  const update = () => {
    const options = viewOptions(state)
    report = computeConsensus(data.files, { related: relatedOf(data), exclude: options.exclude ? [...options.exclude] : [] })
    rows = viewRows(data, report, options)
    views = new Map(rows.flatMap((row) => row.claims.map((v) => [v.stored.id, v] as const)))
    draw()
    if (!tableView.hidden) renderTable(tableView, rows, openSource)
    const shown = views.size
    const off = state.excluded.size
    status.textContent = `Showing ${shown} claim${shown === 1 ? '' : 's'} in ${rows.length} row${rows.length === 1 ? '' : 's'}${off ? `; ${off} source${off === 1 ? '' : 's'} switched off` : ''}.`
    rules(report)
  }
  renderFilters(byId('filter-controls'), data, state, update)
  if (window.matchMedia('(min-width: 640px)').matches) (byId('filters') as HTMLDetailsElement).open = true
  update()

  new ResizeObserver(() => {
    if (Math.round(chartView.clientWidth) !== lastWidth) draw()
  }).observe(chartView)

  svg.addEventListener('mouseover', (event) => showTip(markOf(event.target)))
  svg.addEventListener('mouseout', (event) => {
    const to = markOf((event as MouseEvent).relatedTarget)
    if (!to) hideTip()
  })
  svg.addEventListener('focusin', (event) => showTip(markOf(event.target)))
  svg.addEventListener('focusout', hideTip)
  svg.addEventListener('click', (event) => {
    const mark = markOf(event.target)
    if (mark) openSource(mark.dataset.claim!)
  })
  svg.addEventListener('keydown', (event) => {
    const mark = markOf(event.target)
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      openSource(mark.dataset.claim!)
    }
  })
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    if (!tooltip.hidden) hideTip()
    else if (!panel.hidden) closePanel()
  })
  byId('panel-close').addEventListener('click', closePanel)

  const chartButton = byId('show-chart')
  const tableButton = byId('show-table')
  const showView = (table: boolean) => {
    chartView.hidden = table
    tableView.hidden = !table
    chartButton.setAttribute('aria-pressed', String(!table))
    tableButton.setAttribute('aria-pressed', String(table))
    if (table) renderTable(tableView, rows, openSource)
    else draw()
  }
  chartButton.addEventListener('click', () => showView(false))
  tableButton.addEventListener('click', () => showView(true))

  byId('export-svg').addEventListener('click', () => download('claimrange-chart.svg', svgDocument(svg), 'image/svg+xml'))
  byId('export-png').addEventListener('click', async () => {
    try {
      const width = Number(svg.getAttribute('width'))
      const height = Number(svg.getAttribute('height'))
      download('claimrange-chart.png', await svgToPng(svgDocument(svg), width, height))
    } catch (error) {
      status.textContent = `PNG export failed: ${(error as Error).message}`
    }
  })
  byId('export-csv').addEventListener('click', () => download('claimrange-claims.csv', claimsCsv(rows), 'text/csv;charset=utf-8'))
}

/** Lay out and draw the chart at the container's width. */
function draw(): void {
  if (chartView.hidden) return
  lastWidth = Math.round(chartView.clientWidth)
  // Redrawing replaces the marks: keep keyboard focus on the same claim.
  const focused = markOf(document.activeElement)?.dataset.claim
  render(svg, layout(rows, lastWidth || 960))
  if (openMark) svg.querySelector(`g.mark[data-claim="${CSS.escape(openMark)}"]`)?.classList.add('selected')
  if (focused) (svg.querySelector(`g.mark[data-claim="${CSS.escape(focused)}"]`) as SVGGElement | null)?.focus({ preventScroll: true })
}

function markOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? (target.closest('g.mark') as SVGGElement | null) : null
}

function showTip(mark: SVGGElement | null): void {
  if (!mark) return
  const view = views.get(mark.dataset.claim!)
  if (!view) return
  fillTooltip(tooltip, view)
  tooltip.hidden = false
  mark.setAttribute('aria-describedby', 'tooltip')
  const id = CSS.escape(mark.dataset.claim!)
  svg.querySelectorAll(`path.link[data-from="${id}"], path.link[data-to="${id}"]`).forEach((link) => link.classList.add('active'))
  placeTooltip(tooltip, mark.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight })
}

function hideTip(): void {
  tooltip.hidden = true
  svg.querySelectorAll('[aria-describedby]').forEach((node) => node.removeAttribute('aria-describedby'))
  svg.querySelectorAll('path.link.active').forEach((node) => node.classList.remove('active'))
}

function openSource(claimId: string): void {
  const view = views.get(claimId)
  if (!view) return
  hideTip()
  openMark = claimId
  svg.querySelectorAll('g.mark.selected').forEach((node) => node.classList.remove('selected'))
  svg.querySelector(`g.mark[data-claim="${CSS.escape(claimId)}"]`)?.classList.add('selected')
  const mark = showSource(panelBody, view)
  panel.hidden = false
  document.body.classList.add('panel-open')
  byId('panel-close').focus({ preventScroll: true })
  mark?.scrollIntoView({ block: 'center' })
}

function closePanel(): void {
  panel.hidden = true
  document.body.classList.remove('panel-open')
  const claimId = openMark
  openMark = null
  svg.querySelectorAll('g.mark.selected').forEach((node) => node.classList.remove('selected'))
  if (claimId) (svg.querySelector(`g.mark[data-claim="${CSS.escape(claimId)}"]`) as SVGGElement | null)?.focus()
}

function rules(report: ConsensusReport): void {
  const list = byId('rules-list')
  list.replaceChildren()
  for (const [name, text] of Object.entries(report.rules)) {
    const dt = document.createElement('dt')
    dt.textContent = name
    const dd = document.createElement('dd')
    dd.textContent = text
    list.append(dt, dd)
  }
}
