/**
 * The side panel: a claim in its source. First what the claim says (the
 * editor's value marked as such), then the review controls, then why it is
 * flagged (outlier, conflicts) and why it was read this way, then the
 * article as formatted text with the passage highlighted. Everything is
 * inserted as text, never as HTML: `<script>` in an article shows as those
 * characters.
 */
import { formatArticle } from './article.ts'
import { saysWords, type ClaimView } from './model.ts'
import { locatePassage } from './passage.ts'
import type { PairView } from './report.ts'
import { describeRule } from './rules.ts'
import { reviewWords } from './tooltip.ts'

/** Conflicts listed before "and N more". */
export const conflictsListed = 5

/**
 * Show a claim's source in the panel.
 *
 * @param panel The panel element; its content is replaced.
 * @param view The claim to show.
 * @param conflicts Its conflicts (`ReportIndex.pairsOf`).
 * @param extra An element to show right after the claim's facts (the
 *   review controls). When it is already in the panel it is left in place,
 *   so focus and typing in it survive.
 * @returns The highlighted `<mark>` (scroll it into view), or `null` when the
 *   source text or the passage is not available (the panel says so).
 * @example
 * showSource(document.getElementById('panel-body')!, view, index.pairsOf(view.key))?.scrollIntoView({block: 'center'})
 */
export function showSource(panel: HTMLElement, view: ClaimView, conflicts: PairView[], extra?: HTMLElement): HTMLElement | null {
  const doc = panel.ownerDocument
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag)
    node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const kept = extra && extra.parentNode === panel ? extra : null
  for (const child of [...panel.childNodes]) if (child !== kept) child.remove()
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
  const facts = [saysWords(view), claim.condition ?? 'general', claim.speaker ?? 'the source itself', reviewWords(view)]
  before.append(el('p', 'panel-claim', `${view.topicLabel}: ${facts.join(' · ')}`))
  if (!view.counted) before.append(el('p', 'panel-note', 'Not counted in the consensus: rejected by an editor. Mark it unreviewed to count it again.'))
  panel.insertBefore(before, kept)
  if (extra && !kept) panel.append(extra)

  const after = doc.createDocumentFragment()
  if (view.outlier && view.counted) after.append(el('p', 'panel-outlier', `Outlier: ${view.outlier}`))
  if (conflicts.length > 0) {
    const section = el('section', 'panel-conflicts')
    section.append(el('h3', 'panel-subtitle', `Conflicts (${conflicts.length})`))
    const list = el('ul', 'panel-conflict-list')
    for (const c of conflicts.slice(0, conflictsListed)) list.append(el('li', 'panel-conflict', `${c.scope === 'within-source' ? 'Within this source: ' : ''}${c.reason}`))
    section.append(list)
    if (conflicts.length > conflictsListed) section.append(el('p', 'panel-note', `and ${conflicts.length - conflictsListed} more: the table lists every claim with its conflicts.`))
    after.append(section)
  }
  const rules = (view.stored as { rules?: unknown }).rules
  if (Array.isArray(rules) && rules.length > 0) {
    const section = el('section', 'panel-rules')
    section.append(el('h3', 'panel-subtitle', 'Why it was read this way'))
    const list = el('ul', 'panel-rule-list')
    for (const id of rules) if (typeof id === 'string') list.append(el('li', 'panel-rule', describeRule(id)))
    section.append(list)
    after.append(section)
  }
  panel.append(after)

  if (!source) {
    panel.append(el('p', 'panel-missing', `The text of source ${view.source} is not in this build; the quote was: “${claim.quote}”`))
    return null
  }
  const passage = locatePassage(source.text, claim)
  if (!passage) panel.append(el('p', 'panel-missing', `This quote is no longer in the source text: “${claim.quote}”`))
  else if (passage.how !== 'span') panel.append(el('p', 'panel-note', 'The source changed since this claim was extracted; the passage was found by its words.'))
  const { element, mark } = formatArticle(doc, source.text, passage && passage.start < source.bodyStart ? 0 : source.bodyStart, passage)
  panel.append(element)
  return mark
}
