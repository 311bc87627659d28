/**
 * Read gold files (`test/gold/<source-id>.yaml`) and the sources they
 * annotate, checking everything a scorer relies on: the YAML, the shape
 * (zod), the source's existence, every quote's place in the source, and,
 * when a vocabulary is given, every topic and condition. The real-article
 * set (`test/real/`: index, gold with offsets, cached texts) is read by
 * {@link readRealSet}.
 *
 * Problems are messages at `file:line:column`, every one of them, never
 * exceptions (except for a missing folder).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { goldFileSchema, type GoldFile } from '../eval/gold.ts'
import type { EvalDocument } from '../eval/evaluate.ts'
import { locateQuote, QuoteError } from '../eval/locate.ts'
import { realGoldFileSchema, realIndexEntrySchema, type RealGoldClaim, type RealIndexEntry } from '../eval/real.ts'
import { compareMessages, type Message } from '../message.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { listFiles } from './claims.ts'
import { FileError } from './errors.ts'
import { readSource, sha256, type Source } from './source.ts'
import { readTextFile } from './text.ts'
import { parseValidated } from './yaml.ts'
import { z } from 'zod'

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


/** One page of the real-article set, as read. */
export interface RealPage {
  entry: RealIndexEntry
  /** Where its gold file is (or would be). */
  goldFile: string
  /** Where its cached text is (or would be). */
  textFile: string
  /**
   * `ready`: gold and the very text it was labelled on, both valid;
   * `unlabelled`: no gold file yet; `missing-text`: no cached text (never
   * committed: a machine that did not fetch it, such as CI); `other-text`:
   * the cached text is not the one indexed (its sha256 differs);
   * `invalid`: its entry, gold or text has a problem (in `messages`).
   */
  status: 'ready' | 'unlabelled' | 'missing-text' | 'other-text' | 'invalid'
  /** The gold claims (when the gold file is valid). */
  gold?: RealGoldClaim[]
  /** The text (when cached and indexed). */
  text?: string
  /** The cached text's sha256, when it is not the one indexed. */
  textSha256?: string
}

/** What {@link readRealSet} gives. */
export interface RealSetRead {
  /** The index files read: `index.yaml`, or, while there is none, every `index.d/*.yaml`. */
  indexFiles: string[]
  /** Every page of the index that was kept, in index order. */
  pages: RealPage[]
  /** Every problem, sorted by file and place. */
  messages: Message[]
}

/**
 * Read the real-article set of a folder (format: `test/real/README.md`):
 * its index, its gold files and its cached texts, checking the YAML and
 * shapes of index and gold files, unique slugs, that every gold file is
 * for an indexed page and for the same text (sha256), and, where the text
 * is cached and is the one indexed, its length (`chars`) and that every
 * `at` lies inside it. Problems are messages at `file:line:column`, every
 * one; a page with a problem is `invalid`, the others are still usable.
 *
 * @param dir The set's folder (e.g. `test/real`).
 * @param keep Which index entries to read (default: all): the gold file and
 *   text of any other page are not opened, and the page is not in `pages`
 *   (so `eval --real --set dev` never reads a holdout page).
 * @returns The pages with their status, and the problems.
 * @throws {FileError} When the folder does not exist.
 * @example
 * const {pages} = await readRealSet('test/real', (entry) => entry.set === 'dev')
 * pages.filter((p) => p.status === 'ready')
 */
export async function readRealSet(dir: string, keep: (entry: RealIndexEntry) => boolean = () => true): Promise<RealSetRead> {
  // Only to fail with a clear FileError when `dir` is no folder.
  await listFiles(dir, /^$/)
  const messages: Message[] = []
  const indexFiles = existsSync(join(dir, 'index.yaml'))
    ? [join(dir, 'index.yaml')]
    : existsSync(join(dir, 'index.d'))
      ? (await listFiles(join(dir, 'index.d'), /\.ya?ml$/i)).map((name) => join(dir, 'index.d', name))
      : []
  const entries: Array<{ entry: RealIndexEntry; file: string; locate: (path: (string | number)[]) => { line: number; column: number }; i: number }> = []
  const firstPlace = new Map<string, string>()
  // Slugs of entries with a problem: their gold files are no strays.
  const named = new Set<string>()
  for (const file of indexFiles) {
    const read = await readYaml(file, z.array(z.unknown()), messages)
    if (!read) continue
    read.data.forEach((item, i) => {
      // Each entry on its own: one broken entry leaves the others usable.
      const parsed = realIndexEntrySchema.safeParse(item)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = [i, ...(issue.path as (string | number)[])]
          messages.push({ file, ...read.locate(path), reason: `\`${path.join('.')}\`: ${issue.message}`, ruleId: 'schema' })
        }
        const slug = (item as { slug?: unknown } | null)?.slug
        if (typeof slug === 'string') named.add(slug)
        return
      }
      const entry = parsed.data
      const place = read.locate([i, 'slug'])
      const first = firstPlace.get(entry.slug)
      if (first) messages.push({ file, ...place, reason: `Duplicate slug \`${entry.slug}\`, first at ${first}`, ruleId: 'index' })
      else {
        firstPlace.set(entry.slug, `${file}:${place.line}`)
        entries.push({ entry, file, locate: read.locate, i })
      }
    })
  }
  const indexed = new Map(entries.map((e) => [e.entry.slug, e]))
  const goldDir = join(dir, 'gold')
  const goldNames = existsSync(goldDir) ? await listFiles(goldDir, /\.ya?ml$/i) : []
  for (const name of goldNames) {
    const slug = name.replace(/\.ya?ml$/i, '')
    if (!indexed.has(slug) && !named.has(slug)) messages.push({ file: join(goldDir, name), line: 1, column: 1, reason: `Unexpected gold file for \`${slug}\`: the index lists no such page`, ruleId: 'index' })
  }
  const pages: RealPage[] = []
  for (const { entry, file, locate, i } of entries) {
    if (!keep(entry)) continue
    const goldName = goldNames.find((name) => name.replace(/\.ya?ml$/i, '') === entry.slug)
    const goldFile = join(goldDir, goldName ?? `${entry.slug}.yaml`)
    const textFile = join(dir, 'cache', `${entry.slug}.txt`)
    const page: RealPage = { entry, goldFile, textFile, status: 'ready' }
    pages.push(page)
    const problems = messages.length
    let gold: Awaited<ReturnType<typeof readYaml<typeof realGoldFileSchema>>>
    if (goldName) {
      gold = await readYaml(goldFile, realGoldFileSchema, messages)
      if (gold && gold.data.slug !== entry.slug) {
        messages.push({ file: goldFile, ...gold.locate(['slug']), reason: `Unexpected \`slug: ${gold.data.slug}\`, expected \`${entry.slug}\` (the gold file's name)`, ruleId: 'gold' })
      }
      if (gold && gold.data.sha256 !== entry.sha256) {
        messages.push({ file: goldFile, ...gold.locate(['sha256']), reason: `Unexpected \`sha256\`: the index has \`${entry.sha256.slice(0, 12)}…\` for this page (${file}:${locate([i, 'sha256']).line}): the offsets are into another text`, ruleId: 'gold' })
      }
    }
    if (existsSync(textFile)) {
      try {
        const { bytes, text } = await readTextFile(textFile)
        const digest = sha256(bytes)
        if (digest !== entry.sha256) {
          page.textSha256 = digest
        } else {
          page.text = text
          if (entry.chars !== undefined && entry.chars !== text.length) {
            messages.push({ file, ...locate([i, 'chars']), reason: `Unexpected \`chars: ${entry.chars}\`, expected \`${text.length}\` (the length of \`${textFile}\`)`, ruleId: 'index' })
          }
          gold?.data.claims.forEach((claim, c) => {
            if (claim.at[1] > text.length) {
              messages.push({ file: goldFile, ...gold.locate(['claims', c, 'at']), reason: `Unexpected \`at: [${claim.at.join(', ')}]\`, expected offsets within the text (0–${text.length})`, ruleId: 'gold' })
            }
          })
        }
      } catch (error) {
        if (!(error instanceof FileError)) throw error
        messages.push({ file: textFile, line: error.line, reason: error.reason, ruleId: 'read' })
      }
    }
    if (gold) page.gold = gold.data.claims
    page.status = messages.length > problems || (goldName && !gold) ? 'invalid' : !goldName ? 'unlabelled' : page.textSha256 ? 'other-text' : page.text === undefined ? 'missing-text' : 'ready'
  }
  return { indexFiles, pages, messages: messages.sort(compareMessages) }
}

/** Read a YAML file and validate it, adding every problem to `messages`; `undefined` when unusable. */
async function readYaml<S extends z.ZodType>(file: string, schema: S, messages: Message[]): Promise<{ data: z.infer<S>; locate: (path: (string | number)[]) => { line: number; column: number } } | undefined> {
  let text: string
  try {
    text = (await readTextFile(file)).text
  } catch (error) {
    if (!(error instanceof FileError)) throw error
    messages.push({ file, line: error.line, reason: error.reason, ruleId: 'read' })
    return undefined
  }
  const read = parseValidated(file, text, schema)
  messages.push(...read.messages)
  return read.data === undefined ? undefined : { data: read.data, locate: read.locate }
}
