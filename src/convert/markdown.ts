import { Document } from 'yaml'

const frontMatterOpen = /^(?:\uFEFF)?---[ \t]*\r?\n/
const frontMatterClose = /^---[ \t]*$/m

/**
 * A Markdown article as a source: copied exactly, with its front matter.
 * When the article was fetched from a URL and its front matter has no
 * `url`, a `url` line is added at the end of the front matter (a front
 * matter is created when there is none).
 *
 * @param text The Markdown file's text.
 * @param url Where it was fetched from, if it was (default: none — the text is returned as is).
 * @returns The source file's text.
 * @example
 * markdownWithUrl('# Aftercare\n', 'https://example.org/a.md') // '---\nurl: https://example.org/a.md\n---\n# Aftercare\n'
 */
export function markdownWithUrl(text: string, url?: string): string {
  if (url === undefined) return text
  const line = new Document({ url }).toString({ lineWidth: 0 })
  const open = frontMatterOpen.exec(text)
  if (!open) return `---\n${line}---\n${text}`
  const rest = text.slice(open[0].length)
  const close = frontMatterClose.exec(rest)
  if (!close) return text
  const yaml = rest.slice(0, close.index)
  if (/^url\s*:/m.test(yaml)) return text
  const at = open[0].length + close.index
  return text.slice(0, at) + line + text.slice(at)
}
