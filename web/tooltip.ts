/**
 * The tooltip a mark shows on hover or keyboard focus: the quote, the source
 * title, the speaker, the condition and the review status (plus the outlier
 * reason and conflicts). Built with `textContent` only.
 */
import { saysWords, shortReason, type ClaimView } from './model.ts'
import type { PairView } from './report.ts'

/**
 * Fill the tooltip element with what is known about a claim.
 *
 * @param tip The tooltip element (emptied first).
 * @param view The claim.
 * @param conflicts Its conflicts (`ReportIndex.pairsOf`).
 * @param options `reviewable`: the page takes reviews, and the hint says so (default: `false`).
 * @example
 * fillTooltip(document.getElementById('tooltip')!, view, index.pairsOf(view.key))
 */
export function fillTooltip(tip: HTMLElement, view: ClaimView, conflicts: PairView[], options: { reviewable?: boolean } = {}): void {
  const doc = tip.ownerDocument
  tip.replaceChildren()
  const quote = doc.createElement('p')
  quote.className = 'tip-quote'
  quote.textContent = `“${view.claim.quote}”`
  tip.append(quote)
  const who = doc.createElement('p')
  who.className = 'tip-source'
  who.textContent = view.claim.speaker ? `${view.claim.speaker} — ${view.sourceTitle}` : view.sourceTitle
  tip.append(who)
  const list = doc.createElement('dl')
  const item = (term: string, value: string, className?: string) => {
    const dt = doc.createElement('dt')
    dt.textContent = term
    const dd = doc.createElement('dd')
    dd.textContent = value
    if (className) dd.className = className
    list.append(dt, dd)
  }
  item('Says', saysWords(view))
  item('Speaker', view.claim.speaker ?? 'not named (the source itself)')
  item('Condition', view.claim.condition ?? 'general (no condition)')
  item('Review', reviewWords(view), 'tip-review')
  if (view.outlier && view.counted) item('Outlier', shortReason(view.outlier), 'tip-outlier')
  // Conflict reasons quote both claims and can be long: the tooltip names the
  // first, the panel lists them all.
  const [first, ...more] = conflicts
  if (first) item('Conflict', more.length ? `${first.reason} (and ${more.length} more: open the source to see all)` : first.reason, 'tip-conflict')
  tip.append(list)
  const hint = doc.createElement('p')
  hint.className = 'tip-hint'
  hint.textContent = options.reviewable ? 'Click or press Enter to read it in the source and review it.' : 'Click or press Enter to read it in the source.'
  tip.append(hint)
}

/**
 * Place the tooltip next to a mark, inside the viewport.
 *
 * @param tip The tooltip element (already filled and shown).
 * @param anchor The mark's bounding box (viewport coordinates).
 * @param viewport Viewport size.
 */
export function placeTooltip(tip: HTMLElement, anchor: DOMRect, viewport: { width: number; height: number }): void {
  const margin = 8
  const width = Math.min(360, viewport.width - 2 * margin)
  tip.style.maxWidth = `${width}px`
  const box = tip.getBoundingClientRect()
  let left = anchor.left + anchor.width / 2 - box.width / 2
  left = Math.max(margin, Math.min(left, viewport.width - box.width - margin))
  let top = anchor.bottom + margin
  if (top + box.height > viewport.height - margin) {
    top = anchor.top - box.height - margin >= margin ? anchor.top - box.height - margin : Math.max(margin, viewport.height - box.height - margin)
  }
  tip.style.left = `${Math.round(left)}px`
  tip.style.top = `${Math.round(top)}px`
}

/**
 * The review status in words.
 *
 * @param view The claim.
 * @returns `unreviewed`, `confirmed by Ana`, `corrected (…note)`, `orphaned: …`.
 */
export function reviewWords(view: ClaimView): string {
  const r = view.stored.review
  let words: string = r.status
  if (r.by) words += ` by ${r.by}`
  if (r.note) words += ` — note: “${r.note}”`
  if (view.stored.status === 'orphaned') words += ' — orphaned: the quote is no longer in the source'
  return words
}
