/**
 * The worker thread of `extract.ts`: extracts the claims of one source and
 * answers with them, or with why it could not. Every failure is turned into
 * a plain answer here, because an error that crosses the thread boundary
 * loses its class and fields (a `LimitError`'s line).
 *
 * Written for both ways claimrange runs: as TypeScript under tsx (the
 * parent starts the thread with `--import tsx`) and compiled to JavaScript
 * (`worker.js` beside `extract.js`, nothing else needed).
 */
import { extractClaims } from '../extract/claims.ts'
import { mayHaveTable } from '../parse/tokenize.ts'
import { LimitError, needsPlainInline, needsPlainTables } from '../parse/shape.ts'
import type { Claim } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'

/** What the parent sends: one source and the vocabulary. */
export interface Task {
  id: string
  text: string
  bodyStart: number
  /** A digest of the vocabulary: the same key is the same vocabulary. */
  vocabularyKey: string
  vocabulary: Vocabulary
}

/** What the worker answers. */
export type Answer =
  | {
      ok: true
      claims: Claim[]
      /** Whether the source was read without emphasis and links (see `parse/shape.ts`). */
      plainInline: boolean
      /** Whether it was read without GitHub tables (see `parse/shape.ts`). */
      plainTables: boolean
    }
  | {
      ok: false
      /** `limit`: over a bound of `limits.ts`; `stack`: nested too deep to read; `error`: anything else. */
      kind: 'limit' | 'stack' | 'error'
      reason: string
      line?: number
    }

/**
 * Vocabularies seen, by key: one object per vocabulary, so that the
 * compiled lexicon `extractClaims` caches by identity is built once per
 * thread rather than once per source.
 */
const vocabularies = new Map<string, Vocabulary>()

/**
 * Extract one source.
 *
 * @param task The source and vocabulary.
 * @returns The claims, or why there are none.
 */
export default function extract(task: Task): Answer {
  let vocabulary = vocabularies.get(task.vocabularyKey)
  if (!vocabulary) {
    vocabulary = task.vocabulary
    vocabularies.set(task.vocabularyKey, vocabulary)
  }
  try {
    const claims = extractClaims({ id: task.id, text: task.text, bodyStart: task.bodyStart }, vocabulary)
    return { ok: true, claims, plainInline: needsPlainInline(task.text), plainTables: mayHaveTable(task.text) && needsPlainTables(task.text) }
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, kind: 'limit', reason: error.reason, ...(error.line === undefined ? {} : { line: error.line }) }
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, kind: 'stack', reason: error.message }
    return { ok: false, kind: 'error', reason: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error) }
  }
}
