/**
 * The "what changed" report in words, as `extract`, `add`, `diff` and the
 * watcher of `npm start` print it. Pure string builder.
 */
import pc from 'picocolors'
import type { Conflict, ConflictGroup, Outlier, TopicConsensus } from '../consensus/types.ts'
import { formatHours, formatRange, formatWait, gist } from '../consensus/words.ts'
import type { ConsensusDiff, OrphanedClaim, RowDiff } from './types.ts'

/** Options of {@link formatConsensusDiff}. */
export interface DiffFormatOptions {
  /** Use ANSI colours (default: `false`). */
  color?: boolean
  /** Display names of topics (default: the topic ids). */
  labels?: Record<string, string>
  /** How many new (and how many resolved, changed, within-source) conflicts to list per row before counting the rest (default: 3). */
  conflictLimit?: number
}

/** What the report says when nothing moved. */
export const noChange = 'No change in the consensus.'

/**
 * Format a diff as a short report: a heading, then one line per changed row
 * (range moved, voices and claims added or removed) with indented details
 * (voices whose position moved, new and resolved outliers and conflicts,
 * orphaned claims).
 *
 * Decisions:
 * - When there was no claims file before (a first extraction), the report
 *   is one line, "New consensus: N rows from M sources.": listing every row
 *   as new would only repeat the consensus table.
 * - Conflicts are shown as groups (see `ConflictGroup`): new, resolved, or
 *   changed ("conflict now: …", with the counts before). Within-source pairs
 *   are shown one by one, without their quotes (the consensus report has
 *   them). At most `conflictLimit` lines per row and kind.
 *
 * @param diff What `diffConsensus` returned.
 * @param options See {@link DiffFormatOptions}.
 * @returns Lines of text, no trailing newline; {@link noChange} when nothing moved.
 * @example
 * formatConsensusDiff(diff)
 * // 'What changed in the consensus:\n  exercise: range 3 days → 3 days – 1 week; +1 voice (new-source); +2 claims\n    new conflict: …'
 */
export function formatConsensusDiff(diff: ConsensusDiff, options: DiffFormatOptions = {}): string {
  const c = pc.createColors(options.color === true)
  if (diff.rows.length === 0 && diff.orphaned.length === 0) return noChange
  if (diff.sourcesBefore === 0 && diff.rowsBefore === 0) {
    return `New consensus: ${count(diff.rowsAfter, 'row')} from ${count(diff.sourcesAfter, 'source')}.`
  }
  const limit = options.conflictLimit ?? 3
  const lines = [c.bold('What changed in the consensus:')]
  for (const row of diff.rows) {
    lines.push(`  ${c.bold(rowName(row, options.labels))}: ${summary(row)}`)
    for (const change of row.voicesChanged) {
      lines.push(`    voice ${change.key}: ${voicePosition(change.from)} → ${voicePosition(change.to)}`)
    }
    for (const text of counted(row.outliersNew.map(outlierText))) lines.push(`    ${c.yellow('new outlier')}: ${text}`)
    for (const text of counted(row.outliersResolved.map(outlierText))) lines.push(`    ${c.green('resolved outlier')}: ${text}`)
    lines.push(...limited(row.conflictsNew.map((g) => `${c.yellow('new conflict')}: ${g.reason}`), 'new conflict', limit))
    lines.push(...limited(row.conflictsResolved.map((g) => `${c.green('resolved conflict')}: ${g.reason}`), 'resolved conflict', limit))
    lines.push(...limited(row.conflictsChanged.map(({ from, to }) => `${c.yellow('conflict now')}: ${to.reason} (was ${groupCounts(from)})`), 'changed conflict', limit))
    lines.push(...limited(pairTexts(row.withinSourceNew).map((text) => `${c.yellow('new within-source conflict')}: ${text}`), 'new within-source conflict', limit))
    lines.push(...limited(pairTexts(row.withinSourceResolved).map((text) => `${c.green('resolved within-source conflict')}: ${text}`), 'resolved within-source conflict', limit))
    for (const claim of row.orphaned) lines.push(`    ${c.red('orphaned')}: ${orphanText(claim)}`)
  }
  for (const claim of diff.orphaned) lines.push(`  ${c.red('orphaned')}: ${orphanText(claim)}`)
  return lines.join('\n')
}

/**
 * The name of a row in the report.
 *
 * @param row A row diff.
 * @param labels Topic display names (default: the topic ids).
 * @returns `exercise` for the general row, `exercise (deep)` for a condition.
 */
function rowName(row: Pick<RowDiff, 'topic' | 'condition'>, labels: Record<string, string> = {}): string {
  const topic = labels[row.topic] ?? row.topic
  return row.condition === null ? topic : `${topic} (${row.condition})`
}

/**
 * The one-line summary of a row: how its range moved, voices and claims.
 *
 * @param row A row diff.
 * @returns E.g. `range 3 days → 48 h – 1 week (median 3 days → 4 days); +1 voice (new-source); +2 claims`.
 */
function summary(row: RowDiff): string {
  const parts: string[] = []
  if (row.kind === 'added') {
    parts.push(`new row, ${rangeWords(row.consensus.to)}, ${count(row.voices.to, 'voice')} (${row.voicesAdded.join(', ')})`)
  } else if (row.kind === 'removed') {
    parts.push(`no longer stated (was ${rangeWords(row.consensus.from)}, ${count(row.voices.from, 'voice')}: ${row.voicesRemoved.join(', ')})`)
  } else {
    if (row.rangeMoved) parts.push(moveWords(row.consensus.from, row.consensus.to))
    if (row.voicesAdded.length > 0) parts.push(`+${count(row.voicesAdded.length, 'voice')} (${row.voicesAdded.join(', ')})`)
    if (row.voicesRemoved.length > 0) parts.push(`−${count(row.voicesRemoved.length, 'voice')} (${row.voicesRemoved.join(', ')})`)
  }
  const claims = [
    row.claimsAdded.length > 0 ? `+${count(row.claimsAdded.length, 'claim')}` : '',
    row.claimsRemoved.length > 0 ? `−${count(row.claimsRemoved.length, 'claim')}` : ''
  ].filter(Boolean)
  if (claims.length > 0) parts.push(claims.join(', '))
  if (parts.length === 0) parts.push(detailOnly(row))
  return parts.join('; ')
}

/**
 * What a row says when only details changed (no range, voice or claim moved).
 *
 * @param row A row diff.
 * @returns E.g. `range unchanged (3 days)`.
 */
function detailOnly(row: RowDiff): string {
  return `range unchanged (${rangeWords(row.consensus.to)})`
}

/**
 * How a consensus moved, in words.
 *
 * @param from Consensus before.
 * @param to Consensus after.
 * @returns `range A → B`, `median a → b`, or both.
 */
function moveWords(from: TopicConsensus['consensus'], to: TopicConsensus['consensus']): string {
  const rangeFrom = rangeWords(from)
  const rangeTo = rangeWords(to)
  const medianFrom = from ? formatHours(from.median) : '–'
  const medianTo = to ? formatHours(to.median) : '–'
  if (rangeFrom === rangeTo) return `median ${medianFrom} → ${medianTo} (range ${rangeTo})`
  const single = (c: NonNullable<TopicConsensus['consensus']>) => c.min === c.max && c.median === c.min
  if (!from || !to || medianFrom === medianTo || (single(from) && single(to))) return `range ${rangeFrom} → ${rangeTo}`
  return `range ${rangeFrom} → ${rangeTo} (median ${medianFrom} → ${medianTo})`
}

/**
 * A consensus range in words.
 *
 * @param consensus Range and median, or `null`.
 * @returns E.g. `48–72 h`, or `no number`.
 */
function rangeWords(consensus: TopicConsensus['consensus']): string {
  return consensus ? formatRange(consensus.min, consensus.max) : 'no number'
}

/**
 * A voice's position in words.
 *
 * @param voice Stance and wait of a voice.
 * @returns E.g. `avoid 3 days`, `allowed no number`.
 */
function voicePosition(voice: RowDiff['voicesChanged'][number]['from']): string {
  return `${voice.stance} ${voice.wait ? formatWait(voice.wait) : 'no number'}`
}

/**
 * An outlier in words, naming its voice.
 *
 * @param outlier An outlier.
 * @returns E.g. `new-source: 24 h is a third of the median of 3 days, outside the consensus 3 days`.
 */
function outlierText(outlier: Outlier): string {
  return `${outlier.speaker ? `${outlier.speaker} (${outlier.source})` : outlier.source}: ${outlier.reason}`
}

/**
 * Lines with repeats folded: two claims of one voice with the same wait
 * give the same outlier text.
 *
 * @param texts Lines, in order.
 * @param unit What a repeat counts (default: `claims`).
 * @returns Each distinct line once, in first-seen order, with ` (2 claims)` when repeated.
 */
function counted(texts: string[], unit = 'claims'): string[] {
  const counts = new Map<string, number>()
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1)
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (${n} ${unit})` : text))
}

/**
 * Within-source pairs in words, repeats folded.
 *
 * @param conflicts Pairs to show.
 * @returns Their reasons without quotes, each distinct one once.
 */
function pairTexts(conflicts: Conflict[]): string[] {
  return counted(conflicts.map((conflict) => withoutQuotes(conflict.reason)), 'pairs of claims')
}

/**
 * Indented lines of one kind, at most `limit`, then a count of the rest.
 *
 * @param texts Lines (label included).
 * @param kind What a line is (`new conflict`…), for the count line.
 * @param limit How many to list.
 * @returns Indented lines.
 */
function limited(texts: string[], kind: string, limit: number): string[] {
  const lines = texts.slice(0, limit).map((text) => `    ${text}`)
  const rest = texts.length - limit
  if (rest > 0) lines.push(`    … and ${rest} more ${kind}${rest === 1 ? '' : 's'} (see \`claimrange consensus\`)`)
  return lines
}

/**
 * A group's counts, as the "was" of a changed group.
 *
 * @param group A conflict group.
 * @returns E.g. `2 claims against 9, the shortest 24 h`.
 */
function groupCounts(group: ConflictGroup): string {
  const shortest = group.contrary.shortest === null ? '' : `, the shortest ${formatHours(group.contrary.shortest)}`
  return `${count(group.allowed.length, 'claim')} against ${group.contrary.claims}${shortest}`
}

/**
 * A conflict reason without the quotes in parentheses.
 *
 * @param reason `a allows x after 24 h (“…”), but b says to avoid y for 3 days (“…”)`.
 * @returns `a allows x after 24 h, but b says to avoid y for 3 days`.
 */
function withoutQuotes(reason: string): string {
  return reason.replace(/ \(“[^”]*”\)/g, '')
}

/**
 * An orphaned claim in words.
 *
 * @param claim An orphaned claim.
 * @returns E.g. `source:12 “Avoid the gym for 72 hours.” (quote no longer in the source; review kept)`.
 */
function orphanText(claim: OrphanedClaim): string {
  return `${claim.source}:${claim.line} “${gist(claim.quote, 80)}” (quote no longer in the source; review kept, see \`claimrange check\`)`
}

/**
 * A count with its unit, plural when not 1.
 *
 * @param n Count.
 * @param unit Singular unit.
 * @returns E.g. `1 voice`, `3 claims`.
 */
function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}
