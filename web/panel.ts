/**
 * The side panel: a claim's source, with the quoted passage highlighted in
 * its context. The article is inserted as text nodes around one `<mark>`,
 * never as HTML: `<script>` in an article shows as those characters.
 */
import { formatWait } from './format.ts'
import type { ClaimView } from './model.ts'
import { locatePassage } from './passage.ts'
import { reviewWords } from './tooltip.ts'

/**
 * Show a claim's source in the panel.
 *
 * @param panel The panel element; its content is replaced.
 * @param view The claim to show.
 * @param extra An element to show after the claim's facts, before the source
 *   text (the review controls). When it is already in the panel it is not
 *   removed and put back but left in place, so focus and typing in it survive.
 * @returns The highlighted `<mark>` (scroll it into view), or `null` when the
 *   source text or the passage is not available (the panel says so).
 * @example
 * showSource(document.getElementById('panel-body')!, view)?.scrollIntoView({block: 'center'})
 */
export function showSource(panel: HTMLElement, view: ClaimView, extra?: HTMLElement): HTMLElement | null {
  const doc = panel.ownerDocument
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag)
    node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const kept = extra && extra.parentNode === panel ? extra : null
  for (const child of [...panel.childNodes]) if (child !== kept) child.remove()
  // The claim's facts go in front of `extra`, the source text after it.
  const before = doc.createDocumentFragment()
  const source = view.sourceInfo
  const title = el('h2', 'panel-title', source?.title ?? view.source)
  title.id = 'panel-title'
  before.append(title)
  if (source) {
    const meta = [source.author, source.publisher, source.date, source.kind].filter((x): x is string => Boolean(x))
    if (meta.length) before.append(el('p', 'panel-meta', meta.join(' · ')))
    if (source.url && /^https?:\/\//i.test(source.url)) {
      const link = el('a', 'panel-url', source.url)
      link.href = source.url
      link.rel = 'noopener noreferrer'
      link.target = '_blank'
      before.append(link)
    }
  }
  const claim = view.claim
  const facts = [`${claim.stance} ${formatWait(claim.wait)}`, claim.condition ?? 'general', claim.speaker ?? 'source itself', reviewWords(view)]
  before.append(el('p', 'panel-claim', `${view.topicLabel}: ${facts.join(' · ')}`))
  if (view.outlier) before.append(el('p', 'panel-outlier', `Outlier: ${view.outlier}`))
  for (const c of view.conflicts) before.append(el('p', 'panel-conflict', `Conflict: ${c.reason}`))

  panel.insertBefore(before, kept)
  if (extra && !kept) panel.append(extra)

  if (!source) {
    panel.append(el('p', 'panel-missing', `The text of source ${view.source} is not in this build; the quote was: “${claim.quote}”`))
    return null
  }
  const passage = locatePassage(source.text, claim)
  if (!passage) {
    panel.append(el('p', 'panel-missing', `This quote is no longer in the source text: “${claim.quote}”`))
  } else if (passage.how !== 'span') {
    panel.append(el('p', 'panel-note', 'The source changed since this claim was extracted; the passage was found by its words.'))
  }
  const body = el('div', 'source-text')
  const from = passage && passage.start < source.bodyStart ? 0 : source.bodyStart
  if (!passage) {
    body.append(doc.createTextNode(source.text.slice(from)))
    panel.append(body)
    return null
  }
  const mark = el('mark', 'passage', source.text.slice(passage.start, passage.end))
  mark.id = 'passage'
  body.append(doc.createTextNode(source.text.slice(from, passage.start)), mark, doc.createTextNode(source.text.slice(passage.end)))
  panel.append(body)
  return mark
}
