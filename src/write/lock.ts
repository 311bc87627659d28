/**
 * An exclusive lock on a folder, held for as long as the run that took it
 * lives: `<folder>.lock`, a directory (made atomically by `mkdir`) holding
 * `owner.json` — the owner's process id, the kernel's start time of that
 * process (Linux), the host name and a token of this acquisition.
 *
 * - A second run finds the lock and waits (polling every 100 ms) while its
 *   owner is alive, then stops with a message naming the lock and the
 *   owner's pid. It never takes over a live run's lock, however long that
 *   run is busy: liveness is asked of the operating system (`kill(pid, 0)`
 *   and the start time, so a reused pid is not mistaken for the owner),
 *   not read from a time stamp that a busy event loop fails to refresh.
 * - A lock whose owner is dead (killed, crashed) is taken over at once. So
 *   is one left without `owner.json` for over 5 s (a run killed between
 *   `mkdir` and writing it). Taking over is itself done under
 *   `<folder>.lock.break`, so two waiting runs cannot both take it.
 * - A lock owned on another host (a shared folder) is always treated as
 *   alive: remove it by hand once that run is over.
 * - The lock is removed when the task ends, and when the process exits
 *   (`exit` handlers run on `process.exit`, which the CLI calls on Ctrl-C
 *   and SIGTERM).
 *
 * Decision: written here rather than with proper-lockfile, which decides
 * staleness by a modification time refreshed from a timer: a source that
 * kept the event loop busy for over 10 s let a second run take the lock of
 * a live run (then the first died with `ECOMPROMISED`).
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** Who holds a lock, as written in its `owner.json`. */
export interface LockOwner {
  pid: number
  /** The process's start time as the kernel counts it (`/proc/<pid>/stat`), or `null` where there is no `/proc`. */
  started: string | null
  host: string
  /** Different for every acquisition, so a process tells its own locks apart. */
  token: string
}

/** Options of {@link acquireLock}. */
export interface AcquireOptions {
  /** How long to wait for a live owner, in ms (default: 30000). */
  waitMs?: number
}

/** A lock without `owner.json` older than this (ms) was left by a run killed while taking it. */
export const ownerlessStaleMs = 5000
/** A `.break` lock older than this (ms) was left by a run killed while taking over. */
const breakStaleMs = 10000
const pollMs = 100

/** Locks this process holds, by lock path, removed on exit. */
const held = new Map<string, string>()
let exitHandler = false

/**
 * The kernel's start time of a process (Linux), which tells a live owner
 * from a later process that got the same pid.
 *
 * @param pid Process id.
 * @returns Field 22 of `/proc/<pid>/stat`, or `null` when it cannot be read.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/**
 * Whether a lock's owner may still be running.
 *
 * @param owner What the lock's `owner.json` says.
 * @returns `false` only when this host's owner process is gone (or its pid now belongs to another process).
 */
export function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (owner.started === null) return true
  const started = processStart(owner.pid)
  return started === null || started === owner.started
}

/** The owner written in a lock, or `undefined` when there is none (yet) or it cannot be read. */
async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(lockPath, 'owner.json'), 'utf8')) as LockOwner
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : undefined
  } catch {
    return undefined
  }
}

/** What a lock found in place is: held by a live owner, free to take over, or gone meanwhile. */
async function inspect(lockPath: string): Promise<{ state: 'held' | 'stale' | 'gone'; owner?: LockOwner }> {
  const owner = await readOwner(lockPath)
  if (owner) return isAlive(owner) ? { state: 'held', owner } : { state: 'stale', owner }
  try {
    const info = await stat(lockPath)
    return Date.now() - info.mtimeMs > ownerlessStaleMs ? { state: 'stale' } : { state: 'held' }
  } catch {
    return { state: 'gone' }
  }
}

/** Take over a lock whose owner is dead, under the `.break` lock; re-checked there, so a lock taken meanwhile is left alone. */
async function breakStale(lockPath: string, seen: LockOwner | undefined): Promise<void> {
  const breaker = `${lockPath}.break`
  try {
    await mkdir(breaker)
  } catch {
    // Another run is taking it over; one killed while doing so left its mark long ago.
    const info = await stat(breaker).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > breakStaleMs) await rmdir(breaker).catch(() => undefined)
    return
  }
  try {
    const now = await inspect(lockPath)
    if (now.state === 'stale' && now.owner?.token === seen?.token) {
      const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
      await rename(lockPath, aside)
      await rm(aside, { recursive: true, force: true })
    }
  } finally {
    await rmdir(breaker).catch(() => undefined)
  }
}

/**
 * Take the lock on a folder, waiting while a live run holds it.
 *
 * @param dir Folder to lock (created when missing); the lock is `<dir>.lock`.
 * @param options See {@link AcquireOptions}.
 * @returns A function that releases the lock (a no-op once it is no longer ours).
 * @throws {Error} Naming the lock and its owner when a live run keeps it past `waitMs`.
 */
export async function acquireLock(dir: string, options: AcquireOptions = {}): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? 30000
  const lockPath = `${dir}.lock`
  await mkdir(dir, { recursive: true })
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      await mkdir(lockPath)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const found = await inspect(lockPath)
      if (found.state === 'gone') continue
      if (found.state === 'stale') {
        await breakStale(lockPath, found.owner)
        continue
      }
      if (Date.now() >= deadline) {
        const who = found.owner ? ` (pid ${found.owner.pid}${found.owner.host === hostname() ? '' : ` on ${found.owner.host}`})` : ''
        throw new Error(`${lockPath}: another claimrange run${who} is writing to \`${dir}\`; waited ${waitMs / 1000} s, stopping without writing`)
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
      continue
    }
    const owner: LockOwner = { pid: process.pid, started: processStart(process.pid), host: hostname(), token: randomBytes(8).toString('hex') }
    const temp = join(lockPath, `owner.${owner.token}.tmp`)
    await writeFile(temp, `${JSON.stringify(owner)}\n`)
    await rename(temp, join(lockPath, 'owner.json'))
    hold(lockPath, owner.token)
    return async () => {
      if (held.get(lockPath) !== owner.token) return
      held.delete(lockPath)
      if ((await readOwner(lockPath))?.token === owner.token) await rm(lockPath, { recursive: true, force: true })
    }
  }
}

/** Remember a lock this process holds, and remove it if the process exits holding it. */
function hold(lockPath: string, token: string): void {
  held.set(lockPath, token)
  if (exitHandler) return
  exitHandler = true
  process.on('exit', () => {
    for (const [path, mine] of held) {
      try {
        const owner = JSON.parse(readFileSync(join(path, 'owner.json'), 'utf8')) as LockOwner
        if (owner.token === mine) rmSync(path, { recursive: true, force: true })
      } catch {
        // already gone
      }
    }
  })
}
