import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import type { ArticleMeta } from './types.ts'

/**
 * Read what an HTML page states about itself, for front matter. Only what
 * the page states; nothing is guessed.
 *
 * - `title`: `og:title`, else `<title>`, else the first `<h1>`; a trailing
 *   or leading " | Site name" (also " - ", " – ", " — ") naming the
 *   publisher is dropped.
 * - `author`: `<meta name="author">`, else `article:author` (when it is a
 *   name, not a link), else the first `rel="author"` link's text.
 * - `date`: `article:published_time`, else the first `<time datetime>`
 *   (inside the `<article>` if there is one), else `<meta name="date">`
 *   (also `dc.date`, `dcterms.date`, `pubdate`), as the page writes it.
 * - `publisher`: `og:site_name`.
 * - `url`: `<link rel="canonical">`, else `og:url` (`add` puts the fetched
 *   URL first when there is one).
 *
 * @param tree The parsed page (hast).
 * @returns The fields found (whitespace collapsed; empty values left out).
 * @example
 * pageMeta(parseHtml('<title>Aftercare | Glow</title><meta property="og:site_name" content="Glow">'))
 * // {title: 'Aftercare', publisher: 'Glow'}
 */
export function pageMeta(tree: Root): ArticleMeta {
  const meta: ArticleMeta = {}
  const publisher = metaContent(tree, ['og:site_name'])
  const title =
    metaContent(tree, ['og:title', 'twitter:title']) ?? textOf(select('title', tree)) ?? textOf(select('h1', tree))
  if (title) meta.title = publisher ? withoutSiteName(title, publisher) : title
  const authorMeta = metaContent(tree, ['author', 'article:author'])
  const author = authorMeta && !/^https?:\/\//i.test(authorMeta) ? authorMeta : textOf(select('[rel~="author"]', tree))
  if (author) meta.author = author
  const article = select('article', tree)
  const date =
    metaContent(tree, ['article:published_time']) ??
    attribute(select('time[datetime]', article ?? tree), 'dateTime') ??
    metaContent(tree, ['date', 'dc.date', 'dcterms.date', 'pubdate', 'publish-date'])
  if (date) meta.date = date
  if (publisher) meta.publisher = publisher
  const url = attribute(select('link[rel~="canonical"][href]', tree), 'href') ?? metaContent(tree, ['og:url'])
  if (url && /^https?:\/\//i.test(url)) meta.url = url
  return meta
}

/** The `content` of the first `<meta>` whose `name` or `property` is one of `keys` (case-insensitive). */
function metaContent(tree: Root, keys: string[]): string | undefined {
  const metas = selectAll('meta[content]', tree)
  for (const key of keys) {
    for (const element of metas) {
      const name = String(element.properties.name ?? element.properties.property ?? '').toLowerCase()
      if (name === key) {
        const value = clean(String(element.properties.content))
        if (value) return value
      }
    }
  }
  return undefined
}

function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name]
  return value === undefined || value === null ? undefined : clean(String(value)) || undefined
}

function textOf(element: Element | undefined): string | undefined {
  return element ? clean(toString(element)) || undefined : undefined
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "Aftercare tips | Glow Clinic" → "Aftercare tips" when the publisher is "Glow Clinic". */
function withoutSiteName(title: string, site: string): string {
  const lower = title.toLowerCase()
  const name = site.toLowerCase()
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' · ', ': ']) {
    if (lower.endsWith(separator + name)) return title.slice(0, title.length - separator.length - site.length).trim() || title
    if (lower.startsWith(name + separator)) return title.slice(site.length + separator.length).trim() || title
  }
  return title
}
