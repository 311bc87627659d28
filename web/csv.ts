/**
 * The claims as CSV (RFC 4180): the same claims, in the same order, as the
 * chart and the table show. Pure.
 *
 * Decisions: lines end in CRLF, as RFC 4180 says and spreadsheets expect; a
 * field is quoted when it holds a comma, a double quote, CR or LF, or starts
 * or ends with a space, and its double quotes are doubled; empty fields stand
 * for "none" (no condition, no speaker, open-ended max). Quotes are exported
 * exactly as the source says them (no prefix against spreadsheet formulas:
 * they would change the quote).
 */
import { formatWait } from './format.ts'
import type { RowView } from './model.ts'

/** Column names, in order. */
export const csvColumns = [
  'source',
  'source_title',
  'claim_id',
  'topic',
  'condition',
  'stance',
  'wait_min_hours',
  'wait_max_hours',
  'wait_text',
  'wait_vague',
  'wait_in_words',
  'speaker',
  'quote',
  'line',
  'review_status',
  'outlier_reason',
  'conflicts_with'
] as const

/**
 * Quote one CSV field when it needs it.
 *
 * @param value Field value; `null` and `undefined` are empty.
 * @returns The field as written in the file.
 * @example
 * csvField('avoid "hot" yoga, saunas') // '"avoid ""hot"" yoga, saunas"'
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]|^ | $/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The shown claims as CSV.
 *
 * @param rows Rows from `viewRows` (filters applied).
 * @returns CSV text with a header line; every line ends in CRLF.
 * @example
 * claimsCsv(viewRows(data, report)).split('\r\n')[0] // 'source,source_title,claim_id,topic,…'
 */
export function claimsCsv(rows: RowView[]): string {
  const lines = [csvColumns.join(',')]
  for (const row of rows) {
    for (const view of row.claims) {
      const c = view.claim
      const record = [
        view.source,
        view.sourceTitle,
        view.stored.id,
        c.topic,
        c.condition,
        c.stance,
        c.wait.min,
        c.wait.max,
        c.wait.text,
        c.wait.vague ? 'yes' : '',
        formatWait(c.wait),
        c.speaker,
        c.quote,
        c.span.line,
        view.stored.review.status,
        view.outlier,
        view.conflicts.map((x) => x.other).join(' ')
      ]
      lines.push(record.map(csvField).join(','))
    }
  }
  return lines.join('\r\n') + '\r\n'
}
