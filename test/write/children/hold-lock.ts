/**
 * Child process for `atomic.test.ts`: takes the lock on a folder with
 * `withLock`, writes a marker file, prints `locked`, holds the lock for
 * `<ms>` (or until killed when `<ms>` is `forever`), removes the marker and exits.
 *
 * Usage: node --import tsx hold-lock.ts <dir> <ms | forever>
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { withLock } from '../../../src/write/atomic.ts'

const [dir, hold] = process.argv.slice(2) as [string, string]
await withLock(dir, async () => {
  await writeFile(join(dir, 'holder'), String(process.pid))
  process.stdout.write('locked\n')
  await new Promise((resolve) => setTimeout(resolve, hold === 'forever' ? 2 ** 31 - 1 : Number(hold)))
  await rm(join(dir, 'holder'))
})
