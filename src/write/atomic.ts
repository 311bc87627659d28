import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomicModule from 'write-file-atomic'
import lockfile from 'proper-lockfile'

/**
 * Write a file atomically: the content goes to a temp file beside it, is
 * flushed, then renamed into place. A run killed at any moment leaves the
 * file either as it was or as it should be.
 *
 * @param file Destination path (its folder is created when missing).
 * @param content Text to write (UTF-8).
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFileAtomicModule(file, content, { encoding: 'utf8' })
}

/** Options for {@link withLock}. */
export interface LockOptions {
  /** How long to wait for another run to finish, in ms (default: 30000). */
  waitMs?: number
}

/**
 * Run `task` while holding an exclusive lock on a folder, so two runs at once
 * cannot interleave writes. The second run waits for the first (up to
 * `waitMs`), then stops with a message naming the lock.
 *
 * The lock is a `<folder>.lock` directory beside the folder (proper-lockfile);
 * a lock left by a killed run goes stale after 10 s and is taken over.
 *
 * @param dir Folder to lock (created when missing).
 * @param task Work to do under the lock.
 * @param options See {@link LockOptions}.
 * @returns What `task` returns.
 * @throws {Error} When the lock cannot be had in time.
 */
export async function withLock<T>(dir: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await mkdir(dir, { recursive: true })
  const waitMs = options.waitMs ?? 30000
  const retries = Math.max(0, Math.ceil(waitMs / 200))
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dir, {
      stale: 10000,
      update: 2000,
      realpath: false,
      retries: { retries, factor: 1, minTimeout: 200, maxTimeout: 200 }
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(`${dir}.lock: another claimrange run is writing to \`${dir}\`; waited ${waitMs / 1000} s, stopping without writing`)
    }
    throw error
  }
  try {
    return await task()
  } finally {
    await release()
  }
}
