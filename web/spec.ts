/**
 * The chart as a pure spec, laid out like a forest plot: per topic row a
 * header that says the consensus in words, a labelled bracket per conflict
 * group, then one line per source (its title at the left, its claims on
 * the shared log axis, its claims with no time in a column at the right),
 * the consensus band across all of the row's lines. Positions are pixels
 * rounded to 0.1; `render.ts` only draws what is here, so the same input
 * always gives the same SVG.
 *
 * Encodings (also explained by the legend the spec carries):
 * - x: wait on a log axis (1 h … 3 weeks or more); 0 h ("no wait") sits in a
 *   "now" column at the left; open ends fade into an arrow at the axis end;
 *   claims with no number sit in the "no time given" column, never on the axis.
 * - avoid: vermillion, filled (dot = one number, bar = a range);
 *   allowed: blue, hollow (diamond = one number, outlined bar = a range);
 *   rejected: grey and dashed; corrected by an editor: a black corner tab.
 * - consensus: a light band over the row's lines from its min to its max
 *   (at least 10 px wide, so a single value is a visible band), the median
 *   a black line.
 * - outlier: an orange halo with a dashed ring, and its reason written beside it.
 * - conflict group: a bracket from the time some claims allow to the
 *   shortest wait the claims against them give, labelled with both counts.
 *   The pairs of one claim are drawn only while it is focused or hovered
 *   (by the page, from {@link MarkSpec} positions).
 * - a source that contradicts itself: flagged under its title on its line.
 *
 * Decision: a row with more than {@link collapseAbove} source lines is
 * collapsed to a density strip of all its claims, the lines that need a
 * look (outliers, sources that contradict themselves, up to
 * {@link keyLinesShown}), and a button for the full list, shown
 * {@link linesPerPage} lines at a time: a 10,000-source corpus stays a page
 * an editor can read, and small.
 */
import type { Stance } from '../src/schema.ts'
import { formatHours, formatRange, shortHours, tickLabel } from './format.ts'
import { consensusWords, groupWords, shortReason, type ClaimView, type RowView, type SourceLine } from './model.ts'
import { timeAxis } from './scale.ts'

/** Screens narrower than this get source titles above their lines instead of beside them. */
export const narrowBelow = 640

/** Rows with more source lines than this are collapsed. */
export const collapseAbove = 20

/** Lines of a collapsed row kept in view (outliers and sources that contradict themselves first). */
export const keyLinesShown = 8

/** Lines added by each "show more" of an expanded row. */
export const linesPerPage = 100

/** Conflict groups drawn as brackets per row; the rest are counted. */
export const bracketsShown = 3

/** What a legend entry shows. */
export type LegendKind =
  | 'avoid-point'
  | 'avoid-range'
  | 'allowed-point'
  | 'allowed-range'
  | 'open'
  | 'band'
  | 'median'
  | 'outlier'
  | 'conflict'
  | 'corrected'
  | 'rejected'

/** One legend entry, placed. */
export interface LegendItem {
  kind: LegendKind
  label: string
  /** Left of the swatch. */
  x: number
  /** Vertical centre. */
  y: number
}

/** A line of text, placed (baseline). */
export interface TextSpec {
  x: number
  y: number
  text: string
  role:
    | 'title'
    | 'description'
    | 'footer'
    | 'row-label'
    | 'row-summary'
    | 'row-empty'
    | 'line-label'
    | 'line-flag'
    | 'outlier-label'
    | 'bracket-label'
    | 'more'
    | 'column-label'
  /** `end`: the text ends at `x`. */
  anchor?: 'start' | 'middle' | 'end'
}

/** The consensus of a row as a band. */
export interface BandSpec {
  x1: number
  x2: number
  medianX: number
  y1: number
  y2: number
  /** In words, for its `<title>`. */
  label: string
}

/** One source's line in a row. */
export interface LineSpec {
  source: string
  /** Top and height of the line (its label included). */
  y: number
  height: number
  /** The source's title, shortened to fit. */
  label: TextSpec
  /** Why it is flagged (contradicts itself, says both), or `null`. */
  flag: TextSpec | null
  /** The flag in full words, for its `<title>`. */
  flagTitle: string | null
  /** The x span of its claims that contradict each other, or `null`. */
  span: { x1: number; x2: number; y: number } | null
}

/** Every claim of a collapsed row, binned along the axis. */
export interface DensitySpec {
  y: number
  height: number
  /** Non-empty bins: left edge, width, claims per stance. */
  bins: { x: number; w: number; avoid: number; allowed: number }[]
  /** The largest count of one stance in one bin. */
  max: number
  /** "All 6,012 claims of 2,345 sources". */
  label: string
}

/** A button drawn in the chart. */
export interface ButtonSpec {
  row: string
  /** `expand`: show the full list; `more`: show more lines; `collapse`: back to the summary. */
  action: 'expand' | 'more' | 'collapse'
  x: number
  y: number
  text: string
}

/** One chart row. */
export interface RowSpec {
  key: string
  topic: string
  condition: string | null
  /** Top of the row (header included). */
  y: number
  height: number
  /** Every other topic gets a light background. */
  stripe: boolean
  /** Where the source lines run. */
  linesTop: number
  linesBottom: number
  labels: TextSpec[]
  lines: LineSpec[]
  band: BandSpec | null
  density: DensitySpec | null
  /** Lines of the row, and how many are drawn (they differ when collapsed or paged). */
  total: number
  drawn: number
  buttons: ButtonSpec[]
}

/** How a claim is drawn: on the axis (a point, a range, open ended) or in the "no time given" column. */
export type MarkShape = 'point' | 'range' | 'open' | 'none'

/** One claim, placed. */
export interface MarkSpec {
  /** Claim key `<source>/<id>`. */
  id: string
  /** Row key. */
  row: string
  /** Index of its line among the row's drawn lines. */
  line: number
  source: string
  shape: MarkShape
  stance: Stance
  /** Start (a point has x1 = x2). */
  x1: number
  x2: number
  /** Vertical centre. */
  y: number
  outlier: boolean
  conflict: boolean
  /** Not counted: rejected by an editor (or orphaned). */
  rejected: boolean
  corrected: boolean
  /** Accessible name: "Exercise, avoid 3 days, Dr Yalda Jamali, sweat-after-microneedling, unreviewed". */
  label: string
}

/** A conflict group, placed. */
export interface BracketSpec {
  row: string
  x1: number
  x2: number
  /** The bracket's line. */
  y: number
  /** Whether it runs to the axis end (no contrary claim gives a time). */
  open: boolean
  label: TextSpec
  /** Keys of the claims that allow. */
  allowed: string[]
  /** The group in words, for its `<title>`. */
  title: string
}

/** The time axis, placed. */
export interface AxisSpec {
  nowX: number
  x0: number
  x1: number
  openX: number
  /** The "no time given" column. */
  noneX1: number
  noneX2: number
  /** Baseline of the top tick labels; `null` when the page draws them in a sticky axis. */
  labelY: number | null
  /** Baseline of the bottom tick labels. */
  bottomLabelY: number
  gridTop: number
  gridBottom: number
  ticks: { x: number; label: string; hours: number }[]
  nowLabel: string
  noneLabel: string
}

/** Everything `render` draws. */
export interface ChartSpec {
  width: number
  height: number
  narrow: boolean
  title: string
  /** Title, description (exports only). */
  header: TextSpec[]
  /** Sources and date (exports only). */
  footer: TextSpec[]
  legend: LegendItem[]
  axis: AxisSpec
  rows: RowSpec[]
  marks: MarkSpec[]
  brackets: BracketSpec[]
  labels: TextSpec[]
}

/** What a publishable export adds around the chart. */
export interface PublishInfo {
  title: string
  description: string
  /** One entry per source: "Title — address". */
  sources: string[]
  /** `YYYY-MM-DD`. */
  date: string
}

/** Options of {@link layout}. */
export interface LayoutOptions {
  /** Rows shown in full, with how many of their lines (default: none; collapsed rows stay collapsed). */
  expanded?: ReadonlyMap<string, number>
  /** Leave the top tick labels out: the page draws them in a sticky axis (default: `false`). */
  stickyAxis?: boolean
  /** Title block and footer of an export (default: none). */
  publish?: PublishInfo
}

const CHAR = 6.2
const SMALL_CHAR = 5.7
const BOLD_CHAR = 6.3

/**
 * Lay out rows (see `pageModel`).
 *
 * @param rows Rows in display order.
 * @param width Width in pixels (at least 280 is used).
 * @param options Expanded rows, sticky axis, export header (see {@link LayoutOptions}).
 * @returns The spec: deterministic for the same input.
 * @example
 * const spec = layout(pageModel(data, report).rows, 1000)
 * spec.marks.length // every claim shown
 */
export function layout(rows: RowView[], width: number, options: LayoutOptions = {}): ChartSpec {
  width = Math.max(280, Math.round(width))
  const narrow = width < narrowBelow
  const pad = narrow ? 8 : 12
  const labelWidth = narrow ? 0 : Math.max(120, Math.min(230, Math.round(width * 0.17)))
  const noneWidth = narrow ? 44 : 88

  let maxHours = 0
  for (const row of rows) {
    for (const c of row.claims) maxHours = Math.max(maxHours, c.claim.wait.max ?? c.claim.wait.min ?? 0)
    const k = row.consensus?.consensus
    if (k) maxHours = Math.max(maxHours, k.max)
  }
  const axis = timeAxis(
    { left: pad + labelWidth, right: width - pad - noneWidth - 6, nowWidth: narrow ? 30 : 44, openWidth: narrow ? 10 : 16, gap: 6 },
    maxHours
  )
  const noneX1 = width - pad - noneWidth
  const noneX2 = width - pad

  let y = pad
  const header: TextSpec[] = []
  if (options.publish) {
    for (const line of wrap(options.publish.title, Math.floor((width - 2 * pad) / 9))) {
      y += 20
      header.push({ x: pad, y, text: line, role: 'title' })
    }
    for (const line of wrap(options.publish.description, Math.floor((width - 2 * pad) / CHAR))) {
      y += 17
      header.push({ x: pad, y, text: line, role: 'description' })
    }
    y += 12
  }
  // On the page the legend is drawn above the sticky axis (see `legendSpec`), not in the chart.
  const legend = options.stickyAxis ? [] : legendItems(pad, width - pad, y + 8)
  y = (legend.length ? legend[legend.length - 1]!.y + 14 : y)
  const labelY = options.stickyAxis ? null : y + 16
  const gridTop = options.stickyAxis ? 0 : y + 22

  const rowSpecs: RowSpec[] = []
  const marks: MarkSpec[] = []
  const brackets: BracketSpec[] = []
  const labels: TextSpec[] = []
  y = gridTop
  let topicIndex = -1
  let lastTopic: string | undefined
  for (const row of rows) {
    if (row.topic !== lastTopic) {
      topicIndex++
      lastTopic = row.topic
    }
    const top = y
    const rowLabels: TextSpec[] = []
    // Header: the row's title, then the consensus in words (on the same line when it fits).
    const summary = rowSummary(row)
    const titleWidth = row.title.length * 8 + 14
    y += 16
    rowLabels.push({ x: pad, y, text: row.title, role: 'row-label' })
    const room = Math.floor((width - 2 * pad - titleWidth) / SMALL_CHAR)
    if (!narrow && summary.length <= room) rowLabels.push({ x: pad + titleWidth, y, text: summary, role: 'row-summary' })
    else {
      for (const line of wrap(summary, Math.floor((width - 2 * pad) / SMALL_CHAR))) {
        y += 14
        rowLabels.push({ x: pad, y, text: line, role: 'row-summary' })
      }
    }
    y += 6
    // Conflict groups: one labelled bracket each.
    for (const group of row.groups.slice(0, bracketsShown)) {
      const x1 = axis.x(group.allowedFrom)
      const open = group.contrary.shortest === null
      const x2 = open ? axis.openX : axis.x(group.contrary.shortest!)
      const words = groupWords(group)
      const chars = Math.floor((noneX2 - axis.nowX + 10) / BOLD_CHAR)
      const text = clip(words, chars)
      const textWidth = text.length * BOLD_CHAR
      const lx = Math.min(Math.max(axis.nowX - 10, x1), noneX2 - textWidth)
      y += 12
      const label: TextSpec = { x: r(lx), y: r(y), text, role: 'bracket-label' }
      y += 8
      brackets.push({ row: row.key, x1: r(x1), x2: r(x2), y: r(y), open, label, allowed: group.allowed, title: `Conflict: ${words}` })
      y += 6
    }
    if (row.groups.length > bracketsShown) {
      y += 12
      rowLabels.push({ x: axis.nowX - 10, y, text: `+${row.groups.length - bracketsShown} more conflict groups: focus a claim to see whom it contradicts`, role: 'more' })
      y += 4
    }

    // Source lines.
    const collapsed = row.lines.length > collapseAbove && !options.expanded?.has(row.key)
    const shownCount = collapsed ? 0 : Math.min(row.lines.length, options.expanded?.get(row.key) ?? row.lines.length)
    const drawnLines: SourceLine[] = collapsed ? keyLines(row.lines) : row.lines.slice(0, shownCount)
    const linesTop = y + 2
    y = linesTop
    let density: DensitySpec | null = null
    if (collapsed) {
      density = densityStrip(row, axis, y + (narrow ? 14 : 2), narrow)
      if (narrow) rowLabels.push({ x: pad, y: y + 11, text: density.label, role: 'line-label' })
      else rowLabels.push({ x: pad, y: y + 16, text: density.label, role: 'line-label' })
      y = density.y + density.height + 4
    }
    const lineSpecs: LineSpec[] = []
    drawnLines.forEach((line, index) => {
      const spec = placeLine(line, row, index, { y, pad, labelWidth, narrow, axis, noneX1, noneX2 }, marks, labels)
      lineSpecs.push(spec)
      y += spec.height
    })
    if (row.lines.length === 0) {
      y += 16
      rowLabels.push({ x: axis.x0, y, text: 'no claim shown: every source of this row is switched off or filtered out', role: 'row-empty' })
      y += 6
    }
    const linesBottom = y
    const buttons: ButtonSpec[] = []
    const buttonAt = (action: ButtonSpec['action'], text: string, x: number) => buttons.push({ row: row.key, action, x: r(x), y: r(y + 4), text })
    if (collapsed) buttonAt('expand', `Show all ${count(row.lines.length, 'source')} ▾`, pad)
    else if (row.lines.length > collapseAbove) {
      if (shownCount < row.lines.length) buttonAt('more', `Show ${Math.min(linesPerPage, row.lines.length - shownCount)} more of ${row.lines.length.toLocaleString('en')} ▾`, pad)
      buttonAt('collapse', 'Back to the summary ▴', shownCount < row.lines.length ? pad + 230 : pad)
    }
    if (buttons.length) y += 28
    const k = row.consensus?.consensus
    let band: BandSpec | null = null
    if (k && linesBottom > linesTop) {
      const x1 = axis.x(k.min)
      const x2 = axis.x(k.max)
      const grow = Math.max(0, 10 - (x2 - x1)) / 2
      band = {
        x1: r(x1 - grow),
        x2: r(x2 + grow),
        medianX: r(axis.x(k.median)),
        y1: r(linesTop),
        y2: r(linesBottom),
        label: `Consensus of ${row.title}: ${formatRange(k.min, k.max)}, median ${formatHours(k.median)}`
      }
    }
    y += 6
    rowSpecs.push({
      key: row.key,
      topic: row.topic,
      condition: row.condition,
      y: r(top),
      height: r(y - top),
      stripe: topicIndex % 2 === 1,
      linesTop: r(linesTop),
      linesBottom: r(linesBottom),
      labels: rowLabels.map((t) => ({ ...t, x: r(t.x), y: r(t.y) })),
      lines: lineSpecs,
      band,
      density,
      total: row.lines.length,
      drawn: drawnLines.length,
      buttons
    })
  }
  const gridBottom = y
  const footer: TextSpec[] = []
  y = gridBottom + 26
  if (options.publish) {
    y += 8
    const chars = Math.floor((width - 2 * pad) / SMALL_CHAR)
    for (const line of wrap(`Sources: ${options.publish.sources.join('; ')}.`, chars)) {
      y += 14
      footer.push({ x: pad, y, text: line, role: 'footer' })
    }
    for (const line of wrap(`Made with claimrange on ${options.publish.date}. Consensus: the stated waits of the middle voices of each row; outliers are more than 2.5 times off the median.`, chars)) {
      y += 14
      footer.push({ x: pad, y, text: line, role: 'footer' })
    }
    y += 8
  }
  return {
    width,
    height: r(y),
    narrow,
    title: options.publish?.title ?? 'Wait times by topic: one line per source, the consensus range and its median',
    header: header.map((t) => ({ ...t, y: r(t.y) })),
    footer: footer.map((t) => ({ ...t, y: r(t.y) })),
    legend,
    axis: {
      nowX: r(axis.nowX),
      x0: r(axis.x0),
      x1: r(axis.x1),
      openX: r(axis.openX),
      noneX1: r(noneX1),
      noneX2: r(noneX2),
      labelY: labelY === null ? null : r(labelY),
      bottomLabelY: r(gridBottom + 16),
      gridTop: r(gridTop),
      gridBottom: r(gridBottom),
      ticks: tickLabels(axis.ticks, narrow),
      nowLabel: 'now',
      noneLabel: narrow ? 'no time' : 'no time given'
    },
    rows: rowSpecs,
    marks,
    brackets,
    labels
  }
}

/** Where a line goes and what it may use. */
interface LinePlace {
  y: number
  pad: number
  labelWidth: number
  narrow: boolean
  axis: ReturnType<typeof timeAxis>
  noneX1: number
  noneX2: number
}

/**
 * Lay out one source line: its label, its marks (in sub-lanes where they
 * would overlap), its claims with no time, outlier labels and its flag.
 */
function placeLine(line: SourceLine, row: RowView, index: number, at: LinePlace, marks: MarkSpec[], labels: TextSpec[]): LineSpec {
  const { axis, narrow, pad } = at
  const laneHeight = 14
  const flagWords = flagOf(line)
  // Sub-lanes: a claim goes in the first lane where it does not touch the one before.
  const placed = line.claims.map((view) => ({ view, ...extent(view, axis) }))
  const laneEnds: number[] = []
  const lanes = placed.map((p) => {
    let lane = laneEnds.findIndex((end) => p.x1 - 8 > end)
    if (lane < 0) lane = laneEnds.push(-Infinity) - 1
    laneEnds[lane] = p.x2
    return lane
  })
  const laneCount = Math.max(1, laneEnds.length)
  const labelHeight = narrow ? 12 : 0
  const flagHeight = flagWords && !narrow ? 12 : 0
  const height = Math.max(laneCount * laneHeight + 6, narrow ? 0 : 18 + flagHeight) + labelHeight + (narrow && flagWords ? 11 : 0)
  const top = at.y
  const marksTop = top + labelHeight + (narrow && flagWords ? 11 : 0) + 3
  const chars = narrow ? Math.floor((at.noneX2 - pad) / SMALL_CHAR) : Math.floor((at.labelWidth - 8) / SMALL_CHAR)
  const label: TextSpec = { x: pad, y: r(narrow ? top + 10 : marksTop + 10), text: clip(line.title, chars), role: 'line-label' }
  let flag: TextSpec | null = null
  if (flagWords) {
    const text = clip(flagWords.short, chars)
    flag = narrow ? { x: pad, y: r(top + 21), text, role: 'line-flag' } : { x: pad, y: r(marksTop + 22), text, role: 'line-flag' }
  }
  const yOf = (lane: number) => marksTop + laneHeight * (lane + 0.5)
  const xs = new Map<string, { x1: number; y: number }>()
  placed.forEach((p, i) => {
    const my = yOf(lanes[i]!)
    xs.set(p.view.key, { x1: p.x1, y: my })
    marks.push(markSpec(p.view, row.key, index, p.shape, p.x1, p.x2, my))
    if (p.view.outlier && p.view.counted) labels.push(outlierLabel(p.view.outlier, p.x1, p.x2, my, axis.x0 - 30, at.noneX1 - 6))
  })
  // Claims with no time: side by side in the right-hand column, the rest counted.
  const fit = Math.max(1, Math.floor((at.noneX2 - at.noneX1 - 14) / 14))
  line.vague.forEach((view, i) => {
    if (i >= fit && line.vague.length > fit + 1) return
    const x = at.noneX1 + 10 + i * 14
    marks.push(markSpec(view, row.key, index, 'none', x, x, yOf(0)))
  })
  if (line.vague.length > fit + 1) labels.push({ x: r(at.noneX1 + 10 + fit * 14 - 4), y: r(yOf(0) + 4), text: `+${line.vague.length - fit}`, role: 'more' })
  let span: LineSpec['span'] = null
  const inSpan = line.within.flatMap((p) => [xs.get(p.allowed), xs.get(p.avoid)]).filter((p): p is { x1: number; y: number } => p !== undefined)
  if (inSpan.length >= 2) {
    const x1 = Math.min(...inSpan.map((p) => p.x1))
    const x2 = Math.max(...inSpan.map((p) => p.x1))
    if (x2 > x1) span = { x1: r(x1), x2: r(x2), y: r(top + height - 2) }
  }
  return { source: line.source, y: r(top), height: r(height), label, flag, flagTitle: flagWords?.full ?? null, span }
}

/** Where a numbered claim sits on the axis. */
function extent(view: ClaimView, axis: ReturnType<typeof timeAxis>): { shape: MarkShape; x1: number; x2: number } {
  const { min, max } = view.claim.wait
  if (max === null) return { shape: 'open', x1: axis.x(min!), x2: axis.openX }
  if (min === max) return { shape: 'point', x1: axis.x(min!), x2: axis.x(min!) }
  return { shape: 'range', x1: axis.x(min!), x2: axis.x(max) }
}

function markSpec(view: ClaimView, row: string, line: number, shape: MarkShape, x1: number, x2: number, y: number): MarkSpec {
  return {
    id: view.key,
    row,
    line,
    source: view.source,
    shape,
    stance: view.claim.stance,
    x1: r(x1),
    x2: r(x2),
    y: r(y),
    outlier: view.outlier !== null && view.counted,
    conflict: view.conflictCount > 0,
    rejected: !view.counted,
    corrected: view.status === 'corrected',
    label: markLabel(view)
  }
}

/**
 * An outlier's reason beside its mark: to its right when there is room
 * before the "no time given" column, else to its left, shortened to fit.
 */
function outlierLabel(reason: string, x1: number, x2: number, y: number, left: number, right: number): TextSpec {
  const text = shortReason(reason)
  const roomRight = right - (x2 + 12)
  const roomLeft = x1 - 12 - left
  const chars = (room: number) => Math.floor(room / SMALL_CHAR)
  if (roomRight >= text.length * SMALL_CHAR || roomRight >= roomLeft) return { x: r(x2 + 12), y: r(y + 4), text: clip(text, chars(roomRight)), role: 'outlier-label' }
  return { x: r(x1 - 12), y: r(y + 4), text: clip(text, chars(roomLeft)), role: 'outlier-label', anchor: 'end' }
}

/** Why a line is flagged: it contradicts itself, or a voice of it says both. */
function flagOf(line: SourceLine): { short: string; full: string } | null {
  if (line.within.length === 0 && !line.saysBoth) return null
  const parts: string[] = []
  if (line.within.length > 0) parts.push(`contradicts itself ×${line.within.length}`)
  if (line.saysBoth && line.within.length === 0) parts.push('says both')
  const full = [line.saysBoth, ...line.within.map((p) => p.reason)].filter(Boolean).join('. ')
  return { short: `⇄ ${parts.join(', ')}`, full }
}

/** The lines of a collapsed row that need a look: outliers first, then sources that contradict themselves. */
function keyLines(lines: SourceLine[]): SourceLine[] {
  const outliers = lines.filter((l) => l.hasOutlier)
  const contradict = lines.filter((l) => !l.hasOutlier && (l.within.length > 0 || l.saysBoth))
  return [...outliers, ...contradict].slice(0, keyLinesShown)
}

/** Bin every claim of a row along the axis, per stance. */
function densityStrip(row: RowView, axis: ReturnType<typeof timeAxis>, y: number, narrow: boolean): DensitySpec {
  const w = 6
  const bins = new Map<number, { avoid: number; allowed: number }>()
  let claims = 0
  for (const view of row.claims) {
    if (view.claim.wait.min === null || !view.counted) continue
    claims++
    const x = Math.floor(axis.x(view.claim.wait.min) / w) * w
    const bin = bins.get(x) ?? { avoid: 0, allowed: 0 }
    bin[view.claim.stance]++
    bins.set(x, bin)
  }
  const list = [...bins.entries()].sort(([a], [b]) => a - b).map(([x, b]) => ({ x: r(x), w, ...b }))
  const max = Math.max(1, ...list.map((b) => Math.max(b.avoid, b.allowed)))
  return { y: r(y), height: 24, bins: list, max, label: narrow ? `All ${count(claims, 'claim')} of ${count(row.lines.length, 'source')}:` : `All ${count(row.lines.length, 'source')}` }
}

/**
 * Accessible name of a claim's mark.
 *
 * @param view The claim.
 * @returns "Exercise, avoid 3 days, Dr Yalda Jamali, sweat-after-microneedling, unreviewed" (+ outlier, conflicts).
 * @example
 * markLabel(view) // 'Exercise — intense, avoid 3 days, workout-after-microneedling, unreviewed, outlier'
 */
export function markLabel(view: ClaimView): string {
  const c = view.claim
  const parts = [c.condition ? `${view.topicLabel} — ${c.condition}` : view.topicLabel, `${c.stance} ${c.wait.min === null ? 'no time given' : formatWaitShort(c.wait)}`]
  if (c.speaker) parts.push(c.speaker)
  parts.push(view.source)
  parts.push(view.status === 'corrected' ? "corrected by an editor" : view.status)
  if (view.outlier && view.counted) parts.push('outlier')
  if (view.conflictCount > 0) parts.push(`conflicts with ${count(view.conflictCount, 'claim')}`)
  return parts.join(', ')
}

function formatWaitShort(wait: ClaimView['claim']['wait']): string {
  return `${wait.vague ? 'about ' : ''}${formatRange(wait.min!, wait.max)}`
}

function rowSummary(row: RowView): string {
  const parts = [consensusWords(row)]
  const outliers = row.claims.filter((c) => c.outlier && c.counted).length
  if (outliers) parts.push(count(outliers, 'outlier'))
  const pairs = row.groups.reduce((n, g) => n + g.pairs, 0)
  if (row.groups.length) parts.push(`${count(row.groups.length, 'conflict group')}`)
  else if (pairs === 0 && row.lines.some((l) => l.within.length > 0)) parts.push('contradictions within a source')
  return parts.join(' · ')
}

function tickLabels(ticks: { hours: number; x: number }[], narrow: boolean): AxisSpec['ticks'] {
  const out: AxisSpec['ticks'] = []
  let lastEnd = -Infinity
  for (const t of ticks) {
    const label = narrow ? shortHours(t.hours) : tickLabel(t.hours)
    const half = (label.length * CHAR) / 2
    // A label that would overlap the previous one keeps its grid line but no text.
    const shown = t.x - half >= lastEnd + 4
    if (shown) lastEnd = t.x + half
    out.push({ x: r(t.x), label: shown ? label : '', hours: t.hours })
  }
  return out
}

const legendLabels: [LegendKind, string][] = [
  ['avoid-point', 'avoid for this long'],
  ['avoid-range', 'avoid for a range'],
  ['allowed-point', 'fine after this long'],
  ['allowed-range', 'fine after a range'],
  ['open', '"or more"'],
  ['band', 'consensus range'],
  ['median', 'median'],
  ['outlier', 'outlier (reason beside it)'],
  ['conflict', 'conflict: fine from here vs. wait until there'],
  ['corrected', 'corrected by an editor'],
  ['rejected', 'rejected (not counted)']
]

function legendItems(left: number, right: number, top: number): LegendItem[] {
  const items: LegendItem[] = []
  let x = left
  let y = top
  for (const [kind, label] of legendLabels) {
    const w = 30 + label.length * SMALL_CHAR + 12
    if (x > left && x + w > right) {
      x = left
      y += 18
    }
    items.push({ kind, label, x: r(x), y: r(y) })
    x += w
  }
  return items
}

/**
 * The legend on its own, for the page to draw above its sticky axis.
 *
 * @param width Width in pixels.
 * @returns The entries, placed, and the height they take.
 */
export function legendSpec(width: number): { items: LegendItem[]; height: number } {
  const pad = width < narrowBelow ? 8 : 12
  const items = legendItems(pad, width - pad, 10)
  return { items, height: (items.length ? items[items.length - 1]!.y : 0) + 12 }
}

/**
 * Break text into lines of at most `chars` characters at spaces (a longer word stays whole).
 *
 * @param text Text to wrap.
 * @param chars Characters per line.
 * @returns Lines.
 */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/**
 * Shorten text to at most `chars` characters, ending in "…" when cut.
 *
 * @param text Text.
 * @param chars Most characters (at least 2 are kept).
 * @returns The text or its start and "…".
 */
export function clip(text: string, chars: number): string {
  const n = Math.max(2, chars)
  return text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`
}

function r(n: number): number {
  return Math.round(n * 10) / 10
}
