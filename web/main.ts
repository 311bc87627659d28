/**
 * The page: reads `window.__CLAIMRANGE_DATA__` (from `data.js`), recomputes
 * the consensus with the same code as the CLI whenever a source is switched
 * off, and wires the chart, tooltip, side panel, table, filters and exports.
 * All layout is in `spec.ts`, all drawing in `render.ts`; this file only
 * connects them to the document.
 *
 * Served by `npm start`, the page also offers review controls in the side
 * panel (`review.ts`) and follows live updates: when the server says the
 * data changed, `data.js` is read again and everything is redrawn, keeping
 * the filters, the switched-off sources, the view, the open panel and focus.
 */
import './style.css'
import { computeConsensus } from '../src/consensus/index.ts'
import type { ConsensusReport } from '../src/consensus/types.ts'
import type { Claim } from '../src/schema.ts'
import { relatedOf, siteDataGlobal, type SiteData } from '../src/site/data.ts'
import { claimsCsv } from './csv.ts'
import { fetchSiteData, replaceClaim } from './data.ts'
import { download, svgDocument, svgToPng } from './export.ts'
import { initialFilters, mergeFilters, renderFilters, viewOptions, type FilterState } from './filters.ts'
import { connectLive } from './live.ts'
import { claimViewOf, countShownClaims, viewRows, type ClaimView, type RowView } from './model.ts'
import { showSource } from './panel.ts'
import { reviewAvailable, sendReview, type ReviewRequest, type ReviewResult } from './review-api.ts'
import { createReview, type ReviewControls } from './review.ts'
import { render } from './render.ts'
import { layout } from './spec.ts'
import { renderTable } from './table.ts'
import { fillTooltip, placeTooltip } from './tooltip.ts'

const byId = <T extends HTMLElement | SVGElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`the page has no #${id}`)
  return el as unknown as T
}

const initial = (window as unknown as Record<string, SiteData | undefined>)[siteDataGlobal]
const svg = byId<SVGSVGElement>('chart')
const chartView = byId('chart-view')
const tableView = byId('table-view')
const tooltip = byId('tooltip')
const panel = byId('panel')
const panelBody = byId('panel-body')
const status = byId('status')

let data: SiteData
let state: FilterState
let rows: RowView[] = []
let report: ConsensusReport | undefined
let views = new Map<string, ClaimView>()
let lastWidth = 0
let openMark: string | null = null
/** Whether the server takes reviews (it answered `./api/status` with `{"review": true}`). */
let reviewing = false
/** Review controls of the claim in the panel, while reviewing. */
let controls: ReviewControls | undefined
/** Incremented by every reload, so only the latest answer is drawn. */
let reloads = 0
/** The one request for `./api/status` (see {@link askOnce}). */
let statusAnswer: Promise<Response> | undefined

if (!initial) {
  status.textContent = 'No data: data.js is missing. Build the site with `npx claimrange build`.'
  status.classList.add('error')
} else {
  start(initial)
  // A page opened from disk has no server to ask (and Chromium logs an error for trying).
  if (location.protocol !== 'file:') {
    void reviewAvailable(askOnce).then((ok) => {
      reviewing = ok
      if (ok && openMark) openSource(openMark, { refresh: true })
    })
    // Only when served by `npm start` (live.ts asks ./api/status first): every regeneration re-reads data.js.
    connectLive(() => void reload(), { fetch: askOnce })
  }
}

/**
 * `fetch`, except that `./api/status` is requested once per page and each
 * caller gets its own copy of the answer: `review-api.ts` and `live.ts` both
 * ask it when the page loads.
 *
 * Decision: the static build carries a file `api/status` saying
 * `{"review": false}` (`web/public/`), so a static server answers 200 and
 * the browser logs no 404; `npm start` answers the same path from its API first.
 */
function askOnce(input: string, init?: RequestInit): Promise<Response> {
  if (input !== './api/status') return fetch(input, init)
  statusAnswer ??= fetch(input, init)
  return statusAnswer.then((response) => response.clone())
}

/**
 * Show the first data and wire every control of the page.
 *
 * @param first The data `data.js` gave the page.
 */
function start(first: SiteData): void {
  data = first
  state = initialFilters(data)
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

/** Recompute the consensus for the current data and filters, and redraw everything that shows it. */
function update(): void {
  const options = viewOptions(state)
  report = computeConsensus(data.files, { related: relatedOf(data), exclude: options.exclude ? [...options.exclude] : [] })
  rows = viewRows(data, report, options)
  views = new Map(rows.flatMap((row) => row.claims.map((v) => [v.stored.id, v] as const)))
  const sourceCount = new Set(data.files.map((f) => f.source)).size
  const topicCount = new Set(data.files.flatMap((f) => f.claims.map((c) => c.topic))).size
  byId('summary').textContent = `${countShownClaims(data)} claims from ${sourceCount} sources on ${topicCount} topics.`
  draw()
  if (!tableView.hidden) renderTable(tableView, rows, openSource)
  const shown = views.size
  const off = state.excluded.size
  status.textContent = `Showing ${shown} claim${shown === 1 ? '' : 's'} in ${rows.length} row${rows.length === 1 ? '' : 's'}${off ? `; ${off} source${off === 1 ? '' : 's'} switched off` : ''}.`
  rules(report)
}

/**
 * Show new data: keep what the reader chose, redraw, and refresh the open panel.
 *
 * @param next The new data.
 */
function setData(next: SiteData): void {
  const before = data
  data = next
  mergeFilters(state, before, next)
  // Re-drawing the filters replaces their inputs: keep focus on the same one.
  const active = document.activeElement
  const focused = active instanceof HTMLInputElement && active.closest('#filter-controls') ? { group: active.closest('fieldset')?.id, value: active.value } : undefined
  renderFilters(byId('filter-controls'), data, state, update)
  if (focused) (document.querySelector(`#${focused.group} input[value="${CSS.escape(focused.value)}"]`) as HTMLInputElement | null)?.focus()
  if (!tooltip.hidden) hideTip()
  update()
  if (openMark) {
    if (claimViewOf(data, openMark)) openSource(openMark, { refresh: true })
    else closePanel()
  }
}

/**
 * Read `data.js` again and show it (after the server regenerated it).
 * Answers that arrive after a newer reload started are dropped.
 */
async function reload(): Promise<void> {
  const ticket = ++reloads
  try {
    const next = await fetchSiteData()
    if (ticket === reloads) setData(next)
  } catch (error) {
    if (ticket !== reloads) return
    status.textContent = `Could not load the updated data: ${(error as Error).message}`
  }
}

/** Send a review; on success put the stored claim into the data at once and redraw. */
async function submitReview(request: ReviewRequest): Promise<ReviewResult> {
  const result = await sendReview(request)
  if (result.ok) applyClaim(request.source, result.claim)
  return result
}

/**
 * Put a claim the server stored into the data and redraw.
 *
 * @param source Source id of its claims file.
 * @param claim The claim as stored.
 */
function applyClaim(source: string, claim: Claim): void {
  const next = replaceClaim(data, source, claim)
  if (next) setData(next)
  else void reload()
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
  fillTooltip(tooltip, view, { reviewable: reviewing })
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

/**
 * Open a claim in the side panel (or show it again after the data changed).
 *
 * @param claimId Claim id.
 * @param options `refresh`: redraw the open panel without moving focus or scrolling.
 */
function openSource(claimId: string, options: { refresh?: boolean } = {}): void {
  const view = views.get(claimId) ?? claimViewOf(data, claimId, report)
  if (!view) return
  if (!options.refresh) hideTip()
  openMark = claimId
  svg.querySelectorAll('g.mark.selected').forEach((node) => node.classList.remove('selected'))
  svg.querySelector(`g.mark[data-claim="${CSS.escape(claimId)}"]`)?.classList.add('selected')
  if (!reviewing) controls = undefined
  else if (controls?.claimId === claimId) controls.update(view.stored)
  else {
    controls = createReview(document, view.source, view.stored, {
      topics: data.topics,
      conditions: data.conditions,
      storage: storage(),
      submit: submitReview
    })
  }
  const mark = showSource(panelBody, view, controls?.element)
  panel.hidden = false
  document.body.classList.add('panel-open')
  if (options.refresh) return
  byId('panel-close').focus({ preventScroll: true })
  mark?.scrollIntoView({ block: 'center' })
}

/** The page's `localStorage`, or `undefined` where it is not allowed (some file:// setups). */
function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

function closePanel(): void {
  panel.hidden = true
  document.body.classList.remove('panel-open')
  const claimId = openMark
  openMark = null
  controls = undefined
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
