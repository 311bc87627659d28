/**
 * The table view: the same claims as the chart, one line each, in the same
 * order, rejected ones greyed. When the page takes reviews each line has
 * its review buttons (Confirm, Reject, or Restore for a rejected claim).
 * Built with `textContent` only. On narrow screens the CSS stacks each line
 * as a card (`data-label` names each cell), so nothing scrolls sideways.
 *
 * Decision: a table of a large corpus shows {@link tablePage} lines, and a
 * button adds as many again: the DOM stays small and the filters narrow it.
 */
import type { ReviewStatus } from '../src/schema.ts'
import { formatHours, formatRange } from './format.ts'
import { saysWords, type ClaimView, type RowView } from './model.ts'
import type { ReportIndex } from './report.ts'
import { reviewWords } from './tooltip.ts'

/** Column headings, in order. */
export const tableColumns = ['Topic', 'Condition', 'Says', 'Source', 'Speaker', 'Quote', 'Review', 'Consensus', 'Outlier', 'Conflicts'] as const

/** Lines shown at first, and added by "Show more". */
export const tablePage = 200

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Called with a claim key when its quote is used. */
  onOpen: (key: string) => void
  /** Record a review from a line's button; without it the table has no review buttons. */
  onReview?: ((view: ClaimView, status: ReviewStatus) => void) | undefined
  /** How many lines to show (default: {@link tablePage}). */
  limit?: number
  /** Called when "Show more" is used, with the new limit. */
  onMore?: (limit: number) => void
}

/**
 * Draw the table.
 *
 * @param container Element to fill (emptied first).
 * @param rows Rows from `pageModel`.
 * @param index The report index (conflicts of each claim).
 * @param options What the buttons do (see {@link TableOptions}).
 * @returns The `<table>`.
 */
export function renderTable(container: HTMLElement, rows: RowView[], index: ReportIndex, options: TableOptions): HTMLTableElement {
  const doc = container.ownerDocument
  container.replaceChildren()
  const limit = options.limit ?? tablePage
  const table = doc.createElement('table')
  table.className = 'claims-table'
  const caption = doc.createElement('caption')
  const total = rows.reduce((n, r) => n + r.claims.length, 0)
  caption.textContent = `Every claim the chart shows (${total.toLocaleString('en')}), with the consensus of its row; rejected claims are greyed`
  table.append(caption)
  const head = doc.createElement('thead')
  const hr = doc.createElement('tr')
  for (const name of [...tableColumns, ...(options.onReview ? ['Decide'] : [])]) {
    const th = doc.createElement('th')
    th.scope = 'col'
    th.textContent = name
    hr.append(th)
  }
  head.append(hr)
  table.append(head)
  const body = doc.createElement('tbody')
  let shown = 0
  for (const row of rows) {
    const k = row.consensus?.consensus
    const consensus = !k ? 'none' : k.min === k.max ? formatHours(k.min) : `${formatRange(k.min, k.max)}, median ${formatHours(k.median)}`
    for (const view of row.claims) {
      if (shown++ >= limit) break
      const tr = doc.createElement('tr')
      tr.dataset.claim = view.key
      tr.dataset.status = view.status
      if (!view.counted) tr.className = 'rejected'
      const c = view.claim
      const conflicts = index.pairsOf(view.key)
      const cells: [string, string][] = [
        ['Topic', view.topicLabel],
        ['Condition', c.condition ?? 'general'],
        ['Says', saysWords(view)],
        ['Source', view.sourceTitle],
        ['Speaker', c.speaker ?? '—'],
        ['Quote', `“${c.quote}”`],
        ['Review', reviewWords(view)],
        ['Consensus', consensus],
        ['Outlier', view.counted ? (view.outlier ?? '—') : '—'],
        ['Conflicts', conflicts.length === 0 ? '—' : conflicts.length === 1 ? conflicts[0]!.reason : `${conflicts.length}: ${conflicts[0]!.reason} …`]
      ]
      for (const [label, text] of cells) {
        const td = doc.createElement('td')
        td.dataset.label = label
        if (label === 'Quote') {
          const button = doc.createElement('button')
          button.type = 'button'
          button.className = 'link-button'
          button.textContent = text
          button.title = 'Show in the source'
          button.addEventListener('click', () => options.onOpen(view.key))
          td.append(button)
        } else td.textContent = text
        tr.append(td)
      }
      if (options.onReview) {
        const td = doc.createElement('td')
        td.dataset.label = 'Decide'
        td.className = 'table-review'
        const decide = (text: string, status: ReviewStatus, className: string) => {
          const button = doc.createElement('button')
          button.type = 'button'
          button.className = `review-button ${className}`
          button.textContent = text
          button.addEventListener('click', () => options.onReview!(view, status))
          td.append(button)
        }
        if (view.status === 'rejected') decide('Restore', 'unreviewed', 'table-restore')
        else {
          if (view.status !== 'confirmed') decide('Confirm', 'confirmed', 'table-confirm')
          decide('Reject', 'rejected', 'table-reject')
        }
        tr.append(td)
      }
      body.append(tr)
    }
  }
  table.append(body)
  container.append(table)
  if (total > limit) {
    const more = doc.createElement('button')
    more.type = 'button'
    more.className = 'table-more'
    more.textContent = `Show ${Math.min(tablePage, total - limit)} more of ${total.toLocaleString('en')}`
    more.addEventListener('click', () => options.onMore?.(limit + tablePage))
    container.append(more)
  }
  return table
}
