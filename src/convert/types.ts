/** What `add` turns any input into: front matter fields and a Markdown body. */
export interface Article {
  /** Front matter: only what the input itself states. */
  meta: ArticleMeta
  /** The article text as Markdown (or plain text kept as is), ending with a newline. */
  body: string
}

/** Front matter fields `add` can fill (a subset of `SourceMeta`). */
export interface ArticleMeta {
  title?: string
  author?: string
  publisher?: string
  date?: string
  url?: string
}

/** The kinds of input `add` understands. */
export type ArticleType = 'html' | 'markdown' | 'text'
