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

const targetBytes = Number(process.env.BENCH_MB ?? 50) * 1024 * 1024

/** Mulberry32: a small seeded generator, so every run benchmarks the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const procedures = ['microneedling', 'a tattoo', 'botox', 'a chemical peel', 'laser resurfacing', 'a piercing', 'lip filler', 'dermaplaning']
const activities = ['exercise', 'the gym', 'swimming', 'saunas and steam rooms', 'hot yoga', 'makeup', 'retinol', 'alcohol', 'smoking', 'direct sunlight', 'intense workouts', 'hot tubs', 'facial massage', 'exfoliating scrubs']
const durations = ['24 hours', '48 hours', '72 hours', 'a week', 'two weeks', '24–48 hours', '48 to 72 hours', 'a day or two', 'a few days', 'three days', 'the first week', 'at least 24 hours', '90 minutes', 'ten days', 'a fortnight']
const fillers = [
  'The treatment works by creating controlled micro-injuries that prompt the body to produce new collagen and elastin.',
  'Many people notice that their skin looks brighter and feels smoother once the initial redness has settled down.',
  'Your practitioner will usually clean the area, apply a numbing cream and wait for it to take effect before starting.',
  'It is normal to feel a little tightness, similar to a mild sunburn, and some people see pinpoint bleeding during the session.',
  'Choosing an experienced, qualified practitioner matters more than any single product you buy afterwards.',
  'A good aftercare routine is simple: a gentle cleanser, a plain moisturiser and patience while the skin repairs itself.',
  'Everyone heals at a slightly different pace, depending on skin type, the depth of the treatment and general health.',
  'Ask your clinic which products they recommend, and bring a list of everything you currently use to the consultation.',
  'Your skin is more sensitive than usual while the tiny channels close, so treat it gently.',
  'Redness usually fades within two or three days, and mild flaking is normal.',
  'Most clinics recommend a course of three to six sessions spaced four weeks apart.',
  'Results build over the following months as new collagen forms under the surface.',
  'Drink plenty of water and keep your pillowcase clean to help the healing along.',
  'If you notice swelling that gets worse rather than better, call the clinic.',
  'The appointment itself usually takes about 30 minutes, including numbing.'
]

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

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)]!
}

/** One article of a few kilobytes, in one of several styles. */
function article(rnd: () => number, n: number): string {
  const procedure = pick(rnd, procedures)
  const lines: string[] = ['---', `title: Aftercare after ${procedure} (${n})`, 'kind: clinic page', '---', '', `# What to avoid after ${procedure}`, '']
  const sections = 4 + Math.floor(rnd() * 5)
  for (let s = 0; s < sections; s++) {
    const style = Math.floor(rnd() * 4)
    if (style === 0) {
      lines.push(`## The first ${pick(rnd, ['24 hours', 'week', '48 hours', 'few days'])}`, '')
      for (let i = 0; i < 4; i++) lines.push(`- Avoid ${pick(rnd, activities)} and keep the area clean.`)
      lines.push('')
    } else if (style === 1) {
      lines.push(`**Q:** When can I go back to ${pick(rnd, activities)}?`, '')
      lines.push(`**A:** Wait ${pick(rnd, durations)} after ${procedure}. ${pick(rnd, fillers)}`, '')
    } else if (style === 2) {
      lines.push(`“Skip ${pick(rnd, activities)} for ${pick(rnd, durations)},” says Dr Ana Ruiz. “After that you can return to ${pick(rnd, activities)} as usual.”`, '')
    } else {
      lines.push(`${pick(rnd, fillers)} You should not do ${pick(rnd, activities)} for ${pick(rnd, durations)}, but gentle walks are fine the next day. ${pick(rnd, fillers)}`, '')
    }
    // Real articles explain more than they instruct: two or three paragraphs of prose per section.
    const paragraphs = 2 + Math.floor(rnd() * 2)
    for (let p = 0; p < paragraphs; p++) lines.push([0, 1, 2, 3].map(() => pick(rnd, fillers)).join(' '), '')
  }
  return lines.join('\n')
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
