/**
 * The corpus loop of `extract`: which sources to process, the digest index,
 * writing, and what changed in the consensus — each step proportional to
 * what changed (see {@link extractCorpus}).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { lacksContext, mergeClaims } from '../anchor/index.ts'
import { relatedLookup } from '../consensus/conflicts.ts'
import { affectedRows, computeStates, digestSource } from '../consensus/partial.ts'
import { changeRows, tallyDigests, type Tallies } from '../consensus/update.ts'
import type { TopicConsensus } from '../consensus/types.ts'
import { rowKey } from '../consensus/select.ts'
import { consensusOptions } from '../diff/claims.ts'
import { diffRows, newlyOrphaned } from '../diff/consensus.ts'
import type { ConsensusDiff } from '../diff/types.ts'
import { skippedClaimsErrors } from '../check/check.ts'
import type { Message } from '../message.ts'
import { extractSource } from '../isolate/index.ts'
import { listFiles, listSources } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { readSource, sha256, type Source } from '../read/source.ts'
import type { Claim, ClaimsFile } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { withLock, writeFileAtomic } from './atomic.ts'
import { cacheDir, folderState, loadDigests, loadIndex, loadTallies, readCachedClaims, rememberClaims, sameStamp, saveIndex, saveTallies, stampFile, type ClaimsIndex, type FileStamp, type IndexEntry } from './claims-cache.ts'
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
  /**
   * The source's claims after the run (empty when failed); `undefined` when
   * the digest index showed source and claims file unchanged and neither was read.
   */
  claims: Claim[] | undefined
  /** How many claims its claims file has after the run, per topic (also when `claims` is not read). */
  topics: Record<string, number>
  /** The source as read (absent when unreadable). */
  source?: Source
}

/** What {@link extractCorpus} returns. */
export interface CorpusResult {
  sources: SourceOutcome[]
  /** Problems, each naming its file: unusable sources, broken claims files, orphaned reviews. */
  messages: Message[]
  /**
   * What changed in the consensus: the claims folder as it was before the
   * run against after it (every valid claims file, with or without a source).
   */
  diff: ConsensusDiff
  /**
   * How `diff` was worked out: `index`, nothing changed (the index's row
   * count is all it needs); `tallies`, from the row tallies of the rows the
   * changed files touch; `digests`, from every claims file's digest (the
   * tallies of the folder's state before were not kept, or could not say it
   * exactly).
   */
  consensusFrom: 'index' | 'tallies' | 'digests'
}

/**
 * Bump when extraction rules change so every claims file is regenerated once.
 * Stored with the vocabulary's digest in `<claims>/.claimrange.json`.
 */
export const extractorVersion = 11

/**
 * Extract the claims of every source in a folder and write them, keeping
 * every editor's review (see `mergeClaims`), and say what changed in the
 * consensus.
 *
 * - Only sources whose content digest differs from their claims file's are
 *   re-extracted, unless the vocabulary or the extractor changed since the
 *   last run (recorded in `<claims>/.claimrange.json`) or `force` is set.
 *   A source and a claims file whose size and modification time are those
 *   the digest index recorded (`claims-cache.ts`) are not even read.
 * - An unusable source (empty, binary, invalid UTF-8, broken front matter)
 *   or a claims file an editor broke by hand is reported with file:line and
 *   left untouched; the other sources are still processed.
 * - Files are written atomically, under a lock on the claims folder, and
 *   only when their bytes change: re-running on unchanged input changes no byte.
 * - What changed is computed from the rows the rewritten claims files touch
 *   (`affectedRows`), before and after, from the index's per-source digests:
 *   the same diff as comparing the consensus of the whole folder before and
 *   after, at the cost of the changed rows only.
 *
 * @param options See {@link CorpusOptions}.
 * @returns One outcome per source, sorted by file name, the messages and what changed.
 * @throws {FileError} When the sources folder is missing or holds no `.md` file.
 */
export async function extractCorpus(options: CorpusOptions): Promise<CorpusResult> {
  const { sourcesDir, claimsDir, vocabulary } = options
  const { names, messages: skipped } = await listSources(sourcesDir)
  if (names.length === 0) throw new FileError(sourcesDir, 'No source found: expected `*.md` articles in this folder')
  const ids = options.only ? new Set(options.only) : undefined
  return withLock(
    claimsDir,
    async () => {
      const stateFile = join(claimsDir, '.claimrange.json')
      const state = `${JSON.stringify({ extractor: extractorVersion, vocabulary: sha256(JSON.stringify(vocabulary)) }, null, 2)}\n`
      const stateChanged = !existsSync(stateFile) || (await readFile(stateFile, 'utf8')) !== state
      const force = options.force === true || stateChanged
      const relatedTopics = consensusOptions(vocabulary).related ?? {}
      const related = relatedLookup(relatedTopics)
      const folder = await currentFolder(claimsDir, loadIndex(claimsDir, JSON.stringify(relatedTopics)), related, relatedTopics)
      const outcomes: SourceOutcome[] = []
      const messages: Message[] = [...skipped]
      const changes: Change[] = []
      for (const name of names) {
        const file = join(sourcesDir, name)
        const id = name.replace(/\.md$/i, '')
        if (ids && !ids.has(id)) continue
        const claimsName = `${id}.yaml`
        const claimsFile = join(claimsDir, claimsName)
        const entry = folder.entries.get(claimsName)
        const stamp = stampFile(file)
        // A claims file changed on disk since the index (an editor's hand) is read and checked in `extractOne`.
        if (!force && entry && stamp && entry.source && sameStamp(stamp, entry.source) && entry.source.digest === entry.digest && !entry.lacksContext && !folder.changed.has(claimsName)) {
          outcomes.push({ id, file, claimsFile, status: 'unchanged', extracted: false, claims: undefined, topics: entry.topics })
          continue
        }
        const done = await extractOne(file, id, claimsFile, vocabulary, force, messages)
        outcomes.push(done.outcome)
        if (done.outcome.status === 'failed') {
          // Not skipped by the index next time either: read and checked again until it is fixed.
          const kept = folder.entries.get(claimsName)
          if (kept?.source) {
            const recheck = { ...kept }
            delete recheck.source
            folder.entries.set(claimsName, recheck)
            folder.dirty = true
          }
          continue
        }
        if (!done.after) continue
        const next = indexEntry(claimsFile, done.after, related, done.outcome.source!, stamp)
        if (next) {
          folder.dirty = true
          folder.entries.set(claimsName, next)
          folder.changed.add(claimsName)
        }
        if (done.outcome.status !== 'written') continue
        // The file on disk is the new one now: the digest before comes from the content read before.
        if (entry && !entry.consensus && done.before) entry.consensus = digestSource(done.before, related)
        changes.push({ name: claimsName, before: done.before, beforeEntry: entry, after: done.after, afterEntry: next })
      }
      // Record the state only when every source was processed with it.
      if (stateChanged && !ids && outcomes.every((o) => o.status !== 'failed')) await writeFileAtomic(stateFile, state)
      const { diff, from } = await consensusChange(folder, changes)
      saveFolder(folder)
      return { sources: outcomes, messages, diff, consensusFrom: from }
    },
    { waitMs: options.lockWaitMs ?? 30000 }
  )
}

/**
 * What changed in the consensus when one claims file was rewritten outside
 * a corpus run (a review from the page): the rows that file touches, before
 * and after, from the digest index, which is brought up to date.
 *
 * @param claimsDir Claims folder.
 * @param vocabulary The vocabulary (its related topics).
 * @param file Path of the claims file that was rewritten (it is on disk as it is now).
 * @param before Its content before.
 * @returns The diff of the whole folder before against after, as a corpus run gives it.
 * @example
 * const diff = await rewriteChange('claims', vocabulary, outcome.file, outcome.before)
 */
export async function rewriteChange(claimsDir: string, vocabulary: Vocabulary, file: string, before: ClaimsFile): Promise<ConsensusDiff> {
  const relatedTopics = consensusOptions(vocabulary).related ?? {}
  const related = relatedLookup(relatedTopics)
  const relatedKey = JSON.stringify(relatedTopics)
  const indexFile = join(cacheDir(claimsDir), 'index.json')
  // A live server reviews one claim after another: keep the index (digests loaded) and the row
  // tallies between calls, while nobody else wrote the index.
  const kept = lastState && lastState.claimsDir === claimsDir && lastState.relatedKey === relatedKey && sameStamp(lastState.indexStamp, stampFile(indexFile)) ? lastState : undefined
  const folder = await currentFolder(claimsDir, kept?.index ?? loadIndex(claimsDir, relatedKey), related, relatedTopics)
  if (kept) folder.tallies = kept.tallies
  const name = basename(file)
  const afterEntry = folder.entries.get(name)
  const previous = folder.index.files[name]
  const beforeEntry: IndexEntry = { ...(previous ?? { claims: { size: 0, mtimeMs: 0 }, digest: before.digest, lacksContext: false, topics: {} }), consensus: digestSource(before, related) }
  folder.before.set(name, beforeEntry)
  folder.stale.delete(name)
  const after = afterEntry ? [{ name, before, beforeEntry, after: (await readCachedClaims(file)).data ?? before, afterEntry }] : []
  const { diff } = await consensusChange(folder, after)
  saveFolder(folder)
  const indexStamp = stampFile(indexFile)
  const files = Object.fromEntries(folder.entries)
  lastState = indexStamp ? { claimsDir, relatedKey, indexStamp, index: { ...folder.index, files }, tallies: folder.tallies } : undefined
  return diff
}

/** What {@link rewriteChange} keeps between calls (a live server's reviews). */
let lastState: { claimsDir: string; relatedKey: string; indexStamp: FileStamp; index: ClaimsIndex; tallies: Folder['tallies'] } | undefined

/** One claims file rewritten by the run: its content before (when it had one) and after. */
interface Change {
  name: string
  before: ClaimsFile | undefined
  beforeEntry: IndexEntry | undefined
  after: ClaimsFile
  afterEntry: IndexEntry | undefined
}

/** The claims folder as the index sees it, checked against the disk. */
interface Folder {
  claimsDir: string
  index: ClaimsIndex
  related: Map<string, Set<string>>
  /** The related topics as JSON (the cache's key). */
  relatedKey: string
  /** Every valid claims file's entry before the run, by file name. */
  before: Map<string, IndexEntry>
  /** The same, updated as the run goes. */
  entries: Map<string, IndexEntry>
  /** Names whose entry (and digest) was made in this run, or that differed from the index when the run began. */
  changed: Set<string>
  /** Names that differed from the index when the run began (changed outside a run, or deleted). */
  stale: Set<string>
  /** The row tallies: of the state before the run when known (kept by a live server), then of the state after it. */
  tallies?: { state: string; rows: Tallies; saved: boolean }
  /** Whether the index must be written. */
  dirty: boolean
}

/**
 * Write the index and the changed digests, when something changed.
 *
 * @param folder The folder after the run.
 */
function saveFolder(folder: Folder): void {
  const { tallies } = folder
  if (tallies && !tallies.saved) {
    saveTallies(folder.claimsDir, folder.relatedKey, tallies.state, tallies.rows)
    tallies.saved = true
  }
  if (!folder.dirty) return
  const files = Object.fromEntries([...folder.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  saveIndex(folder.claimsDir, { ...folder.index, files }, folder.changed)
}

/**
 * The claims folder as it is before a run, from the index where a file's
 * stamp matches it, else read (through the parse cache) and re-indexed.
 *
 * @param claimsDir Claims folder.
 * @param index The digest index as loaded.
 * @param related Symmetric related-topics lookup.
 * @param relatedTopics The same as a record (its JSON keys the cache).
 * @returns The valid files' entries before the run.
 */
async function currentFolder(claimsDir: string, index: ClaimsIndex, related: Map<string, Set<string>>, relatedTopics: Record<string, string[]>): Promise<Folder> {
  const names = existsSync(claimsDir) ? await listFiles(claimsDir, /\.ya?ml$/i) : []
  const before = new Map<string, IndexEntry>()
  const changed = new Set<string>()
  let dirty = names.length !== Object.keys(index.files).length || index.rows === undefined
  for (const name of names) {
    const path = join(claimsDir, name)
    const stamp = stampFile(path)
    const known = index.files[name]
    if (known && stamp && sameStamp(stamp, known.claims)) {
      before.set(name, known)
      continue
    }
    dirty = true
    changed.add(name)
    const read = await readCachedClaims(path)
    const entry = read.data && indexEntry(path, read.data, related, undefined, undefined, known)
    if (entry) before.set(name, entry)
  }
  for (const name of Object.keys(index.files)) if (!before.has(name)) changed.add(name)
  return { claimsDir, index, related, relatedKey: JSON.stringify(relatedTopics), before, entries: new Map(before), changed, stale: new Set(changed), dirty }
}

/**
 * The index entry of a claims file as it is now on disk.
 *
 * @param claimsFile Path of the claims file (stamped now).
 * @param data Its content.
 * @param related Symmetric related-topics lookup.
 * @param source The source it was just extracted from or checked against, if any.
 * @param sourceStamp The source's stamp before it was read.
 * @param known The entry it had, whose source record is kept when no source was read.
 * @returns The entry, or `undefined` when the file cannot be stamped.
 */
function indexEntry(
  claimsFile: string,
  data: ClaimsFile,
  related: Map<string, Set<string>>,
  source: Source | undefined,
  sourceStamp: ReturnType<typeof stampFile>,
  known?: IndexEntry
): IndexEntry | undefined {
  const claims = stampFile(claimsFile)
  if (!claims) return undefined
  const topics: Record<string, number> = {}
  for (const claim of data.claims) topics[claim.topic] = (topics[claim.topic] ?? 0) + 1
  const entry: IndexEntry = { claims, digest: data.digest, lacksContext: lacksContext(data.claims), topics, consensus: digestSource(data, related) }
  if (source && sourceStamp) entry.source = { ...sourceStamp, digest: source.digest }
  else if (known?.source) entry.source = known.source
  return entry
}

/**
 * What changed in the consensus, from the rows the rewritten files touch,
 * through the row tallies of the folder's state before the run
 * (`changeRows`): those a previous run left when they are of this state,
 * else counted from every file's digest (read from their shards). When the
 * tallies cannot say it exactly, the rows are computed from every digest,
 * before and after. Either way the tallies of the state after the run are
 * left in the folder, to be saved.
 *
 * @param folder The folder: entries before the run and after it.
 * @param changes The files the run rewrote.
 * @returns The diff of the whole folder before against after, and how it was worked out (see `CorpusResult.consensusFrom`).
 */
async function consensusChange(folder: Folder, changes: Change[]): Promise<{ diff: ConsensusDiff; from: CorpusResult['consensusFrom'] }> {
  const { before, entries: after, related } = folder
  if (changes.length === 0 && folder.index.rows !== undefined && folder.changed.size === 0) {
    const rows = folder.index.rows
    return { diff: { rows: [], orphaned: [], rowsBefore: rows, rowsAfter: rows, sourcesBefore: before.size, sourcesAfter: after.size }, from: 'index' }
  }
  const sourceChanges = changes.map((c) => ({
    before: c.beforeEntry?.consensus ?? (c.before ? digestSource(c.before, related) : undefined),
    after: c.afterEntry?.consensus ?? digestSource(c.after, related)
  }))
  const rows = new Set<string>()
  for (const change of sourceChanges) for (const key of affectedRows(change.before, change.after, related)) rows.add(key)
  const orphaned = newlyOrphaned(
    changes.flatMap((c) => (c.before ? [c.before] : [])),
    changes.map((c) => c.after)
  )
  for (const claim of orphaned) rows.add(rowKey(claim.topic, claim.condition))
  const sources = { sourcesBefore: before.size, sourcesAfter: after.size }
  const known = talliesBefore(folder)
  const update = (tallies: Tallies) => changeRows(tallies, sourceChanges.map(({ before, after }) => ({ ...(before ? { before } : {}), after })), rows, related)
  let tallies = known
  let changed = known && update(known)
  if (!known) {
    // The tallies of the state before, counted from every digest, then the same update.
    await withDigests(folder)
    tallies = tallyDigests([...before.values()].map((e) => e.consensus!), related)
    changed = update(tallies)
  }
  if (changed) {
    const totals = { rowsBefore: countRows(tallies!), rowsAfter: countRows(changed.tallies), ...sources }
    keepTallies(folder, changed.tallies, totals.rowsAfter)
    return { diff: diffRows(changed.before, changed.after, orphaned, totals), from: known ? 'tallies' : 'digests' }
  }
  // The tallies cannot say it exactly: the rows from every digest, before and after.
  await withDigests(folder)
  const digestsAfter = [...after.values()].map((e) => e.consensus!)
  const [rowsBefore, rowsAfter] = computeStates([[...before.values()].map((e) => e.consensus!), digestsAfter], rows, related) as [TopicConsensus[], TopicConsensus[]]
  const talliesAfter = tallyDigests(digestsAfter, related)
  const totals = { rowsBefore: countRows(tallies!), rowsAfter: countRows(talliesAfter), ...sources }
  keepTallies(folder, talliesAfter, totals.rowsAfter)
  return { diff: diffRows(rowsBefore, rowsAfter, orphaned, totals), from: 'digests' }
}

/**
 * The row tallies of the folder as it is before the run: those kept or
 * saved for that state, else those saved for the state the index records,
 * brought up to date with the files that changed since (edited by hand,
 * deleted or added between runs; their digests as the index knew them are
 * in the shards).
 *
 * @param folder The folder before the run.
 * @returns The tallies, or `undefined` when none can be had without counting every digest.
 */
function talliesBefore(folder: Folder): Tallies | undefined {
  const { claimsDir, relatedKey, related } = folder
  const state = folderState(folder.before)
  if (folder.tallies?.state === state) return folder.tallies.rows
  const saved = loadTallies(claimsDir, relatedKey, state)
  if (saved || folder.stale.size === 0) return saved
  const indexed = loadTallies(claimsDir, relatedKey, folderState(new Map(Object.entries(folder.index.files))))
  if (!indexed) return undefined
  const known = new Map<string, IndexEntry>()
  for (const name of folder.stale) if (folder.index.files[name]) known.set(name, { ...folder.index.files[name]! })
  if (loadDigests(claimsDir, known, relatedKey).length > 0) return undefined
  const changes = [...folder.stale].flatMap((name) => {
    const change = { ...(known.has(name) ? { before: known.get(name)!.consensus! } : {}), ...(folder.before.has(name) ? { after: folder.before.get(name)!.consensus! } : {}) }
    return change.before || change.after ? [change] : []
  })
  const rows = new Set<string>()
  for (const change of changes) for (const key of affectedRows(change.before, change.after, related)) rows.add(key)
  return changeRows(indexed, changes, rows, related)?.tallies
}

/**
 * Keep the tallies of the state after the run in the folder, and its number of rows in the index.
 *
 * @param folder The folder (its entries are those after the run).
 * @param tallies The tallies after the run.
 * @param rows How many rows the consensus has after the run.
 */
function keepTallies(folder: Folder, tallies: Tallies, rows: number): void {
  folder.tallies = { state: folderState(folder.entries), rows: tallies, saved: false }
  if (folder.index.rows !== rows) folder.dirty = true
  folder.index.rows = rows
}

/**
 * How many rows a consensus has.
 *
 * @param tallies Its row tallies.
 * @returns The rows with a counted claim.
 */
function countRows(tallies: Tallies): number {
  let n = 0
  for (const tally of tallies.values()) if (tally.claims > 0) n++
  return n
}

/**
 * Give every entry of the folder (before and after) its digest: from the
 * shards, else by reading its claims file again.
 *
 * @param folder The folder.
 */
async function withDigests(folder: Folder): Promise<void> {
  // Entries made in this run have their digest; the others are the same objects before and after.
  const lacking = new Map<string, IndexEntry>()
  for (const map of [folder.before, folder.entries]) for (const [name, entry] of map) if (!entry.consensus) lacking.set(name, entry)
  const missing = loadDigests(folder.claimsDir, lacking, folder.relatedKey)
  for (const name of missing) {
    const path = join(folder.claimsDir, name)
    const read = await readCachedClaims(path)
    const digest = read.data ? digestSource(read.data, folder.related) : { source: name, claims: [], within: {}, orphaned: [] }
    for (const entry of [folder.before.get(name), folder.entries.get(name)]) if (entry && !entry.consensus) entry.consensus = digest
    folder.changed.add(name)
    folder.dirty = true
  }
}

/**
 * How one source is read and extracted: the one step of the loop that
 * reads an article and runs the extractor on it (the hardening work runs it
 * isolated, with a time and size budget).
 *
 * @param file Path of the source.
 * @param vocabulary The vocabulary to extract with.
 * @param current When the caller's claims were extracted from this digest and
 *   need no re-extraction, skip extraction if the source still has it;
 *   `null` reads the source without extracting (default: always extract).
 * @returns The source as read, its extracted claims (`undefined` when skipped by `current`) and
 *   warnings about it (read without emphasis).
 * @throws {FileError} When the source is unusable (empty, binary, not UTF-8, broken front matter,
 *   over a limit, or its extraction failed or ran out of time or memory).
 */
export async function readAndExtract(file: string, vocabulary: Vocabulary, current?: string | null): Promise<{ source: Source; extracted: Claim[] | undefined; messages: Message[] }> {
  const source = await readSource(file)
  if (current === null || (current !== undefined && source.digest === current)) return { source, extracted: undefined, messages: [] }
  // In isolation (a worker thread, a time budget, `src/isolate/`): any failure is one message naming the file.
  const isolated = await extractSource(source, vocabulary)
  const failure = isolated.claims ? undefined : isolated.messages[0]
  if (failure) throw new FileError(file, failure.reason, failure.line)
  return { source, extracted: isolated.claims, messages: isolated.messages }
}

/**
 * Process one source: read it and its claims file, extract when needed,
 * merge the reviews in, write when the bytes change.
 *
 * @returns The outcome, and the claims file's content before and after (when usable).
 */
async function extractOne(
  file: string,
  id: string,
  claimsFile: string,
  vocabulary: Vocabulary,
  force: boolean,
  messages: Message[]
): Promise<{ outcome: SourceOutcome; before?: ClaimsFile; after?: ClaimsFile }> {
  const failed = (source?: Source): { outcome: SourceOutcome } => ({
    outcome: { id, file, claimsFile, status: 'failed', extracted: false, claims: [], topics: {}, ...(source ? { source } : {}) }
  })
  const previous = existsSync(claimsFile) ? await readCachedClaims(claimsFile) : undefined
  // Skip by digest, unless a reviewed claim still lacks the context re-anchoring needs.
  const current = previous?.data && !force && !lacksContext(previous.data.claims) ? previous.data.digest : undefined
  let read: Awaited<ReturnType<typeof readAndExtract>>
  try {
    read = await readAndExtract(file, vocabulary, previous && !previous.data ? null : current)
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    messages.push({ file, line: error.line, column: error.column, reason: error.reason, ruleId: 'source' })
    return failed()
  }
  const { source } = read
  messages.push(...read.messages)
  if (previous && !previous.data) {
    for (const m of previous.messages) messages.push({ ...m, reason: `${m.reason} (left untouched; fix it, then run extract again)` })
    return failed(source)
  }
  const before = previous?.data
  const done = (status: 'written' | 'unchanged', extracted: boolean, claims: Claim[]) => {
    const after: ClaimsFile = { source: id, digest: source.digest, claims }
    return { outcome: { id, file, claimsFile, status, extracted, claims, topics: topicCounts(claims), source }, ...(before ? { before } : {}), after }
  }
  if (before && read.extracted === undefined) {
    // Skipped by digest: still checked as `check` would; a hand-broken file fails the run and is not indexed.
    const problems = skippedClaimsErrors(previous!, source)
    if (problems.length > 0) {
      messages.push(...problems)
      return failed(source)
    }
    return done('unchanged', false, before.claims)
  }
  // Always extracted here: a digest to skip by comes only with a usable claims file.
  if (read.extracted === undefined) return done('unchanged', false, [])
  const merged = mergeClaims(before, read.extracted, source.text, { file: claimsFile })
  messages.push(...merged.messages)
  const after: ClaimsFile = { source: id, digest: source.digest, claims: merged.claims }
  const yaml = serializeClaims(after)
  if (previous && previous.text === yaml) return done('unchanged', true, merged.claims)
  await writeFileAtomic(claimsFile, yaml)
  rememberClaims(claimsFile, yaml, after)
  return done('written', true, merged.claims)
}

/**
 * Claims counted per topic.
 *
 * @param claims Claims.
 * @returns Topic → number of claims.
 */
function topicCounts(claims: Claim[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const claim of claims) out[claim.topic] = (out[claim.topic] ?? 0) + 1
  return out
}
