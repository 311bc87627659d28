import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomicModule from 'write-file-atomic'
import { acquireLock } from './lock.ts'

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
 * The lock is a `<folder>.lock` directory beside the folder, held for as
 * long as the run lives (see `lock.ts`): never taken over from a live run,
 * taken over at once from a dead one.
 *
 * @param dir Folder to lock (created when missing).
 * @param task Work to do under the lock.
 * @param options See {@link LockOptions}.
 * @returns What `task` returns.
 * @throws {Error} When the lock cannot be had in time.
 */
export async function withLock<T>(dir: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireLock(dir, { waitMs: options.waitMs ?? 30000 })
  try {
    return await task()
  } finally {
    await release()
  }
}
