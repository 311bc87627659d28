/**
 * `npm start` keeps watching: adding, editing or removing a `*.md` file in
 * the sources folder re-extracts the claims (only sources whose digest
 * changed), rewrites the served `data.js` and reports what changed, so the
 * open page can update itself (see `api.ts`, `/api/events`).
 */
import { basename, join, resolve } from 'node:path'
import { watch } from 'chokidar'
import { formatConsensusDiff } from '../diff/format.ts'
import type { ConsensusDiff } from '../diff/types.ts'
import type { Message } from '../message.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { extractCorpus, type CorpusResult } from '../write/corpus.ts'
import { writeSiteData } from './build.ts'

/** Options of {@link watchSources}. */
export interface WatchOptions {
  /** Folder of `*.md` sources to watch. */
  sourcesDir: string
  /** Folder of claims files. */
  claimsDir: string
  /** The served site folder (its `data.js` is rewritten). */
  outDir: string
  /** Validated vocabulary. */
  vocabulary: Vocabulary
  /** Called after every regeneration, with what changed. */
  onChange: (change: SourceChange) => void
  /** Called with one line when a regeneration failed (default: nothing); watching goes on. */
  onError?: (message: string) => void
  /** Quiet time after the last file event before regenerating, in ms (default: 150). */
  debounceMs?: number
  /**
   * Runs each regeneration; pass the API's `exclusive` so regenerations and
   * reviews never overlap (default: one after the other within this watcher).
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>
  /** How long to wait for another run's lock on the claims folder, in ms (default: 30000). */
  lockWaitMs?: number
}

/** What happened to a source file. */
export type FileEvent = 'added' | 'edited' | 'removed'

/** One regeneration. */
export interface SourceChange {
  /** The source files that changed since the last regeneration, sorted by path. */
  files: { path: string; event: FileEvent }[]
  /** What the corpus runner did. */
  result: CorpusResult
  /** How the consensus moved. */
  diff: ConsensusDiff
  /** Problems and warnings: the runner's, then the site data's. */
  messages: Message[]
  /** Whether `data.js` was rewritten (`false` when the site data could not be read; see `messages`). */
  dataWritten: boolean
}

/** A running watcher. */
export interface SourceWatcher {
  /** Stop watching; waits for a regeneration in progress to finish. */
  close(): Promise<void>
}

/**
 * Watch the sources folder and regenerate on every change.
 *
 * Decisions: file events are debounced (`debounceMs`) and collected, so an
 * editor's save (often a write and a rename) or a burst of copied files
 * gives one regeneration; events during a regeneration give one more
 * afterwards. Only `*.md` files directly in the folder count (dot files
 * and sub-folders are ignored, as `extract` ignores them). A removed source
 * regenerates too: its claims file is kept (nothing an editor decided is
 * deleted) and the page shows its claims without their text.
 *
 * @param options See {@link WatchOptions}.
 * @returns The watcher, once it is watching.
 * @example
 * const watcher = await watchSources({sourcesDir: 'sources', claimsDir: 'claims', outDir: 'dist/site', vocabulary,
 *   onChange: (change) => console.log(formatSourceChange(change))})
 * // … later
 * await watcher.close()
 */
export async function watchSources(options: WatchOptions): Promise<SourceWatcher> {
  const root = resolve(options.sourcesDir)
  const debounceMs = options.debounceMs ?? 150
  let tail: Promise<unknown> = Promise.resolve()
  const exclusive =
    options.exclusive ??
    (<T>(task: () => Promise<T>): Promise<T> => {
      const run = tail.then(task, task)
      tail = run.catch(() => undefined)
      return run
    })
  const pending = new Map<string, FileEvent>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let closed = false

  const schedule = () => {
    if (closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  }
  const flush = () => {
    timer = undefined
    if (running || closed || pending.size === 0) return
    const files = [...pending].map(([path, event]) => ({ path, event })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    pending.clear()
    running = exclusive(() => regenerate(options, files))
      .then((change) => options.onChange(change))
      .catch((error: unknown) => options.onError?.(`regeneration failed: ${(error as Error).message.split('\n')[0]}`))
      .finally(() => {
        running = undefined
        if (pending.size > 0) schedule()
      })
  }
  const record = (event: FileEvent) => (path: string) => {
    if (!/\.md$/i.test(path) || basename(path).startsWith('.')) return
    const shown = join(options.sourcesDir, basename(path))
    const previous = pending.get(shown)
    pending.set(shown, previous === 'added' && event === 'edited' ? 'added' : event)
    schedule()
  }

  const watcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    ignored: (path) => resolve(path) !== root && basename(path).startsWith('.')
  })
  watcher.on('add', record('added')).on('change', record('edited')).on('unlink', record('removed'))
  watcher.on('error', (error) => options.onError?.(`watching ${options.sourcesDir} failed: ${(error as Error).message}`))
  await new Promise<void>((ok) => watcher.once('ready', () => ok()))

  return {
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = undefined
      await watcher.close()
      await running
    }
  }
}

/**
 * One regeneration: extract (changed sources only), rewrite `data.js`, diff.
 *
 * @param options Folders and vocabulary.
 * @param files The file events that led to it.
 * @returns What changed.
 * @throws {FileError} When the sources folder is gone or holds no source.
 */
async function regenerate(options: WatchOptions, files: SourceChange['files']): Promise<SourceChange> {
  const result = await extractCorpus({
    sourcesDir: options.sourcesDir,
    claimsDir: options.claimsDir,
    vocabulary: options.vocabulary,
    ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs })
  })
  const diff = result.diff
  const messages = [...result.messages]
  let dataWritten = false
  try {
    // As `start` built it: an unusable source or claims file is left out of the page and named, the others shown.
    const written = await writeSiteData({ sourcesDir: options.sourcesDir, claimsDir: options.claimsDir, outDir: options.outDir, vocabulary: options.vocabulary, skipUnusable: true })
    messages.push(...written.messages)
    dataWritten = true
  } catch (error) {
    const e = error as Error & { file?: string; line?: number }
    messages.push({ file: e.file ?? options.claimsDir, line: e.line, reason: `data.js not rewritten: ${e.message.split('\n')[0]}`, ruleId: 'site' })
  }
  return { files, result, diff, messages, dataWritten }
}

/**
 * What a regeneration prints: the files that changed, the sources
 * re-extracted, then what changed in the consensus.
 *
 * @param change What `onChange` received.
 * @param options `color`: use ANSI colours (default: `false`).
 * @returns Lines of text, no trailing newline.
 * @example
 * formatSourceChange(change)
 * // 'sources/new.md added; re-extracted new (3 claims)\nWhat changed in the consensus:\n  exercise: …'
 */
export function formatSourceChange(change: SourceChange, options: { color?: boolean } = {}): string {
  const files = change.files.map((f) => `${f.path} ${f.event}`).join(', ')
  const extracted = change.result.sources.filter((s) => s.extracted && s.status !== 'failed')
  const failed = change.result.sources.filter((s) => s.status === 'failed')
  const parts = [files]
  parts.push(extracted.length === 0 ? 'no source re-extracted' : `re-extracted ${extracted.map((s) => `${s.id} (${s.claims?.length ?? 0} claim${s.claims?.length === 1 ? '' : 's'})`).join(', ')}`)
  if (failed.length > 0) parts.push(`failed: ${failed.map((s) => s.id).join(', ')}`)
  if (!change.dataWritten) parts.push('page data not updated')
  return `${parts.join('; ')}\n${formatConsensusDiff(change.diff, options)}`
}
