/**
 * The local API of `npm start`: live updates and reviews from the page.
 * Routes for `serveSite({routes})`; the static build (`claimrange build`,
 * `claimrange serve`) has none of them, so a published page stays read-only.
 *
 * ## Routes
 *
 * - `GET /api/status` → `200 {"review": true, "version": 3}`. A page that
 *   gets this answer is served by `npm start` and may offer reviewing;
 *   anything else (a 404 from a static server, a failed fetch from
 *   `file://`) means read-only.
 * - `GET /api/events` → a Server-Sent Events stream. After every
 *   regeneration (a source added or edited, a review recorded) it sends
 *   `id: <version>` and `data: {"version": <version>}`; the page then
 *   re-fetches `data.js`. A page connecting with `?version=N` (the version
 *   `/api/status` gave it) or reconnecting with a `Last-Event-ID` that is
 *   not the current version gets the current version at once, so no update
 *   is missed while it was away.
 * - `POST /api/review` with `Content-Type: application/json` and a body
 *   (at most 16 KiB) like
 *   ```json
 *   {"source": "sweat-after-microneedling", "id": "exercise-5b1f0c2a",
 *    "review": {"status": "corrected", "by": "AB", "note": "the article says 3 days",
 *               "corrected": {"wait": {"min": 72, "max": 72, "text": "3 days"}}}}
 *   ```
 *   `review` is validated with `reviewSchema` (`status`: `confirmed`,
 *   `rejected`, `corrected` or `unreviewed` to undo; `corrected` — only
 *   with status `corrected` — may set `topic`, `activity`, `stance`,
 *   `wait`, `condition`, `speaker`). The claim's review is written to
 *   `claims/<source>.yaml` (`write/review.ts`: atomic, under the folder's
 *   lock), what changed is worked out from the rows that file touches
 *   (`rewriteChange`, through the digest index: one claims file is read,
 *   not the corpus), and the answer is
 *   `200 {"claim": <the claim as written>, "version": <version>}`; then
 *   `data.js` is rewritten and only then are the pages told of `version`
 *   (the page that sent the review has put the claim into its data already).
 *
 *   Errors are one-line JSON, `{"error": "…"}`: `400` for a body that is
 *   not JSON or does not fit the format, `404` for an unknown source or
 *   claim, `409` when the claims file is broken (fix it by hand first),
 *   `413` for a body over the limit, `415` without the JSON content type,
 *   `403` for a request that is not from this machine and this page, `405`
 *   for another method. Nothing is written on any error.
 *
 * ## Who may call it
 *
 * Decision: only loopback clients (the server listens on loopback
 * anyway), whose `Host` is the server's own address and port (no DNS
 * rebinding), and whose `Origin`, when sent, is that same `http://host:port`
 * (browsers send it with every POST, so another site cannot post). Requests
 * without `Origin` (curl, scripts on this machine) are accepted; a
 * `Sec-Fetch-Site` other than `same-origin` or `none` is refused.
 *
 * @example
 * // In the page:
 * const response = await fetch('./api/review', {method: 'POST', headers: {'Content-Type': 'application/json'},
 *   body: JSON.stringify({source, id, review: {status: 'confirmed'}})})
 * const {claim, error} = await response.json()
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { formatConsensusDiff } from '../diff/format.ts'
import type { ConsensusDiff } from '../diff/types.ts'
import { formatMessage } from '../message.ts'
import { reviewSchema, type Claim, type Review } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { rewriteChange } from '../write/corpus.ts'
import { setReview } from '../write/review.ts'
import { writeSiteData } from './build.ts'
import { hostRefusal, type Route } from './serve.ts'

/** Options of {@link createLiveApi}. */
export interface LiveApiOptions {
  /** Folder of `*.md` sources. */
  sourcesDir: string
  /** Folder of claims files. */
  claimsDir: string
  /** The served site folder (its `data.js` is rewritten after a review). */
  outDir: string
  /** Validated vocabulary. */
  vocabulary: Vocabulary
  /** Largest request body in bytes (default: 16384). */
  maxBodyBytes?: number
  /** Called after a review was recorded and pages were notified (default: nothing). */
  onReview?: (event: ReviewEvent) => void
  /** Called with one line when something went wrong after a review was written (default: nothing). */
  onError?: (message: string) => void
}

/** A review recorded through the API. */
export interface ReviewEvent {
  source: string
  id: string
  /** The claim as written. */
  claim: Claim
  /** Whether the claims file changed (`false`: that review was there already). */
  written: boolean
  /** How the consensus moved. */
  diff: ConsensusDiff
  /** Version sent to pages. */
  version: number
}

/** The API: its routes and the live-update channel the watcher shares. */
export interface LiveApi {
  /** Route handlers for `serveSite`. */
  routes: Route[]
  /**
   * Tell every connected page that the data changed.
   *
   * @returns The new version number.
   */
  notify(): number
  /** The current version (0 before any regeneration). */
  readonly version: number
  /** Number of pages connected to `/api/events`. */
  readonly clients: number
  /**
   * Run a task after every task queued before it, so that regenerations and
   * reviews never write `data.js` out of order.
   *
   * @param task Work to do.
   * @returns What `task` returns.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>
  /** End every event stream (before closing the server). */
  close(): void
}

/** Largest request body by default, in bytes. */
export const defaultMaxBodyBytes = 16 * 1024

/** The body of `POST /api/review`. */
export const reviewRequestSchema = z
  .object({
    source: z.string().min(1).max(200),
    id: z.string().min(1).max(200),
    review: reviewSchema
  })
  .strict()
  .refine((r) => r.review.status === 'corrected' || r.review.corrected === undefined, {
    message: 'expected `corrected` only with status `corrected`',
    path: ['review', 'corrected']
  })

/**
 * Create the API of a live site.
 *
 * @param options See {@link LiveApiOptions}.
 * @returns Routes for `serveSite`, `notify`, `exclusive` and `close`.
 * @example
 * const api = createLiveApi({sourcesDir: 'sources', claimsDir: 'claims', outDir: 'dist/site', vocabulary})
 * const site = await serveSite({dir: 'dist/site', routes: api.routes})
 */
export function createLiveApi(options: LiveApiOptions): LiveApi {
  const streams = new Set<ServerResponse>()
  let version = 0
  let tail: Promise<unknown> = Promise.resolve()
  const maxBody = options.maxBodyBytes ?? defaultMaxBodyBytes

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }

  /** The last version told to the pages (a review's version is told once its data.js is written). */
  let published = 0
  const publish = (current: number) => {
    published = current
    for (const stream of streams) stream.write(eventText(current))
  }

  const notify = (): number => {
    version++
    publish(version)
    return version
  }

  const events = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
    response.write('retry: 1000\n\n')
    const last = request.headers['last-event-id'] ?? url.searchParams.get('version') ?? undefined
    if (typeof last === 'string' && last !== String(published)) response.write(eventText(published))
    streams.add(response)
    response.on('close', () => streams.delete(response))
  }

  const review = async (request: IncomingMessage, response: ServerResponse) => {
    const type = request.headers['content-type'] ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) return sendJson(response, 415, { error: 'Unexpected content type, expected `application/json`' })
    const body = await readBody(request, maxBody)
    if (body === 'too-large') return sendJson(response, 413, { error: `Unexpected body: larger than ${maxBody} bytes` }, true)
    if (body === 'not-utf8') return sendJson(response, 400, { error: 'Unexpected body: not UTF-8' })
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch (error) {
      return sendJson(response, 400, { error: `Unexpected body: not JSON (${oneLine((error as Error).message)})` })
    }
    const parsed = reviewRequestSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return sendJson(response, 400, { error: oneLine(`${issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : ''}${issue.message}`) })
    }
    const { source, id } = parsed.data
    try {
      await record(source, id, parsed.data.review, response)
    } catch (error) {
      // A lock held too long by another run, or a file system error: nothing was written.
      if (!response.headersSent) sendJson(response, 503, { error: oneLine((error as Error).message) })
    }
  }

  const record = (source: string, id: string, review: Review, response: ServerResponse) =>
    exclusive(async () => {
      const outcome = await setReview({ claimsDir: options.claimsDir, sourcesDir: options.sourcesDir, source, id, review })
      if (outcome.kind === 'not-found') return sendJson(response, 404, { error: outcome.reason })
      if (outcome.kind === 'invalid') return sendJson(response, 400, { error: oneLine(outcome.reason) })
      if (outcome.kind === 'unusable') {
        const first = outcome.messages[0]
        return sendJson(response, 409, { error: first ? oneLine(formatMessage(first)) : `${outcome.file}: unusable claims file` })
      }
      // Answer as soon as the claims file is written and what changed is known (from the rows it
      // touches, through the digest index); the page puts the claim into its data itself.
      // data.js is rewritten after, and only then are the other pages told.
      const diff = await rewriteChange(options.claimsDir, options.vocabulary, outcome.file, outcome.before)
      const current = outcome.written ? ++version : version
      sendJson(response, 200, { claim: outcome.claim, version: current })
      options.onReview?.({ source, id, claim: outcome.claim, written: outcome.written, diff, version: current })
      try {
        await writeSiteData({ sourcesDir: options.sourcesDir, claimsDir: options.claimsDir, outDir: options.outDir, vocabulary: options.vocabulary })
      } catch (error) {
        options.onError?.(`review recorded, but data.js was not rewritten: ${oneLine((error as Error).message)}`)
      }
      if (outcome.written) publish(current)
    })

  const route: Route = async (request, response, url) => {
    if (!url.pathname.startsWith('/api/')) return false
    const refused = refusal(request)
    if (refused) {
      sendJson(response, 403, { error: refused })
      return true
    }
    const method = request.method ?? 'GET'
    const allow = (allowed: string) => {
      response.setHeader('Allow', allowed)
      sendJson(response, 405, { error: `Unexpected method \`${method}\`, expected \`${allowed}\`` })
    }
    if (url.pathname === '/api/status') {
      if (method !== 'GET') allow('GET')
      else sendJson(response, 200, { review: true, version: published })
    } else if (url.pathname === '/api/events') {
      if (method !== 'GET') allow('GET')
      else events(request, response, url)
    } else if (url.pathname === '/api/review') {
      if (method !== 'POST') allow('POST')
      else await review(request, response)
    } else {
      sendJson(response, 404, { error: `Unexpected path \`${url.pathname}\`, expected \`/api/status\`, \`/api/events\` or \`/api/review\`` })
    }
    return true
  }

  return {
    routes: [route],
    notify,
    get version() {
      return version
    },
    get clients() {
      return streams.size
    },
    exclusive,
    close() {
      for (const stream of streams) stream.end()
      streams.clear()
    }
  }
}

/**
 * Format a recorded review for the terminal: one line, then what changed.
 *
 * @param event What `onReview` received.
 * @param options `color`: use ANSI colours (default: `false`).
 * @returns Lines of text, no trailing newline.
 * @example
 * formatReviewEvent(event)
 * // 'review: exercise-5b1f0c2a in sweat-after-microneedling confirmed\nNo change in the consensus.'
 */
export function formatReviewEvent(event: ReviewEvent, options: { color?: boolean } = {}): string {
  const review = event.claim.review
  const head = `review: ${event.id} in ${event.source} ${review.status}${review.by ? ` by ${review.by}` : ''}${event.written ? '' : ' (already recorded)'}`
  return `${head}\n${formatConsensusDiff(event.diff, options)}`
}

/**
 * Why a request to the API is refused, if it is.
 *
 * @param request The request.
 * @returns A one-line reason, or `undefined` when it may proceed.
 */
function refusal(request: IncomingMessage): string | undefined {
  // The server refuses these already; checked again so the routes are safe under any server.
  const refused = hostRefusal(request)
  if (refused) return refused
  const host = request.headers.host ?? ''
  const origin = request.headers.origin
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) return `Refused: cross-origin request from \`${oneLine(origin)}\``
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Refused: cross-site request (\`Sec-Fetch-Site: ${oneLine(String(site))}\`)`
  return undefined
}

/**
 * Read a request body as UTF-8, up to a size.
 *
 * @param request The request.
 * @param limit Largest body in bytes.
 * @returns The text, `too-large` (the rest is not read) or `not-utf8`.
 */
async function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large' | 'not-utf8'> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return 'too-large'
  const chunks: Buffer[] = []
  let size = 0
  const complete = await new Promise<boolean>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      request.off('data', onData)
      request.pause()
      ok(false)
    }
    request.on('data', onData)
    request.once('end', () => ok(true))
    request.once('error', fail)
  })
  if (!complete) return 'too-large'
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    return 'not-utf8'
  }
}

/**
 * Send a JSON answer.
 *
 * @param response The response.
 * @param status HTTP status.
 * @param body JSON-able value.
 * @param close Close the connection afterwards (the request body was not read to its end).
 */
function sendJson(response: ServerResponse, status: number, body: unknown, close = false): void {
  const text = `${JSON.stringify(body)}\n`
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {})
  })
  response.end(text)
}

/**
 * One Server-Sent Event announcing a version.
 *
 * @param version Version number.
 * @returns The event's text.
 */
function eventText(version: number): string {
  return `id: ${version}\ndata: ${JSON.stringify({ version })}\n\n`
}

/**
 * Text on one line, for error messages.
 *
 * @param text Any text.
 * @returns Its first line, trimmed, at most 300 characters.
 */
function oneLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? ''
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}
