/**
 * `npm run bench:scale`: the corpus at scale. For generated corpora of
 * 1,000 and 10,000 sources (the bench's seeded articles, about 18 claims
 * each; `BENCH_SOURCES=1000,10000` to choose) it prints, each as a fresh
 * process of the compiled CLI, wall time, CPU time (user and system, every
 * thread) and peak RSS of:
 *
 * - `extract` from scratch, with nothing changed, and with one source added
 *   (the last two `BENCH_REPEATS` times, default 5, from the same state:
 *   the median run, and the spread);
 * - `consensus --json` (and the size of its output);
 * - `build` (the site, `data.js` included);
 *
 * and, in this process: the consensus of every claim (`computeConsensus`,
 * median of `BENCH_REPEATS`), the review POST (`/api/review` answered,
 * median of 10), and the chart's first render and one source switched off
 * in headless Chromium (`bench/chart.ts` when it exists, else a small
 * driver of the page as it is). Then it says which of the issue's targets
 * were met.
 *
 * "Beyond process start" subtracts the median wall (and CPU) time of
 * `claimrange --help` (node start-up and loading the compiled CLI).
 *
 * Corpora are written under `BENCH_DIR` (default: `claimrange-scale` in the
 * system's temporary folder).
 *
 * Figures, not assertions: speed is never checked in a test. The machine
 * is shared: the lead re-runs this on a quiet machine.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { computeConsensus } from '../src/consensus/compute.ts'
import { consensusOptions } from '../src/diff/claims.ts'
import { readVocabulary } from '../src/read/vocabulary.ts'
import { createLiveApi } from '../src/site/api.ts'
import { serveSite } from '../src/site/serve.ts'
import { readClaimsFolder } from '../src/write/claims-cache.ts'
import { launchChromium } from '../test/web/browser.ts'
import { article, random } from './articles.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'bin', 'claimrange.js')
const rssModule = pathToFileURL(join(root, 'bench', 'rss.mjs')).href
const sizes = (process.env.BENCH_SOURCES ?? '1000,10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0)
const work = process.env.BENCH_DIR ?? join(tmpdir(), 'claimrange-scale')

/** One measured command. */
interface Run {
  seconds: number
  /** CPU time of the process (user and system, every thread), s. */
  cpu: number
  /** Peak resident set size, MB. */
  rss: number
  code: number
  /** Bytes written to standard output. */
  out: number
  /** Its last lines of output. */
  tail: string
}

/**
 * Run the compiled CLI once, as a user would, and measure it.
 *
 * @param args Arguments after `claimrange`.
 * @param cwd Working folder.
 * @returns Wall time (process start included), peak RSS, exit code, output size and tail.
 */
function claimrange(args: string[], cwd: string): Run {
  const outFile = join(work, 'stdout.txt')
  const rssFile = join(work, 'rss.txt')
  rmSync(rssFile, { force: true })
  const fd = openSync(outFile, 'w')
  const start = performance.now()
  const child = spawnSync(process.execPath, ['--import', rssModule, cli, ...args], {
    cwd,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, CLAIMRANGE_RSS_FILE: rssFile, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024
  })
  const seconds = (performance.now() - start) / 1000
  closeSync(fd)
  const out = statSync(outFile).size
  const text = out < 8 * 1024 * 1024 ? readFileSync(outFile, 'utf8') : ''
  if (child.status !== 0) console.log(`  (exit ${child.status}: ${String(child.stderr).trim().split('\n').slice(-3).join(' | ')})`)
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number }) : { maxRSS: NaN, cpu: NaN }
  return {
    seconds,
    cpu: usage.cpu / 1e6,
    rss: usage.maxRSS / 1024,
    code: child.status ?? -1,
    out,
    tail: text.trimEnd().split('\n').slice(-3).join('\n')
  }
}

/**
 * The median of numbers.
 *
 * @param values At least one number.
 * @returns The middle value (the mean of the two middle values for an even count).
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Write a generated corpus.
 *
 * @param dir Sources folder.
 * @param n Number of sources.
 * @param seed Generator seed.
 * @returns Bytes written.
 */
function generate(dir: string, n: number, seed: number): number {
  mkdirSync(dir, { recursive: true })
  const rnd = random(seed)
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const text = article(rnd, i)
    bytes += Buffer.byteLength(text)
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.md`), text)
  }
  return bytes
}

/** A figure line: label, wall time, CPU time, peak RSS. */
function line(label: string, run: Run, extra = ''): void {
  console.log(`  ${label.padEnd(34)} ${run.seconds.toFixed(2).padStart(7)} s wall ${run.cpu.toFixed(2).padStart(6)} s CPU ${run.rss.toFixed(0).padStart(6)} MB${extra ? `  ${extra}` : ''}`)
}

/**
 * Run a command several times and keep the median run (by wall time).
 *
 * @param times How many runs.
 * @param once One run (restoring what the command changes first, when needed).
 * @returns The median run, and every run's wall and CPU time.
 */
function repeated(times: number, once: () => Run): { run: Run; walls: number[]; cpus: number[] } {
  const runs = Array.from({ length: times }, once)
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds)
  return { run: sorted[sorted.length >> 1]!, walls: runs.map((r) => r.seconds), cpus: runs.map((r) => r.cpu) }
}

/**
 * The spread of some figures in words.
 *
 * @param values Seconds.
 * @returns E.g. `0.61–0.74 s`.
 */
function spread(values: number[]): string {
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} s`
}

/**
 * The chart in headless Chromium: `bench/chart.ts` (the chart's own
 * benchmark) when present, else first render and one toggle of the page
 * as it is, measured from outside.
 *
 * @param site A built site folder.
 * @returns Lines to print.
 */
async function chart(site: string): Promise<string[]> {
  const own = join(root, 'bench', 'chart.ts')
  if (existsSync(own)) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', own, '--site', site], { cwd: root, encoding: 'utf8', timeout: 600_000 })
    return [`(bench/chart.ts) ${child.status === 0 ? '' : `exit ${child.status}`}`, ...`${child.stdout}${child.stderr}`.trim().split('\n')]
  }
  const served = await serveSite({ dir: site, port: 0 })
  const browser = await launchChromium()
  const limit = Number(process.env.BENCH_CHART_TIMEOUT ?? 120) * 1000
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const start = performance.now()
    await page.goto(served.url, { timeout: limit })
    await page.waitForSelector('#chart g.mark', { timeout: limit })
    const first = performance.now() - start
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    const before = await page.textContent('#status')
    const toggleStart = performance.now()
    await page.locator('#filter-sources input[type=checkbox]').first().evaluate((box: HTMLInputElement) => box.click())
    await page.waitForFunction((text) => document.getElementById('status')?.textContent !== text, before, { timeout: limit, polling: 50 })
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
    const toggle = performance.now() - toggleStart
    return [
      '(the page as it is, driven from outside: bench/chart.ts is not on this branch)',
      `first render: ${(first / 1000).toFixed(2)} s (navigation to the first mark drawn)`,
      `one source switched off: ${toggle.toFixed(0)} ms (until the status line and a frame are drawn)`,
      `DOM nodes: ${nodes}; page height: ${height} px`
    ]
  } catch (error) {
    return [`did not finish within ${limit / 1000} s: ${(error as Error).message.split('\n')[0]}`]
  } finally {
    await browser.close()
    await served.close()
  }
}

/**
 * Time the review POST on a corpus: a claim confirmed, then marked
 * unreviewed again, five times, each answer timed.
 *
 * @param dir The corpus folder (sources, claims, site).
 * @returns The answer times in ms.
 */
async function reviewPost(dir: string): Promise<number[]> {
  const vocabulary = await readVocabulary()
  const claimsDir = join(dir, 'claims')
  const api = createLiveApi({ sourcesDir: join(dir, 'sources'), claimsDir, outDir: join(dir, 'site'), vocabulary })
  const site = await serveSite({ dir: join(dir, 'site'), port: 0, routes: api.routes })
  const file = join(claimsDir, 'article-00007.yaml')
  const id = /id: (\S+)/.exec(readFileSync(file, 'utf8'))![1]!
  const times: number[] = []
  try {
    for (let i = 0; i < 5; i++) {
      for (const status of ['confirmed', 'unreviewed']) {
        const start = performance.now()
        const answer = await fetch(new URL('api/review', site.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: site.url.replace(/\/$/, '') },
          body: JSON.stringify({ source: 'article-00007', id, review: { status, by: 'bench' } })
        })
        await answer.text()
        times.push(performance.now() - start)
        if (answer.status !== 200) throw new Error(`review answered ${answer.status}`)
        // Let data.js be rewritten before the next review, as an editor's pace would.
        await api.exclusive(async () => undefined)
      }
    }
  } finally {
    api.close()
    await site.close()
  }
  return times
}

const results = new Map<number, Record<string, Run | number>>()
mkdirSync(work, { recursive: true })
const helps = Array.from({ length: 7 }, () => claimrange(['--help'], root))
const help = median(helps.map((r) => r.seconds))
const helpCpu = median(helps.map((r) => r.cpu))
console.log(`claimrange --help: ${help.toFixed(2)} s wall, ${helpCpu.toFixed(2)} s CPU (median of 7, ${spread(helps.map((r) => r.seconds))}; process start for the figures below)`)
const repeats = Number(process.env.BENCH_REPEATS ?? 5)

for (const n of sizes) {
  const dir = join(work, String(n))
  rmSync(dir, { recursive: true, force: true })
  const sources = join(dir, 'sources')
  const bytes = generate(sources, n, 20261202)
  console.log(`\n${n} sources (${(bytes / 1024 / 1024).toFixed(1)} MB, seeded):`)
  const io = ['--sources', sources, '--claims', join(dir, 'claims')]
  const scratch = claimrange(['extract', ...io], dir)
  line('extract from scratch', scratch)
  const nothings = repeated(repeats, () => claimrange(['extract', ...io], dir))
  const nothing = nothings.run
  line('extract, nothing changed', nothing, `(${(nothing.seconds - help).toFixed(2)} s beyond start; median of ${repeats}: ${spread(nothings.walls)} wall) ${nothing.tail.split('\n').at(-1)}`)
  // One source added, several times from the same state: the added source, its claims and the cache put back as they were.
  const claimsDir = join(dir, 'claims')
  const kept = join(work, 'cache-kept')
  rmSync(kept, { recursive: true, force: true })
  cpSync(join(claimsDir, '.cache'), kept, { recursive: true, filter: (path) => !path.includes(`${join(claimsDir, '.cache', 'files')}`) })
  const addeds = repeated(repeats, () => {
    for (const path of [join(sources, 'article-added.md'), join(claimsDir, 'article-added.yaml'), join(claimsDir, '.cache', 'files', 'article-added.yaml.json')]) rmSync(path, { force: true })
    cpSync(kept, join(claimsDir, '.cache'), { recursive: true })
    writeFileSync(join(sources, 'article-added.md'), article(random(7), n))
    return claimrange(['extract', ...io], dir)
  })
  const added = addeds.run
  line('extract, one source added', added, `(${(added.seconds - help).toFixed(2)} s wall, ${(added.cpu - helpCpu).toFixed(2)} s CPU beyond start; median of ${repeats}: ${spread(addeds.walls)} wall, ${spread(addeds.cpus)} CPU)`)
  const json = claimrange(['consensus', '--claims', join(dir, 'claims'), '--json'], dir)
  line('consensus --json', json, `${(json.out / 1024 / 1024).toFixed(1)} MB of JSON, exit ${json.code}`)
  const build = claimrange(['build', ...io, '--out', join(dir, 'site')], dir)
  line('build', build, `data.js ${(statSync(join(dir, 'site', 'data.js')).size / 1024 / 1024).toFixed(1)} MB`)

  const files = (await readClaimsFolder(join(dir, 'claims'))).map((r) => r.data!)
  const options = consensusOptions(await readVocabulary())
  const claims = files.reduce((sum, f) => sum + f.claims.length, 0)
  const times: number[] = []
  const cpus: number[] = []
  let pairs = 0
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    const report = computeConsensus(files, options)
    const cpu = process.cpuUsage(cpuStart)
    times.push((performance.now() - start) / 1000)
    cpus.push((cpu.user + cpu.system) / 1e6)
    pairs = report.topics.reduce((sum, t) => sum + t.conflicts.pairs, 0)
  }
  const consensus = median(times)
  console.log(
    `  ${'consensus in process'.padEnd(34)} ${consensus.toFixed(2).padStart(7)} s wall ${median(cpus).toFixed(2).padStart(6)} s CPU         ${claims} claims, ${pairs} conflicting pairs in groups (median of ${repeats}: ${spread(times)} wall, ${spread(cpus)} CPU)`
  )
  const posts = await reviewPost(dir)
  const post = median(posts)
  console.log(`  ${'review POST answered'.padEnd(34)} ${(post / 1000).toFixed(3).padStart(7)} s           median of ${posts.length} (${Math.min(...posts).toFixed(0)}–${Math.max(...posts).toFixed(0)} ms)`)
  for (const text of await chart(join(dir, 'site'))) console.log(`  chart: ${text}`)
  results.set(n, { scratch, nothing, added, json, build, consensus, claims, post })
}

console.log('\ntargets:')
const say = (ok: boolean, text: string) => console.log(`  ${ok ? 'met    ' : 'NOT MET'}  ${text}`)
say(help < 0.3, `claimrange --help < 0.3 s: ${help.toFixed(2)} s`)
const big = results.get(10000)
const small = results.get(1000)
if (big) {
  const r = (k: string) => big[k] as Run
  say(r('added').seconds - help < 1, `10,000 sources, one added: extract + consensus + what-changed < 1 s beyond start: ${(r('added').seconds - help).toFixed(2)} s (median of ${repeats})`)
  say(r('nothing').seconds - help < 0.5, `10,000 sources, nothing changed < 0.5 s beyond start: ${(r('nothing').seconds - help).toFixed(2)} s`)
  const peak = Math.max(...['scratch', 'nothing', 'added', 'json', 'build'].map((k) => r(k).rss))
  say(peak < 1024, `10,000 sources, peak RSS < 1 GB: ${peak.toFixed(0)} MB (largest of the five commands)`)
  say(r('json').code === 0, `10,000 sources, consensus --json completes: exit ${r('json').code}, ${(r('json').out / 1024 / 1024).toFixed(1)} MB`)
  if (small) {
    const ratio = r('scratch').seconds / (small.scratch as Run).seconds
    say(ratio < 12, `from scratch stays linear (≈ 10× the 1,000-source time): ${ratio.toFixed(1)}×`)
  }
  say((big.consensus as number) < 1, `consensus over ${big.claims} claims < 1 s: ${(big.consensus as number).toFixed(2)} s (median of ${repeats})`)
}
if (small) say((small.post as number) < 100, `review POST on 1,000 sources < 100 ms: ${(small.post as number).toFixed(0)} ms`)
console.log('  (chart targets: see the chart lines above; first render < 2 s, toggle < 200 ms, DOM nodes < 20,000 at 10,000 sources)')
