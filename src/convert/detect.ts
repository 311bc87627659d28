import type { ArticleType } from './types.ts'

const byExtension: Record<string, ArticleType> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text'
}

const byMediaType: Record<string, ArticleType> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text'
}

/**
 * The kind of an input from its file name.
 *
 * @param name File name or path.
 * @returns `html` (.html, .htm, .xhtml), `markdown` (.md, .markdown),
 *   `text` (.txt, .text), or `undefined` for anything else.
 * @example
 * typeFromName('aftercare.HTM') // 'html'
 */
export function typeFromName(name: string): ArticleType | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(name)
  return match ? byExtension[match[1]!.toLowerCase()] : undefined
}

/**
 * The kind of a fetched page from its `Content-Type` header.
 *
 * Decision: `text/plain` served for a path ending in `.md` is Markdown
 * (many servers do not know `text/markdown`).
 *
 * @param contentType The header value, e.g. `text/html; charset=utf-8`.
 * @param path The URL's path, to tell Markdown served as `text/plain` (default: '').
 * @returns The kind, or `undefined` for a media type `add` cannot read.
 * @example
 * typeFromContentType('text/html; charset=UTF-8') // 'html'
 */
export function typeFromContentType(contentType: string, path = ''): ArticleType | undefined {
  const media = contentType.split(';')[0]!.trim().toLowerCase()
  const type = byMediaType[media]
  if (type === 'text' && typeFromName(path) === 'markdown') return 'markdown'
  return type
}
