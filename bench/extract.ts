/**
 * `npm run bench`: extraction speed against remark-parse alone.
 *
 * Generates a corpus of realistic aftercare articles (default 50 MB; set
 * `BENCH_MB` for another size) from a seeded generator — headings, timeline
 * lists, Q&A, quoted experts and explanatory prose, about 2.5 claims per
 * kilobyte where the bundled articles have 1.8 — then measures on one core:
 * - parse only: unified + remark-parse + front matter (and GitHub tables for
 *   a file with a delimiter row, as extraction has), the issue's baseline;
 * - tokenize only: `tokenizeMarkdown`, micromark with the same extensions,
 *   which is the part of remark-parse that extraction runs (it reads blocks
 *   from the events and builds no mdast tree);
 * - extraction end to end: `extractClaims` (tokenize, blocks, sentences,
 *   durations, claims);
 * alternating over batches of 100 articles so that all three see the machine
 * in the same state, and prints MB/s for each and the ratio of extraction to
 * parse only (the target is ≥ 85 %) and to tokenize only. Then it
 * times adversarial input (see `adversarial` below), 1 MiB each, which must
 * each end in under 2 s: extracted, refused with a reason, or stopped by the
 * time budget. `BENCH_ONLY=adversarial` runs only that part.
 *
 * Figures, not assertions: speed is never checked in a test.
 */
import type { Root } from 'mdast'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import { performance } from 'node:perf_hooks'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { extractClaims } from '../src/extract/index.ts'
import { extractSource, stopWorkers } from '../src/isolate/index.ts'
import { mayHaveTable, tokenizeMarkdown } from '../src/parse/tokenize.ts'
import { parseFrontMatter } from '../src/read/source.ts'
import { readVocabulary } from '../src/read/vocabulary.ts'
import { article, random } from './articles.ts'

const targetBytes = Number(process.env.BENCH_MB ?? 50) * 1024 * 1024

/** GitHub tables for remark: the table extension of micromark and mdast. */
function remarkTables(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])
const tableParser = parser().use(remarkTables)

/** remark-parse alone, with the extensions extraction uses: the baseline. */
function parseMarkdown(text: string): Root {
  return (mayHaveTable(text) ? tableParser : parser).parse(text)
}

function corpus(): { articles: string[]; bytes: number } {
  const rnd = random(20261123)
  const articles: string[] = []
  let bytes = 0
  for (let n = 0; bytes < targetBytes; n++) {
    const text = article(rnd, n)
    articles.push(text)
    bytes += Buffer.byteLength(text)
  }
  return { articles, bytes }
}

function report(label: string, bytes: number, seconds: number): number {
  const mbps = bytes / 1024 / 1024 / seconds
  console.log(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${mbps.toFixed(2).padStart(7)} MB/s per core`)
  return mbps
}

const vocabulary = await readVocabulary()

/** The corpus measurement: remark-parse alone, micromark alone, extraction end to end. */
function corpusRun(): void {
  const { articles, bytes } = corpus()
  console.log(`corpus: ${articles.length} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB (seeded, deterministic)`)
  // Warm up both paths so the JIT does not favour the second measurement.
  for (const text of articles.slice(0, 200)) {
    parseMarkdown(text)
    tokenizeMarkdown(text)
    extractClaims({ id: 'warm', text }, vocabulary)
  }
  // The two measurements alternate over batches of articles, so a machine that
  // speeds up or slows down during the run (shared cores, thermal limits)
  // affects both alike instead of whichever ran second.
  let claims = 0
  let parseSeconds = 0
  let tokenizeSeconds = 0
  let extractSeconds = 0
  const batch = 100
  for (let from = 0; from < articles.length; from += batch) {
    const slice = articles.slice(from, from + batch)
    let start = performance.now()
    for (const text of slice) parseMarkdown(text)
    parseSeconds += (performance.now() - start) / 1000
    start = performance.now()
    for (const text of slice) tokenizeMarkdown(text)
    tokenizeSeconds += (performance.now() - start) / 1000
    start = performance.now()
    for (const text of slice) claims += extractClaims({ id: 'bench', text }, vocabulary).length
    extractSeconds += (performance.now() - start) / 1000
  }
  const parse = report('remark-parse alone', bytes, parseSeconds)
  const tokenize = report('micromark tokenizer alone', bytes, tokenizeSeconds)
  const extract = report('extraction end to end', bytes, extractSeconds)
  console.log(`claims found: ${claims} (${(claims / (bytes / 1024)).toFixed(1)} per kB; the bundled articles have about 1.8)`)
  console.log(`extraction / parse-only: ${((extract / parse) * 100).toFixed(1)} % (target ≥ 85 %)`)
  console.log(`extraction / tokenize-only: ${((extract / tokenize) * 100).toFixed(1)} %`)
}

/** 1 MiB of a unit repeated (cut to exactly 1 MiB of UTF-16 code units). */
function mib(unit: string): string {
  return unit.repeat(Math.ceil((1024 * 1024) / unit.length)).slice(0, 1024 * 1024)
}

/**
 * Adversarial inputs, 1 MiB each: the bench's own (repeated words, digits,
 * dashes, quotes, one long word, dots, negations), the hostile-input
 * audit's (issue 16: quotation marks, 10,000 levels of `>` and of `- `, an
 * emphasis run, a YAML alias bomb in front matter) and the shapes on which
 * micromark was found super-linear (setext headings, nested lists, link and
 * emphasis markers, lazy continuation lines). Each goes through what
 * `extract` runs — reading the front matter, then `extractSource`: the
 * worker thread with its shape checks and its time budget — and prints its
 * time and outcome: claims, a warning, a refusal, or the budget.
 */
const adversarial: Array<[string, string]> = [
  ['repeated words and digits', mib('avoid swimming for 24 48 72 hours a day or two 1-2-3 ')],
  ['digits and dashes', mib('1-2-3-4-5-6-7-8-9-0-')],
  ['quotes and names', mib('‘says Dr Ana Ruiz, ’ “Dr ” ')],
  ['one long word', mib('a')],
  ['dots without spaces', mib('e.g.i.e.Dr.')],
  ['repeated negations', mib("don't not never no can't ")],
  ['audit: ‘’“” after a claim', `Avoid exercise for ${mib('‘’“”')}\n`],
  ['audit: 10,000 levels of >', `${'>'.repeat(10000)} Avoid exercise for 48 hours.\n${mib('Avoid swimming for 2 days. ')}`],
  ['audit: 10,000 levels of "- "', `${'- '.repeat(10000)}Avoid exercise for 48 hours.\n${mib('Avoid swimming for 2 days. ')}`],
  ['audit: *a', mib('*a')],
  ['audit: alias bomb in front matter', `---\n${['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n')}\n---\n${mib('Avoid swimming for 2 days. ')}`],
  ['emphasis closers a*', mib('a*')],
  ['mixed *_', mib('*_')],
  ['strong **a', mib('**a')],
  ['open links [a](', mib('[a](')],
  ['setext headings', mib('a\n\na\n=\n\n')],
  ['nested lists - - - a', mib('- - - a\n')],
  ['32 levels on every line', mib(`${'> '.repeat(32)}Avoid swimming for 2 days.\n`)],
  ['table rows', `| a | b |\n| - | - |\n${mib('| avoid swimming | 2 days |\n')}`],
  ['table rows of ten cells', `| a | b |\n| - | - |\n${mib('|a|b|c|d|e|f|g|h|i|j|\n')}`],
  ['one table row of 500,000 cells', `| a | b |\n| - | - |\n${mib('|a')}\n`],
  ['one-row tables', mib('| a |\n| - |\n| avoid swimming for 2 days |\n\n')],
  ['tiny paragraphs', mib('a\n\n')],
  ['one-character lines', mib('a\n')],
  ['lazy lines under a list item', `- Avoid swimming for 2 days.\n${mib('Saunas should be avoided for a week after the treatment.\n')}`]
]

/** Time each adversarial input through reading and `extractSource`, and say what came of it. */
async function adversarialRun(): Promise<void> {
  console.log('adversarial input (1 MiB each, read + extracted in the worker, budget 20 s):')
  // Start the worker first, so no input pays for it.
  await extractSource({ id: 'warm', file: 'warm.md', text: 'Avoid swimming for 2 days.\n', digest: '', meta: {}, bodyStart: 0 }, vocabulary)
  let over = 0
  for (const [label, text] of adversarial) {
    const start = performance.now()
    let outcome: string
    try {
      const { bodyStart } = parseFrontMatter('adversarial.md', text)
      const { claims, messages } = await extractSource({ id: 'adversarial', file: 'adversarial.md', text, digest: '', meta: {}, bodyStart }, vocabulary)
      const said = messages[0] ? `: ${messages[0].reason}` : ''
      outcome = claims ? `${claims.length} claims${said ? ` (warning${said})` : ''}` : `refused${said}`
    } catch (error) {
      outcome = `refused: ${(error as Error).message}`
    }
    const seconds = (performance.now() - start) / 1000
    if (seconds >= 2) over++
    console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${outcome.length > 110 ? `${outcome.slice(0, 109)}…` : outcome}`)
  }
  console.log(over === 0 ? 'every adversarial input: under 2 s' : `${over} adversarial input${over === 1 ? '' : 's'} took 2 s or more`)
  await stopWorkers()
}

// BENCH_ONLY=adversarial skips the corpus (minutes) and times only the adversarial inputs.
if (process.env.BENCH_ONLY !== 'adversarial') {
  corpusRun()
  console.log('')
}
await adversarialRun()
