import type { Element, ElementContent, Root, RootContent } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'

/** Elements that are never article text. */
const dropped = new Set([
  'nav', 'footer', 'aside', 'script', 'style', 'form', 'noscript', 'iframe', 'template', 'button', 'select',
  'input', 'textarea', 'label', 'svg', 'canvas', 'video', 'audio', 'img', 'picture', 'source', 'object',
  'embed', 'dialog', 'link', 'meta', 'map'
])

/** ARIA roles of page furniture. */
const droppedRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert'])

/**
 * The main text of a page: the `<article>` with the most text, else the
 * `<main>` with the most text, else the `<body>`; then, inside it, no
 * `nav`, `footer`, `aside`, `script`, `style`, `form`, `noscript`, media
 * (images, video, svg — their data is never copied), hidden elements or
 * elements whose ARIA role is page furniture (navigation, banner,
 * contentinfo, complementary, search). A `<header>` is dropped too, except
 * inside the chosen `<article>`, where it is the article's own heading.
 *
 * @param tree The parsed page (hast); not modified.
 * @returns A new tree holding only the main text.
 * @example
 * toString(mainContent(parseHtml('<nav>Home</nav><article><p>Avoid sun.</p></article>'))) // 'Avoid sun.'
 */
export function mainContent(tree: Root): Root {
  const article = largest(selectAll('article', tree))
  const container = article ?? largest(selectAll('main, [role="main"]', tree)) ?? select('body', tree)
  const keepHeader = article !== undefined
  const children = container ? container.children : tree.children
  return { type: 'root', children: prune(children, keepHeader) as RootContent[] }
}

function largest(elements: Element[]): Element | undefined {
  let best: Element | undefined
  let bestLength = -1
  for (const element of elements) {
    const length = toString(element).trim().length
    if (length > bestLength) {
      best = element
      bestLength = length
    }
  }
  return best
}

function prune(nodes: (RootContent | ElementContent)[], keepHeader: boolean): ElementContent[] {
  const out: ElementContent[] = []
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue
    if (node.type !== 'element') {
      out.push(node)
      continue
    }
    if (isDropped(node, keepHeader)) continue
    out.push({ ...node, properties: { ...node.properties }, children: prune(node.children, keepHeader) })
  }
  return out
}

function isDropped(element: Element, keepHeader: boolean): boolean {
  if (dropped.has(element.tagName)) return true
  if (element.tagName === 'header' && !keepHeader) return true
  const props = element.properties
  if (props.hidden !== undefined && props.hidden !== false && props.hidden !== null) return true
  if (String(props.ariaHidden ?? '') === 'true') return true
  const role = props.role
  return typeof role === 'string' && droppedRoles.has(role.toLowerCase())
}
