import { Document, isMap, isSeq, Scalar, YAMLMap } from 'yaml'
import type { Claim, ClaimsFile, Review, Wait } from '../schema.ts'

/**
 * Serialize a claims file deterministically: fixed key order, one claim per
 * block, small records (`wait`, `span`, `context`, `review`, `rules`) on one line, quotes
 * and context text in double quotes, no line folding, trailing newline. Re-serializing the same
 * data gives the same bytes, so a git diff of `claims/` shows only what changed.
 *
 * @param data Claims file to write.
 * @returns YAML text.
 * @example
 * serializeClaims({source: 'a', digest: '0'.repeat(64), claims: []})
 * // 'source: a\ndigest: 000…\nclaims: []\n'
 */
export function serializeClaims(data: ClaimsFile): string {
  const doc = new Document({
    source: data.source,
    digest: data.digest,
    claims: data.claims.map(orderClaim)
  })
  const claims = doc.get('claims', true)
  if (!isSeq(claims)) throw new Error('unreachable: claims is a sequence')
  for (const item of claims.items) {
    if (!isMap(item)) continue
    for (const key of ['wait', 'span', 'context', 'review', 'rules']) {
      const node = item.get(key, true)
      if (isMap(node) || isSeq(node)) node.flow = true
    }
    const context = item.get('context', true)
    if (isMap(context)) {
      for (const pair of context.items) if (pair.value instanceof Scalar) pair.value.type = Scalar.QUOTE_DOUBLE
    }
    const review = item.get('review', true)
    if (review instanceof YAMLMap) {
      const corrected = review.get('corrected', true)
      if (isMap(corrected)) corrected.flow = true
    }
    const quote = item.get('quote', true)
    if (quote instanceof Scalar) quote.type = Scalar.QUOTE_DOUBLE
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, doubleQuotedAsJSON: true })
}

function orderWait(wait: Wait): Wait {
  const out: Wait = { min: wait.min, max: wait.max, text: wait.text }
  if (wait.vague) out.vague = true
  return out
}

function orderReview(review: Review): Review {
  const out: Review = { status: review.status }
  if (review.note !== undefined) out.note = review.note
  if (review.by !== undefined) out.by = review.by
  if (review.corrected !== undefined) {
    const c = review.corrected
    const corrected: NonNullable<Review['corrected']> = {}
    if (c.topic !== undefined) corrected.topic = c.topic
    if (c.activity !== undefined) corrected.activity = c.activity
    if (c.stance !== undefined) corrected.stance = c.stance
    if (c.wait !== undefined) corrected.wait = orderWait(c.wait)
    if (c.condition !== undefined) corrected.condition = c.condition
    if (c.speaker !== undefined) corrected.speaker = c.speaker
    out.corrected = corrected
  }
  return out
}

/** Copy a claim with its keys in contract order. */
function orderClaim(claim: Claim): Claim {
  const out: Claim = {
    id: claim.id,
    topic: claim.topic,
    activity: claim.activity,
    ...(claim.unlisted ? { unlisted: true as const } : {}),
    stance: claim.stance,
    wait: orderWait(claim.wait),
    condition: claim.condition,
    speaker: claim.speaker,
    quote: claim.quote,
    span: { start: claim.span.start, end: claim.span.end, line: claim.span.line },
    ...(claim.context ? { context: { before: claim.context.before, after: claim.context.after } } : {}),
    review: orderReview(claim.review)
  }
  if (claim.status) out.status = claim.status
  if (claim.rules) out.rules = [...claim.rules]
  return out
}
