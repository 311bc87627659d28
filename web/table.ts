/**
 * The table view: the same claims as the chart, one line each, in the same
 * order. Built with `textContent` only. On narrow screens the CSS stacks
 * each line as a card (`data-label` names each cell), so nothing scrolls sideways.
 */
import { formatHours, formatRange, formatWait } from './format.ts'
import type { RowView } from './model.ts'
import { reviewWords } from './tooltip.ts'

/** Column headings, in order. */
export const tableColumns = ['Topic', 'Condition', 'Says', 'Source', 'Speaker', 'Quote', 'Review', 'Consensus', 'Outlier', 'Conflict'] as const

/**
 * Draw the table.
 *
 * @param container Element to fill (emptied first).
 * @param rows Rows from `viewRows`.
 * @param onOpen Called with a claim id when its "source" button is used.
 * @returns The `<table>`.
 */
export function renderTable(container: HTMLElement, rows: RowView[], onOpen: (claimId: string) => void): HTMLTableElement {
  const doc = container.ownerDocument
  container.replaceChildren()
  const table = doc.createElement('table')
  table.className = 'claims-table'
  const caption = doc.createElement('caption')
  caption.textContent = 'Every claim shown in the chart, with the consensus of its row'
  table.append(caption)
  const head = doc.createElement('thead')
  const hr = doc.createElement('tr')
  for (const name of tableColumns) {
    const th = doc.createElement('th')
    th.scope = 'col'
    th.textContent = name
    hr.append(th)
  }
  head.append(hr)
  table.append(head)
  const body = doc.createElement('tbody')
  for (const row of rows) {
    const k = row.consensus?.consensus
    const consensus = !k ? 'none' : k.min === k.max ? formatHours(k.min) : `${formatRange(k.min, k.max)}, median ${formatHours(k.median)}`
    for (const view of row.claims) {
      const tr = doc.createElement('tr')
      tr.dataset.claim = view.stored.id
      const c = view.claim
      const cells: [string, string][] = [
        ['Topic', view.topicLabel],
        ['Condition', c.condition ?? 'general'],
        ['Says', `${c.stance} ${formatWait(c.wait)}`],
        ['Source', view.sourceTitle],
        ['Speaker', c.speaker ?? '—'],
        ['Quote', `“${c.quote}”`],
        ['Review', reviewWords(view)],
        ['Consensus', consensus],
        ['Outlier', view.outlier ?? '—'],
        ['Conflict', view.conflicts.map((x) => x.reason).join('; ') || '—']
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
          button.addEventListener('click', () => onOpen(view.stored.id))
          td.append(button)
        } else td.textContent = text
        tr.append(td)
      }
      body.append(tr)
    }
  }
  table.append(body)
  container.append(table)
  return table
}
