/**
 * States of the claims folder to compare: as in the working tree, and as
 * committed at a git ref (read with `git ls-tree` and `git cat-file`
 * through `child_process`, no shell). `claimrange diff` compares the two.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import type { Message } from '../message.ts'
import type { ClaimsFile } from '../schema.ts'
import { parseClaims, readClaimsDir } from './claims.ts'
import { FileError } from './errors.ts'

/** One state of the claims folder: its usable files and why others were skipped. */
export interface ClaimsSnapshot {
  /** Valid claims files, sorted by file name. */
  files: ClaimsFile[]
  /** Problems of the files that were skipped (invalid YAML, schema), each naming its file. */
  messages: Message[]
}

/** A snapshot of the claims folder at a commit. */
export interface CommittedClaims extends ClaimsSnapshot {
  /** The ref as given. */
  ref: string
  /** The full commit id it names. */
  commit: string
  /** The folder's path inside the repository (`/`-separated; `''` for the top). */
  path: string
}

/**
 * Read the claims folder as it is on disk now, keeping valid files only.
 *
 * @param dir Claims folder.
 * @returns Its valid files and the messages of the others; no files when the folder does not exist.
 * @example
 * const {files} = await readClaimsSnapshot('claims')
 */
export async function readClaimsSnapshot(dir: string): Promise<ClaimsSnapshot> {
  if (!existsSync(dir)) return { files: [], messages: [] }
  const reads = await readClaimsDir(dir)
  return { files: reads.flatMap((read) => (read.data ? [read.data] : [])), messages: reads.flatMap((read) => read.messages) }
}

/**
 * Read the claims folder as committed at a git ref: every `*.yaml` file
 * directly in it (names starting with `.` skipped, like `readClaimsDir`).
 *
 * Decisions: a ref starting with `-` is refused (it would be read as an
 * option); the folder may be missing at the ref (an empty snapshot: every
 * row is then new) or missing on disk (it is looked up by its path
 * relative to the repository of its nearest existing parent). Files that
 * are invalid at the ref are skipped with messages naming `<ref>:<path>`.
 *
 * @param dir Claims folder (a path on disk inside a git work tree).
 * @param ref A commit-ish: `HEAD`, `HEAD~2`, a branch, a tag or a commit id.
 * @returns The committed files, the commit id and the folder's path in the repository.
 * @throws {FileError} Outside a git work tree, when git is missing, or when the ref names no commit.
 * @example
 * const {files, commit} = await readClaimsAtRef('claims', 'HEAD~1')
 */
export async function readClaimsAtRef(dir: string, ref: string): Promise<CommittedClaims> {
  if (ref === '' || ref.startsWith('-') || /[\s\0]/.test(ref)) throw new FileError(dir, `Unexpected git ref \`${ref}\`, expected a commit such as \`HEAD\` or \`HEAD~1\``)
  const { cwd, rest } = await nearestFolder(dir)
  let top: string
  try {
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim()
  } catch (error) {
    throw new FileError(dir, isMissingGit(error) ? 'Cannot run `git`: is it installed?' : 'Not inside a git repository: `--since` compares with a commit')
  }
  let commit: string
  try {
    commit = (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim()
  } catch {
    throw new FileError(dir, `Unknown git ref \`${ref}\`: no such commit in this repository`)
  }
  const inside = relative(await realpath(top), resolve(cwd, rest))
  if (inside.startsWith('..')) throw new FileError(dir, 'Not inside the git repository')
  const path = inside.split(sep).join('/')
  const listing = await git(top, ['ls-tree', '-z', commit, '--', path === '' ? '.' : `${path}/`])
  const files: ClaimsFile[] = []
  const messages: Message[] = []
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, name] = line.split('\t') as [string, string]
      const [, type, object] = meta.split(' ') as [string, string, string]
      return { type, object, name }
    })
    .filter((entry) => entry.type === 'blob' && /\.ya?ml$/i.test(entry.name) && !basename(entry.name).startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const text = await git(top, ['cat-file', 'blob', entry.object])
    const read = parseClaims(`${ref}:${entry.name}`, text)
    if (read.data) files.push(read.data)
    else messages.push(...read.messages)
  }
  return { files, messages, ref, commit, path }
}

/**
 * The nearest existing folder at or above `dir` (real path), and the rest of the path below it.
 *
 * @param dir A path that may not exist.
 * @returns `cwd` to run git in and the relative `rest` to `dir`.
 */
async function nearestFolder(dir: string): Promise<{ cwd: string; rest: string }> {
  let current = resolve(dir)
  const parts: string[] = []
  while (!existsSync(current)) {
    const parent = dirname(current)
    if (parent === current) break
    parts.unshift(current.slice(parent.length).replace(/^[\\/]/, ''))
    current = parent
  }
  return { cwd: await realpath(current), rest: parts.join(sep) }
}

/**
 * The last part of a `/`-separated path.
 *
 * @param path A path in a git tree.
 * @returns Its file name.
 */
function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * Run git and collect its standard output.
 *
 * @param cwd Folder to run in.
 * @param args Arguments (no shell).
 * @returns Standard output as UTF-8.
 * @throws {Error} When git exits non-zero or cannot be started.
 */
function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) =>
      error ? fail(error) : ok(stdout)
    )
  })
}

/**
 * Whether an error means the git program could not be started.
 *
 * @param error What `execFile` failed with.
 * @returns `true` for `ENOENT`.
 */
function isMissingGit(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
}
