/**
 * The page: reads `window.__CLAIMRANGE_DATA__` (from `data.js`), computes
 * the consensus with the same code as the CLI (again whenever a source is
 * switched off), and wires the answers, the chart, the tooltip, the side
 * panel, the table, the filters, the review queue and the exports. All
 * layout is in `spec.ts`, all drawing in `render.ts`; this file only
 * connects them to the document.
 *
 * Served by `npm start`, the page also offers review controls (panel and
 * table) and follows live updates: when the server says the data changed,
 * `data.js` is read again and everything is redrawn, keeping the filters,
 * the switched-off sources, the view, the open panel and focus. After a
 * review the page says in words what it changed in the consensus.
 *
 * Timings for `bench/chart.ts`: the first draw ends with the performance
 * mark `claimrange:drawn`; every recomputation is measured as
 * `claimrange:update`.
 */
import './style.css'
import { computeConsensus } from '../src/consensus/index.ts'
import type { ConsensusReport } from '../src/consensus/types.ts'
import type { Claim, ReviewStatus } from '../src/schema.ts'
import { relatedOf, siteDataGlobal, type SiteData } from '../src/site/data.ts'
import { reviewEffect } from './changes.ts'
import { claimsCsv } from './csv.ts'
import { fetchSiteData, replaceClaim } from './data.ts'
import { download, publishChart, svgDocument, svgToPng } from './export.ts'
import { initialFilters, mergeFilters, renderFilters, renderStatusFilter, viewOptions, type FilterState } from './filters.ts'
import { connectLive } from './live.ts'
import { pageModel, type ClaimView, type PageModel, type RowView } from './model.ts'
import { nextMark } from './nav.ts'
import { showSource } from './panel.ts'
import { render, renderAxis, renderLegend } from './render.ts'
import { reviewAvailable, sendReview, type ReviewRequest, type ReviewResult } from './review-api.ts'
import { createReview, reviewerName, type ReviewControls } from './review.ts'
import { legendSpec, linesPerPage, layout, type ChartSpec } from './spec.ts'
import { renderAnswers, topicAnswers } from './summary.ts'
import { renderTable, tablePage } from './table.ts'
import { fillTooltip, placeTooltip } from './tooltip.ts'

const byId = <T extends HTMLElement | SVGElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`the page has no #${id}`)
  return el as unknown as T
}

const initial = (window as unknown as Record<string, SiteData | undefined>)[siteDataGlobal]
const svg = byId<SVGSVGElement>('chart')
const axisSvg = byId<SVGSVGElement>('axis')
const chartView = byId('chart-view')
const tableView = byId('table-view')
const tooltip = byId('tooltip')
const panel = byId('panel')
const panelBody = byId('panel-body')
const status = byId('status')
const changes = byId('changes')

let data: SiteData
let state: FilterState
let report: ConsensusReport
let model: PageModel
let spec: ChartSpec | undefined
let lastWidth = 0
let openKey: string | null = null
/** The mark that is the chart's tab stop. */
let rovingKey: string | null = null
/** Rows shown in full, with how many lines. */
const expanded = new Map<string, number>()
let tableLimit = tablePage
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
  performance.mark('claimrange:drawn')
  // A page opened from disk has no server to ask (and Chromium logs an error for trying).
  if (location.protocol !== 'file:') {
    void reviewAvailable(askOnce).then((ok) => {
      reviewing = ok
      if (!ok) return
      refreshTable()
      if (openKey) openSource(openKey, { refresh: true })
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
  update()

  new ResizeObserver(() => {
    if (Math.round(chartView.clientWidth) !== lastWidth) draw()
  }).observe(chartView)

  const filtersToggle = byId('filters-toggle')
  filtersToggle.addEventListener('click', () => {
    const open = filtersToggle.getAttribute('aria-expanded') !== 'true'
    filtersToggle.setAttribute('aria-expanded', String(open))
    byId('filters-panel').hidden = !open
  })
  byId('skip-link').addEventListener('click', (event) => {
    event.preventDefault()
    const mark = markById(rovingKey) ?? (svg.querySelector('g.mark') as SVGGElement | null)
    if (mark) mark.focus()
    else chartView.scrollIntoView()
  })

  svg.addEventListener('mouseover', (event) => showTip(markOf(event.target)))
  svg.addEventListener('mouseout', (event) => {
    if (!markOf((event as MouseEvent).relatedTarget)) hideTip()
  })
  svg.addEventListener('focusin', (event) => {
    const mark = markOf(event.target)
    if (!mark) return
    setRoving(mark.dataset.claim!)
    showTip(mark)
  })
  svg.addEventListener('focusout', hideTip)
  window.addEventListener('scroll', () => {
    if (!tooltip.hidden && !markOf(document.activeElement)) hideTip()
  }, { passive: true })
  svg.addEventListener('click', (event) => {
    const button = buttonOf(event.target)
    if (button) return chartButton(button)
    const mark = markOf(event.target)
    if (mark) openSource(mark.dataset.claim!)
  })
  svg.addEventListener('keydown', (event) => {
    const button = buttonOf(event.target)
    if (button && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      return chartButton(button)
    }
    const mark = markOf(event.target)
    if (!mark) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openSource(mark.dataset.claim!)
      return
    }
    const next = spec && nextMark(spec.marks, mark.dataset.claim!, event.key)
    if (next) {
      event.preventDefault()
      markById(next)?.focus()
    }
  })
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (!tooltip.hidden) hideTip()
      else if (!panel.hidden) closePanel()
      return
    }
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault()
      nextUnreviewed()
    }
  })
  byId('next-unreviewed').addEventListener('click', nextUnreviewed)
  byId('panel-close').addEventListener('click', closePanel)

  const chartButtonEl = byId('show-chart')
  const tableButton = byId('show-table')
  const showView = (table: boolean) => {
    chartView.hidden = table
    tableView.hidden = !table
    chartButtonEl.setAttribute('aria-pressed', String(!table))
    tableButton.setAttribute('aria-pressed', String(table))
    if (table) refreshTable()
    else draw()
  }
  chartButtonEl.addEventListener('click', () => showView(false))
  tableButton.addEventListener('click', () => showView(true))

  byId('export-svg').addEventListener('click', () => {
    const { chart, name } = exported()
    download(`${name}.svg`, svgDocument(chart), 'image/svg+xml')
  })
  byId('export-png').addEventListener('click', async () => {
    try {
      const { chart, name } = exported()
      download(`${name}.png`, await svgToPng(svgDocument(chart), Number(chart.getAttribute('width')), Number(chart.getAttribute('height'))))
    } catch (error) {
      status.textContent = `PNG export failed: ${(error as Error).message}`
    }
  })
  byId('export-csv').addEventListener('click', () => download('claimrange-claims.csv', claimsCsv(model.rows, model.index), 'text/csv;charset=utf-8'))
}

/** Recompute the consensus for the current data and filters, and redraw everything that shows it. */
function update(): void {
  performance.mark('claimrange:update-start')
  const options = viewOptions(state)
  report = computeConsensus(data.files, { related: relatedOf(data), exclude: options.exclude ? [...options.exclude] : [] })
  model = pageModel(data, report, options)
  const sourceCount = new Set(data.files.map((f) => f.source)).size
  const counts: Record<ReviewStatus, number> = { unreviewed: 0, confirmed: 0, rejected: 0, corrected: 0 }
  for (const view of model.claims.values()) counts[view.status]++
  const total = model.claims.size
  byId('summary').textContent =
    `${total.toLocaleString('en')} claims from ${sourceCount.toLocaleString('en')} sources on ${new Set([...model.claims.values()].map((c) => c.claim.topic)).size} topics; ` +
    `${counts.unreviewed.toLocaleString('en')} unreviewed, ${counts.rejected.toLocaleString('en')} rejected (greyed, not counted). Each line of the chart is one source; the band is where the middle voices agree.`
  renderAnswers(byId('answers'), topicAnswers(model.rows), goToRow)
  renderStatusFilter(byId('status-filter'), counts, state, update)
  exportScopes(model.rows)
  draw()
  refreshTable()
  const shown = model.rows.reduce((n, r) => n + r.claims.length, 0)
  const off = state.excluded.size
  status.textContent = `Showing ${shown.toLocaleString('en')} claim${shown === 1 ? '' : 's'} in ${model.rows.length} row${model.rows.length === 1 ? '' : 's'}${off ? `; ${off.toLocaleString('en')} source${off === 1 ? '' : 's'} switched off` : ''}.`
  rules(report)
  performance.measure('claimrange:update', 'claimrange:update-start')
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
  const focused = active instanceof HTMLInputElement && active.closest('#filter-controls') ? { id: active.id, value: active.value, group: active.closest('fieldset')?.id } : undefined
  renderFilters(byId('filter-controls'), data, state, update)
  if (focused?.id) byId(focused.id).focus()
  else if (focused) (document.querySelector(`#${focused.group} input[value="${CSS.escape(focused.value)}"]`) as HTMLInputElement | null)?.focus()
  if (!tooltip.hidden) hideTip()
  update()
  if (openKey) {
    if (model.claims.has(openKey)) openSource(openKey, { refresh: true })
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

/** Send a review; on success put the stored claim into the data at once, redraw, and say what changed. */
async function submitReview(request: ReviewRequest): Promise<ReviewResult> {
  const result = await sendReview(request)
  if (result.ok) applyClaim(request.source, result.claim)
  return result
}

/**
 * Put a claim the server stored into the data, redraw, and say what the
 * review changed in the consensus (in the panel and above the chart).
 *
 * @param source Source id of its claims file.
 * @param claim The claim as stored.
 */
function applyClaim(source: string, claim: Claim): void {
  const next = replaceClaim(data, source, claim)
  if (!next) return void reload()
  const before = { report, files: data.files }
  setData(next)
  const labels = Object.fromEntries(data.topics.map((t) => [t.name, t.label]))
  const words = reviewEffect(before, { report, files: data.files }, labels)
  const title = model.claims.get(`${source}/${claim.id}`)?.sourceTitle ?? source
  const said = `Review saved (${claim.review.status}) for “${claim.quote.length > 80 ? `${claim.quote.slice(0, 79)}…` : claim.quote}” — ${title}.`
  changes.replaceChildren()
  for (const line of [said, ...words.split('\n')]) {
    const p = document.createElement('p')
    p.textContent = line.trim()
    changes.append(p)
  }
  changes.hidden = false
  controls?.explain(words)
}

/** Record a review from a table line's button. */
function reviewFromTable(view: ClaimView, next: ReviewStatus): void {
  const by = reviewerName(storage())
  void submitReview({ source: view.source, id: view.stored.id, review: { status: next, ...(view.stored.review.note ? { note: view.stored.review.note } : {}), ...(by ? { by } : {}) } }).then((result) => {
    if (!result.ok) status.textContent = `Not saved: ${result.error}`
  })
}

/** Lay out and draw the chart at the container's width. */
function draw(): void {
  if (chartView.hidden) return
  lastWidth = Math.round(chartView.clientWidth)
  // Redrawing replaces the marks: keep keyboard focus on the same claim.
  const focused = markOf(document.activeElement)?.dataset.claim
  spec = layout(model.rows, lastWidth || 960, { expanded, stickyAxis: true })
  render(svg, spec)
  renderAxis(axisSvg, spec)
  const key = legendSpec(spec.width)
  renderLegend(byId<SVGSVGElement>('legend'), spec.width, key.items, key.height)
  if (!rovingKey || !spec.marks.some((m) => m.id === rovingKey)) rovingKey = spec.marks[0]?.id ?? null
  setRoving(rovingKey)
  if (openKey) markById(openKey)?.classList.add('selected')
  if (focused) markById(focused)?.focus({ preventScroll: true })
}

/** Draw the table when it is shown. */
function refreshTable(): void {
  if (tableView.hidden) return
  renderTable(tableView, model.rows, model.index, {
    onOpen: openSource,
    onReview: reviewing ? reviewFromTable : undefined,
    limit: tableLimit,
    onMore: (limit) => {
      tableLimit = limit
      refreshTable()
    }
  })
}

/** Make one mark the chart's tab stop. */
function setRoving(key: string | null): void {
  if (rovingKey && rovingKey !== key) markById(rovingKey)?.setAttribute('tabindex', '-1')
  rovingKey = key
  if (key) markById(key)?.setAttribute('tabindex', '0')
}

function markById(key: string | null): SVGGElement | null {
  return key ? (svg.querySelector(`g.mark[data-claim="${CSS.escape(key)}"]`) as SVGGElement | null) : null
}

function markOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? (target.closest('g.mark') as SVGGElement | null) : null
}

function buttonOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? (target.closest('g.chart-button') as SVGGElement | null) : null
}

/** Expand, page or collapse a row from its button in the chart. */
function chartButton(button: SVGGElement): void {
  const row = button.dataset.row!
  const action = button.dataset.action
  if (action === 'expand') expanded.set(row, linesPerPage)
  else if (action === 'more') expanded.set(row, (expanded.get(row) ?? 0) + linesPerPage)
  else expanded.delete(row)
  draw()
  ;(svg.querySelector(`g.chart-button[data-row="${CSS.escape(row)}"]`) as SVGGElement | null)?.focus()
}

/** Scroll to a row of the chart and focus its first mark. */
function goToRow(row: string): void {
  const mark = svg.querySelector(`g.mark[data-row="${CSS.escape(row)}"]`) as SVGGElement | null
  if (mark) mark.focus()
  else svg.querySelector(`g.row-labels g[data-row="${CSS.escape(row)}"]`)?.scrollIntoView({ block: 'start' })
}

/** Open the next unreviewed claim after the one in the panel, in chart order. */
function nextUnreviewed(): void {
  const order = model.rows.flatMap((r) => r.claims).filter((c) => c.status === 'unreviewed')
  if (order.length === 0) {
    status.textContent = 'No unreviewed claim is shown: every claim in view has been reviewed.'
    return
  }
  const all = model.rows.flatMap((r) => r.claims.map((c) => c.key))
  const from = openKey ? all.indexOf(openKey) : -1
  const next = order.find((c) => all.indexOf(c.key) > from) ?? order[0]!
  markById(next.key)?.focus({ preventScroll: false })
  openSource(next.key)
}

/** The chart to export: the whole chart or the topic chosen, drawn at a web width with title, sources and date. */
function exported(): { chart: SVGSVGElement; name: string } {
  const topic = (byId('export-scope') as HTMLSelectElement).value
  const rows = topic ? model.rows.filter((r) => r.topic === topic) : model.rows
  const sources = new Map<string, string>()
  for (const row of rows) for (const c of row.claims) sources.set(c.source, c.sourceInfo?.url ? `${c.sourceTitle} (${c.sourceInfo.url})` : c.sourceTitle)
  const label = rows[0]?.topicLabel ?? topic
  const claims = rows.reduce((n, r) => n + r.claims.length, 0)
  const chart = publishChart(
    document,
    rows,
    {
      title: topic ? `${label}: how long to wait, where the sources agree` : 'How long to wait: where the sources agree',
      description: `${claims.toLocaleString('en')} claims from ${sources.size.toLocaleString('en')} sources, one line each; the blue band is the range the middle voices state, the black line its median.`,
      sources: [...sources.values()].sort(),
      date: new Date().toISOString().slice(0, 10)
    },
    { expanded }
  )
  return { chart, name: topic ? `claimrange-${topic}` : 'claimrange-chart' }
}

/** Offer each topic shown as an export scope. */
function exportScopes(rows: RowView[]): void {
  const select = byId('export-scope') as HTMLSelectElement
  const chosen = select.value
  select.replaceChildren(new Option('whole chart', ''))
  for (const topic of [...new Map(rows.map((r) => [r.topic, r.topicLabel])).entries()]) select.append(new Option(`${topic[1]} only`, topic[0]))
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : ''
}

function showTip(mark: SVGGElement | null): void {
  if (!mark) return
  const key = mark.dataset.claim!
  const view = model.claims.get(key)
  if (!view) return
  const pairs = model.index.pairsOf(key)
  fillTooltip(tooltip, view, pairs, { reviewable: reviewing })
  tooltip.hidden = false
  mark.setAttribute('aria-describedby', 'tooltip')
  showLinks(mark, pairs.map((p) => p.other))
  placeTooltip(tooltip, mark.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight })
}

/** Draw the links from a focused or hovered claim to the claims it conflicts with (at most 60). */
function showLinks(mark: SVGGElement, others: string[]): void {
  const layer = svg.querySelector('g.links')
  if (!layer || !spec) return
  layer.replaceChildren()
  const from = spec.marks.find((m) => m.id === mark.dataset.claim)
  if (!from) return
  const wanted = new Set(others)
  let drawn = 0
  for (const to of spec.marks) {
    if (!wanted.has(to.id) || drawn >= 60) continue
    drawn++
    const cx = Math.max(from.x1, to.x1) + Math.min(48, 16 + Math.abs(from.y - to.y) * 0.1)
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path')
    path.setAttribute('class', 'link active')
    path.setAttribute('data-from', from.id)
    path.setAttribute('data-to', to.id)
    path.setAttribute('d', `M${from.x1},${from.y}Q${cx},${(from.y + to.y) / 2} ${to.x1},${to.y}`)
    path.setAttribute('fill', 'none')
    path.setAttribute('stroke', '#CC79A7')
    path.setAttribute('stroke-width', '2')
    layer.append(path)
  }
}

function hideTip(): void {
  tooltip.hidden = true
  svg.querySelectorAll('[aria-describedby]').forEach((node) => node.removeAttribute('aria-describedby'))
  svg.querySelector('g.links')?.replaceChildren()
}

/**
 * Open a claim in the side panel (or show it again after the data changed).
 *
 * @param key Claim key.
 * @param options `refresh`: redraw the open panel without moving focus or scrolling.
 */
function openSource(key: string, options: { refresh?: boolean } = {}): void {
  const view = model.claims.get(key)
  if (!view) return
  if (!options.refresh) hideTip()
  openKey = key
  svg.querySelectorAll('g.mark.selected').forEach((node) => node.classList.remove('selected'))
  markById(key)?.classList.add('selected')
  if (!reviewing) controls = undefined
  else if (controls?.claimId === view.stored.id) controls.update(view.stored)
  else {
    controls = createReview(document, view.source, view.stored, {
      topics: data.topics,
      conditions: data.conditions,
      storage: storage(),
      submit: submitReview
    })
  }
  const mark = showSource(panelBody, view, model.index.pairsOf(key), controls?.element)
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
  const key = openKey
  openKey = null
  controls = undefined
  svg.querySelectorAll('g.mark.selected').forEach((node) => node.classList.remove('selected'))
  if (key) markById(key)?.focus()
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
