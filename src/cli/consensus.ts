/**
 * `claimrange consensus`: read `claims/`, compute the consensus, print it
 * (terminal table and details, or `--json`) and optionally write a Markdown
 * report (`--markdown FILE`). Thin: it maps flags to options and calls
 * {@link loadConsensus}, `computeConsensus` and the report builders.
 *
 * Exit codes: 0 when every claims file was usable; 1 when a file was
 * skipped (the report of the others is still printed), when the folder is
 * missing or holds no usable claims file; 2 on bad usage.
 */
import type { Command } from 'commander'
import { computeConsensus } from '../consensus/compute.ts'
import type { ConsensusReport } from '../consensus/types.ts'
import { compareMessages, formatMessage, type Message } from '../message.ts'
import { readVocabulary } from '../read/vocabulary.ts'
import { FileError } from '../read/errors.ts'
import { readSource } from '../read/source.ts'
import { jsonChunks } from '../report/json.ts'
import { formatConsensusMarkdown, type ReportSource } from '../report/markdown.ts'
import { formatConsensusTerminal } from '../report/terminal.ts'
import { relatedTopics, topicLabel, type Vocabulary } from '../vocabulary.ts'
import { writeFileAtomic } from '../write/atomic.ts'
import { readClaimsFolder } from '../write/claims-cache.ts'
import type { Register } from './commands.ts'
import { join } from 'node:path'
import { CliError, printChunks } from './effects.ts'
import { claimsOption, sourcesOption, vocabularyOption } from './options.ts'

/** Options of {@link loadConsensus}. */
export interface LoadConsensusOptions {
  /** Claims folder (default: `claims`). */
  claims?: string
  /** Vocabulary file (default: the bundled `vocabulary.yaml`). */
  vocabulary?: string
  /** Source ids to leave out (default: none). */
  exclude?: string[]
}

/** What {@link loadConsensus} gives: the report and what went wrong reading. */
export interface LoadedConsensus {
  report: ConsensusReport
  /** Problems with claims files, sorted by file and place; each such file was skipped. */
  messages: Message[]
  /** Paths of the claims files that were skipped. */
  skipped: string[]
  /** Topic labels from the vocabulary, for every topic in the report. */
  labels: Record<string, string>
  /** Ids of `exclude` that no usable claims file has as its source (likely typos). */
  unknownExcludes: string[]
}

/**
 * Read the claims folder and the vocabulary, and compute the consensus of
 * every usable claims file.
 *
 * @param options Folder, vocabulary and exclusions (see {@link LoadConsensusOptions}).
 * @param read The vocabulary when the caller has read it already (`options.vocabulary` is then not read again).
 * @returns The report, the messages of skipped files and topic labels.
 * @throws {FileError} When the folder or the vocabulary cannot be read.
 * @throws {CliError} When the folder holds no claims file, or none is usable.
 * @example
 * const {report, messages} = await loadConsensus({claims: 'claims'})
 */
export async function loadConsensus(options: LoadConsensusOptions = {}, read?: Vocabulary): Promise<LoadedConsensus> {
  const dir = options.claims ?? 'claims'
  const vocabulary = read ?? (await readVocabulary(options.vocabulary))
  const reads = await readClaimsFolder(dir)
  if (reads.length === 0) throw new CliError(`${dir}: no claims files (*.yaml) found; run \`claimrange extract\` first`)
  const usable = reads.flatMap((read) => (read.data ? [read.data] : []))
  const messages = reads.flatMap((read) => read.messages).sort(compareMessages)
  const skipped = reads.filter((read) => !read.data).map((read) => read.file)
  if (usable.length === 0) {
    throw new CliError(`${dir}: none of the ${reads.length} claims file${reads.length === 1 ? ' is' : 's is'} usable:\n${messages.map(formatMessage).join('\n')}`)
  }
  const related: Record<string, string[]> = {}
  for (const [topic, others] of relatedTopics(vocabulary)) related[topic] = [...others].sort()
  const report = computeConsensus(usable, { related, exclude: options.exclude ?? [] })
  const labels: Record<string, string> = {}
  for (const row of report.topics) labels[row.topic] = topicLabel(vocabulary, row.topic)
  const sources = new Set(usable.map((file) => file.source))
  const unknownExcludes = (options.exclude ?? []).filter((id) => !sources.has(id))
  return { report, messages, skipped, labels, unknownExcludes }
}

/**
 * The sources a report names, with the title and address their front matter
 * gives. A source whose file is missing or unreadable is listed by its id
 * alone: the report is about the claims, and `check` reports the file.
 *
 * @param dir Folder of the sources.
 * @param ids Source ids (those of the claims files).
 * @returns One entry per id, in the order given.
 */
export async function reportSources(dir: string, ids: string[]): Promise<ReportSource[]> {
  const out: ReportSource[] = []
  for (const id of ids) {
    try {
      const { meta } = await readSource(join(dir, `${id}.md`))
      out.push({ id, title: typeof meta.title === 'string' ? meta.title : null, url: typeof meta.url === 'string' ? meta.url : null })
    } catch (error) {
      if (!(error instanceof FileError)) throw error
      out.push({ id, title: null, url: null })
    }
  }
  return out
}

/** Register `consensus` on the program. */
export const registerConsensus: Register = (program: Command, effects, setExit) => {
  program
    .command('consensus')
    .description('Compute where sources agree: consensus ranges, outliers and conflicts per topic')
    .addOption(claimsOption())
    .addOption(sourcesOption())
    .option('--json', 'print the report as JSON')
    .option('--markdown <file>', 'also write a Markdown report to FILE')
    .addOption(vocabularyOption())
    .option('--exclude <sources>', 'comma-separated source ids to leave out')
    .action(async (flags: { claims: string; sources: string; json?: boolean; markdown?: string; vocabulary?: string; exclude?: string }) => {
      const loaded = await loadConsensus({
        claims: flags.claims,
        ...(flags.vocabulary === undefined ? {} : { vocabulary: flags.vocabulary }),
        exclude: (flags.exclude ?? '').split(',').map((s) => s.trim()).filter(Boolean)
      })
      for (const message of loaded.messages) effects.err(formatMessage(message))
      for (const id of loaded.unknownExcludes) effects.err(`claimrange: --exclude: no claims file has source \`${id}\``)
      if (loaded.skipped.length > 0) {
        effects.err(`claimrange: skipped ${loaded.skipped.length} unusable claims file${loaded.skipped.length === 1 ? '' : 's'}; the report leaves ${loaded.skipped.length === 1 ? 'it' : 'them'} out`)
        setExit(1)
      }
      if (flags.json) await printChunks(effects, withNewline(jsonChunks(loaded.report)))
      else effects.out(formatConsensusTerminal(loaded.report, { color: effects.color, labels: loaded.labels }))
      if (flags.markdown !== undefined) {
        const ids = [...new Set(Object.values(loaded.report.claims).map((c) => c.source))]
        const sources = await reportSources(flags.sources, ids)
        await writeFileAtomic(flags.markdown, formatConsensusMarkdown(loaded.report, { labels: loaded.labels, sources }))
        effects.err(`claimrange: wrote ${flags.markdown}`)
      }
    })
}

/**
 * Chunks followed by a newline.
 *
 * @param chunks Text in pieces.
 * @returns The same pieces, then `\n`.
 */
function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks
  yield '\n'
}
