/**
 * `npm run bench`: extraction speed against remark-parse alone.
 *
 * Generates a corpus of realistic aftercare articles (default 50 MB; set
 * `BENCH_MB` for another size) from a seeded generator — headings, timeline
 * lists, Q&A, quoted experts and explanatory prose, about 2.5 claims per
 * kilobyte where the bundled articles have 1.8 — then measures on one core:
 * - parse only: unified + remark-parse + front matter (and GitHub tables for
 *   a file with a delimiter row, as extraction has), the baseline;
 * - tokenize only: `tokenizeMarkdown`, micromark with the same extensions,
 *   which is the part of remark-parse that extraction runs (it reads blocks
 *   from the events and builds no mdast tree);
 * - extraction end to end: `extractClaims` (tokenize, blocks, sentences,
 *   durations, claims);
 * alternating over batches of 100 articles so that all three see the machine
 * in the same state, and prints MB/s for each and the ratio of extraction to
 * parse only (the target is ≥ 85 %) and to tokenize only. Then it
 * times adversarial input: 1 MB lines of repeated words and digits, which
 * must extract in well under a second (no super-linear regular expression).
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
import { mayHaveTable, tokenizeMarkdown } from '../src/parse/blocks.ts'
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

console.log('')
console.log('adversarial input (1 MB single lines):')
const adversarial: Array<[string, string]> = [
  ['repeated words and digits', 'avoid swimming for 24 48 72 hours a day or two 1-2-3 '],
  ['digits and dashes', '1-2-3-4-5-6-7-8-9-0-'],
  ['quotes and names', '‘says Dr Ana Ruiz, ’ “Dr ” '],
  ['one long word', 'a'],
  ['dots without spaces', 'e.g.i.e.Dr.'],
  ['repeated negations', "don't not never no can't "]
]
for (const [label, unit] of adversarial) {
  const line = unit.repeat(Math.ceil((1024 * 1024) / unit.length)).slice(0, 1024 * 1024)
  const start = performance.now()
  const found = extractClaims({ id: 'adversarial', text: line }, vocabulary).length
  console.log(`  ${label.padEnd(28)} ${((performance.now() - start) / 1000).toFixed(2)} s (${found} claims)`)
}
