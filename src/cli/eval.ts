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
 * `--real [DIR]` scores the real-article set instead (default
 * `test/real`; format in its README): every page of `--set` (default
 * `dev`) that is labelled and whose cached text is the one indexed, by the
 * labelling guidelines' scoring rules (see `eval/real-score.ts`), strict
 * and loose, per topic, core, all topics and per procedure, then every
 * strict miss and false alarm of the development pages with the rules that
 * made the claim (`--verbose`: grouped by rule). A machine without the
 * cached texts (CI) scores nothing and says so, exit 0. `--json` prints the
 * same as JSON. `--pages FILE` narrows the set to the slugs a file lists
 * (one a line, `#` starts a comment; e.g. `test/real/batch-2.txt`, the pages
 * labelled after the first rules for real pages were written), to see
 * whether a rule written against one batch holds on another; the pages
 * left out are not read.
 *
 * Exit codes: 0 when every corpus was scored (whatever the scores: the
 * thresholds live in the accuracy test); 1 when a gold file has a problem
 * (every problem is listed at `file:line`, nothing is scored; for `--real`
 * the pages without problems are still scored) or a folder is missing or
 * empty; 2 on bad usage.
 */
import { Option, type Command } from 'commander'
import type { CorpusScore } from '../eval/corpus.ts'
import { evaluateCorpus } from '../eval/evaluate.ts'
import { formatFindings, formatScoreTable } from '../eval/format.ts'
import { evaluateRealPages } from '../eval/real-evaluate.ts'
import { formatRealFindings, formatRealStatus, formatRealTables, type RealStatus } from '../eval/real-format.ts'
import type { RealScore } from '../eval/real-score.ts'
import { extractClaims } from '../extract/index.ts'
import { compareMessages, formatMessage, type Message } from '../message.ts'
import { readEvalCorpus, readRealSet, type RealPage } from '../read/gold.ts'
import { readTextFile } from '../read/text.ts'
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

/** What {@link runRealEval} gives. */
export interface RealEvalRun {
  status: RealStatus
  /** The score; `undefined` when nothing was scored. */
  score: RealScore | undefined
  /** Problems in the index, gold files and texts (every one, sorted); the pages concerned are not scored. */
  messages: Message[]
}

/**
 * Read the real-article set, run the extractor on every page of a set that
 * can be scored, and score them.
 *
 * @param dir The set's folder (e.g. `test/real`).
 * @param set `dev`, `holdout` or `all`.
 * @param vocabularyFile Vocabulary for the extractor (default: the bundled `vocabulary.yaml`).
 * @param pagesFile A file of slugs (one a line): score only those pages of the set.
 * @returns What was scored and what not, the score, and the problems.
 * @throws {FileError} When the folder or the vocabulary cannot be read.
 * @example
 * const {score} = await runRealEval('test/real', 'dev')
 * score?.core.strict.f1
 */
export async function runRealEval(dir: string, set: RealStatus['set'], vocabularyFile?: string, pagesFile?: string): Promise<RealEvalRun> {
  const listed = pagesFile === undefined ? undefined : await readSlugList(pagesFile)
  const read = await readRealSet(dir, (entry) => (set === 'all' || entry.set === set) && (listed === undefined || listed.has(entry.slug)))
  const pages = read.pages
  if (listed !== undefined) {
    const indexed = new Set(pages.map((p) => p.entry.slug))
    for (const [slug, line] of listed) if (!indexed.has(slug)) read.messages.push({ file: pagesFile!, line, reason: `Unexpected slug \`${slug}\`: no page of set ${set} in ${dir}'s index has it`, ruleId: 'index' })
    read.messages.sort(compareMessages)
  }
  const slugs = (status: RealPage['status']) => pages.filter((p) => p.status === status).map((p) => p.entry.slug)
  const ready = pages.filter((p): p is RealPage & { text: string; gold: NonNullable<RealPage['gold']> } => p.status === 'ready')
  const status: RealStatus = {
    dir,
    set,
    ...(pagesFile === undefined ? {} : { pagesFile }),
    indexed: read.indexFiles.length > 0,
    pages: pages.length,
    cached: pages.filter((p) => p.text !== undefined || p.textSha256 !== undefined).length,
    scored: ready.map((p) => p.entry.slug),
    unlabelled: slugs('unlabelled'),
    missingText: slugs('missing-text'),
    otherText: pages.filter((p) => p.status === 'other-text').map((p) => ({ slug: p.entry.slug, indexed: p.entry.sha256, cached: p.textSha256! })),
    invalid: slugs('invalid')
  }
  if (ready.length === 0) return { status, score: undefined, messages: read.messages }
  const vocabulary = await readVocabulary(vocabularyFile)
  const score = evaluateRealPages(ready, (source, trace) => extractClaims(source, vocabulary, { trace }))
  return { status, score, messages: read.messages }
}

/**
 * Read a list of slugs, one a line; blank lines and `#` comments are skipped.
 *
 * @param file The list's path.
 * @returns Each slug with its line.
 * @throws {FileError} When the file cannot be read.
 */
async function readSlugList(file: string): Promise<Map<string, number>> {
  const slugs = new Map<string, number>()
  ;(await readTextFile(file)).text.split('\n').forEach((line, i) => {
    const slug = line.replace(/#.*/, '').trim()
    if (slug !== '' && !slugs.has(slug)) slugs.set(slug, i + 1)
  })
  return slugs
}

/**
 * The text `eval --real` prints.
 *
 * @param run A real run.
 * @param verbose Group misses and false alarms by rule.
 * @returns Lines, no trailing newline.
 */
export function formatRealRun(run: RealEvalRun, verbose: boolean): string {
  const required = run.score?.all.gold ?? 0
  const parts = [formatRealStatus(run.status, { required, optional: run.score?.optional ?? 0 })]
  if (run.score) parts.push(formatRealTables(run.score), formatRealFindings(run.score, verbose))
  return parts.join('\n\n')
}

/**
 * The JSON `eval --real --json` prints: the status, the score and the
 * problems; misses and false alarms of holdout pages are left out (see
 * `formatRealFindings`).
 *
 * @param run A real run.
 * @returns Pretty-printed JSON, no trailing newline.
 */
export function realRunJson(run: RealEvalRun): string {
  const score = run.score && { ...run.score, misses: run.score.misses.filter((m) => m.set === 'dev'), falseAlarms: run.score.falseAlarms.filter((a) => a.set === 'dev') }
  return JSON.stringify({ status: run.status, score: score ?? null, problems: run.messages.map(formatMessage) }, null, 2)
}

/** Register `eval` on the program. */
export const registerEval: Register = (program: Command, effects, setExit) => {
  program
    .command('eval')
    .description('Measure extraction against hand-made gold claims: precision, recall and F1 per topic')
    .option('--sources <dir>', 'sources folder of one corpus (default: both bundled corpora)')
    .option('--gold <dir>', 'gold folder of one corpus (default: both bundled corpora)')
    .addOption(vocabularyOption())
    .option('--verbose', 'list every miss and false alarm as file:line (with --real: grouped by rule)')
    .option('--real [dir]', 'score the real-article set instead (default folder: test/real)')
    .addOption(new Option('--set <set>', 'with --real: which pages').choices(['dev', 'holdout', 'all']).default('dev'))
    .option('--pages <file>', 'with --real: only the pages a file lists (one slug a line)')
    .option('--json', 'with --real: print the result as JSON')
    .action(async (flags: { sources?: string; gold?: string; vocabulary?: string; verbose?: boolean; real?: string | boolean; set: RealStatus['set']; pages?: string; json?: boolean }) => {
      if (flags.real !== undefined) {
        if (flags.sources !== undefined || flags.gold !== undefined) throw new CliError('--real scores the real-article set: it takes no --sources or --gold', 2)
        const run = await runRealEval(typeof flags.real === 'string' ? flags.real : 'test/real', flags.set, flags.vocabulary, flags.pages)
        effects.out(flags.json ? realRunJson(run) : formatRealRun(run, flags.verbose === true))
        for (const message of run.messages) effects.err(formatMessage(message))
        if (run.messages.length > 0) setExit(1)
        return
      }
      if (flags.set !== 'dev' || flags.json || flags.pages !== undefined) throw new CliError('--set, --pages and --json go with --real', 2)
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
