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
import { mayHaveTable, tokenizeMarkdown } from '../src/parse/blocks.ts'
import { parseFrontMatter } from '../src/read/source.ts'
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
