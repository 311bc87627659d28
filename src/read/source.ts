import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { sourceMetaSchema, type SourceMeta } from '../schema.ts'
import { FileError } from './errors.ts'
import { readTextFile } from './text.ts'
import { loadYaml } from './yaml.ts'

/** A source article as read from disk. */
export interface Source {
  /** File name without `.md`: the id its claims file is named by. */
  id: string
  /** Path the source was read from. */
  file: string
  /** The file's full text; every offset in a claim points into it. */
  text: string
  /** sha256 (hex) of the file's bytes. */
  digest: string
  /** What the front matter says (empty when there is none). */
  meta: SourceMeta
  /** Offset where the article body starts (after the front matter). */
  bodyStart: number
}

const frontMatterOpen = /^(?:\uFEFF)?---[ \t]*\r?\n/
const frontMatterClose = /^---[ \t]*$/m

/**
 * Split front matter from a source's text and parse it.
 *
 * A file without a leading `---` line has no front matter: a plain-text
 * article saved as `.md` is a valid source.
 *
 * @param file Path, for error messages.
 * @param text Full text of the file.
 * @returns The parsed metadata and the offset where the body starts.
 * @throws {FileError} When the front matter is not closed, not valid YAML or not a mapping.
 */
export function parseFrontMatter(file: string, text: string): { meta: SourceMeta; bodyStart: number } {
  const open = frontMatterOpen.exec(text)
  if (!open) return { meta: {}, bodyStart: 0 }
  const rest = text.slice(open[0].length)
  const close = frontMatterClose.exec(rest)
  if (!close) throw new FileError(file, 'Unexpected end of file in front matter, expected a closing `---` line', 1)
  const yamlText = rest.slice(0, close.index)
  let bodyStart = open[0].length + close.index + close[0].length
  if (text[bodyStart] === '\r') bodyStart++
  if (text[bodyStart] === '\n') bodyStart++
  const { lineCounter, value, problems } = loadYaml(yamlText)
  const problem = problems[0]
  if (problem) {
    const pos = lineCounter.linePos(problem.offset)
    const reason = problem.reason.startsWith('Invalid YAML: ') ? problem.reason.replace('Invalid YAML: ', 'Invalid YAML in front matter: ') : `${problem.reason} (in front matter)`
    throw new FileError(file, reason, pos.line + 1, pos.col)
  }
  const parsed = sourceMetaSchema.safeParse(value ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new FileError(file, `Unexpected front matter: ${issue.path.join('.') || 'document'}: ${issue.message}`, 2)
  }
  return { meta: parsed.data, bodyStart }
}

/**
 * Read one source article.
 *
 * @param file Path of a `.md` file.
 * @returns The source, with its digest and front matter.
 * @throws {FileError} When the file is missing, empty, binary, not UTF-8 or has broken front matter.
 */
export async function readSource(file: string): Promise<Source> {
  const { bytes, text } = await readTextFile(file)
  const { meta, bodyStart } = parseFrontMatter(file, text)
  if (text.slice(bodyStart).trim() === '') throw new FileError(file, 'Unexpected empty article body, expected text after the front matter')
  return { id: sourceId(file), file, text, digest: sha256(bytes), meta, bodyStart }
}

/**
 * The id of a source: its file name without `.md`.
 *
 * @param file Path of the source.
 * @returns The id, e.g. `exercise-after-skin-needling`.
 */
export function sourceId(file: string): string {
  return basename(file).replace(/\.md$/i, '')
}

/**
 * sha256 of bytes or text, hex.
 *
 * @param data Bytes, or a string hashed as UTF-8.
 * @returns 64 lowercase hex digits.
 */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}
