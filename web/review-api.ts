/**
 * The page's side of the local review API that `npm start` serves beside the
 * chart: `GET ./api/status` says whether reviewing is possible, `POST
 * ./api/review` records a decision in the claims file. The static build (and
 * a page opened from `file://`) has no API: the page stays read-only.
 */
import { claimSchema, type Claim, type Correction, type ReviewStatus } from '../src/schema.ts'
import type { Fetch } from './data.ts'

/** What the page sends to record a review. */
export interface ReviewRequest {
  /** Source id: the claim lives in `claims/<source>.yaml`. */
  source: string
  /** Claim id. */
  id: string
  review: {
    status: ReviewStatus
    note?: string
    by?: string
    /** The editor's values, for `status: 'corrected'`. */
    corrected?: Correction
  }
}

/** What came of a review request. */
export type ReviewResult = { ok: true; claim: Claim } | { ok: false; error: string }

const defaultFetch: Fetch = (input, init) => fetch(input, init)

/**
 * Ask whether the page is served with the review API.
 *
 * @param fetchImpl Fetch function (default: the page's `fetch`).
 * @returns `true` only when `./api/status` answers 200 with `{"review": true}`;
 *   `false` for a 404, a static server, `file://` or any network error.
 * @example
 * if (await reviewAvailable()) showReviewControls()
 */
export async function reviewAvailable(fetchImpl: Fetch = defaultFetch): Promise<boolean> {
  try {
    const response = await fetchImpl('./api/status', { cache: 'no-store', headers: { Accept: 'application/json' } })
    if (!response.ok) return false
    const body = (await response.json()) as unknown
    return typeof body === 'object' && body !== null && (body as { review?: unknown }).review === true
  } catch {
    return false
  }
}

/**
 * Send a review to the server.
 *
 * Decision: a 200 answer is accepted when its body is a valid claim (by the
 * claims format) with the requested id, either bare or as `{claim: …}`;
 * anything else is reported as an error, so the page never draws a claim it
 * could not check.
 *
 * @param request Source, claim id and review.
 * @param fetchImpl Fetch function (default: the page's `fetch`).
 * @returns The stored claim, or the server's error in one line (`error`
 *   field of a JSON answer, else its text, else the HTTP status).
 * @example
 * const result = await sendReview({source: 'clinic-guide', id: 'clinic-sauna', review: {status: 'confirmed', by: 'Ana'}})
 * if (!result.ok) status.textContent = result.error
 */
export async function sendReview(request: ReviewRequest, fetchImpl: Fetch = defaultFetch): Promise<ReviewResult> {
  let response: Response
  try {
    response = await fetchImpl('./api/review', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request)
    })
  } catch (error) {
    return { ok: false, error: `Could not reach the server: ${(error as Error).message}` }
  }
  const text = await response.text().catch(() => '')
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) {
    const message = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : text.trim()
    return { ok: false, error: oneLine(message) || `The server answered ${response.status} ${response.statusText}`.trim() }
  }
  const candidate = body && typeof body === 'object' && 'claim' in body ? (body as { claim: unknown }).claim : body
  const parsed = claimSchema.safeParse(candidate)
  if (!parsed.success || parsed.data.id !== request.id) return { ok: false, error: 'Unexpected answer from the server: expected the updated claim' }
  return { ok: true, claim: parsed.data }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300)
}
