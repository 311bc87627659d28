/**
 * Record an editor's review of one claim in its claims file: read it,
 * change that claim's `review`, check the whole file against the claims
 * format again, and write it atomically under the claims folder's lock.
 * The review API of `npm start` (`site/api.ts`) calls this; so can any
 * other tool.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { contextOf } from '../anchor/text.ts'
import type { Message } from '../message.ts'
import { listFiles, parseClaims, readClaimsFile } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { readSource } from '../read/source.ts'
import { reviewSchema, type Claim, type ClaimsFile, type Review } from '../schema.ts'
import { withLock, writeFileAtomic } from './atomic.ts'
import { serializeClaims } from './serialize.ts'

/** Options of {@link setReview}. */
export interface ReviewOptions {
  /** Folder of claims files. */
  claimsDir: string
  /**
   * Folder of sources (optional): when given, a claim that becomes reviewed
   * gets its `context` from the unchanged source, so it can be re-anchored
   * after a later edit of the source.
   */
  sourcesDir?: string | undefined
  /** Source id: the claims file is `<claimsDir>/<source>.yaml` (or `.yml`). */
  source: string
  /** Claim id within that file. */
  id: string
  /** The editor's decision; validated with `reviewSchema`. */
  review: Review
  /** How long to wait for another run's lock, in ms (default: 30000). */
  lockWaitMs?: number
}

/** What {@link setReview} did. */
export type ReviewOutcome =
  | {
      kind: 'updated'
      /** Path of the claims file. */
      file: string
      /** The claim as written. */
      claim: Claim
      /** The file before and after. */
      before: ClaimsFile
      after: ClaimsFile
      /** Whether the bytes changed (`false`: the same review was recorded already, nothing written). */
      written: boolean
    }
  /** No such source or claim; nothing written. */
  | { kind: 'not-found'; reason: string }
  /** The review or the resulting file does not fit the claims format; nothing written. */
  | { kind: 'invalid'; reason: string }
  /** The claims file is broken (an editor's hand edit); nothing written. */
  | { kind: 'unusable'; file: string; messages: Message[] }

/**
 * Set the review of one claim.
 *
 * Decisions:
 * - The claims file is found by name among the folder's `*.yaml`/`*.yml`
 *   files, so a `source` such as `../x` never reaches outside the folder.
 * - `corrected` is only kept with status `corrected` (the API refuses it
 *   otherwise); setting `unreviewed` removes the stored `context`, as a
 *   fresh extraction would.
 * - A claim that becomes reviewed and lacks `context` gets it from the
 *   source when the source is unchanged since extraction (same digest, the
 *   quote at its span); otherwise it stays without one.
 * - An orphaned claim can be reviewed; it stays orphaned.
 *
 * @param options See {@link ReviewOptions}.
 * @returns What happened (see {@link ReviewOutcome}); problems in content are values, not exceptions.
 * @throws {Error} When the lock cannot be had in time.
 * @example
 * const outcome = await setReview({claimsDir: 'claims', source: 'sweat-after-microneedling', id: 'exercise-5b1f0c2a', review: {status: 'confirmed', by: 'AB'}})
 * outcome.kind // 'updated'
 */
export async function setReview(options: ReviewOptions): Promise<ReviewOutcome> {
  const checked = reviewSchema.safeParse(options.review)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    return { kind: 'invalid', reason: `${issue.path.length > 0 ? `\`review.${issue.path.join('.')}\`: ` : '`review`: '}${issue.message}` }
  }
  const review = checked.data
  if (review.status !== 'corrected' && review.corrected !== undefined) {
    return { kind: 'invalid', reason: '`review.corrected`: expected only with status `corrected`' }
  }
  const name = await claimsFileName(options.claimsDir, options.source)
  if (!name) return { kind: 'not-found', reason: `No claims file for source \`${options.source}\`` }
  const file = join(options.claimsDir, name)
  return withLock(
    options.claimsDir,
    async (): Promise<ReviewOutcome> => {
      const read = await readClaimsFile(file)
      if (!read.data) return { kind: 'unusable', file, messages: read.messages }
      const before = read.data
      const index = before.claims.findIndex((claim) => claim.id === options.id)
      if (index === -1) return { kind: 'not-found', reason: `No claim \`${options.id}\` in \`${file}\`` }
      const old = before.claims[index]!
      const claim = await reviewed(old, review, before, options.sourcesDir)
      const after: ClaimsFile = { ...before, claims: before.claims.map((c, i) => (i === index ? claim : c)) }
      const text = serializeClaims(after)
      const again = parseClaims(file, text)
      if (!again.data) return { kind: 'invalid', reason: again.messages[0]?.reason ?? 'The claims file would not fit the claims format' }
      const written = text !== read.text
      if (written) await writeFileAtomic(file, text)
      return { kind: 'updated', file, claim: again.data.claims[index]!, before, after: again.data, written }
    },
    { waitMs: options.lockWaitMs ?? 30000 }
  )
}

/**
 * The claim with its new review (and `context` added or dropped).
 *
 * @param claim The claim as stored.
 * @param review The validated review.
 * @param file The claims file (for its digest).
 * @param sourcesDir Folder of sources, when known.
 * @returns A new claim object.
 */
async function reviewed(claim: Claim, review: Review, file: ClaimsFile, sourcesDir: string | undefined): Promise<Claim> {
  const out: Claim = { ...claim, review }
  if (review.status === 'unreviewed') {
    delete out.context
    return out
  }
  if (out.context || out.status === 'orphaned' || sourcesDir === undefined) return out
  const path = join(sourcesDir, `${file.source}.md`)
  if (!existsSync(path)) return out
  try {
    const source = await readSource(path)
    if (source.digest === file.digest && source.text.slice(claim.span.start, claim.span.end) === claim.quote) {
      out.context = contextOf(source.text, claim.span.start, claim.span.end)
    }
  } catch (error) {
    if (!(error instanceof FileError)) throw error
  }
  return out
}

/**
 * The claims file name of a source, if the folder has one.
 *
 * @param dir Claims folder.
 * @param source Source id.
 * @returns `<source>.yaml` or `<source>.yml`, or `undefined`.
 */
async function claimsFileName(dir: string, source: string): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined
  const names = await listFiles(dir, /\.ya?ml$/i)
  return names.find((name) => name === `${source}.yaml`) ?? names.find((name) => name === `${source}.yml`)
}
