/**
 * Read gold files (`test/gold/<source-id>.yaml`) and the sources they
 * annotate, checking everything a scorer relies on: the YAML, the shape
 * (zod), the source's existence, every quote's place in the source, and,
 * when a vocabulary is given, every topic and condition.
 *
 * Problems are messages at `file:line:column`, every one of them, never
 * exceptions (except for a missing folder).
 */
import { join } from 'node:path'
import { goldFileSchema, type GoldFile } from '../eval/gold.ts'
import type { EvalDocument } from '../eval/evaluate.ts'
import { locateQuote, QuoteError } from '../eval/locate.ts'
import { compareMessages, type Message } from '../message.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { listFiles } from './claims.ts'
import { FileError } from './errors.ts'
import { readSource, type Source } from './source.ts'
import { readTextFile } from './text.ts'
import { parseValidated } from './yaml.ts'

/** The result of reading one gold file. */
export interface GoldRead {
  /** Path of the gold file. */
  file: string
  /** The validated content; `undefined` when the file is unusable. */
  data: GoldFile | undefined
  /** 1-based line of each claim in the gold file (same order as `data.claims`). */
  lines: number[]
  /** 1-based line of the `source` field (1 when unknown). */
  sourceLine: number
  /** Every problem found, each at its own line and column. */
  messages: Message[]
}

/**
 * Parse and validate the text of a gold file, listing *every* schema
 * problem at its own line and column.
 *
 * @param file Path, for messages.
 * @param text YAML text of the gold file.
 * @returns The validated data (or `undefined`), claim lines and messages.
 * @example
 * parseGold('test/gold/a.yaml', 'source: a\nclaims: []\n').data // {source: 'a', claims: []}
 */
export function parseGold(file: string, text: string): GoldRead {
  const { data, messages, locate } = parseValidated(file, text, goldFileSchema)
  const sourceLine = locate(['source']).line
  if (!data) return { file, data: undefined, lines: [], sourceLine: messages[0]?.ruleId === 'yaml' ? 1 : sourceLine, messages }
  const lines = data.claims.map((_, i) => locate(['claims', i]).line)
  return { file, data, lines, sourceLine, messages: [] }
}

/**
 * Read one gold file from disk.
 *
 * @param file Path of a `.yaml` gold file.
 * @returns The validated data (or `undefined`) with its messages; an
 *   unreadable file gives one message, never an exception.
 */
export async function readGoldFile(file: string): Promise<GoldRead> {
  try {
    const { text } = await readTextFile(file)
    return parseGold(file, text)
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    return { file, data: undefined, lines: [], sourceLine: 1, messages: [{ file, line: error.line, reason: error.reason, ruleId: 'read' }] }
  }
}

/** What {@link readEvalCorpus} gives. */
export interface EvalCorpus {
  /** Sources whose gold is fully usable, sorted by gold file name. */
  documents: EvalDocument[]
  /** Every problem, sorted by file and place. A gold file with any problem gives no document. */
  messages: Message[]
  /** Number of gold files found. */
  goldFiles: number
}

/**
 * Read every gold file of a folder (`*.yaml`, not recursive) with the
 * source it annotates, `<sourcesDir>/<source>.md`.
 *
 * Each gold file must be named after its source (`<source>.yaml`), name a
 * source that exists, and have every quote occur in that source exactly
 * once (or give `occurrence`). With a vocabulary, every topic and
 * condition must be one of its own.
 *
 * @param sourcesDir Folder of the sources.
 * @param goldDir Folder of the gold files.
 * @param vocabulary Vocabulary whose topics and conditions gold may use (default: not checked).
 * @returns The usable documents and every problem found.
 * @throws {FileError} When the gold folder does not exist.
 * @example
 * const {documents, messages} = await readEvalCorpus('sources', 'test/gold', vocabulary)
 */
export async function readEvalCorpus(sourcesDir: string, goldDir: string, vocabulary?: Vocabulary): Promise<EvalCorpus> {
  const names = await listFiles(goldDir, /\.ya?ml$/i)
  const documents: EvalDocument[] = []
  const messages: Message[] = []
  for (const name of names) {
    const read = await readGoldFile(join(goldDir, name))
    messages.push(...read.messages)
    const data = read.data
    if (!data) continue
    const problems: Message[] = []
    const expectedId = name.replace(/\.ya?ml$/i, '')
    if (data.source !== expectedId) {
      problems.push({ file: read.file, line: read.sourceLine, reason: `Unexpected \`source: ${data.source}\`, expected \`${expectedId}\` (the gold file's name)`, ruleId: 'source' })
    }
    const sourceFile = join(sourcesDir, `${data.source}.md`)
    let source: Source | undefined
    try {
      source = await readSource(sourceFile)
    } catch (error) {
      if (!(error instanceof FileError)) throw error
      problems.push({ file: read.file, line: read.sourceLine, reason: `Cannot use source \`${sourceFile}\`${error.line === undefined ? '' : ` at line ${error.line}`}: ${error.reason}`, ruleId: 'source' })
    }
    data.claims.forEach((claim, i) => {
      const line = read.lines[i]
      if (source) {
        try {
          locateQuote(source.text, claim.quote, claim.occurrence)
        } catch (error) {
          if (!(error instanceof QuoteError)) throw error
          problems.push({ file: read.file, line, reason: `${error.message} (in \`${sourceFile}\`)`, ruleId: 'quote' })
        }
      }
      if (vocabulary && !(claim.topic in vocabulary.topics)) {
        problems.push({ file: read.file, line, reason: `Unexpected topic \`${claim.topic}\`, expected one of the vocabulary's topics`, ruleId: 'vocabulary' })
      }
      if (vocabulary && claim.condition !== null && !(claim.condition in vocabulary.conditions)) {
        problems.push({ file: read.file, line, reason: `Unexpected condition \`${claim.condition}\`, expected \`null\` or one of the vocabulary's conditions`, ruleId: 'vocabulary' })
      }
    })
    messages.push(...problems)
    if (problems.length === 0 && source) {
      documents.push({ file: sourceFile, source: { id: source.id, text: source.text, bodyStart: source.bodyStart }, gold: data.claims })
    }
  }
  return { documents, messages: messages.sort(compareMessages), goldFiles: names.length }
}

