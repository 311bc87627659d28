/**
 * The review API over real HTTP on 127.0.0.1, on a temp copy of the corpus.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readClaimsFile } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { effectiveClaim, type Claim } from '../../src/schema.ts'
import { createLiveApi, formatReviewEvent, type LiveApi, type ReviewEvent } from '../../src/site/api.ts'
import { writeSiteData } from '../../src/site/build.ts'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'
import { openEvents, postReview, send, tempProject, waitFor, type TempProject } from './helpers.ts'

const vocabulary = await readVocabulary()
const source = 'exercise-after-skin-needling'

let project: TempProject
let api: LiveApi
let site: RunningSite
let reviews: ReviewEvent[]
let claimsFile: string
let target: Claim

beforeEach(async () => {
  project = await tempProject('claimrange-api-')
  await writeSiteData({ sourcesDir: project.sources, claimsDir: project.claims, outDir: project.out, vocabulary })
  reviews = []
  api = createLiveApi({ sourcesDir: project.sources, claimsDir: project.claims, outDir: project.out, vocabulary, onReview: (e) => void reviews.push(e) })
  site = await serveSite({ dir: project.out, routes: api.routes })
  claimsFile = join(project.claims, `${source}.yaml`)
  target = (await readClaimsFile(claimsFile)).data!.claims.find((c) => c.topic === 'exercise' && c.wait.min === 72)!
})

afterEach(async () => {
  api.close()
  await site.close()
  await project.remove()
})

/** Read the claims file back, validated against the claims format. */
async function stored(id = target.id): Promise<Claim> {
  const read = await readClaimsFile(claimsFile)
  expect(read.messages).toEqual([])
  return read.data!.claims.find((c) => c.id === id)!
}

describe('GET /api/status', () => {
  it('GET /api/status answers {"review": true} with the version', async () => {
    const answer = await send(site.url, 'GET', '/api/status')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.json).toEqual({ review: true, version: 0 })
  })

  it('a static server without the API answers 404: the build stays read-only', async () => {
    const plain = await serveSite({ dir: project.out })
    try {
      expect((await send(plain.url, 'GET', '/api/status')).status).toBe(404)
      expect((await postReview(plain.url, { source, id: target.id, review: { status: 'confirmed' } })).status).toBe(405)
    } finally {
      await plain.close()
    }
  })
})

describe('POST /api/review', () => {
  it('confirm: writes the review to the YAML, rewrites data.js, notifies the page, answers the claim', async () => {
    const events = await openEvents(site.url)
    expect(events.status).toBe(200)
    expect(events.type).toBe('text/event-stream; charset=utf-8')
    const dataBefore = await readFile(join(project.out, 'data.js'), 'utf8')

    const answer = await postReview(site.url, { source, id: target.id, review: { status: 'confirmed', by: 'AB', note: 'checked against the article' } })
    expect(answer.status).toBe(200)
    const body = answer.json as { claim: Claim; version: number }
    expect(body.version).toBe(1)
    expect(body.claim.id).toBe(target.id)
    expect(body.claim.review).toEqual({ status: 'confirmed', note: 'checked against the article', by: 'AB' })

    const claim = await stored()
    expect(claim.review).toEqual({ status: 'confirmed', note: 'checked against the article', by: 'AB' })
    expect({ ...claim, review: target.review, context: undefined }).toEqual({ ...target, context: undefined })
    // The context that fuzzy re-anchoring needs, taken from the unchanged source.
    const text = await readFile(join(project.sources, `${source}.md`), 'utf8')
    expect(claim.context).toEqual({ before: text.slice(target.span.start - 60, target.span.start), after: text.slice(target.span.end, target.span.end + 60) })

    // The answer comes first; data.js is rewritten before the pages are told.
    await waitFor(() => events.events().length === 1, 'the SSE event')
    expect(events.text()).toContain('id: 1\ndata: {"version":1}\n\n')
    const dataAfter = await readFile(join(project.out, 'data.js'), 'utf8')
    expect(dataAfter).not.toBe(dataBefore)
    expect(dataAfter).toContain('"note":"checked against the article"')
    events.close()

    expect(reviews).toHaveLength(1)
    expect(formatReviewEvent(reviews[0]!)).toBe(`review: ${target.id} in ${source} confirmed by AB\nNo change in the consensus.`)
  })

  it('confirm twice: the second answer keeps the version and writes nothing', async () => {
    const review = { status: 'confirmed', by: 'AB' }
    expect((await postReview(site.url, { source, id: target.id, review })).status).toBe(200)
    const bytes = await readFile(claimsFile, 'utf8')
    const again = await postReview(site.url, { source, id: target.id, review })
    expect(again.status).toBe(200)
    expect((again.json as { version: number }).version).toBe(1)
    expect(await readFile(claimsFile, 'utf8')).toBe(bytes)
    expect(api.version).toBe(1)
  })

  it('correct: wait and stance are stored in review.corrected and the consensus moves', async () => {
    const corrected = { wait: { min: 168, max: 168, text: '1 week' }, condition: 'deep' }
    const answer = await postReview(site.url, { source, id: target.id, review: { status: 'corrected', by: 'AB', corrected } })
    expect(answer.status).toBe(200)
    const claim = await stored()
    expect(claim.review).toEqual({ status: 'corrected', by: 'AB', corrected: { wait: { min: 168, max: 168, text: '1 week' }, condition: 'deep' } })
    expect(claim.wait).toEqual(target.wait)
    expect(effectiveClaim(claim).wait.min).toBe(168)
    expect(effectiveClaim(claim).condition).toBe('deep')
    const diff = reviews[0]!.diff
    expect(diff.rows.find((r) => r.topic === 'exercise' && r.condition === 'deep')!.claimsAdded).toEqual([{ source, id: target.id }])
  })

  it('reject, then undo with status unreviewed', async () => {
    expect((await postReview(site.url, { source, id: target.id, review: { status: 'rejected', note: 'not about microneedling' } })).status).toBe(200)
    expect((await stored()).review).toEqual({ status: 'rejected', note: 'not about microneedling' })
    expect(reviews[0]!.diff.rows.find((r) => r.topic === 'exercise' && r.condition === null)!.claimsRemoved).toEqual([{ source, id: target.id }])

    expect((await postReview(site.url, { source, id: target.id, review: { status: 'unreviewed' } })).status).toBe(200)
    const undone = await stored()
    expect(undone.review).toEqual({ status: 'unreviewed' })
    expect(undone.context).toBeUndefined()
    expect(api.version).toBe(2)
  })

  const invalid: [string, unknown][] = [
    ['a body that is not JSON', '{"source": "x", '],
    ['an array', []],
    ['no review', { source, id: 'ID' }],
    ['an unknown status', { source, id: 'ID', review: { status: 'approved' } }],
    ['status corrected without corrected fields', { source, id: 'ID', review: { status: 'corrected' } }],
    ['corrected fields with status confirmed', { source, id: 'ID', review: { status: 'confirmed', corrected: { wait: { min: 1, max: 1, text: null } } } }],
    ['a corrected wait with min > max', { source, id: 'ID', review: { status: 'corrected', corrected: { wait: { min: 72, max: 24, text: null } } } }],
    ['a corrected topic that is not a slug', { source, id: 'ID', review: { status: 'corrected', corrected: { topic: 'Hot Tubs' } } }],
    ['a correction of a field editors may not correct', { source, id: 'ID', review: { status: 'corrected', corrected: { quote: 'x' } } }],
    ['an unknown review field', { source, id: 'ID', review: { status: 'confirmed', sure: true } }],
    ['an unknown top-level field', { source, id: 'ID', review: { status: 'confirmed' }, extra: 1 }],
    ['a note that is a number', { source, id: 'ID', review: { status: 'confirmed', note: 5 } }],
    ['a source that is not a string', { source: ['a'], id: 'ID', review: { status: 'confirmed' } }]
  ]
  for (const [name, body] of invalid) {
    it(`POST /api/review with ${name} → 400, files untouched`, async () => {
      const yaml = await readFile(claimsFile)
      const data = await readFile(join(project.out, 'data.js'))
      const payload = typeof body === 'string' ? body : JSON.parse(JSON.stringify(body).replace('"ID"', JSON.stringify(target.id)))
      const answer = await postReview(site.url, payload)
      expect(answer.status).toBe(400)
      const error = (answer.json as { error: string }).error
      expect(typeof error).toBe('string')
      expect(error).not.toContain('\n')
      expect(await readFile(claimsFile)).toEqual(yaml)
      expect(await readFile(join(project.out, 'data.js'))).toEqual(data)
      expect(api.version).toBe(0)
    })
  }

  it('POST /api/review: the error names the field', async () => {
    const answer = await postReview(site.url, { source, id: target.id, review: { status: 'approved' } })
    expect((answer.json as { error: string }).error).toMatch(/^`review\.status`: /)
  })

  it('POST /api/review for an unknown source or claim → 404', async () => {
    for (const [s, id, error] of [
      ['no-such-source', target.id, 'No claims file for source `no-such-source`'],
      ['../claims/' + source, target.id, `No claims file for source \`../claims/${source}\``],
      [source, 'exercise-00000000', `No claim \`exercise-00000000\` in \`${claimsFile}\``]
    ] as const) {
      const answer = await postReview(site.url, { source: s, id, review: { status: 'confirmed' } })
      expect(answer.status).toBe(404)
      expect(answer.json).toEqual({ error })
    }
  })

  it('POST /api/review with a broken claims file → 409 naming file:line, file untouched', async () => {
    const broken = 'source: exercise-after-skin-needling\nclaims: [\n'
    await writeFile(claimsFile, broken)
    const answer = await postReview(site.url, { source, id: target.id, review: { status: 'confirmed' } })
    expect(answer.status).toBe(409)
    expect((answer.json as { error: string }).error).toMatch(new RegExp(`^${claimsFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: Invalid YAML`))
    expect(await readFile(claimsFile, 'utf8')).toBe(broken)
  })

  it('POST /api/review without a JSON content type → 415', async () => {
    const answer = await postReview(site.url, { source, id: target.id, review: { status: 'confirmed' } }, { 'Content-Type': 'text/plain' })
    expect(answer.status).toBe(415)
  })

  it('POST /api/review with a body over 16 KiB → 413, declared or streamed', async () => {
    const yaml = await readFile(claimsFile)
    const big = JSON.stringify({ source, id: target.id, review: { status: 'confirmed', note: 'x'.repeat(17000) } })
    expect((await postReview(site.url, big)).status).toBe(413)
    const chunks = [big.slice(0, 8000), big.slice(8000, 16000), big.slice(16000)]
    const streamed = await send(site.url, 'POST', '/api/review', { headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body: chunks })
    expect(streamed.status).toBe(413)
    expect(await readFile(claimsFile)).toEqual(yaml)
  })

  it('GET /api/review → 405; an unknown API path → 404', async () => {
    const get = await send(site.url, 'GET', '/api/review')
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    expect((await send(site.url, 'GET', '/api/nope')).status).toBe(404)
  })
})

describe('who may post', () => {
  const refused: [string, Record<string, string>][] = [
    ['another site (Origin)', { Origin: 'http://evil.example' }],
    ['another port on this machine (Origin)', { Origin: 'http://127.0.0.1:1' }],
    ['a rebound host name (Host)', { Host: 'evil.example', Origin: 'http://evil.example' }],
    ['a cross-site fetch (Sec-Fetch-Site)', { 'Sec-Fetch-Site': 'cross-site' }]
  ]
  for (const [name, headers] of refused) {
    it(`POST /api/review from ${name} → 403, file untouched`, async () => {
      const yaml = await readFile(claimsFile)
      const answer = await postReview(site.url, { source, id: target.id, review: { status: 'rejected' } }, headers)
      expect(answer.status).toBe(403)
      expect((answer.json as { error: string }).error).toMatch(/^Refused: /)
      expect(await readFile(claimsFile)).toEqual(yaml)
      expect(api.version).toBe(0)
    })
  }

  it('POST /api/review from the page itself (same Origin, Sec-Fetch-Site: same-origin) and from a local script (no Origin)', async () => {
    expect((await postReview(site.url, { source, id: target.id, review: { status: 'confirmed' } }, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
    const script = await send(site.url, 'POST', '/api/review', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source, id: target.id, review: { status: 'rejected' } })
    })
    expect(script.status).toBe(200)
    expect((await stored()).review.status).toBe('rejected')
  })
})

describe('GET /api/events', () => {
  it('GET /api/events?version=0 after an update sends the current version at once', async () => {
    api.notify()
    api.notify()
    const stale = await openEvents(site.url, '/api/events?version=0')
    await waitFor(() => stale.events().length === 1, 'the catch-up event')
    expect(stale.events()).toEqual([{ version: 2 }])
    const current = await openEvents(site.url, '/api/events', { 'Last-Event-ID': '2' })
    await waitFor(() => api.clients === 2, 'two connected pages')
    api.notify()
    await waitFor(() => current.events().length === 1 && stale.events().length === 2, 'the next event on both streams')
    expect(current.events()).toEqual([{ version: 3 }])
    stale.close()
    current.close()
    await waitFor(() => api.clients === 0, 'the streams to close')
  })
})
