/**
 * Print a corpus score as plain text: a table with one row per topic and
 * an "all topics" row, and, on request, every miss and false alarm as
 * `file:line: …` so an editor can jump to it.
 *
 * Browser-safe: no Node APIs. No colour: the output is for terminals, logs
 * and diffs alike.
 */
import type { CorpusScore } from './corpus.ts'
import type { ClaimFacts } from './gold.ts'
import type { Finding, Miss } from './score.ts'

/**
 * Format the score table of one corpus.
 *
 * Rates print with three decimals; an undefined rate (nothing extracted,
 * or no gold) prints as `–`.
 *
 * @param title Heading line, e.g. `Bundled sources (sources/ + test/gold/)`.
 * @param score The corpus score.
 * @returns Lines of text, no trailing newline.
 * @example
 * formatScoreTable('Bundled sources', score)
 * // Bundled sources: 5 sources, 101 gold claims
 * // topic        precision  recall  F1     tp  fp  fn
 * // exercise     0.950      0.905   0.927  19  1   2
 * // …
 */
export function formatScoreTable(title: string, score: CorpusScore): string {
  const header = ['topic', 'precision', 'recall', 'F1', 'gold', 'tp', 'fp', 'fn']
  const row = (name: string, r: { precision: number | null; recall: number | null; f1: number | null; gold: number; tp: number; fp: number; fn: number }) => [
    name,
    rate(r.precision),
    rate(r.recall),
    rate(r.f1),
    String(r.gold),
    String(r.tp),
    String(r.fp),
    String(r.fn)
  ]
  const rows = [header, ...score.topics.map((t) => row(t.topic, t)), row('all topics', score.all)]
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const { condition, speaker } = score.attributes
  return [
    `${title}: ${score.documents} source${score.documents === 1 ? '' : 's'}, ${score.all.gold} gold claim${score.all.gold === 1 ? '' : 's'}${score.optional > 0 ? ` (and ${score.optional} optional, not counted)` : ''}`,
    line(header),
    rule,
    ...rows.slice(1, -1).map(line),
    rule,
    line(rows[rows.length - 1]!),
    `Among matches, condition agrees ${agreement(condition)}, speaker agrees ${agreement(speaker)}.`,
    ...(score.unlisted > 0 ? [`${score.unlisted} claim${score.unlisted === 1 ? '' : 's'} on activities outside the vocabulary, not scored (this gold labels vocabulary topics only).`] : [])
  ].join('\n')
}

/**
 * Format every miss and false alarm, one per line, as `file:line: …`.
 *
 * @param score The corpus score.
 * @returns Lines of text, no trailing newline; a line saying so when there is nothing to list.
 * @example
 * formatFindings(score)
 * // Missed (in gold, not extracted):
 * //   sources/a.md:25: exercise avoid 72 h "you must not engage in exercise…" (extracted there: exercise avoid 48 h)
 */
export function formatFindings(score: CorpusScore): string {
  const lines: string[] = []
  lines.push(`Missed (in gold, not extracted): ${score.misses.length}`)
  for (const miss of score.misses) lines.push(`  ${formatMiss(miss)}`)
  lines.push(`False alarms (extracted, not in gold): ${score.falseAlarms.length}`)
  for (const alarm of score.falseAlarms) lines.push(`  ${formatFinding(alarm)}`)
  return lines.join('\n')
}

/**
 * Format one finding: place, what the claim says, and its words.
 *
 * @param finding A miss or false alarm.
 * @returns `file:line: topic stance hours [condition] (speaker) "quote"`.
 */
export function formatFinding(finding: Finding): string {
  return `${finding.file ?? ''}${finding.file ? ':' : ''}${finding.line}: ${describeClaim(finding)} "${clip(finding.quote)}"`
}

/**
 * Format a miss, with the extracted claim that came closest, if any.
 *
 * @param miss A gold claim nothing matched.
 * @returns The finding line, followed by `(extracted there: …)` when a claim of the same topic overlaps it.
 */
export function formatMiss(miss: Miss): string {
  const near = miss.near ? ` (extracted there: ${describeClaim(miss.near)})` : ''
  return `${formatFinding(miss)}${near}`
}

/**
 * Describe what a claim says in a few words.
 *
 * @param claim Topic, stance, hours, condition and speaker.
 * @returns E.g. `exercise avoid 24–48 h [intense] (Dr Sophie Shotter)`.
 * @example
 * describeClaim({topic: 'sauna', stance: 'avoid', wait: {min: 48, max: null}, condition: null, speaker: null})
 * // 'sauna avoid 48+ h'
 */
export function describeClaim(claim: ClaimFacts): string {
  const condition = claim.condition ? ` [${claim.condition}]` : ''
  const speaker = claim.speaker ? ` (${claim.speaker})` : ''
  return `${claim.topic} ${claim.stance} ${formatHours(claim.wait)}${condition}${speaker}`
}

/**
 * Format a wait in hours.
 *
 * @param wait `min`/`max` in hours (`max: null` open ended, both null: no number).
 * @returns `72 h`, `24–48 h`, `72+ h` or `no number`.
 */
export function formatHours(wait: { min: number | null; max: number | null }): string {
  if (wait.min === null) return 'no number'
  if (wait.max === null) return `${wait.min}+ h`
  return wait.min === wait.max ? `${wait.min} h` : `${wait.min}–${wait.max} h`
}

function rate(value: number | null): string {
  return value === null ? '–' : value.toFixed(3)
}

function agreement(a: { agree: number; total: number }): string {
  return a.total === 0 ? 'on no match' : `on ${a.agree}/${a.total}`
}

function clip(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat
}
