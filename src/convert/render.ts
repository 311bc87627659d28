import { Document } from 'yaml'
import type { Article } from './types.ts'

/**
 * The text of a source file: YAML front matter (`title`, `author`,
 * `publisher`, `date`, `url`, in that order, only the fields present)
 * followed by the body. No front matter when there is nothing to say.
 *
 * @param article The article.
 * @returns File text, ending with a newline.
 * @example
 * renderArticle({meta: {title: 'Aftercare'}, body: 'Avoid sun.\n'}) // '---\ntitle: Aftercare\n---\nAvoid sun.\n'
 */
export function renderArticle(article: Article): string {
  const ordered: Record<string, string> = {}
  for (const key of ['title', 'author', 'publisher', 'date', 'url'] as const) {
    const value = article.meta[key]
    if (value !== undefined && value !== '') ordered[key] = value
  }
  const body = article.body.endsWith('\n') ? article.body : `${article.body}\n`
  if (Object.keys(ordered).length === 0) return body
  const yaml = new Document(ordered).toString({ lineWidth: 0 })
  return `---\n${yaml}---\n${body}`
}
