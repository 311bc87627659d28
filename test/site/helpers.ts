/**
 * Helpers for the live-site tests: a temp copy of the corpus, plain HTTP
 * requests with full control of the headers, an SSE reader, bounded waits.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** A temp project: `sources/` and `claims/` copied from the corpus, an empty site in `site/`. */
export interface TempProject {
  dir: string
  sources: string
  claims: string
  out: string
  remove(): Promise<void>
}

/**
 * Copy the corpus into a temp folder.
 *
 * @param prefix Temp folder name prefix.
 * @returns The folders and a function that removes them.
 */
export async function tempProject(prefix: string): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const sources = join(dir, 'sources')
  const claims = join(dir, 'claims')
  const out = join(dir, 'site')
  await cp(join(root, 'sources'), sources, { recursive: true })
  await cp(join(root, 'claims'), claims, { recursive: true })
  await mkdir(out)
  await writeFile(join(out, 'index.html'), '<!doctype html><title>chart</title>\n')
  return { dir, sources, claims, out, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** An HTTP answer. */
export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json: unknown
}

/**
 * Send one request.
 *
 * @param base Server URL (`http://127.0.0.1:PORT/`).
 * @param method HTTP method.
 * @param path Path, e.g. `/api/review`.
 * @param options Headers and body (a string is sent as is; chunks are sent without a length).
 * @returns Status, headers, text and JSON (when the text parses).
 */
export function send(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | string[] } = {}): Promise<Answer> {
  const url = new URL(path, base)
  return new Promise((ok, fail) => {
    const req = httpRequest(url, { method, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        ok({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
      res.on('error', fail)
    })
    req.on('error', fail)
    if (Array.isArray(options.body)) for (const chunk of options.body) req.write(chunk)
    else if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/**
 * POST JSON to the review API the way the page does.
 *
 * @param base Server URL.
 * @param body Value to send (a string is sent as is).
 * @param headers Extra or replacing headers.
 * @returns The answer.
 */
export function postReview(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(base, 'POST', '/api/review', {
    headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/, ''), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

/** A connected event stream: everything received so far. */
export interface EventReader {
  text(): string
  /** `data:` payloads received so far, parsed. */
  events(): { version: number }[]
  close(): void
}

/**
 * Open `/api/events` and collect what arrives.
 *
 * @param base Server URL.
 * @param path Path with query (default: `/api/events`).
 * @returns The reader, once the stream's headers arrived.
 */
export function openEvents(base: string, path = '/api/events', headers: Record<string, string> = {}): Promise<EventReader & { status: number; type: string }> {
  return new Promise((ok, fail) => {
    let received = ''
    const req = httpRequest(new URL(path, base), { headers }, (res) => {
      res.setEncoding('utf8')
      res.on('data', (c: string) => (received += c))
      res.on('error', () => undefined)
      ok({
        status: res.statusCode ?? 0,
        type: String(res.headers['content-type']),
        text: () => received,
        events: () => [...received.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { version: number }),
        close: () => req.destroy()
      })
    })
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : fail(error)))
    req.end()
  })
}

/**
 * Wait until a condition holds, checking every 20 ms.
 *
 * @param condition Returns truthy when done.
 * @param timeoutMs Longest wait (default: 10000).
 * @param what What is awaited, for the error.
 * @returns The condition's value.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
