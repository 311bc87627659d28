/**
 * `claimrange eval`: measure the extractor against hand-made gold claims.
 * For each corpus (sources + gold folder) it runs `extractClaims` on every
 * source that has a gold file and prints one row per topic with precision,
 * recall, F1 and counts, then an "all topics" row (micro-averaged).
 * `--verbose` also lists every miss and false alarm as `file:line: …`.
 *
 * Without `--sources`/`--gold` it scores both corpora the project ships:
 * the bundled sources (`sources/` + `test/gold/`) and the extra articles
 * (`test/fixtures/articles/` + `test/gold/extra/`). With either flag it
 * scores that one corpus (the other flag defaulting to `sources` /
 * `test/gold`).
 *
 * Exit codes: 0 when every corpus was scored (whatever the scores: the
 * thresholds live in the accuracy test); 1 when a gold file has a problem
 * (every problem is listed at `file:line`, nothing is scored) or a folder
 * is missing or empty; 2 on bad usage.
 */
import type { Command } from 'commander'
import type { CorpusScore } from '../eval/corpus.ts'
import { evaluateCorpus } from '../eval/evaluate.ts'
import { formatFindings, formatScoreTable } from '../eval/format.ts'
import { extractClaims } from '../extract/index.ts'
import { formatMessage, type Message } from '../message.ts'
import { readEvalCorpus } from '../read/gold.ts'
import { readVocabulary } from '../read/vocabulary.ts'
import type { Register } from './commands.ts'
import { CliError } from './effects.ts'
import { vocabularyOption } from './options.ts'

/** A corpus to score: a folder of sources and a folder of gold files. */
export interface CorpusSpec {
  /** Heading of its table. */
  title: string
  /** Folder of the sources (`<id>.md`). */
  sources: string
  /** Folder of the gold files (`<id>.yaml`). */
  gold: string
}

/** The corpora scored by default, relative to the project root. */
export const defaultCorpora: CorpusSpec[] = [
  { title: 'Bundled sources (sources/ + test/gold/)', sources: 'sources', gold: 'test/gold' },
  { title: 'Extra articles (test/fixtures/articles/ + test/gold/extra/)', sources: 'test/fixtures/articles', gold: 'test/gold/extra' }
]

/** What {@link runEval} gives. */
export interface EvalRun {
  /** One score per corpus, in the order given; empty when gold had problems. */
  results: Array<{ corpus: CorpusSpec; score: CorpusScore }>
  /** Problems in gold files (every one, sorted); when any, nothing was scored. */
  messages: Message[]
}

/**
 * Read each corpus, run the extractor on its sources and score it.
 *
 * @param corpora Corpora to score (default: {@link defaultCorpora}).
 * @param vocabularyFile Vocabulary for the extractor and for checking gold
 *   topics and conditions (default: the bundled `vocabulary.yaml`).
 * @returns The scores, or the gold problems that prevented scoring.
 * @throws {FileError} When a folder or the vocabulary cannot be read.
 * @throws {CliError} When a gold folder holds no gold file.
 * @example
 * const {results} = await runEval()
 * results[0].score.all.f1 // 0.93…
 */
export async function runEval(corpora: CorpusSpec[] = defaultCorpora, vocabularyFile?: string): Promise<EvalRun> {
  const vocabulary = await readVocabulary(vocabularyFile)
  const read = []
  for (const corpus of corpora) {
    const loaded = await readEvalCorpus(corpus.sources, corpus.gold, vocabulary)
    if (loaded.goldFiles === 0) throw new CliError(`${corpus.gold}: no gold files (*.yaml) found`)
    read.push({ corpus, loaded })
  }
  const messages = read.flatMap(({ loaded }) => loaded.messages)
  if (messages.length > 0) return { results: [], messages }
  const results = read.map(({ corpus, loaded }) => ({
    corpus,
    score: evaluateCorpus(loaded.documents, (source) => extractClaims(source, vocabulary))
  }))
  return { results, messages: [] }
}

/** Register `eval` on the program. */
export const registerEval: Register = (program: Command, effects) => {
  program
    .command('eval')
    .description('Measure extraction against hand-made gold claims: precision, recall and F1 per topic')
    .option('--sources <dir>', 'sources folder of one corpus (default: both bundled corpora)')
    .option('--gold <dir>', 'gold folder of one corpus (default: both bundled corpora)')
    .addOption(vocabularyOption())
    .option('--verbose', 'list every miss and false alarm as file:line')
    .action(async (flags: { sources?: string; gold?: string; vocabulary?: string; verbose?: boolean }) => {
      const corpora =
        flags.sources === undefined && flags.gold === undefined
          ? defaultCorpora
          : [{ title: `${flags.sources ?? 'sources'} + ${flags.gold ?? 'test/gold'}`, sources: flags.sources ?? 'sources', gold: flags.gold ?? 'test/gold' }]
      const run = await runEval(corpora, flags.vocabulary)
      if (run.messages.length > 0) {
        for (const message of run.messages) effects.err(formatMessage(message))
        throw new CliError(`${run.messages.length} problem${run.messages.length === 1 ? '' : 's'} in gold files; nothing was scored`)
      }
      const blocks = run.results.map(({ corpus, score }) =>
        flags.verbose ? `${formatScoreTable(corpus.title, score)}\n\n${formatFindings(score)}` : formatScoreTable(corpus.title, score)
      )
      effects.out(blocks.join('\n\n'))
    })
}
