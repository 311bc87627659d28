import { maxSourceBytes } from '../limits.ts'
import { FileError } from './errors.ts'
import { tooLarge } from './text.ts'

/** A page fetched over HTTP(S). */
export interface FetchedPage {
  /** The URL the page was finally served from (after redirects). */
  url: string
  /** The `Content-Type` header (`''` when missing). */
  contentType: string
  /** The body, decoded. */
  text: string
}

/** Options of {@link fetchPage}. */
export interface FetchOptions {
  /** Give up after this many milliseconds (default: 15000). */
  timeoutMs?: number
  /** Largest body accepted, in bytes (default: `maxSourceBytes`, 5 MiB: the cap of every source and of local files given to `add`). */
  maxBytes?: number
  /** Media types accepted, lowercase without parameters (default: HTML, Markdown, plain text). */
  accept?: readonly string[]
}

const defaultAccept = ['text/html', 'application/xhtml+xml', 'text/markdown', 'text/x-markdown', 'text/plain']

/**
 * Fetch an article from an `http:` or `https:` URL with the global `fetch`:
 * redirects followed, a time limit, the media type checked, the body
 * decoded strictly (the header's charset, else an HTML page's own
 * `<meta charset>`, else UTF-8).
 *
 * Every failure is a {@link FileError} naming the URL, one line: not a
 * URL, no answer in time, network error, HTTP error status, media type not
 * accepted, too large, empty, binary (a NUL byte), or text that does not
 * decode.
 *
 * @param url The page's URL.
 * @param options See {@link FetchOptions}.
 * @returns The final URL, the media type and the text.
 * @throws {FileError} On any failure, naming the URL.
 * @example
 * const page = await fetchPage('https://clinic.example/aftercare')
 * page.contentType // 'text/html; charset=utf-8'
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 15000
  const maxBytes = options.maxBytes ?? maxSourceBytes
  const accept = options.accept ?? defaultAccept
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new FileError(url, 'Invalid URL, expected `http://…` or `https://…`')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FileError(url, `Unexpected URL scheme \`${parsed.protocol}\`, expected \`http:\` or \`https:\``)
  }
  let response: Response
  try {
    response = await fetch(parsed, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8' }
    })
  } catch (error) {
    throw new FileError(url, networkReason(error, timeoutMs))
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new FileError(url, `Cannot fetch: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)
  }
  const contentType = response.headers.get('content-type') ?? ''
  const media = contentType.split(';')[0]!.trim().toLowerCase()
  if (!accept.includes(media)) {
    await response.body?.cancel()
    throw new FileError(url, `Unexpected content type \`${media || 'none'}\`, expected HTML, Markdown or plain text`)
  }
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new FileError(url, tooLarge(declared, maxBytes, 'page'))
  }
  let bytes: Uint8Array
  try {
    bytes = await readLimited(response, maxBytes)
  } catch (error) {
    if (error instanceof RangeError) throw new FileError(url, error.message)
    throw new FileError(url, networkReason(error, timeoutMs))
  }
  if (bytes.length === 0) throw new FileError(url, 'Unexpected empty page, expected an article')
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw new FileError(url, `Unexpected NUL byte at offset ${nul}: this looks like a binary file, expected text`)
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? metaCharset(bytes, media) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true })
  } catch {
    throw new FileError(url, `Unexpected charset \`${charset}\``)
  }
  try {
    return { url: response.url || parsed.href, contentType, text: decoder.decode(bytes) }
  } catch {
    throw new FileError(url, `Invalid ${charset} text, expected text in the charset the server names`)
  }
}

/**
 * The charset an HTML page declares in a `<meta charset>` (or
 * `http-equiv` content type) within its first 2 KiB.
 */
function metaCharset(bytes: Uint8Array, media: string): string | undefined {
  if (media !== 'text/html' && media !== 'application/xhtml+xml') return undefined
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  return /<meta\b[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head)?.[1]
}

/** Read a response body, stopping as soon as it passes `maxBytes` (then a `RangeError`). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel()
      throw new RangeError(tooLarge(total, maxBytes, 'page', 'more than '))
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

/** One line saying why a request failed. */
function networkReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
  return `Cannot fetch (${detail})`
}
