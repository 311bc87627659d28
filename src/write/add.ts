/**
 * `add`: bring one article into the corpus — read it (file or URL), convert
 * it to a source (`src/convert/`), write `sources/<slug>.md` atomically,
 * then extract its claims with the corpus runner.
 */
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  htmlToArticle,
  markdownWithUrl,
  renderArticle,
  slugify,
  textToArticle,
  typeFromContentType,
  typeFromName,
  uniqueSlug,
  type ArticleMeta,
  type ArticleType
} from '../convert/index.ts'
import { listFiles } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { fetchPage, type FetchOptions } from '../read/fetch.ts'
import { parseFrontMatter } from '../read/source.ts'
import { readTextFile } from '../read/text.ts'
import type { Claim } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { withLock, writeFileAtomic } from './atomic.ts'
import { extractCorpus, type CorpusResult } from './corpus.ts'

/** Options of {@link addSource}. */
export interface AddOptions {
  /** A file (`.md`, `.markdown`, `.html`, `.htm`, `.txt`) or an `http(s)://` URL. */
  input: string
  /** Folder of sources (created when missing). */
  sourcesDir: string
  /** Folder of claims files (created when missing). */
  claimsDir: string
  /** The vocabulary to extract with. */
  vocabulary: Vocabulary
  /** How URLs are fetched (default: see `fetchPage`). */
  fetch?: FetchOptions
  /** How long to wait for another run's lock, in ms (default: 30000). */
  lockWaitMs?: number
}

/** What {@link addSource} did. */
export interface AddResult {
  /** The new source's id (its slug). */
  id: string
  /** Path of the new source file. */
  file: string
  /** What the input was read as. */
  type: ArticleType
  /** The new source's front matter, as written. */
  meta: ArticleMeta
  /** The new source's claims, as extracted. */
  claims: Claim[]
  /** The corpus runner's result for the new source (messages included, and `diff`: what changed in the consensus). */
  corpus: CorpusResult
}

/** An article read from a file or a URL, before conversion. */
interface Loaded {
  text: string
  type: ArticleType
  /** The URL it was fetched from, for URLs. */
  url?: string
  /** A name to make a slug from when the article has no title. */
  fallbackName: string
}

/**
 * Add an article to the corpus.
 *
 * 1. Read it: a URL with `fetchPage`, a file strictly (must exist, be
 *    non-empty UTF-8 text, have a known extension). Decision: a saved page
 *    in another encoding is refused with the byte and line of the first
 *    invalid sequence (convert it to UTF-8, or add it by URL, where the
 *    server's or the page's charset is used).
 * 2. Convert it: HTML to Markdown with front matter from the page; plain
 *    text kept as is with its first line as title; Markdown copied as is
 *    (`url` added to its front matter when fetched).
 * 3. Name it: the slug of its title, else of its file name (or the URL's
 *    last path segment, else its host); `-2`, `-3`… when a source *or a
 *    claims file* of that name exists (an old claims file must never be
 *    merged into another article's claims).
 * 4. Write `sources/<slug>.md` atomically under a lock on the sources
 *    folder (two `add`s at once cannot take the same name), then run
 *    `extractCorpus({only: [slug]})`.
 *
 * Nothing is written unless the input is readable, supported and has
 * article text.
 *
 * @param options See {@link AddOptions}.
 * @returns The new source, its claims and the corpus run (with what changed).
 * @throws {FileError} Naming the file or URL: unreadable, empty, binary,
 *   unsupported type, broken front matter, or no article text.
 * @example
 * const added = await addSource({input: 'https://clinic.example/aftercare', sourcesDir: 'sources', claimsDir: 'claims', vocabulary})
 * added.file // 'sources/microneedling-aftercare.md'
 */
export async function addSource(options: AddOptions): Promise<AddResult> {
  const loaded = await load(options.input, options.fetch)
  const { content, meta } = convert(options.input, loaded)
  const base = slugify(meta.title ?? '') || slugify(loaded.fallbackName) || 'article'
  const { id, file } = await withLock(
    options.sourcesDir,
    async () => {
      const taken = new Set([
        ...(await listFiles(options.sourcesDir, /\.md$/i)).map((name) => name.replace(/\.md$/i, '')),
        ...(existsSync(options.claimsDir) ? await listFiles(options.claimsDir, /\.ya?ml$/i) : []).map((name) => name.replace(/\.ya?ml$/i, ''))
      ])
      const id = uniqueSlug(base, taken)
      const file = join(options.sourcesDir, `${id}.md`)
      await writeFileAtomic(file, content)
      return { id, file }
    },
    { waitMs: options.lockWaitMs ?? 30000 }
  )
  const corpus = await extractCorpus({
    sourcesDir: options.sourcesDir,
    claimsDir: options.claimsDir,
    vocabulary: options.vocabulary,
    only: [id],
    ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs })
  })
  const claims = corpus.sources.find((s) => s.id === id)?.claims ?? []
  return { id, file, type: loaded.type, meta, claims, corpus }
}

/** Read the input: fetch a URL, or read a file with a known extension. */
async function load(input: string, fetchOptions: FetchOptions | undefined): Promise<Loaded> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    const page = await fetchPage(input, fetchOptions)
    const path = new URL(page.url).pathname
    const type = typeFromContentType(page.contentType, path)
    if (!type) throw new FileError(input, `Unexpected content type \`${page.contentType}\`, expected HTML, Markdown or plain text`)
    const segment = decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '').replace(/\.[a-z0-9]+$/i, '')
    return { text: page.text, type, url: page.url, fallbackName: segment || new URL(page.url).hostname }
  }
  if (await isFolder(input)) {
    throw new FileError(input, 'Is a folder, expected one article (`.md`, `.html`, `.txt`) or an http(s) URL: run `add` once per article')
  }
  const type = typeFromName(input)
  if (!type) {
    const extension = /\.[^./\\]+$/.exec(input)?.[0]
    throw new FileError(
      input,
      `Unsupported file type${extension ? ` \`${extension}\`` : ' (no extension)'}, expected \`.md\`, \`.html\`, \`.txt\` or an http(s) URL`
    )
  }
  const { text } = await readTextFile(input)
  return { text, type, fallbackName: basename(input).replace(/\.[^.]+$/, '') }
}

/**
 * Whether a path names a folder (so `add` can say so instead of "no extension").
 *
 * @param path The input as given.
 * @returns `true` for an existing folder; `false` otherwise (a missing path is reported when it is read).
 */
async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** Turn the loaded input into the source file's text; check it has article text. */
function convert(input: string, loaded: Loaded): { content: string; meta: ArticleMeta } {
  let content: string
  if (loaded.type === 'markdown') {
    content = markdownWithUrl(loaded.text, loaded.url)
  } else {
    const article = loaded.type === 'html' ? htmlToArticle(loaded.text, loaded.url ? { url: loaded.url } : {}) : textToArticle(loaded.text)
    if (loaded.type === 'text' && loaded.url) article.meta.url = loaded.url
    content = renderArticle(article)
  }
  const { meta, bodyStart } = parseFrontMatter(input, content)
  if (content.slice(bodyStart).trim() === '') {
    const where = loaded.type === 'html' ? ' (looked in `<article>`, `<main>`, then `<body>`)' : ''
    throw new FileError(input, `Unexpected empty article: no text found${where}`)
  }
  const picked: ArticleMeta = {}
  for (const key of ['title', 'author', 'publisher', 'date', 'url'] as const) {
    const value = meta[key]
    if (typeof value === 'string') picked[key] = value
    else if (value instanceof Date) picked[key] = value.toISOString().slice(0, 10)
  }
  return { content, meta: picked }
}
