/**
 * `connectLive` (web/live.ts) with a fake `fetch` and `EventSource`: the
 * stream opens only when `./api/status` says the page is served live.
 */
import { describe, expect, it } from 'vitest'
import { connectLive, type LiveOptions } from '../../web/live.ts'

/** A stand-in for the browser's EventSource that records what happens. */
class FakeSource {
  static opened: FakeSource[] = []
  onmessage: ((event: MessageEvent) => void) | null = null
  closed = false
  constructor(readonly url: string) {
    FakeSource.opened.push(this)
  }
  close(): void {
    this.closed = true
  }
  emit(data: string): void {
    this.onmessage?.({ data } as MessageEvent)
  }
}

function answering(status: number, body: unknown): { fetch: NonNullable<LiveOptions['fetch']>; urls: string[] } {
  const urls: string[] = []
  return {
    urls,
    fetch: async (input) => {
      urls.push(input)
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    }
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('connectLive(onUpdate)', () => {
  it('connectLive opens ./api/events?version=N when ./api/status says review: true, and calls onUpdate per event', async () => {
    FakeSource.opened = []
    const { fetch, urls } = answering(200, { review: true, version: 4 })
    let updates = 0
    const stop = connectLive(() => updates++, { fetch, EventSource: FakeSource })
    await settle()
    expect(urls).toEqual(['./api/status'])
    expect(FakeSource.opened.map((s) => s.url)).toEqual(['./api/events?version=4'])
    FakeSource.opened[0]!.emit('{"version":5}')
    FakeSource.opened[0]!.emit('{"version":6}')
    expect(updates).toBe(2)
    stop()
    expect(FakeSource.opened[0]!.closed).toBe(true)
    FakeSource.opened[0]!.emit('{"version":7}')
    expect(updates).toBe(2)
  })

  for (const [name, status, body] of [
    ['a static server (404)', 404, 'Not found'],
    ['an answer without review: true', 200, { review: false }],
    ['an answer that is not JSON', 200, '<html>']
  ] as const) {
    it(`connectLive stays quiet with ${name}`, async () => {
      FakeSource.opened = []
      const { fetch } = answering(status, body)
      connectLive(() => undefined, { fetch, EventSource: FakeSource })
      await settle()
      expect(FakeSource.opened).toEqual([])
    })
  }

  it('connectLive stays quiet when fetch fails (a page opened from file://)', async () => {
    FakeSource.opened = []
    connectLive(() => undefined, { fetch: () => Promise.reject(new TypeError('Failed to fetch')), EventSource: FakeSource })
    await settle()
    expect(FakeSource.opened).toEqual([])
  })

  it('stopping before ./api/status answers never opens the stream', async () => {
    FakeSource.opened = []
    const { fetch } = answering(200, { review: true, version: 0 })
    const stop = connectLive(() => undefined, { fetch, EventSource: FakeSource })
    stop()
    await settle()
    expect(FakeSource.opened).toEqual([])
  })
})
