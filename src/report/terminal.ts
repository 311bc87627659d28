/**
 * The consensus for a terminal: a compact table (one line per topic and
 * condition), then the details of each row with quotes and sources, then
 * the rules. Colour only when asked for (the CLI asks on a TTY).
 *
 * Pure string builders (no Node APIs).
 */
import pc from 'picocolors'
import type { ConsensusReport } from '../consensus/types.ts'
import { claimKey } from '../consensus/select.ts'
import {
  claimPlace,
  conflictCount,
  groupExample,
  medianText,
  quoted,
  rangeText,
  rowTitle,
  voiceClaim,
  voiceWait,
  type Labels
} from './cells.ts'

/** Options of the terminal builders. */
export interface TerminalOptions {
  /** Use ANSI colour (default: false). */
  color?: boolean
  /** Topic display names (default: the topic ids). */
  labels?: Labels
}

/**
 * The compact table: one line per topic/condition with range, median,
 * voices, outliers and conflicts. Topics show by id to keep it narrow.
 *
 * @param report A consensus report.
 * @param options Colour and labels (see {@link TerminalOptions}).
 * @returns Lines joined by `\n`, no trailing newline.
 * @example
 * formatConsensusTable(report, {color: false})
 * // 'Topic     Condition  Consensus  Median  Voices  Outliers  Conflicts\n' +
 * // 'swimming  general    3 days     3 days  4       1         0'
 */
export function formatConsensusTable(report: ConsensusReport, options: TerminalOptions = {}): string {
  const c = pc.createColors(options.color ?? false)
  if (report.topics.length === 0) return 'No claims to compare.'
  const header = ['Topic', 'Condition', 'Consensus', 'Median', 'Voices', 'Outliers', 'Conflicts']
  const rows = report.topics.map((row) => [
    row.topic,
    row.condition ?? 'general',
    rangeText(row),
    medianText(row),
    String(row.voices),
    String(row.outliers.length),
    conflictCount(row)
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')
  const paint = (cells: string[], index: number) => {
    const row = report.topics[index]!
    const text = line(cells)
    if (row.conflicts.pairs > 0) return c.red(text)
    if (row.outliers.length > 0) return c.yellow(text)
    return text
  }
  return [c.bold(line(header)), ...rows.map(paint)].join('\n')
}

/**
 * The details of every row, headed by its label: its voices with a quote
 * each, its outliers with their reasons, its conflict groups (each in words
 * with an example pair), its within-source conflicts in full, its vague claims.
 *
 * @param report A consensus report.
 * @param options Colour and labels (see {@link TerminalOptions}).
 * @returns Lines joined by `\n`, no trailing newline (empty when there are no rows).
 */
export function formatConsensusDetails(report: ConsensusReport, options: TerminalOptions = {}): string {
  const c = pc.createColors(options.color ?? false)
  const blocks: string[] = []
  for (const row of report.topics) {
    const lines: string[] = []
    const summary = row.consensus
      ? `consensus ${rangeText(row)}, median ${medianText(row)}`
      : 'no voice states a number'
    lines.push(`${c.bold(rowTitle(row, options.labels))}: ${summary}, ${row.voices} voice${row.voices === 1 ? '' : 's'}`)
    const keyWidth = Math.max(...row.voiceList.map((v) => v.key.length))
    const waitWidth = Math.max(...row.voiceList.map((v) => voiceWait(v).length))
    for (const voice of row.voiceList) {
      const claim = voiceClaim(report, voice)
      const more = voice.claims.length > 1 ? c.dim(` (+${voice.claims.length - 1} more)`) : ''
      const quote = claim ? ` ${quoted(claim, 80)} ${c.dim(`line ${claim.line}`)}` : ''
      lines.push(`  ${voice.key.padEnd(keyWidth)}  ${voice.stance.padEnd(7)} ${voiceWait(voice).padEnd(waitWidth)} ${quote}${more}`)
    }
    for (const outlier of row.outliers) {
      const claim = report.claims[claimKey(outlier.source, outlier.claim)]
      const where = claim ? `${claimPlace(claim)} ${quoted(claim, 80)}` : outlier.claim
      lines.push(`  ${c.yellow('outlier')}   ${where}: ${outlier.reason}`)
    }
    // A group whose every pair is within one source is shown by those pairs alone.
    for (const group of row.conflicts.groups.filter((g) => g.pairs > g.withinSource)) {
      lines.push(`  ${c.red('conflict')}  ${group.reason}`)
      const example = groupExample(report, group)
      if (example) lines.push(`            ${c.dim(`e.g. ${example}`)}`)
    }
    for (const conflict of row.conflicts.withinSource) {
      lines.push(`  ${c.red('conflict')}  within-source: ${conflict.reason}`)
    }
    for (const key of row.vague) {
      const claim = report.claims[key]
      lines.push(`  ${c.dim('vague')}     ${claim ? `${claimPlace(claim)} ${claim.stance} ${quoted(claim, 80)}` : key}`)
    }
    blocks.push(lines.join('\n'))
  }
  return blocks.join('\n\n')
}

/**
 * The rules the report was computed with, one paragraph each.
 *
 * @param report A consensus report.
 * @param options Colour (see {@link TerminalOptions}).
 * @returns Lines joined by `\n`, no trailing newline.
 */
export function formatConsensusRules(report: ConsensusReport, options: TerminalOptions = {}): string {
  const c = pc.createColors(options.color ?? false)
  const { voice, range, outlier, conflict } = report.rules
  return [
    c.bold('Rules'),
    `  Voices: ${voice}`,
    `  Range: ${range}`,
    `  Outliers: ${outlier}`,
    `  Conflicts: ${conflict}`
  ].join('\n')
}

/**
 * The whole terminal report: table, details, rules.
 *
 * @param report A consensus report.
 * @param options Colour and labels (see {@link TerminalOptions}).
 * @returns Lines joined by `\n`, no trailing newline.
 */
export function formatConsensusTerminal(report: ConsensusReport, options: TerminalOptions = {}): string {
  const table = formatConsensusTable(report, options)
  if (report.topics.length === 0) return table
  return [table, formatConsensusDetails(report, options), formatConsensusRules(report, options)].join('\n\n')
}
