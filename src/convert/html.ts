import type { Element, Root } from 'hast'
import { selectAll } from 'hast-util-select'
import type { Root as MdastRoot } from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify'
import { unified } from 'unified'
import { mainContent } from './main-content.ts'
import { pageMeta } from './page-meta.ts'
import type { Article } from './types.ts'

/** How the Markdown is written: fixed, so the same page always gives the same bytes. */
const stringifyOptions: StringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true
}

/**
 * Parse HTML into a hast tree (a whole document: `html`, `head`, `body`).
 *
 * @param html Page source.
 * @returns The tree.
 */
export function parseHtml(html: string): Root {
  return unified().use(rehypeParse).parse(html)
}

/**
 * Convert an HTML page to an article: its main text as Markdown (see
 * `mainContent`) and front matter from what the page states (see
 * `pageMeta`). Uses the unified ecosystem: rehype-parse → rehype-remark →
 * remark-stringify, with remark-gfm so that tables, struck-through text and
 * task lists are written as GitHub Markdown (the syntax the sources are read
 * with) instead of failing.
 *
 * @param html Page source.
 * @param options `url`: where the page was fetched from; it wins over the
 *   page's own canonical URL, and relative links are made absolute against
 *   it (default: none; the canonical URL serves for links when stated).
 * @returns The article; its body is `''` plus a newline when the page has no text.
 * @example
 * htmlToArticle('<title>Aftercare</title><nav>Home</nav><article><p>Avoid the sun for a week.</p></article>')
 * // {meta: {title: 'Aftercare'}, body: 'Avoid the sun for a week.\n'}
 */
export function htmlToArticle(html: string, options: { url?: string } = {}): Article {
  const tree = parseHtml(html)
  const meta = pageMeta(tree)
  if (options.url) meta.url = options.url
  const main = mainContent(tree)
  const base = options.url ?? meta.url
  if (base) absoluteLinks(main, base)
  dropUnsafeLinks(main)
  const processor = unified().use(rehypeRemark).use(remarkGfm).use(remarkStringify, stringifyOptions)
  const mdast = processor.runSync(main) as MdastRoot
  const markdown = processor.stringify(mdast)
  return { meta, body: tidy(markdown) }
}

/** Unix line ends, no trailing spaces, at most one blank line in a row, one final newline. */
function tidy(markdown: string): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()
  return `${text}\n`
}

/** Make every link's `href` absolute against the page's URL (links that do not parse are left as they are). */
function absoluteLinks(tree: Root, base: string): void {
  for (const link of selectAll('a[href]', tree) as Element[]) {
    try {
      link.properties.href = new URL(String(link.properties.href), base).href
    } catch {
      // not a URL we can resolve: keep the page's own text
    }
  }
}

/** Schemes a link in an article may keep; a relative link (no scheme) is kept too. */
const linkSchemes = new Set(['http:', 'https:', 'mailto:'])

/**
 * Unlink every link whose scheme is not `http:`, `https:` or
 * `mailto:` (`javascript:`, `data:`, `vbscript:`, `file:` …): the link
 * becomes its text. Browsers ignore spaces, tabs and control
 * characters inside a scheme and its case (`JaVa&#9;script:`), and so does
 * this check.
 *
 * @param tree The main content; changed in place.
 */
export function dropUnsafeLinks(tree: Root): void {
  for (const link of selectAll('a[href]', tree) as Element[]) {
    const href = String(link.properties.href)
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020]/g, ''))?.[1]
    if (scheme === undefined || linkSchemes.has(`${scheme.toLowerCase()}:`)) continue
    // A span is written as its text.
    link.tagName = 'span'
    link.properties = {}
  }
}