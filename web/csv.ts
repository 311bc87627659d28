/**
 * The claims as CSV (RFC 4180): the same claims, in the same order, as the
 * chart and the table show, rejected ones included. Pure.
 *
 * Decisions: the file starts with a UTF-8 byte-order mark, so spreadsheet
 * programs read it as UTF-8 (curly quotes stay curly); lines end in CRLF,
 * as RFC 4180 says; a field is quoted when it holds a comma, a double
 * quote, CR or LF, or starts or ends with a space, and its double quotes
 * are doubled; empty fields stand for "none". Values are the ones in force:
 * for a corrected claim the editor's (`values_from: editor`), with what was
 * extracted in `extracted` and the source's own words in `wait_text`.
 * Conflicting claims are named in words (who says what), not by id. Quotes
 * are exported exactly as the source says them (no prefix against
 * spreadsheet formulas: it would change the quote).
 */
import { formatWait } from './format.ts'
import type { RowView } from './model.ts'
import type { ReportIndex } from './report.ts'

/** The byte-order mark the file starts with. */
export const bom = '\uFEFF'

/** Column names, in order. */
export const csvColumns = [
  'source',
  'source_title',
  'source_url',
  'claim_id',
  'topic',
  'condition',
  'stance',
  'wait_min_hours',
  'wait_max_hours',
  'wait_in_words',
  'wait_text',
  'wait_vague',
  'values_from',
  'extracted',
  'speaker',
  'quote',
  'line',
  'review_status',
  'reviewer',
  'note',
  'counted',
  'outlier_reason',
  'conflicts'
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
 * @param rows Rows from `pageModel` (filters applied).
 * @param index The report index the rows were made with (for conflicts).
 * @returns CSV text: a byte-order mark, a header line, one line per claim; every line ends in CRLF.
 * @example
 * claimsCsv(model.rows, model.index).split('\r\n')[0] // '\uFEFFsource,source_title,source_url,claim_id,…'
 */
export function claimsCsv(rows: RowView[], index: ReportIndex): string {
  const lines = [csvColumns.join(',')]
  for (const row of rows) {
    for (const view of row.claims) {
      const c = view.claim
      const stored = view.stored
      const corrected = stored.review.status === 'corrected'
      const record = [
        view.source,
        view.sourceTitle,
        view.sourceInfo?.url ?? null,
        stored.id,
        c.topic,
        c.condition,
        c.stance,
        c.wait.min,
        c.wait.max,
        formatWait(c.wait),
        stored.wait.text,
        c.wait.vague ? 'yes' : '',
        corrected ? 'editor' : 'extraction',
        corrected ? `${stored.topic}, ${stored.stance} ${formatWait(stored.wait)}${stored.condition ? `, ${stored.condition}` : ''}` : null,
        c.speaker,
        c.quote,
        c.span.line,
        stored.status === 'orphaned' ? `${stored.review.status} (orphaned)` : stored.review.status,
        stored.review.by,
        stored.review.note,
        view.counted ? 'yes' : 'no',
        view.counted ? view.outlier : null,
        index.pairsOf(view.key).map((p) => p.reason).join(' | ')
      ]
      lines.push(record.map(csvField).join(','))
    }
  }
  return bom + lines.join('\r\n') + '\r\n'
}
