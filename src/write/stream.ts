/**
 * Write a file given in pieces, atomically: the pieces go to a temporary
 * file beside it, which is flushed and renamed into place, so a reader sees
 * the old file or the whole new one, and the text never has to be one
 * string (a site of 10,000 sources has a `data.js` of hundreds of MB).
 */
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Write chunks of text to a file atomically.
 *
 * @param file Destination path (its folder is created when missing).
 * @param chunks The text, in pieces (UTF-8).
 * @example
 * await writeChunksAtomic('dist/site/data.js', siteDataChunks(data))
 */
export async function writeChunksAtomic(file: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`
  const handle = await open(temp, 'w')
  try {
    for (const chunk of chunks) await handle.write(chunk)
    await handle.sync()
    await handle.close()
    await rename(temp, file)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw error
  }
}
