import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lacksContext, mergeClaims } from '../anchor/index.ts'
import { extractClaims } from '../extract/index.ts'
import type { Message } from '../message.ts'
import { listFiles, readClaimsFile } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { readSource, sha256, type Source } from '../read/source.ts'
import type { Claim } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { withLock, writeFileAtomic } from './atomic.ts'
import { serializeClaims } from './serialize.ts'

/** Options of {@link extractCorpus}. */
export interface CorpusOptions {
  /** Folder of `*.md` sources. */
  sourcesDir: string
  /** Folder of `<id>.yaml` claims files (created when missing). */
  claimsDir: string
  /** The vocabulary to extract with. */
  vocabulary: Vocabulary
  /** Only these source ids (default: every source). */
  only?: string[]
  /** Re-extract even sources whose digest did not change (default: `false`). */
  force?: boolean
  /** How long to wait for another run's lock, in ms (default: 30000). */
  lockWaitMs?: number
}

/** What happened to one source. */
export interface SourceOutcome {
  id: string
  /** Path of the source file. */
  file: string
  /** Path of its claims file. */
  claimsFile: string
  /**
   * `written`: the claims file changed; `unchanged`: re-extracted (or skipped
   * by digest) with the same result; `failed`: the source or its claims file
   * is unusable — nothing was written for it.
   */
  status: 'written' | 'unchanged' | 'failed'
  /** Whether extraction ran (`false` when the digest was current). */
  extracted: boolean
  /** The source's claims after the run (empty when failed). */
  claims: Claim[]
  /** The source as read (absent when unreadable). */
  source?: Source
}

/** What {@link extractCorpus} returns. */
export interface CorpusResult {
  sources: SourceOutcome[]
  /** Problems, each naming its file: unusable sources, broken claims files, orphaned reviews. */
  messages: Message[]
}

/**
 * Bump when extraction rules change so every claims file is regenerated once.
 * Stored with the vocabulary's digest in `<claims>/.claimrange.json`.
 */
export const extractorVersion = 10

/**
 * Extract the claims of every source in a folder and write them, keeping
 * every editor's review (see `mergeClaims`).
 *
 * - Only sources whose content digest differs from their claims file's are
 *   re-extracted, unless the vocabulary or the extractor changed since the
 *   last run (recorded in `<claims>/.claimrange.json`) or `force` is set.
 * - An unusable source (empty, binary, invalid UTF-8, broken front matter)
 *   or a claims file an editor broke by hand is reported with file:line and
 *   left untouched; the other sources are still processed.
 * - Files are written atomically, under a lock on the claims folder, and
 *   only when their bytes change: re-running on unchanged input changes no byte.
 *
 * @param options See {@link CorpusOptions}.
 * @returns One outcome per source, sorted by file name, and the messages.
 * @throws {FileError} When the sources folder is missing or holds no `.md` file.
 */
export async function extractCorpus(options: CorpusOptions): Promise<CorpusResult> {
  const { sourcesDir, claimsDir, vocabulary } = options
  const names = await listFiles(sourcesDir, /\.md$/i)
  if (names.length === 0) throw new FileError(sourcesDir, 'No source found: expected `*.md` articles in this folder')
  const ids = options.only ? new Set(options.only) : undefined
  return withLock(
    claimsDir,
    async () => {
      const stateFile = join(claimsDir, '.claimrange.json')
      const state = `${JSON.stringify({ extractor: extractorVersion, vocabulary: sha256(JSON.stringify(vocabulary)) }, null, 2)}\n`
      const stateChanged = !existsSync(stateFile) || (await readFile(stateFile, 'utf8')) !== state
      const force = options.force === true || stateChanged
      const outcomes: SourceOutcome[] = []
      const messages: Message[] = []
      for (const name of names) {
        const file = join(sourcesDir, name)
        const id = name.replace(/\.md$/i, '')
        if (ids && !ids.has(id)) continue
        outcomes.push(await extractOne(file, id, claimsDir, vocabulary, force, messages))
      }
      // Record the state only when every source was processed with it.
      if (stateChanged && !ids && outcomes.every((o) => o.status !== 'failed')) await writeFileAtomic(stateFile, state)
      return { sources: outcomes, messages }
    },
    { waitMs: options.lockWaitMs ?? 30000 }
  )
}

async function extractOne(
  file: string,
  id: string,
  claimsDir: string,
  vocabulary: Vocabulary,
  force: boolean,
  messages: Message[]
): Promise<SourceOutcome> {
  const claimsFile = join(claimsDir, `${id}.yaml`)
  const failed = (): SourceOutcome => ({ id, file, claimsFile, status: 'failed', extracted: false, claims: [] })
  let source: Source
  try {
    source = await readSource(file)
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    messages.push({ file, line: error.line, column: error.column, reason: error.reason, ruleId: 'source' })
    return failed()
  }
  const previous = existsSync(claimsFile) ? await readClaimsFile(claimsFile) : undefined
  if (previous && !previous.data) {
    for (const m of previous.messages) messages.push({ ...m, reason: `${m.reason} (left untouched; fix it, then run extract again)` })
    return { ...failed(), source }
  }
  // Skip by digest, unless a reviewed claim still lacks the context re-anchoring needs.
  if (previous?.data && previous.data.digest === source.digest && !force && !lacksContext(previous.data.claims)) {
    return { id, file, claimsFile, status: 'unchanged', extracted: false, claims: previous.data.claims, source }
  }
  const extracted = extractClaims(source, vocabulary)
  const merged = mergeClaims(previous?.data, extracted, source.text, { file: claimsFile })
  messages.push(...merged.messages)
  const yaml = serializeClaims({ source: id, digest: source.digest, claims: merged.claims })
  if (previous && previous.text === yaml) return { id, file, claimsFile, status: 'unchanged', extracted: true, claims: merged.claims, source }
  await writeFileAtomic(claimsFile, yaml)
  return { id, file, claimsFile, status: 'written', extracted: true, claims: merged.claims, source }
}
