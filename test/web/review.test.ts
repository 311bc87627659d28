/**
 * The page's review pieces without a browser: the controls in a jsdom
 * document (what they send, what they show), the form's wait and correction
 * rules, the API client against canned answers, and re-reading `data.js`.
 */
import { JSDOM } from 'jsdom'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Claim } from '../../src/schema.ts'
import { siteDataScript, type SiteData } from '../../src/site/data.ts'
import { fetchSiteData, parseDataScript, replaceClaim } from '../../web/data.ts'
import { pageModel } from '../../web/model.ts'
import { reviewAvailable, sendReview, type ReviewRequest, type ReviewResult } from '../../web/review-api.ts'
import { correctionOf, createReview, readWait, reviewerKey, statusWords } from '../../web/review.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData
const { window } = new JSDOM('<!doctype html><html><body></body></html>')
const { document } = window

beforeAll(async () => {
  data = await fixtureData()
})

function claim(id: string): Claim {
  const found = data.files.flatMap((f) => f.claims).find((c) => c.id === id)
  if (!found) throw new Error(`no claim ${id} in the fixture`)
  return found
}

/** A `Storage` stand-in backed by a Map. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial))
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map }
}

/** Controls for a claim whose submit records the request and answers with `answer`. */
function controlsFor(id: string, answer: (r: ReviewRequest) => ReviewResult, storage = memoryStorage()) {
  const sent: ReviewRequest[] = []
  const controls = createReview(document, 'clinic-guide', claim(id), {
    topics: data.topics,
    conditions: data.conditions,
    storage,
    submit: async (request) => {
      sent.push(request)
      return answer(request)
    }
  })
  document.body.replaceChildren(controls.element)
  const $ = <T extends HTMLElement>(sel: string) => controls.element.querySelector(sel) as T
  const settle = () => new Promise((ok) => setTimeout(ok, 0))
  return { controls, sent, $, settle, storage }
}

const stored = (request: ReviewRequest, base: Claim): ReviewResult => ({ ok: true, claim: { ...base, review: request.review } as Claim })

describe('createReview', () => {
  test("createReview(doc, 'clinic-guide', claim, options) fills the form with the values in force and labels every control", () => {
    const { $ } = controlsFor('clinic-makeup', () => ({ ok: false, error: 'unused' }))
    expect($<HTMLInputElement>('#review-min').value).toBe('24')
    expect($<HTMLInputElement>('#review-max').value).toBe('48')
    expect($<HTMLSelectElement>('#review-stance').value).toBe('avoid')
    expect($<HTMLSelectElement>('#review-topic').value).toBe('makeup')
    expect($<HTMLSelectElement>('#review-condition').value).toBe('')
    expect($('#review-current').textContent).toBe('Now: unreviewed')
    expect($('#review-wait-words').textContent).toBe('= 24–48 h')
    expect($<HTMLButtonElement>('#review-reset').hidden).toBe(true)
    for (const control of document.querySelectorAll('#review input, #review select')) {
      expect(document.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull()
    }
  })

  test('Confirm sends {status: confirmed} with the name and note, remembers the name and shows the result', async () => {
    const storage = memoryStorage()
    const { $, sent, settle } = controlsFor('clinic-sauna', (r) => stored(r, claim('clinic-sauna')), storage)
    $<HTMLInputElement>('#review-by').value = 'Ana'
    $<HTMLInputElement>('#review-note').value = '  checked the clinic page  '
    $<HTMLButtonElement>('#review-confirm').click()
    expect($('#review-status').textContent).toBe('Saving…')
    await settle()
    expect(sent).toEqual([{ source: 'clinic-guide', id: 'clinic-sauna', review: { status: 'confirmed', note: 'checked the clinic page', by: 'Ana' } }])
    expect($('#review-status').textContent).toBe('Saved: confirmed by Ana — “checked the clinic page”.')
    expect($('#review-current').textContent).toBe('Now: confirmed by Ana — “checked the clinic page”')
    expect($<HTMLButtonElement>('#review-reset').hidden).toBe(false)
    expect(storage.map.get(reviewerKey)).toBe('Ana')
  })

  test('the remembered name fills "Your name"; an empty name and note are left out of the request', async () => {
    const { $, sent, settle } = controlsFor('clinic-sauna', (r) => stored(r, claim('clinic-sauna')), memoryStorage({ [reviewerKey]: 'Mia' }))
    expect($<HTMLInputElement>('#review-by').value).toBe('Mia')
    $<HTMLInputElement>('#review-by').value = ''
    $<HTMLButtonElement>('#review-reject').click()
    await settle()
    expect(sent[0]!.review).toEqual({ status: 'rejected' })
    expect($('#review-status').textContent).toBe('Saved: rejected. It no longer counts in the chart.')
  })

  test('Save correction sends only the changed fields, keeping the source words of the wait', async () => {
    const { $, sent, settle } = controlsFor('clinic-makeup', (r) => stored(r, claim('clinic-makeup')))
    $<HTMLInputElement>('#review-min').value = '12'
    $<HTMLInputElement>('#review-max').value = ''
    $<HTMLSelectElement>('#review-condition').value = 'deep'
    $<HTMLFormElement>('#review-form').requestSubmit()
    await settle()
    expect(sent[0]!.review).toEqual({ status: 'corrected', corrected: { wait: { min: 12, max: null, text: '24 to 48 hours' }, condition: 'deep' } })
    expect($('#review-status').textContent).toBe('Saved: corrected to avoid 12 h or more (deep).')
    expect($<HTMLInputElement>('#review-min').value).toBe('12')
  })

  test('a correction that changes nothing, or a bad wait, is not sent and says why', async () => {
    const { $, sent, settle } = controlsFor('clinic-makeup', (r) => stored(r, claim('clinic-makeup')))
    $<HTMLFormElement>('#review-form').requestSubmit()
    await settle()
    expect($('#review-status').textContent).toBe('Nothing to correct: these are the extracted values. Use Confirm to accept them.')
    $<HTMLInputElement>('#review-min').value = '72'
    $<HTMLFormElement>('#review-form').requestSubmit()
    await settle()
    expect($('#review-status').textContent).toBe('Not saved: Min (72 h) is more than Max (48 h)')
    expect($('#review-status').dataset.kind).toBe('error')
    expect(sent).toEqual([])
  })

  test("the server's error is shown as text and the form keeps what the editor typed", async () => {
    const { $, settle } = controlsFor('clinic-makeup', () => ({ ok: false, error: 'Unexpected claim `x` <b>' }))
    $<HTMLInputElement>('#review-max').value = '36'
    $<HTMLFormElement>('#review-form').requestSubmit()
    await settle()
    expect($('#review-status').textContent).toBe('Not saved: Unexpected claim `x` <b>')
    expect($('#review-status').children).toHaveLength(0)
    expect($<HTMLInputElement>('#review-max').value).toBe('36')
  })

  test('update(claim) refreshes the form unless the editor is typing in it', () => {
    const { controls, $ } = controlsFor('clinic-makeup', () => ({ ok: false, error: 'unused' }))
    const confirmed = { ...claim('clinic-makeup'), review: { status: 'confirmed' as const, by: 'Li' } }
    controls.update(confirmed)
    expect($('#review-current').textContent).toBe('Now: confirmed by Li')
    $<HTMLInputElement>('#review-min').value = '30'
    $('#review-form').dispatchEvent(new window.Event('input', { bubbles: true }))
    controls.update({ ...confirmed, review: { status: 'unreviewed' } })
    expect($('#review-current').textContent).toBe('Now: unreviewed')
    expect($<HTMLInputElement>('#review-min').value).toBe('30')
  })
})

describe('review form rules', () => {
  test("readWait('24', '48', '1 to 2 days')", () => {
    expect(readWait('24', '48', '1 to 2 days')).toEqual({ wait: { min: 24, max: 48, text: '1 to 2 days' } })
    expect(readWait('72', '', null)).toEqual({ wait: { min: 72, max: null, text: null } })
    expect(readWait('', '', 'until healed')).toEqual({ wait: { min: null, max: null, text: 'until healed' } })
    expect(readWait('', '48', null)).toEqual({ error: 'Max is set but Min is empty: give Min too (Max alone cannot be drawn)' })
    expect(readWait('-1', '', null)).toEqual({ error: 'Unexpected `-1` for Min, expected a number of hours (0 or more)' })
    expect(readWait('1', 'soon', null)).toEqual({ error: 'Unexpected `soon` for Max, expected a number of hours (0 or more)' })
  })

  test('correctionOf(stored, values) keeps only what differs from the extracted claim', () => {
    const c = claim('clinic-exercise')
    const same = { wait: { min: 72, max: 72 }, stance: 'avoid' as const, topic: 'exercise', condition: null }
    expect(correctionOf(c, same)).toBeUndefined()
    expect(correctionOf(c, { ...same, wait: { min: 48, max: 48 } })).toEqual({ wait: { min: 48, max: 48, text: '72 hours' } })
    expect(correctionOf(c, { ...same, stance: 'allowed', topic: 'sweating', condition: 'intense' })).toEqual({ stance: 'allowed', topic: 'sweating', condition: 'intense' })
  })

  test('statusWords(claim) names the status, the corrected values, who and the note', () => {
    expect(statusWords(claim('clinic-exercise'))).toBe('confirmed by Mia')
    const corrected = { ...claim('clinic-sauna'), review: { status: 'corrected' as const, by: 'Ana', note: 'typo', corrected: { wait: { min: 24, max: 24, text: null } } } }
    expect(statusWords(corrected)).toBe('corrected to avoid 24 h by Ana — “typo”')
  })
})

/** A fetch that answers every request with one canned response and records the requests. */
function cannedFetch(status: number, body: string, contentType = 'application/json') {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const fetchImpl = async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    return new Response(body, { status, headers: { 'Content-Type': contentType } })
  }
  return { fetchImpl, calls }
}

describe('review API client', () => {
  test('reviewAvailable() is true only for {"review": true}', async () => {
    expect(await reviewAvailable(cannedFetch(200, '{"review":true}').fetchImpl)).toBe(true)
    expect(await reviewAvailable(cannedFetch(200, '{"review":false}').fetchImpl)).toBe(false)
    expect(await reviewAvailable(cannedFetch(404, 'Not found\n', 'text/plain').fetchImpl)).toBe(false)
    expect(await reviewAvailable(cannedFetch(200, '<!doctype html>', 'text/html').fetchImpl)).toBe(false)
    expect(await reviewAvailable(async () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false)
  })

  test('sendReview(request) posts JSON to ./api/review and returns the stored claim', async () => {
    const updated = { ...claim('clinic-sauna'), review: { status: 'confirmed', by: 'Ana' } }
    const request: ReviewRequest = { source: 'clinic-guide', id: 'clinic-sauna', review: { status: 'confirmed', by: 'Ana' } }
    const { fetchImpl, calls } = cannedFetch(200, JSON.stringify({ claim: updated }))
    expect(await sendReview(request, fetchImpl)).toEqual({ ok: true, claim: updated })
    expect(calls[0]!.url).toBe('./api/review')
    expect(calls[0]!.init?.method).toBe('POST')
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual(request)
    expect(await sendReview(request, cannedFetch(200, JSON.stringify(updated)).fetchImpl)).toEqual({ ok: true, claim: updated })
  })

  test("sendReview(request) reports the server's error, a bad answer and an unreachable server in one line", async () => {
    const request: ReviewRequest = { source: 'clinic-guide', id: 'clinic-sauna', review: { status: 'confirmed' } }
    expect(await sendReview(request, cannedFetch(404, '{"error":"Unexpected claim `nope` in `clinic-guide`"}').fetchImpl)).toEqual({ ok: false, error: 'Unexpected claim `nope` in `clinic-guide`' })
    expect(await sendReview(request, cannedFetch(500, 'Internal error\n', 'text/plain').fetchImpl)).toEqual({ ok: false, error: 'Internal error' })
    expect(await sendReview(request, cannedFetch(200, '{"claim":{"id":"clinic-sauna"}}').fetchImpl)).toEqual({ ok: false, error: 'Unexpected answer from the server: expected the updated claim' })
    expect(await sendReview(request, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ ok: false, error: 'Could not reach the server: Failed to fetch' })
  })
})

describe('data.js again', () => {
  test('parseDataScript(siteDataScript(data)) gives the same data, hostile text included', () => {
    expect(parseDataScript(siteDataScript(data))).toEqual(JSON.parse(JSON.stringify(data)))
    expect(() => parseDataScript('alert(1)')).toThrow('Unexpected data script')
    expect(() => parseDataScript('window.__CLAIMRANGE_DATA__ = {"files":[]};\n')).toThrow('expected an object with')
  })

  test('fetchSiteData(url, fetch) asks for a new URL every time, bypassing the cache', async () => {
    const { fetchImpl, calls } = cannedFetch(200, siteDataScript(data), 'text/javascript')
    await fetchSiteData('./data.js', fetchImpl)
    await fetchSiteData('./data.js', fetchImpl)
    expect(calls[0]!.url).toMatch(/^\.\/data\.js\?v=[0-9a-z]+-\d+$/)
    expect(calls[1]!.url).not.toBe(calls[0]!.url)
    expect(calls[0]!.init?.cache).toBe('no-store')
    await expect(fetchSiteData('./data.js', cannedFetch(404, 'Not found').fetchImpl)).rejects.toThrow('Unexpected answer 404 for ./data.js')
  })

  test("replaceClaim(data, 'clinic-guide', claim) swaps one claim and moves the consensus", () => {
    const before = consensusOf(data).topics.find((t) => t.topic === 'sauna' && t.condition === null)!
    const corrected = { ...claim('clinic-sauna'), review: { status: 'corrected' as const, corrected: { wait: { min: 24, max: 24, text: '48 hours' } } } }
    const next = replaceClaim(data, 'clinic-guide', corrected)!
    expect(next.files.find((f) => f.source === 'clinic-guide')!.claims.find((c) => c.id === 'clinic-sauna')).toBe(corrected)
    expect(data.files.find((f) => f.source === 'clinic-guide')!.claims.find((c) => c.id === 'clinic-sauna')!.review.status).toBe('unreviewed')
    const after = consensusOf(next).topics.find((t) => t.topic === 'sauna' && t.condition === null)!
    expect(after.consensus).not.toEqual(before.consensus)
    expect(replaceClaim(data, 'derm-blog', corrected)).toBeUndefined()
  })

  test('pageModel(data, report).claims keeps a rejected claim, not counted, for the panel', () => {
    const rejected = replaceClaim(data, 'clinic-guide', { ...claim('clinic-sauna'), review: { status: 'rejected' } })!
    const view = pageModel(rejected, consensusOf(rejected)).claims.get('clinic-guide/clinic-sauna')!
    expect(view.sourceTitle).toBe('Clinic aftercare guide')
    expect(view.stored.review.status).toBe('rejected')
    expect(view.counted).toBe(false)
    expect(pageModel(data, consensusOf(data)).claims.get('quick-tips/quick-exercise')!.outlier).toMatch(/2 h/)
    expect(pageModel(data, consensusOf(data)).claims.get('nope/nope')).toBeUndefined()
  })
})
