/**
 * `claimrange extract`: extract the claims of every source into
 * `claims/<id>.yaml`, keeping editors' reviews, and print a summary.
 * Exit 1 when a source or claims file was unusable (the others are still
 * written), or when a claims file skipped by digest fails `check`.
 */
import type { Command } from 'commander'
import { formatConsensusDiff } from '../diff/format.ts'
import { compareMessages, formatMessage } from '../message.ts'
import { formatExtractSummary } from '../report/summary.ts'
import { formatUnlisted, listUnlisted } from '../report/unlisted.ts'
import { extractCorpus, type CorpusResult } from '../write/corpus.ts'
import type { Vocabulary } from '../vocabulary.ts'
import type { Register } from './commands.ts'
import type { Effects } from './effects.ts'
import { claimsOption, loadVocabulary, sourcesOption, vocabularyOption } from './options.ts'

/** Options of {@link runExtract}. */
export interface ExtractCommandOptions {
  sources: string
  claims: string
  vocabulary?: string
  force?: boolean
}

/**
 * Run extraction and print what happened: the summary, then what changed
 * in the consensus (the claims folder before the run against after it).
 *
 * @param options Folders, vocabulary and `force`.
 * @param effects Where to print.
 * @returns The corpus result, the vocabulary it used and the exit code it deserves.
 */
export async function runExtract(options: ExtractCommandOptions, effects: Effects): Promise<{ result: CorpusResult; vocabulary: Vocabulary; exitCode: number }> {
  const vocabulary = await loadVocabulary(options)
  const result = await extractCorpus({ sourcesDir: options.sources, claimsDir: options.claims, vocabulary, force: options.force === true })
  for (const message of [...result.messages].sort(compareMessages)) effects.err(formatMessage(message))
  effects.out(formatExtractSummary(result, { color: effects.color }))
  // The activities outside the vocabulary in what this run extracted (an added or edited article's, or
  // every source's on a full run): listing the whole corpus would mean reading every claims file, which
  // an incremental run does not; `check` lists the whole corpus.
  const extracted = result.sources.flatMap((s) => (s.extracted && s.claims ? [{ source: s.id, claims: s.claims }] : []))
  for (const line of formatUnlisted(listUnlisted(extracted))) effects.out(line)
  effects.out('')
  effects.out(formatConsensusDiff(result.diff, { color: effects.color }))
  // A source or claims file unusable, or a claims file skipped by digest that fails `check`.
  const failed = result.sources.some((s) => s.status === 'failed') || result.messages.some((m) => (m.severity ?? 'error') === 'error')
  return { result, vocabulary, exitCode: failed ? 1 : 0 }
}

export const registerExtract: Register = (program: Command, effects, setExit) => {
  program
    .command('extract')
    .description('extract the claims of every source into claims/<id>.yaml (reviews are kept)')
    .addOption(sourcesOption())
    .addOption(claimsOption())
    .addOption(vocabularyOption())
    .option('--force', 're-extract every source, even when its digest did not change')
    .action(async (options: ExtractCommandOptions) => {
      const { exitCode } = await runExtract(options, effects)
      setExit(exitCode)
    })
}
