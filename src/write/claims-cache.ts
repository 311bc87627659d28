/**
 * The cache of the claims folder, `<claims>/.cache/` (ignored by git: it
 * holds its own `.gitignore`), so that no run parses unchanged YAML again
 * (YAML parses at about 1 MB/s here, JSON some 60 times faster):
 *
 * - `files/<name>.json`: the parsed content of each claims file, with the
 *   sha256 of the text it was parsed from. {@link readCachedClaims} reads
 *   the YAML text, and uses the copy when the digest matches; any other
 *   text is parsed as before (and the copy replaced).
 * - `index.json`: the *digest index*, one entry per claims file: its size
 *   and modification time when it was recorded, its source's size,
 *   modification time and digest when the claims were extracted from it,
 *   and the claims counted per topic. With it, `extract` skips an unchanged
 *   source and its claims file by their size and modification time alone,
 *   without reading either: a run where nothing changed reads this one
 *   small file and stats the folders.
 * - `digests/<n>.json` (32 shards by file name): each claims file's
 *   `SourceDigest` (its counted claims without their words, and its
 *   within-source conflicts), with the stamp it was made at. Read only when
 *   a run changed something and the row tallies cannot say what changed;
 *   a run rewrites only the shards it changed.
 * - `rows.json`: the *row tallies* (`consensus/tally.ts`) of the folder in
 *   the state the index records (named by {@link folderState}): what a run
 *   that changed a few files reads to say what changed in the rows they
 *   touch, without reading any other file's digest. A run writes them for
 *   the state it leaves.
 *
 * Decisions: the cache is never the truth. An index entry is used only
 * while the claims file has the recorded size and modification time (a
 * rename or any write changes the modification time, at nanosecond
 * resolution on the usual file systems), and a source is skipped only while
 * it has the recorded size and modification time (the same test `make` and
 * git's index make; `--force` re-reads everything). A copy whose digest does
 * not match, an unreadable or corrupt cache file, or an index of another
 * version or made with other related topics is ignored and rebuilt; deleting
 * `.cache/` is always safe. Cache files are written to a temporary file and
 * renamed, without the flush of `writeFileAtomic` (a torn cache file is
 * detected and ignored).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { SourceDigest } from '../consensus/partial.ts'
import type { RowTally } from '../consensus/tally.ts'
import type { Tallies } from '../consensus/update.ts'
import { parseClaims, type ClaimsRead, listFiles } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { sha256 } from '../read/source.ts'
import { readTextFile } from '../read/text.ts'
import { z } from 'zod'
import { claimsFileSchema, type ClaimsFile } from '../schema.ts'

/** Name of the cache folder inside the claims folder. */
export const cacheDirName = '.cache'

/**
 * Version of the cache's format; a cache of another version is ignored.
 * Bump it when what a digest or a tally holds changes meaning (what the
 * consensus counts, how a row is tallied).
 */
export const cacheVersion = 2

/** The digest of the claims format, once computed (see {@link claimsFormat}). */
let formatDigest: string | undefined

/**
 * The claims format the cache was made under: the sha256 of the claims
 * file schema as JSON Schema. A parsed copy, a digest or a tally made under
 * another format (a field added to claims, a rule changed) is ignored, so
 * a new field never reads stale.
 *
 * @returns The digest (computed once per process, when first needed).
 */
export function claimsFormat(): string {
  return (formatDigest ??= sha256(JSON.stringify(z.toJSONSchema(claimsFileSchema, { unrepresentable: 'any' }))))
}

/** Size and modification time of a file, as recorded in the index. */
export interface FileStamp {
  size: number
  mtimeMs: number
}

/** What the index knows of one claims file. */
export interface IndexEntry {
  /** The claims file when this entry was recorded. */
  claims: FileStamp
  /** Its source when the claims were extracted from it (or found current): stamp and sha256. */
  source?: FileStamp & { digest: string }
  /** The claims file's `digest` field (the digest of the source it was extracted from). */
  digest: string
  /** Whether a reviewed claim lacks the context re-anchoring needs (such a source is re-extracted). */
  lacksContext: boolean
  /** Every claim of the file counted per topic (the extract summary). */
  topics: Record<string, number>
  /** What the file contributes to the consensus (kept in the digest shards; in memory once loaded). */
  consensus?: SourceDigest
}

/** The digest index: one entry per claims file name. */
export interface ClaimsIndex {
  version: number
  /** The related topics the entries' within-source conflicts were computed with (JSON). */
  related: string
  /** Number of consensus rows of the folder's claims (when known). */
  rows?: number
  files: Record<string, IndexEntry>
}

/** Number of digest shards. */
const shards = 32

/**
 * The cache folder of a claims folder.
 *
 * @param claimsDir Claims folder.
 * @returns `<claimsDir>/.cache`.
 */
export function cacheDir(claimsDir: string): string {
  return join(claimsDir, cacheDirName)
}

/**
 * A file's size and modification time.
 *
 * @param stats `fs.Stats` of the file.
 * @returns Its stamp.
 */
export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs }
}

/**
 * The stamp of a file on disk.
 *
 * @param file Path.
 * @returns Its stamp, or `undefined` when it cannot be read.
 */
export function stampFile(file: string): FileStamp | undefined {
  try {
    return stampOf(statSync(file))
  } catch {
    return undefined
  }
}

/**
 * Whether two stamps are the same file state.
 *
 * @param a A stamp.
 * @param b Another (or none).
 * @returns `true` when size and modification time agree.
 */
export function sameStamp(a: FileStamp, b: FileStamp | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs
}

/**
 * Read the index of a claims folder.
 *
 * @param claimsDir Claims folder.
 * @param related The related topics now in use (JSON); an index made with others is ignored.
 * @returns The index, or an empty one when there is none usable.
 */
export function loadIndex(claimsDir: string, related: string): ClaimsIndex {
  const empty: ClaimsIndex = { version: cacheVersion, related, files: {} }
  try {
    const index = JSON.parse(readFileSync(join(cacheDir(claimsDir), 'index.json'), 'utf8')) as ClaimsIndex
    return index.version === cacheVersion && index.related === related && index.files && typeof index.files === 'object' ? index : empty
  } catch {
    return empty
  }
}

/**
 * Write the index of a claims folder, and the digest shards that hold a
 * changed digest (temporary files, then rename).
 *
 * @param claimsDir Claims folder.
 * @param index The index; entries whose `consensus` is loaded are written to their shard.
 * @param changed Names whose digest changed (default: every name: all shards are written).
 */
export function saveIndex(claimsDir: string, index: ClaimsIndex, changed?: Iterable<string>): void {
  const names = Object.keys(index.files)
  const dirty = new Set<number>()
  for (const name of changed ?? names) dirty.add(shardOf(name))
  const byShard = new Map<number, string[]>()
  for (const name of names) {
    const shard = shardOf(name)
    if (!dirty.has(shard)) continue
    const list = byShard.get(shard)
    if (list) list.push(name)
    else byShard.set(shard, [name])
  }
  for (const shard of dirty) {
    const kept = byShard.get(shard) ?? []
    // Digests not loaded in this run are kept from the shard as it was (while their stamp matches).
    const old = kept.some((name) => !index.files[name]!.consensus) ? readShard(claimsDir, shard, index.related) : {}
    const files: Record<string, { claims: FileStamp; consensus: SourceDigest }> = {}
    for (const name of kept) {
      const entry = index.files[name]!
      const consensus = entry.consensus ?? (sameStamp(entry.claims, old[name]?.claims) ? old[name]!.consensus : undefined)
      if (consensus) files[name] = { claims: entry.claims, consensus }
    }
    writeCacheFile(join(cacheDir(claimsDir), 'digests', `${shard}.json`), JSON.stringify({ version: cacheVersion, format: claimsFormat(), related: index.related, files }))
  }
  const files: Record<string, IndexEntry> = {}
  for (const name of names) {
    const { consensus: _omitted, ...entry } = index.files[name]!
    files[name] = entry
  }
  writeCacheFile(join(cacheDir(claimsDir), 'index.json'), JSON.stringify({ ...index, files }))
}

/**
 * Give every entry its digest from the shards, where the shard's stamp is
 * the entry's.
 *
 * @param claimsDir Claims folder.
 * @param entries Entries by name (those already holding a digest are left as they are).
 * @param related The related topics in use (JSON); shards made with others are ignored.
 * @returns The names still without a digest (their files must be read).
 */
export function loadDigests(claimsDir: string, entries: Map<string, IndexEntry>, related: string): string[] {
  const wanted = new Set<number>()
  for (const [name, entry] of entries) if (!entry.consensus) wanted.add(shardOf(name))
  const found: Record<string, { claims: FileStamp; consensus: SourceDigest }> = {}
  for (const shard of wanted) Object.assign(found, readShard(claimsDir, shard, related))
  const missing: string[] = []
  for (const [name, entry] of entries) {
    if (entry.consensus) continue
    const stored = found[name]
    if (stored && sameStamp(entry.claims, stored.claims)) entry.consensus = stored.consensus
    else missing.push(name)
  }
  return missing
}

/**
 * Read one digest shard.
 *
 * @param claimsDir Claims folder.
 * @param shard Its number.
 * @param related The related topics in use (JSON).
 * @returns Its digests by name (none when it is missing, unreadable or of another version).
 */
function readShard(claimsDir: string, shard: number, related: string): Record<string, { claims: FileStamp; consensus: SourceDigest }> {
  try {
    const data = JSON.parse(readFileSync(join(cacheDir(claimsDir), 'digests', `${shard}.json`), 'utf8')) as { version: number; format: string; related: string; files: Record<string, { claims: FileStamp; consensus: SourceDigest }> }
    return data.version === cacheVersion && data.format === claimsFormat() && data.related === related && data.files ? data.files : {}
  } catch {
    return {}
  }
}

/**
 * The shard of a claims file name (32-bit FNV-1a of its characters).
 *
 * @param name File name.
 * @returns 0 to 31.
 */
function shardOf(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % shards
}

/**
 * Name a state of the claims folder: its file names with their stamps.
 *
 * @param entries The index entries of the folder's valid claims files, by name.
 * @returns A digest of the names and stamps (the same state always gives the same name).
 */
export function folderState(entries: Map<string, IndexEntry>): string {
  const names = [...entries.keys()].sort()
  return sha256(names.map((name) => `${name}\u0000${entries.get(name)!.claims.size}\u0000${entries.get(name)!.claims.mtimeMs}`).join('\n'))
}

/**
 * Read the row tallies of a claims folder in one state.
 *
 * @param claimsDir Claims folder.
 * @param related The related topics in use (JSON).
 * @param state The folder's state (see {@link folderState}).
 * @returns The tallies, or `undefined` when none were written for this state (or they are unusable).
 */
export function loadTallies(claimsDir: string, related: string, state: string): Tallies | undefined {
  try {
    const data = JSON.parse(readFileSync(join(cacheDir(claimsDir), 'rows.json'), 'utf8')) as { version: number; format: string; related: string; state: string; rows: [string, RowTally][] }
    const usable = data.version === cacheVersion && data.format === claimsFormat() && data.related === related && data.state === state
    return usable && Array.isArray(data.rows) ? new Map(data.rows) : undefined
  } catch {
    return undefined
  }
}

/**
 * Write the row tallies of a claims folder (a temporary file, then rename).
 *
 * @param claimsDir Claims folder.
 * @param related The related topics they were counted with (JSON).
 * @param state The folder's state they count (see {@link folderState}).
 * @param tallies The tallies.
 */
export function saveTallies(claimsDir: string, related: string, state: string, tallies: Tallies): void {
  const rows = [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  writeCacheFile(join(cacheDir(claimsDir), 'rows.json'), JSON.stringify({ version: cacheVersion, format: claimsFormat(), related, state, rows }))
}

/**
 * Read one claims file, using the cached parse when its text is unchanged.
 * Same result as `readClaimsFile` (the same data, messages and text);
 * `locate` parses the YAML when first called.
 *
 * @param file Path of a claims file.
 * @returns What `readClaimsFile` returns.
 */
export async function readCachedClaims(file: string): Promise<ClaimsRead> {
  let text: string
  try {
    text = (await readTextFile(file)).text
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    return { file, data: undefined, messages: [{ file, line: error.line, reason: error.reason, ruleId: 'read' }], text: '', locate: () => ({ line: 1, column: 1 }) }
  }
  const digest = sha256(text)
  const copy = copyPath(file)
  try {
    const cached = JSON.parse(readFileSync(copy, 'utf8')) as { digest: string; format: string; data: ClaimsFile }
    if (cached.digest === digest && cached.format === claimsFormat() && cached.data) {
      return { file, data: cached.data, messages: [], text, locate: (path) => parseClaims(file, text).locate(path) }
    }
  } catch {
    // No copy, or an unusable one: parse.
  }
  const read = parseClaims(file, text)
  // A reader refreshes a cache that `extract` made, and never creates one.
  if (read.data && read.messages.length === 0 && existsSync(cacheDir(dirname(file)))) rememberClaims(file, text, read.data)
  return read
}

/**
 * Read every claims file of a folder (as `readClaimsDir`), through the cache.
 *
 * @param dir Claims folder.
 * @returns One result per file, sorted by name.
 * @throws {FileError} When the folder does not exist.
 */
export async function readClaimsFolder(dir: string): Promise<ClaimsRead[]> {
  const names = await listFiles(dir, /\.ya?ml$/i)
  const out: ClaimsRead[] = []
  // In batches: thousands of files at once would only queue in the thread pool (or run out of descriptors).
  for (let i = 0; i < names.length; i += 64) {
    out.push(...(await Promise.all(names.slice(i, i + 64).map((name) => readCachedClaims(join(dir, name))))))
  }
  return out
}

/**
 * Keep the parse of a claims file's text (after writing it, or parsing it).
 * Errors are ignored: a claims folder that cannot take a cache still works.
 *
 * @param file Path of the claims file.
 * @param text Its text.
 * @param data Its validated content.
 */
export function rememberClaims(file: string, text: string, data: ClaimsFile): void {
  try {
    writeCacheFile(copyPath(file), JSON.stringify({ digest: sha256(text), format: claimsFormat(), data }))
  } catch {
    // Read-only folder, disk full…: the cache is only a cache.
  }
}

/**
 * Where the parsed copy of a claims file is kept.
 *
 * @param file Path of the claims file.
 * @returns `<dir>/.cache/files/<name>.json`.
 */
function copyPath(file: string): string {
  return join(cacheDir(dirname(file)), 'files', `${basename(file)}.json`)
}

/**
 * Write a cache file: folder and `.gitignore` created when missing, a
 * temporary file renamed into place.
 *
 * @param path Where.
 * @param content Text.
 */
function writeCacheFile(path: string, content: string): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  const root = basename(dir) === cacheDirName ? dir : dirname(dir)
  try {
    statSync(join(root, '.gitignore'))
  } catch {
    writeFileSync(join(root, '.gitignore'), '# claimrange cache: safe to delete, never committed\n*\n')
  }
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, content)
  renameSync(temp, path)
}
