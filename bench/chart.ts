/**
 * The chart at scale, in headless Chromium: first render, one source
 * switched off, DOM nodes and page height, and what the first payload and
 * an on-demand source text cost.
 *
 *   node --import tsx bench/chart.ts --site DIR                 a built site
 *   node --import tsx bench/chart.ts --claims DIR --sources DIR  built first (into a temp folder)
 *   node --import tsx bench/chart.ts --generate 10000            a generated corpus of N sources
 *   … --keep DIR                                                 build (and generate) into DIR and keep it
 *   … --screenshot FILE                                          also save the first screen (1440×900)
 *
 * Figures, not assertions (speed is never checked in a test). The page is
 * loaded three times and the median load reported. First render
 * is the page's own mark `claimrange:drawn` (from navigation start: data.js
 * loaded and read, the build's consensus put into the model, everything
 * drawn). Ready is `claimrange:ready`: the corpus prepared for switches
 * (measure `claimrange:prepare`) and the words of the flagged lines in
 * view loaded. The toggle is the page's measure `claimrange:update` for
 * switching one source off once ready (the rows it touches recomputed, the
 * answers, chart and table redrawn), and the wall time until the browser
 * has painted it; it is taken three times (off, on, another off) and the
 * median printed with the three. The tooltip is the wall time from
 * hovering a mark to its tooltip shown with the quote (loaded then), twice;
 * the panel the wall time from a click on a mark to its passage highlighted
 * in the source text, which is loaded then.
 *
 * The generated corpus: N sources of 18 claims each over the vocabulary's
 * topics, waits drawn from the waits articles give (seeded, so every run
 * measures the same corpus), each claim quoted from its own source text.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { stringify } from 'yaml'
import { sha256 } from '../src/read/source.ts'
import { buildSite } from '../src/site/build.ts'
import { serveSite } from '../src/site/serve.ts'
import { launchChromium } from '../test/web/browser.ts'
import { random } from './articles.ts'

const { values } = parseArgs({ options: { site: { type: 'string' }, claims: { type: 'string' }, sources: { type: 'string' }, generate: { type: 'string' }, screenshot: { type: 'string' }, keep: { type: 'string' } } })

/** Write N generated sources and their claims files; returns the two folders. */
async function generate(n: number, dir: string): Promise<{ sources: string; claims: string }> {
  const sources = join(dir, 'sources')
  const claims = join(dir, 'claims')
  await mkdir(sources, { recursive: true })
  await mkdir(claims, { recursive: true })
  const rand = random(14)
  const topics = [['exercise', 'the gym'], ['swimming', 'swimming'], ['sweating', 'sweating'], ['sauna', 'saunas'], ['sun', 'direct sunlight'], ['makeup', 'makeup'], ['actives', 'retinol'], ['alcohol', 'alcohol'], ['smoking', 'smoking']] as const
  const waits: [number, string][] = [[24, '24 hours'], [48, '48 hours'], [72, '72 hours'], [168, 'a week'], [336, 'two weeks'], [4, 'four hours'], [0, 'right away']]
  for (let i = 0; i < n; i++) {
    const id = `source-${String(i).padStart(5, '0')}`
    let text = `---\ntitle: Aftercare guide ${i + 1}\nurl: https://example.org/${id}\n---\n\n# Aftercare guide ${i + 1}\n\n`
    const list = []
    for (let k = 0; k < 18; k++) {
      const [topic, activity] = topics[Math.floor(rand() * topics.length)]!
      const [hours, words] = waits[Math.min(waits.length - 1, Math.floor(rand() * rand() * waits.length * 1.3))]!
      const allowed = hours === 0 || rand() < 0.12
      const vague = rand() < 0.05
      const quote = vague ? `Avoid ${activity} until the skin has healed (${k}).` : allowed ? `You can go back to ${activity} after ${words} (${k}).` : `Avoid ${activity} for ${words} (${k}).`
      const start = text.length
      text += `${quote}\n\n`
      const line = text.slice(0, start).split('\n').length
      list.push({
        id: `${topic}-${k}`,
        topic,
        activity,
        stance: allowed ? 'allowed' : 'avoid',
        wait: vague ? { min: null, max: null, text: 'until healed' } : { min: hours, max: hours, text: words },
        condition: null,
        speaker: null,
        quote,
        span: { start, end: start + quote.length, line },
        review: { status: 'unreviewed' }
      })
    }
    await writeFile(join(sources, `${id}.md`), text)
    await writeFile(join(claims, `${id}.yaml`), stringify({ source: id, digest: sha256(text), claims: list }))
  }
  return { sources, claims }
}

const temp = values.keep ?? (await mkdtemp(join(tmpdir(), 'claimrange-bench-chart-')))
if (values.keep) await mkdir(temp, { recursive: true })
try {
  let site = values.site
  if (!site) {
    let input = values.claims && values.sources ? { sources: values.sources, claims: values.claims } : undefined
    if (!input && values.generate) {
      const t = performance.now()
      input = await generate(Number(values.generate), temp)
      console.log(`generated ${values.generate} sources in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    }
    if (!input) throw new Error('Expected --site DIR, --claims DIR --sources DIR, or --generate N')
    const t = performance.now()
    site = join(temp, 'site')
    await buildSite({ sourcesDir: input.sources, claimsDir: input.claims, outDir: site })
    console.log(`built the site in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  const details = await readdir(join(site, 'sources')).catch(() => [] as string[])
  let detailBytes = 0
  for (const name of details) detailBytes += (await stat(join(site, 'sources', name))).size
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
  console.log(`first payload: data.js ${mb((await stat(join(site, 'data.js'))).size)}; on demand: ${details.length.toLocaleString('en')} detail scripts, ${mb(detailBytes)}`)
  const server = await serveSite({ dir: site })
  const browser = await launchChromium()
  try {
    const errors: string[] = []
    /** One load of the page: its marks and measures, once it is ready. */
    const load = async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      page.on('pageerror', (e) => errors.push(e.message))
      const start = performance.now()
      await page.goto(server.url, { timeout: 120_000 })
      await page.waitForSelector('#chart g.mark', { timeout: 120_000 })
      const wall = performance.now() - start
      await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 })
      // Marks give when, measures how long (no named helper inside: the page runs this as it is).
      const [drawn, first, data, decode, ready, prepared] = await page.evaluate(() =>
        ['claimrange:drawn', 'claimrange:update', 'claimrange:data', 'claimrange:decode', 'claimrange:ready', 'claimrange:prepare'].map((name) => {
          const entry = performance.getEntriesByName(name)[0]
          return entry ? (entry.entryType === 'mark' ? entry.startTime : entry.duration) : NaN
        })
      )
      return { page, wall, drawn: drawn!, first: first!, data: data!, decode: decode!, ready: ready!, prepared: prepared! }
    }
    // Three loads, the median reported (this machine is shared): the last page is kept for the rest.
    const loads = []
    for (let i = 0; i < 3; i++) {
      const run = await load()
      loads.push(run)
      if (i < 2) await run.page.close()
    }
    const byDrawn = [...loads].sort((a, b) => a.drawn - b.drawn)
    const { wall, drawn, first, data, decode, ready, prepared } = byDrawn[1]!
    const page = loads[2]!.page
    if (values.screenshot) await page.screenshot({ path: values.screenshot })
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.click('#filters-toggle')
    const toggles: { page: number; wall: number; consensus: number; draw: number }[] = []
    const boxes = page.locator('#filter-sources input[type="checkbox"]')
    for (const step of [() => boxes.first().uncheck(), () => boxes.first().check(), () => boxes.nth(1).uncheck()]) {
      const toggleStart = performance.now()
      await step()
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const [update, consensus, draw] = await page.evaluate(() => ['claimrange:update', 'claimrange:update:consensus', 'claimrange:update:draw'].map((name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN))
      toggles.push({ wall: performance.now() - toggleStart, page: update!, consensus: consensus!, draw: draw! })
    }
    const nodesAfter = await page.evaluate(() => document.getElementsByTagName('*').length)
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[1]!
    await page.click('#filters-toggle')
    const tips: number[] = []
    for (const nth of [0, 1]) {
      const tipStart = performance.now()
      await page.locator('#chart g.mark').nth(nth).hover()
      await page.waitForSelector('#tooltip:not([hidden]) .tip-quote', { timeout: 60_000 })
      tips.push(performance.now() - tipStart)
      await page.mouse.move(0, 0)
      await page.waitForSelector('#tooltip[hidden]', { state: 'attached' })
    }
    const mark = page.locator('#chart g.mark').last()
    const key = (await mark.getAttribute('data-claim'))!
    const panelStart = performance.now()
    await mark.click()
    await page.waitForSelector(`#panel[data-claim="${key}"] #passage`, { timeout: 60_000 })
    const panel = performance.now() - panelStart
    const seconds = (ms: number) => (ms / 1000).toFixed(2)
    console.log(`first render: ${seconds(drawn)} s from navigation, median of ${loads.map((l) => seconds(l.drawn)).join(', ')} (data.js loaded at ${seconds(data)} s, read in ${seconds(decode)} s; the first update, drawing included, ${seconds(first)} s; ${seconds(wall)} s until the first mark, seen from the driver)`)
    console.log(`ready for switches: ${seconds(ready)} s from navigation (corpus prepared in ${seconds(prepared)} s)`)
    console.log(`one source switched off: ${median(toggles.map((t) => t.page)).toFixed(0)} ms median of ${toggles.map((t) => t.page.toFixed(0)).join(', ')} (rows recomputed ${median(toggles.map((t) => t.consensus)).toFixed(0)} ms, chart drawn ${median(toggles.map((t) => t.draw)).toFixed(0)} ms; ${median(toggles.map((t) => t.wall)).toFixed(0)} ms until painted, seen from the driver)`)
    console.log(`tooltip with its words loaded on demand: ${tips.map((t) => t.toFixed(0)).join(' ms, then ')} ms from the hover (the first waits for the pairs lookup when the page has not made it yet)`)
    console.log(`panel with its source text loaded on demand: ${panel.toFixed(0)} ms from the click to the passage highlighted`)
    console.log(`DOM nodes: ${nodes} (${nodesAfter} with the filters open); page height: ${height} px`)
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
  } finally {
    await browser.close()
    await server.close()
  }
} finally {
  if (!values.keep) await rm(temp, { recursive: true, force: true })
}
