/**
 * A small static file server for a built site, on the loopback interface
 * only. Extra route handlers run before the files, so a later review API or
 * live reload can be added without touching this module.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

/**
 * A route: handle the request and return `true`, or return `false` to let the
 * next route (and finally the static files) have it.
 */
export type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => boolean | Promise<boolean>

/** Options of {@link serveSite}. */
export interface ServeOptions {
  /** Folder to serve (a built site). */
  dir: string
  /** Port (default: 0, any free port). */
  port?: number | undefined
  /** Loopback address to listen on (default: `127.0.0.1`); anything else is refused. */
  host?: string | undefined
  /** Handlers tried in order before the static files (default: none). */
  routes?: Route[] | undefined
}

/** A running server. */
export interface RunningSite {
  /** `http://127.0.0.1:PORT/`. */
  url: string
  /** Stop listening and close open connections. */
  close(): Promise<void>
}

/** Content types by extension; anything else is `application/octet-stream`. */
export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2'
}

const loopback = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/

/**
 * Serve a folder over HTTP on loopback.
 *
 * Decisions: every request, files included, must come from this machine
 * with a `Host` that is this server's loopback address and port (else 403,
 * see {@link hostRefusal}); only GET and HEAD; `/` and folders serve their `index.html`;
 * a path that leaves the folder (`..`, encoded or not, or a symlink pointing
 * out) is a 404, as is a missing file; responses say `no-cache` so a rebuilt
 * site shows at once, and carry a Content-Security-Policy that allows only
 * the site's own scripts.
 *
 * @param options See {@link ServeOptions}.
 * @returns The URL and a `close` function.
 * @throws {Error} When `host` is not a loopback address or the port is taken.
 * @example
 * const site = await serveSite({dir: 'dist/site'})
 * console.log(site.url) // http://127.0.0.1:41234/
 * await site.close()
 */
export async function serveSite(options: ServeOptions): Promise<RunningSite> {
  const host = options.host ?? '127.0.0.1'
  if (!loopback.test(host)) throw new Error(`Unexpected host \`${host}\`, expected a loopback address such as \`127.0.0.1\``)
  const root = await realpath(resolve(options.dir))
  const routes = options.routes ?? []
  const server = createServer((request, response) => {
    handle(root, routes, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'Internal error\n')
      else response.destroy(error as Error)
    })
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail)
      ok()
    })
  })
  const address = server.address() as AddressInfo
  const name = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${name}:${address.port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((error) => (error ? fail(error) : ok()))
        server.closeAllConnections()
      })
  }
}

/**
 * Why a request is refused before anything is read for it: a client that
 * is not this machine, or a `Host` that is not a loopback name of this
 * server with its port. The second stops DNS rebinding: a page on
 * `evil.example` whose name is made to point at 127.0.0.1 reaches the
 * server, but with `Host: evil.example`, and gets nothing — not the API,
 * not `data.js` with every source text and note.
 *
 * @param request The request.
 * @returns A one-line reason, or `undefined` when it may be answered.
 */
export function hostRefusal(request: IncomingMessage): string | undefined {
  const remote = request.socket.remoteAddress ?? ''
  if (!/^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(remote) && remote !== '::1') return 'Refused: this server answers this machine only'
  const host = (request.headers.host ?? '').toLowerCase()
  const port = request.socket.localPort
  const local = request.socket.localAddress
  const names = ['127.0.0.1', 'localhost', '[::1]', local?.includes(':') ? `[${local}]` : local]
  if (!names.some((name) => name !== undefined && host === `${name}:${port}`)) return `Refused: unexpected Host \`${oneLine(request.headers.host ?? '')}\`, expected this server's loopback address and port`
  return undefined
}

async function handle(root: string, routes: Route[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  const refused = hostRefusal(request)
  if (refused) {
    const body = `${JSON.stringify({ error: refused })}\n`
    response.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...securityHeaders })
    return void response.end(body)
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  for (const route of routes) if (await route(request, response, url)) return
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return send(response, 405, 'Method not allowed\n')
  }
  const file = await resolveFile(root, url.pathname)
  if (!file) return send(response, 404, 'Not found\n')
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    ...securityHeaders
  })
  if (request.method === 'HEAD') return void response.end()
  await new Promise<void>((ok, fail) => {
    createReadStream(file.path).on('error', fail).pipe(response).on('finish', ok).on('error', fail)
  })
}

const securityHeaders = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
}

/**
 * Map a URL path to a file inside `root`.
 *
 * @param root Real path of the served folder.
 * @param pathname URL path (still percent-encoded).
 * @returns The file and its size, or `undefined` when it is missing or outside `root`.
 */
export async function resolveFile(root: string, pathname: string): Promise<{ path: string; size: number } | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const inside = (path: string) => path === root || path.startsWith(root + sep)
  let path = resolve(join(root, decoded))
  if (!inside(path)) return undefined
  try {
    path = await realpath(path)
    if (!inside(path)) return undefined
    let info = await stat(path)
    if (info.isDirectory()) {
      path = await realpath(join(path, 'index.html'))
      if (!inside(path)) return undefined
      info = await stat(path)
    }
    return info.isFile() ? { path, size: info.size } : undefined
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...securityHeaders })
  response.end(body)
}

/** A header value on one line, at most 200 characters, for a message. */
function oneLine(text: string): string {
  const line = text.replace(/[\r\n].*$/s, '').trim()
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
