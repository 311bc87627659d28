/**
 * Print a real-set score as plain text: what was scored and what was not
 * (and why), a table per topic with the core topics and all topics, a
 * table per procedure, then every strict miss and false alarm with the
 * rules that made the claim; or, `verbose`, the same grouped by rule.
 *
 * A holdout page's misses and false alarms are never listed, only counted:
 * the holdout is the measure of what development did not see, and a
 * listing would let it be worked against by accident.
 *
 * Browser-safe: no Node APIs.
 */
import { describeClaim } from './format.ts'
import type { RealAlarm, RealMiss, RealRow, RealScore } from './real-score.ts'

/** Rows of a table: cells, first column left-aligned, the others right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  )
}

const rate = (value: number | null) => (value === null ? '–' : value.toFixed(3))

/** The cells of a row: gold, strict P R F1 and counts, loose P R F1. */
function cells(row: RealRow): string[] {
  const { strict, loose } = row
  return [String(row.gold), rate(strict.precision), rate(strict.recall), rate(strict.f1), String(strict.tp), String(strict.fp), String(strict.fn), rate(loose.precision), rate(loose.recall), rate(loose.f1)]
}

const header = ['gold', 'P', 'R', 'F1', 'tp', 'fp', 'fn', 'loose P', 'loose R', 'loose F1']

/**
 * The score tables: one row per topic, then core and all topics; one row per procedure.
 *
 * @param score The score.
 * @returns Lines, no trailing newline. P, R and F1 are strict (topic, stance and hours); `loose` drops the hours.
 * @example
 * formatRealTables(score)
 * // topic       gold  P      R      F1     tp  fp  fn  loose P  loose R  loose F1
 * // exercise      40  0.900  0.800  0.847 …
 */
export function formatRealTables(score: RealScore): string {
  const topicRows = [['topic', ...header], ...score.topics.map((t) => [t.topic, ...cells(t)])]
  const totals = [
    ['core (exercise, swimming, sweating)', ...cells(score.core)],
    ['all topics', ...cells(score.all)]
  ]
  const topics = table([...topicRows, ...totals])
  const rule = '-'.repeat(Math.max(...topics.map((l) => l.length)))
  const procedures = table([['procedure', 'pages', ...header], ...score.procedures.map((p) => [p.procedure, String(p.pages), ...cells(p)])])
  return [...topics.slice(0, topicRows.length), rule, ...topics.slice(topicRows.length), '', ...procedures].join('\n')
}

/**
 * Every strict miss and false alarm of the development pages, with the
 * rules that made (or ruled out) the claim; `verbose` groups them by rule.
 *
 * @param score The score.
 * @param verbose Group by rule instead of listing by place (default: `false`).
 * @returns Lines, no trailing newline.
 */
export function formatRealFindings(score: RealScore, verbose = false): string {
  const misses = score.misses.filter((m) => m.set === 'dev')
  const alarms = score.falseAlarms.filter((a) => a.set === 'dev')
  const hidden = score.misses.length - misses.length + score.falseAlarms.length - alarms.length
  const lines: string[] = []
  if (!verbose) {
    lines.push(`Missed (strict; in gold, not extracted): ${misses.length}`, ...misses.map((m) => `  ${formatRealMiss(m)}`))
    lines.push(`False alarms (strict; extracted, not in gold): ${alarms.length}`, ...alarms.map((a) => `  ${formatRealAlarm(a)}`))
  } else {
    lines.push(`False alarms by rule (a claim is listed under each of its rules): ${alarms.length}`)
    for (const [rule, list] of groups(alarms, (a) => a.rules)) lines.push(`  ${rule}: ${list.length}`, ...list.map((a) => `    ${formatRealAlarm(a)}`))
    lines.push(`Misses by the rules of the claim extracted there, or of what ruled one out there: ${misses.length}`)
    for (const [rule, list] of groups(misses, (m) => [...(m.near?.rules ?? []), ...m.ruledOut])) lines.push(`  ${rule}: ${list.length}`, ...list.map((m) => `    ${formatRealMiss(m)}`))
  }
  if (hidden > 0) lines.push(`(${hidden === 1 ? '1 miss or false alarm' : `${hidden} misses and false alarms`} on holdout pages counted above, never listed)`)
  return lines.join('\n')
}

/** Findings grouped under each rule they carry, the largest group first; those with none under `(no rule)`. */
function groups<T>(findings: T[], rulesOf: (f: T) => string[]): Array<[string, T[]]> {
  const map = new Map<string, T[]>()
  for (const f of findings) {
    const rules = rulesOf(f)
    for (const rule of rules.length > 0 ? new Set(rules) : ['(nothing extracted or ruled out there)']) {
      if (!map.has(rule)) map.set(rule, [])
      map.get(rule)!.push(f)
    }
  }
  return [...map].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * One miss: place, the gold claim, its words, what was extracted there and with which rules.
 *
 * @param miss A strict miss.
 * @returns `file:line: topic stance hours "quote" — extracted there: … [rules]; ruled out there: …`.
 */
export function formatRealMiss(miss: RealMiss): string {
  const near = miss.near ? ` — extracted there: ${describeClaim(miss.near)} [${miss.near.rules.join(', ')}]` : ' — nothing extracted there'
  const loose = miss.loose ? ' (hours differ)' : ''
  const ruled = miss.ruledOut.length > 0 ? `; ruled out there: ${miss.ruledOut.join(', ')}` : ''
  const note = miss.note ? ` (gold note: ${clip(miss.note, 80)})` : ''
  return `${miss.file}:${miss.line}: ${describeClaim(miss)} "${clip(miss.quote, 90)}"${near}${loose}${ruled}${note}`
}

/**
 * One false alarm: place, the claim, its words and its rules.
 *
 * @param alarm A strict false alarm.
 * @returns `file:line: topic stance hours "quote" [rules]`.
 */
export function formatRealAlarm(alarm: RealAlarm): string {
  return `${alarm.file}:${alarm.line}: ${describeClaim(alarm)} "${clip(alarm.quote, 90)}" [${alarm.rules.join(', ')}]${alarm.loose ? ' (a gold claim there has other hours)' : ''}`
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** What a run scored and what it did not, page by page. */
export interface RealStatus {
  /** The set's folder. */
  dir: string
  /** The set asked for. */
  set: 'dev' | 'holdout' | 'all'
  /** The list of slugs the set was narrowed to (`--pages`), if any. */
  pagesFile?: string
  /** Whether an index was found. */
  indexed: boolean
  /** Pages of the set in the index. */
  pages: number
  /** Pages of the set whose text is cached here (the one indexed or not). */
  cached: number
  /** Slugs of the pages scored. */
  scored: string[]
  /** Slugs of the pages with no gold file yet. */
  unlabelled: string[]
  /** Slugs of the pages whose text is not cached here. */
  missingText: string[]
  /** Pages whose cached text is not the one indexed. */
  otherText: Array<{ slug: string; indexed: string; cached: string }>
  /** Slugs of the pages with a problem (listed as messages). */
  invalid: string[]
}

/**
 * The lines that say what was scored and what was not, and why. When
 * nothing was scored they say so plainly, and no score follows.
 *
 * @param status The run's pages by status.
 * @param goldClaims Required and optional gold claims of the pages scored.
 * @returns Lines, no trailing newline.
 */
export function formatRealStatus(status: RealStatus, goldClaims: { required: number; optional: number }): string {
  const where = `${status.dir}, set ${status.set}${status.pagesFile === undefined ? '' : `, pages of ${status.pagesFile}`}`
  if (!status.indexed) return `Real articles (${where}): nothing was scored: there is no ${status.dir}/index.yaml (nor index.d/*.yaml).`
  const lines: string[] = []
  if (status.scored.length === 0) {
    const why =
      status.pages === 0
        ? `the index lists no page of set ${status.set}`
        : status.cached === 0
          ? `no page of set ${status.set} has its text in ${status.dir}/cache/ (page texts are never committed; a machine that has not fetched them, such as CI, has none)`
          : `no page of set ${status.set} is both labelled and cached with the text it was labelled on`
    lines.push(`Real articles (${where}): nothing was scored: ${why}.`)
  } else {
    const optional = goldClaims.optional > 0 ? ` (and ${goldClaims.optional} optional, not counted)` : ''
    lines.push(`Real articles (${where}): ${status.scored.length} of ${status.pages} pages scored, ${goldClaims.required} gold claims${optional}.`)
  }
  const not: string[] = []
  if (status.missingText.length > 0) not.push(`${status.missingText.length} without cached text`)
  if (status.unlabelled.length > 0) not.push(`${status.unlabelled.length} not labelled yet (${status.unlabelled.join(', ')})`)
  if (status.invalid.length > 0) not.push(`${status.invalid.length} with problems (${status.invalid.join(', ')})`)
  if (not.length > 0) lines.push(`Not scored: ${not.join('; ')}.`)
  for (const o of status.otherText) {
    lines.push(`Not scored: ${o.slug}: the cached text is another than the one labelled (sha256 ${o.cached.slice(0, 12)}…, indexed ${o.indexed.slice(0, 12)}…).`)
  }
  return lines.join('\n')
}
