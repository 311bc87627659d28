import { readFile, stat } from 'node:fs/promises'
import { maxSourceBytes } from '../limits.ts'
import { FileError } from './errors.ts'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Read a text file strictly: it must exist, be no larger than a cap, be
 * non-empty, contain no NUL byte (binary) and be valid UTF-8. The size is
 * checked before anything is read.
 *
 * @param file Path to read.
 * @param options `maxBytes`: the largest file accepted (default: `maxSourceBytes`, 5 MiB).
 * @returns The bytes and the decoded text (a leading BOM is kept, so offsets
 *   match the file as read from disk).
 * @throws {FileError} When the file is missing, too large, empty, binary or not UTF-8.
 */
export async function readTextFile(file: string, options: { maxBytes?: number } = {}): Promise<{ bytes: Uint8Array; text: string }> {
  const maxBytes = options.maxBytes ?? maxSourceBytes
  let bytes: Uint8Array
  try {
    const size = (await stat(file)).size
    if (size > maxBytes) throw new FileError(file, tooLarge(size, maxBytes))
    bytes = await readFile(file)
  } catch (error) {
    if (error instanceof FileError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new FileError(file, code === 'ENOENT' ? 'Cannot read file: it does not exist' : `Cannot read file (${code ?? String(error)})`)
  }
  // The file may have grown between the look and the read.
  if (bytes.length > maxBytes) throw new FileError(file, tooLarge(bytes.length, maxBytes))
  if (bytes.length === 0) throw new FileError(file, 'Unexpected empty file, expected an article')
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new FileError(file, `Unexpected NUL byte at offset ${nul}: this looks like a binary file, expected UTF-8 text`)
  }
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const { line, offset } = firstInvalidUtf8(bytes)
    throw new FileError(file, `Invalid UTF-8 at byte ${offset}, expected UTF-8 text`, line)
  }
  return { bytes, text }
}

/**
 * Locate the first invalid UTF-8 sequence in a buffer.
 *
 * @param bytes Buffer known to be invalid.
 * @returns Byte offset of the first bad sequence and its 1-based line.
 */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; offset: number } {
  let line = 1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1
    if (need < 0) return { line, offset: i }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, offset: i }
    }
    if (b === 0x0a) line++
    i += need + 1
  }
  return { line, offset: i }
}

/**
 * The reason given for a file or page over a size cap.
 *
 * @param size Its size in bytes (or as much as was read).
 * @param maxBytes The cap.
 * @param what What it is (default: `file`).
 * @param more `'more than '` when only part of it was read (default: `''`).
 * @returns One line, e.g. "Unexpected file of 20.0 MiB, expected at most 5.0 MiB (the size cap)".
 */
export function tooLarge(size: number, maxBytes: number, what = 'file', more = ''): string {
  return `Unexpected ${what} of ${more}${mib(size)}, expected at most ${mib(maxBytes)} (the size cap)`
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
