import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { maxClaimsBytes } from '../limits.ts'
import type { Message } from '../message.ts'
import { claimsFileSchema, type ClaimsFile } from '../schema.ts'
import { parseValidated } from './yaml.ts'
import { FileError } from './errors.ts'
import { readTextFile } from './text.ts'

/** The result of reading one claims file. */
export interface ClaimsRead {
  /** Path of the claims file. */
  file: string
  /** The validated content; `undefined` when the file is unusable. */
  data: ClaimsFile | undefined
  /** Every problem found, each at its own line and column. */
  messages: Message[]
  /** The file's text (empty when it could not be read). */
  text: string
  /** 1-based line and column of the node at a path (its nearest existing parent's otherwise). */
  locate: (path: (string | number)[]) => { line: number; column: number }
}

/**
 * The last parse of each claims file, by path. One run reads the claims
 * folder several times (the snapshot before extraction, each source's
 * previous claims, the consensus, the page; the watcher again on every
 * change), and YAML parses about 1 MB/s here, so a file is parsed again only
 * when its text changed. One entry per path: memory stays a few times the
 * folder's size.
 */
const lastParse = new Map<string, { text: string; read: ClaimsRead }>()

/**
 * Parse and validate the text of a claims file, listing *every* schema
 * problem at its own line and column.
 *
 * The same path with the same text is parsed once per process (see
 * `lastParse`); every call gets its own copy of the data, so a caller may
 * change what it gets.
 *
 * @param file Path, for messages.
 * @param text YAML text of the claims file.
 * @returns The validated data (or `undefined`) with its messages.
 */
export function parseClaims(file: string, text: string): ClaimsRead {
  let last = lastParse.get(file)
  if (last?.text !== text) {
    const { data, messages, locate } = parseValidated(file, text, claimsFileSchema)
    last = { text, read: { file, data, messages, text, locate } }
    lastParse.set(file, last)
  }
  const { read } = last
  return { ...read, data: read.data && structuredClone(read.data), messages: read.messages.map((m) => ({ ...m })) }
}

/**
 * Read one claims file from disk.
 *
 * @param file Path of a `.yaml` claims file.
 * @returns The validated data (or `undefined`) with its messages; an
 *   unreadable file gives one message, never an exception.
 */
export async function readClaimsFile(file: string): Promise<ClaimsRead> {
  try {
    const { text } = await readTextFile(file, { maxBytes: maxClaimsBytes })
    return parseClaims(file, text)
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    return { file, data: undefined, messages: [{ file, line: error.line, reason: error.reason, ruleId: 'read' }], text: '', locate: () => ({ line: 1, column: 1 }) }
  }
}

/**
 * Read every `*.yaml` claims file in a folder, sorted by name.
 *
 * @param dir Claims folder.
 * @returns One result per file.
 * @throws {FileError} When the folder does not exist.
 */
export async function readClaimsDir(dir: string): Promise<ClaimsRead[]> {
  const names = await listFiles(dir, /\.ya?ml$/i)
  return Promise.all(names.map((name) => readClaimsFile(join(dir, name))))
}

/**
 * List the sources of a folder (`*.md`), and warn of the ones skipped:
 * symbolic links. Decision: a source must be a regular file in the folder,
 * so that a link cannot bring the text of a file from elsewhere on the
 * machine into the claims and the published page.
 *
 * @param dir Sources folder.
 * @returns File names (sorted) and one warning per skipped link.
 * @throws {FileError} When the folder is missing or not a folder.
 */
export async function listSources(dir: string): Promise<{ names: string[]; messages: Message[] }> {
  const names = await listFiles(dir, /\.md$/i)
  const entries = await readdir(dir, { withFileTypes: true })
  const links = entries.filter((entry) => entry.isSymbolicLink() && /\.md$/i.test(entry.name) && !entry.name.startsWith('.'))
  const messages: Message[] = links
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      file: join(dir, name),
      reason: 'Skipped: a symbolic link, expected a regular file (claimrange does not follow links in the sources folder; copy the article in)',
      ruleId: 'symlink',
      severity: 'warning' as const
    }))
  return { names, messages }
}

/**
 * List the files in a folder whose names match, sorted.
 *
 * @param dir Folder to list.
 * @param pattern Names to keep.
 * @returns File names (not paths), sorted by code point.
 * @throws {FileError} When the folder is missing or not a folder.
 */
export async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new FileError(dir, code === 'ENOENT' ? 'Cannot read folder: it does not exist' : code === 'ENOTDIR' ? 'Expected a folder, found a file' : `Cannot read folder (${code})`)
  }
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
}
