/**
 * Turning an input into a source article (`add`): HTML to Markdown with
 * front matter from the page, plain text and Markdown kept as they are,
 * slugs for file names. Pure: no file system, no network.
 */
export { htmlToArticle, parseHtml } from './html.ts'
export { pageMeta } from './page-meta.ts'
export { mainContent } from './main-content.ts'
export { textToArticle, maxTitleLength } from './text.ts'
export { markdownWithUrl } from './markdown.ts'
export { renderArticle } from './render.ts'
export { slugify, uniqueSlug, maxSlugLength } from './slug.ts'
export { typeFromName, typeFromContentType } from './detect.ts'
export type { Article, ArticleMeta, ArticleType } from './types.ts'
