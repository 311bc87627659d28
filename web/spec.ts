/**
 * The chart as a pure spec: rows, scaled positions, marks with ids and
 * labels, conflict links and legend entries, all in pixels rounded to 0.1.
 * `render.ts` only draws what is here, so the same input always gives the
 * same SVG.
 *
 * Encodings (also explained by the legend the spec carries):
 * - x: wait on a log axis (1 h … 3 weeks or more); 0 h ("no wait") sits in a
 *   "now" column at the left edge; open ends and claims with no number point
 *   to an open-end strip at the right edge.
 * - avoid: vermillion, filled (dot = one number, bar = a range);
 *   allowed: blue, hollow (diamond = one number, outlined bar = a range).
 * - open ended ("72 hours or more"): the bar fades out towards an arrow at the right edge.
 * - no number ("until healed"): a dotted arrow over the whole axis, never a position.
 * - consensus: a light band over the row from its min to its max, the median a black line.
 * - outlier: a dashed black ring on an orange halo; the reason is in the tooltip and the table.
 * - conflict: a reddish-purple curve between the two claims.
 */
import type { ConsensusReport } from '../src/consensus/types.ts'
import type { Stance } from '../src/schema.ts'
import type { SiteData } from '../src/site/data.ts'
import { claimKey } from '../src/consensus/select.ts'
import { formatHours, formatRange, formatWait, shortHours, tickLabel } from './format.ts'
import { viewRows, type ClaimView, type RowView, type ViewOptions } from './model.ts'
import { timeAxis } from './scale.ts'

/** Screens narrower than this get labels above rows instead of beside them. */
export const narrowBelow = 640

/** What a legend entry shows. */
export type LegendKind =
  | 'avoid-point'
  | 'avoid-range'
  | 'allowed-point'
  | 'allowed-range'
  | 'open'
  | 'vague'
  | 'band'
  | 'median'
  | 'outlier'
  | 'conflict'

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
  role: 'row-label' | 'row-summary' | 'row-empty'
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

/** One chart row. */
export interface RowSpec {
  key: string
  topic: string
  condition: string | null
  /** Top of the row (including the label on narrow screens). */
  y: number
  height: number
  /** Every other topic gets a light background. */
  stripe: boolean
  /** Where the marks sit. */
  lanesTop: number
  lanesHeight: number
  labels: TextSpec[]
  band: BandSpec | null
}

/** How a claim is drawn. */
export type MarkShape = 'point' | 'range' | 'open' | 'vague'

/** One claim, placed. */
export interface MarkSpec {
  /** Claim id. */
  id: string
  /** Row key. */
  row: string
  source: string
  shape: MarkShape
  stance: Stance
  /** Start (a point has x1 = x2). */
  x1: number
  x2: number
  /** Vertical centre. */
  y: number
  /** The outlier reason, or `null`. */
  outlier: string | null
  conflict: boolean
  /** Accessible name: "Exercise, avoid 72 h, Dr Yalda Jamali, sweat-after-microneedling". */
  label: string
}

/** A link between two conflicting claims. */
export interface LinkSpec {
  /** `<claim>~<claim>`. */
  id: string
  from: string
  to: string
  /** SVG path data. */
  d: string
  reason: string
}

/** The time axis, placed. */
export interface AxisSpec {
  nowX: number
  x0: number
  x1: number
  openX: number
  /** Baseline of the top tick labels. */
  labelY: number
  /** Baseline of the bottom tick labels. */
  bottomLabelY: number
  gridTop: number
  gridBottom: number
  ticks: { x: number; label: string; hours: number }[]
  nowLabel: string
}

/** Everything `render` draws. */
export interface ChartSpec {
  width: number
  height: number
  narrow: boolean
  title: string
  legend: LegendItem[]
  axis: AxisSpec
  rows: RowSpec[]
  marks: MarkSpec[]
  links: LinkSpec[]
}

/** Input of {@link chartSpec}. */
export interface ChartInput {
  data: SiteData
  /** Consensus computed with the same `exclude` as `view`. */
  report: ConsensusReport
  /** Filters and switched-off sources. */
  view?: ViewOptions
  /** Width of the chart in pixels. */
  width: number
}

const CHAR = 6.2
const LEGEND_CHAR = 5.8

/**
 * Lay the chart out.
 *
 * @param input Data, consensus, filters and width (see {@link ChartInput}).
 * @returns The spec: deterministic for the same input.
 * @example
 * const spec = chartSpec({data, report: computeConsensus(data.files), width: 1000})
 * spec.marks.length // every claim not rejected
 */
export function chartSpec(input: ChartInput): ChartSpec {
  const rows = viewRows(input.data, input.report, input.view)
  return layout(rows, input.width)
}

/**
 * Lay out rows that were already grouped (see `viewRows`).
 *
 * @param rows Rows in display order.
 * @param width Width in pixels (at least 280 is used).
 * @returns The spec.
 */
export function layout(rows: RowView[], width: number): ChartSpec {
  width = Math.max(280, Math.round(width))
  const narrow = width < narrowBelow
  const pad = narrow ? 8 : 12
  const labelWidth = narrow ? 0 : Math.min(220, Math.round(width * 0.2))
  const laneHeight = narrow ? 14 : 16
  const lanePad = 6

  const legend = legendItems(pad, width - pad, pad + 8)
  const legendBottom = (legend.length ? legend[legend.length - 1]!.y : pad) + 14

  let maxHours = 0
  for (const row of rows) {
    for (const c of row.claims) maxHours = Math.max(maxHours, c.claim.wait.max ?? c.claim.wait.min ?? 0)
    const k = row.consensus?.consensus
    if (k) maxHours = Math.max(maxHours, k.max)
  }
  const axis = timeAxis(
    { left: pad + labelWidth, right: width - pad, nowWidth: narrow ? 34 : 48, openWidth: narrow ? 18 : 30, gap: 6 },
    maxHours
  )
  const labelY = legendBottom + 18
  const gridTop = labelY + 6

  const rowSpecs: RowSpec[] = []
  const marks: MarkSpec[] = []
  const anchors = new Map<string, { x: number; y: number }>()
  let y = gridTop + 4
  let topicIndex = -1
  let lastTopic: string | undefined
  for (const row of rows) {
    if (row.topic !== lastTopic) {
      topicIndex++
      lastTopic = row.topic
    }
    const title = row.condition === null ? row.topicLabel : `${row.topicLabel} — ${row.condition}`
    const summary = rowSummary(row)
    const lanes = Math.max(1, row.claims.length)
    const lanesHeight = lanes * laneHeight + 2 * lanePad
    const labels: TextSpec[] = []
    let lanesTop: number
    let height: number
    if (narrow) {
      labels.push({ x: pad, y: y + 14, text: title, role: 'row-label' })
      labels.push({ x: pad, y: y + 28, text: summary, role: 'row-summary' })
      lanesTop = y + 32
      height = 32 + lanesHeight
    } else {
      const chars = Math.max(10, Math.floor((labelWidth - 8) / CHAR))
      let ly = y + 16
      for (const line of wrap(title, chars)) {
        labels.push({ x: pad, y: ly, text: line, role: 'row-label' })
        ly += 15
      }
      for (const line of wrap(summary, chars + 2)) {
        labels.push({ x: pad, y: ly, text: line, role: 'row-summary' })
        ly += 13
      }
      lanesTop = y
      height = Math.max(lanesHeight, ly - y)
    }
    if (row.claims.length === 0) {
      labels.push({ x: axis.x0, y: lanesTop + lanePad + laneHeight / 2 + 4, text: 'no claim shown: every source of this row is switched off', role: 'row-empty' })
    }
    const k = row.consensus?.consensus
    const band: BandSpec | null = k
      ? {
          x1: r(axis.x(k.min) - (k.min === k.max ? 3 : 0)),
          x2: r(axis.x(k.max) + (k.min === k.max ? 3 : 0)),
          medianX: r(axis.x(k.median)),
          y1: r(lanesTop + 2),
          y2: r(lanesTop + lanesHeight - 2),
          label: `Consensus ${formatRange(k.min, k.max)}, median ${formatHours(k.median)}`
        }
      : null
    rowSpecs.push({
      key: row.key,
      topic: row.topic,
      condition: row.condition,
      y: r(y),
      height: r(height),
      stripe: topicIndex % 2 === 1,
      lanesTop: r(lanesTop),
      lanesHeight: r(lanesHeight),
      labels: labels.map((t) => ({ ...t, x: r(t.x), y: r(t.y) })),
      band
    })
    row.claims.forEach((view, lane) => {
      const my = lanesTop + lanePad + laneHeight * (lane + 0.5)
      const mark = placeMark(view, row.key, axis, my)
      marks.push(mark)
      anchors.set(claimKey(mark.source, mark.id), { x: mark.shape === 'vague' ? axis.x0 : mark.x1, y: mark.y })
    })
    y += height + (narrow ? 6 : 4)
  }
  const gridBottom = y
  const links = conflictLinks(rows, anchors, axis.openX)
  return {
    width,
    height: r(gridBottom + 26),
    narrow,
    title: 'Wait times by topic: each claim, the consensus range and its median',
    legend,
    axis: {
      nowX: r(axis.nowX),
      x0: r(axis.x0),
      x1: r(axis.x1),
      openX: r(axis.openX),
      labelY: r(labelY),
      bottomLabelY: r(gridBottom + 16),
      gridTop: r(gridTop),
      gridBottom: r(gridBottom),
      ticks: tickLabels(axis.ticks, narrow),
      nowLabel: 'now'
    },
    rows: rowSpecs,
    marks,
    links
  }
}

/**
 * Accessible name of a claim's mark.
 *
 * @param view The claim.
 * @returns "Exercise, avoid 72 h, Dr Yalda Jamali, sweat-after-microneedling" (+ condition, outlier, conflicts).
 * @example
 * markLabel(view) // 'Exercise — intense, avoid 72 h, workout-after-microneedling, outlier'
 */
export function markLabel(view: ClaimView): string {
  const c = view.claim
  const parts = [c.condition ? `${view.topicLabel} — ${c.condition}` : view.topicLabel, `${c.stance} ${formatWait(c.wait)}`]
  if (c.speaker) parts.push(c.speaker)
  parts.push(view.source)
  if (view.outlier) parts.push('outlier')
  if (view.conflicts.length > 0) parts.push(`conflicts with ${view.conflicts.length} claim${view.conflicts.length === 1 ? '' : 's'}`)
  return parts.join(', ')
}

function placeMark(view: ClaimView, row: string, axis: ReturnType<typeof timeAxis>, y: number): MarkSpec {
  const { wait, stance } = view.claim
  let shape: MarkShape
  let x1: number
  let x2: number
  if (wait.min === null) {
    shape = 'vague'
    x1 = axis.x0
    x2 = axis.openX
  } else if (wait.max === null) {
    shape = 'open'
    x1 = axis.x(wait.min)
    x2 = axis.openX
  } else if (wait.min === wait.max) {
    shape = 'point'
    x1 = x2 = axis.x(wait.min)
  } else {
    shape = 'range'
    x1 = axis.x(wait.min)
    x2 = axis.x(wait.max)
  }
  return {
    id: view.stored.id,
    row,
    source: view.source,
    shape,
    stance,
    x1: r(x1),
    x2: r(x2),
    y: r(y),
    outlier: view.outlier,
    conflict: view.conflicts.length > 0,
    label: markLabel(view)
  }
}

function rowSummary(row: RowView): string {
  const k = row.consensus?.consensus
  const voices = row.consensus?.voices ?? 0
  const who = `${voices} voice${voices === 1 ? '' : 's'}`
  if (k && k.min === k.max) return `${formatHours(k.min)} · ${who}`
  if (k) return `${formatRange(k.min, k.max)} · median ${formatHours(k.median)} · ${who}`
  return voices > 0 ? `no number to agree on · ${who}` : 'no consensus: no voice left'
}

function conflictLinks(rows: RowView[], anchors: Map<string, { x: number; y: number }>, maxX: number): LinkSpec[] {
  const links: LinkSpec[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    for (const view of row.claims) {
      for (const conflict of view.conflicts) {
        // Anchors and pairs are keyed by source and id: ids repeat across sources.
        const ends = [
          { id: view.stored.id, key: claimKey(view.source, view.stored.id) },
          { id: conflict.other, key: claimKey(conflict.otherSource, conflict.other) }
        ].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : p.key < q.key ? -1 : 1))
        const pair = ends.map((end) => end.id)
        const id = pair.join('~')
        const both = ends.map((end) => end.key).join('~')
        if (seen.has(both)) continue
        const a = anchors.get(ends[0]!.key)
        const b = anchors.get(ends[1]!.key)
        if (!a || !b) continue
        seen.add(both)
        const cx = Math.min(maxX, Math.max(a.x, b.x) + Math.min(48, 16 + Math.abs(a.y - b.y) * 0.1))
        const cy = (a.y + b.y) / 2
        links.push({ id, from: pair[0]!, to: pair[1]!, d: `M${r(a.x)},${r(a.y)}Q${r(cx)},${r(cy)} ${r(b.x)},${r(b.y)}`, reason: conflict.reason })
      }
    }
  }
  return links.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0))
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
  ['avoid-range', 'avoid for a range of time'],
  ['allowed-point', 'allowed after this long (now = right away)'],
  ['allowed-range', 'allowed after a range of time'],
  ['open', 'open ended ("or more")'],
  ['vague', 'no number given ("until healed")'],
  ['band', 'consensus range'],
  ['median', 'consensus median'],
  ['outlier', 'outlier (reason on hover)'],
  ['conflict', 'claims in conflict']
]

function legendItems(left: number, right: number, top: number): LegendItem[] {
  const items: LegendItem[] = []
  let x = left
  let y = top
  for (const [kind, label] of legendLabels) {
    const w = 30 + label.length * LEGEND_CHAR + 14
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

function r(n: number): number {
  return Math.round(n * 10) / 10
}
