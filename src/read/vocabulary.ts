import { fileURLToPath } from 'node:url'
import { vocabularySchema, type Vocabulary } from '../vocabulary.ts'
import { FileError } from './errors.ts'
import { readTextFile } from './text.ts'
import { loadYaml } from './yaml.ts'

/** The vocabulary shipped with claimrange (the project's `vocabulary.yaml`). */
export const defaultVocabularyFile = fileURLToPath(new URL('../../vocabulary.yaml', import.meta.url))

/**
 * Read and validate a vocabulary file.
 *
 * @param file Path of a vocabulary YAML file (default: the bundled `vocabulary.yaml`).
 * @returns The validated vocabulary.
 * @throws {FileError} With file:line when the file is unreadable, not YAML or not a valid vocabulary.
 */
export async function readVocabulary(file: string = defaultVocabularyFile): Promise<Vocabulary> {
  const { text } = await readTextFile(file)
  const { doc, lineCounter, value, problems } = loadYaml(text)
  const problem = problems[0]
  if (problem) {
    const pos = lineCounter.linePos(problem.offset)
    throw new FileError(file, problem.reason, pos.line, pos.col)
  }
  const parsed = vocabularySchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined
    throw new FileError(file, `Unexpected vocabulary: \`${issue.path.join('.')}\`: ${issue.message}`, pos?.line, pos?.col)
  }
  return parsed.data
}
