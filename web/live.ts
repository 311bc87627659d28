/**
 * Live updates while the page is served by `npm start`: the server sends an
 * event on `./api/events` after every regeneration (a source added or
 * edited, a review recorded), and the page reads `data.js` again.
 *
 * The static build has no API: the page first asks `./api/status` and opens
 * the event stream only when that answers `{"review": true}`, so a page
 * opened from disk or served by any static server makes no further request
 * and logs no error.
 */

/** What {@link connectLive} may be given instead of the browser's own (for tests). */
export interface LiveOptions {
  /** Fetch function (default: the page's `fetch`). */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>
  /** EventSource constructor (default: the browser's `EventSource`). */
  EventSource?: new (url: string) => Pick<EventSource, 'close'> & { onmessage: ((event: MessageEvent) => void) | null }
}

/**
 * Follow the server's live updates.
 *
 * Decisions: the stream URL carries the version `./api/status` reported
 * (`?version=N`), so an update that happens between the status answer and
 * the stream opening is still announced; the browser's EventSource
 * reconnects by itself (the server asks for 1 s) and sends the last version
 * it saw, so updates made while it was away arrive once it is back.
 *
 * @param onUpdate Called on every update (read `data.js` again and redraw).
 * @param options Replacements for `fetch` and `EventSource` (default: the browser's).
 * @returns A function that stops following (closes the stream, or cancels before it opens).
 * @example
 * // In main.ts, once the first data is shown:
 * const stop = connectLive(() => void reload())
 */
export function connectLive(onUpdate: () => void, options: LiveOptions = {}): () => void {
  const fetchImpl = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init))
  const Source = options.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource)
  let stopped = false
  let stream: InstanceType<NonNullable<LiveOptions['EventSource']>> | undefined
  void liveVersion(fetchImpl).then((version) => {
    if (stopped || version === undefined || !Source) return
    stream = new Source(`./api/events?version=${version}`)
    stream.onmessage = () => {
      if (!stopped) onUpdate()
    }
  })
  return () => {
    stopped = true
    stream?.close()
    stream = undefined
  }
}

/**
 * Ask whether the page is served live, and at which version.
 *
 * @param fetchImpl Fetch function.
 * @returns The server's data version, or `undefined` when there is no live API (404, `file://`, network error, other answer).
 */
async function liveVersion(fetchImpl: NonNullable<LiveOptions['fetch']>): Promise<number | undefined> {
  try {
    const response = await fetchImpl('./api/status', { cache: 'no-store', headers: { Accept: 'application/json' } })
    if (!response.ok) return undefined
    const body = (await response.json()) as { review?: unknown; version?: unknown } | null
    if (!body || body.review !== true) return undefined
    return typeof body.version === 'number' && Number.isInteger(body.version) ? body.version : 0
  } catch {
    return undefined
  }
}
