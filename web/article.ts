/**
 * A source article as formatted text for the side panel: headings,
 * paragraphs and lists, read with the same block reader extraction uses
 * (`src/parse/blocks.ts`), so a claim's span is an offset into what is
 * shown. Everything goes in as text nodes, never as HTML.
 *
 * Decisions:
 * - Inline Markdown syntax (emphasis markers, link targets) is left out, as
 *   the block reader masks it; inline HTML tags are shown as the characters
 *   they are (an editor should see what the source holds, and nothing in it
 *   runs). Hard line breaks inside a paragraph read as spaces.
 * - What is no heading, paragraph or list item (an HTML block, code, a
 *   rule) is shown as-is in a preformatted block, so no source text is hidden.
 * - The passage may run over several blocks; each part is highlighted, the
 *   first one is `#passage`.
 */
import { toBlocks, type Block } from '../src/parse/blocks.ts'

/**
 * Build the article's formatted text.
 *
 * @param doc Document to build in.
 * @param text The source file's full text.
 * @param bodyStart Where the article starts (after the front matter).
 * @param passage The span to highlight, or `null`.
 * @returns The container (`div.source-text`) and the first highlighted `<mark>` (or `null`).
 * @example
 * const {element, mark} = formatArticle(document, source.text, source.bodyStart, {start: 120, end: 168})
 */
export function formatArticle(doc: Document, text: string, bodyStart: number, passage: { start: number; end: number } | null): { element: HTMLElement; mark: HTMLElement | null } {
  const root = doc.createElement('div')
  root.className = 'source-text'
  let first: HTMLElement | null = null
  let list: HTMLElement | null = null
  let at = bodyStart
  const mark = (m: HTMLElement) => {
    if (first) return
    first = m
    m.id = 'passage'
  }
  const append = (node: HTMLElement, inList: boolean) => {
    if (!inList) list = null
    else if (!list) {
      list = doc.createElement('ul')
      root.append(list)
    }
    ;(inList ? list! : root).append(node)
  }
  for (const block of toBlocks(text)) {
    if (block.end <= bodyStart) continue
    const gap = text.slice(at, block.start)
    if (gap.trim() !== '' && !/^[\s>*+\-\d.#|:]*$/.test(gap)) {
      const pre = doc.createElement('pre')
      pre.className = 'source-raw'
      fill(doc, pre, gap.trim(), at + gap.indexOf(gap.trim()[0]!), passage, mark)
      append(pre, false)
    }
    at = Math.max(at, block.end)
    const node = doc.createElement(tagOf(block))
    fill(doc, node, shown(text, block), block.start, passage, mark)
    append(node, block.listItem && block.kind === 'text')
  }
  const rest = text.slice(at)
  if (rest.trim() !== '') {
    const pre = doc.createElement('pre')
    pre.className = 'source-raw'
    pre.textContent = rest.trim()
    append(pre, false)
  }
  return { element: root, mark: first }
}

/**
 * The element a block becomes.
 *
 * @param block A block.
 * @returns `h3`–`h6` for Markdown headings, `p` with a class for heading-like lines, `li` or `p` for text.
 */
function tagOf(block: Block): 'h3' | 'h4' | 'h5' | 'h6' | 'p' | 'li' {
  if (block.kind === 'heading') {
    if (block.level <= 2) return 'h3'
    if (block.level === 3) return 'h4'
    if (block.level <= 6) return block.level === 4 ? 'h5' : 'h6'
    return 'p'
  }
  return block.listItem ? 'li' : 'p'
}

/**
 * A block's text as shown: the block reader's masked text, with inline
 * HTML tags put back as their characters. Same length as the block.
 *
 * @param text The file's text.
 * @param block A block.
 * @returns The text to show.
 */
function shown(text: string, block: Block): string {
  const raw = text.slice(block.start, block.end)
  let out = block.text
  for (const tag of raw.matchAll(/<\/?[a-z][^<>]*>/gi)) {
    const at = tag.index
    if (out.slice(at, at + tag[0].length).trim() === '') out = out.slice(0, at) + tag[0] + out.slice(at + tag[0].length)
  }
  return out
}

/**
 * Put text into an element, highlighting the part inside the passage.
 *
 * @param doc Document.
 * @param node Element to fill.
 * @param value Its text.
 * @param offset Offset of `value` in the file.
 * @param passage Span to highlight, or `null`.
 * @param onMark Called with each `<mark>` made.
 */
function fill(doc: Document, node: HTMLElement, value: string, offset: number, passage: { start: number; end: number } | null, onMark: (mark: HTMLElement) => void): void {
  const from = passage ? Math.max(0, passage.start - offset) : value.length
  const to = passage ? Math.min(value.length, passage.end - offset) : value.length
  if (!passage || from >= to) {
    node.textContent = value
    return
  }
  const mark = doc.createElement('mark')
  mark.className = 'passage'
  mark.textContent = value.slice(from, to)
  onMark(mark)
  node.append(doc.createTextNode(value.slice(0, from)), mark, doc.createTextNode(value.slice(to)))
}
