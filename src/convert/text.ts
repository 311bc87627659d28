import type { Article } from './types.ts'

/** Longest first line taken as the title of a plain-text article. */
export const maxTitleLength = 150

/**
 * A plain-text article as a source: the body is kept exactly as it is
 * (plain paragraphs are valid Markdown), and the title is its first
 * non-empty line.
 *
 * Decision: a first line longer than {@link maxTitleLength} characters is a
 * paragraph, not a title, so the article gets no title (its slug then comes
 * from the file name).
 *
 * @param text The article's text.
 * @returns The article.
 * @example
 * textToArticle('Tattoo aftercare\n\nNo swimming for two weeks.\n').meta // {title: 'Tattoo aftercare'}
 */
export function textToArticle(text: string): Article {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim()
  const meta = first && first.length <= maxTitleLength ? { title: first } : {}
  return { meta, body: text }
}
