/**
 * The chart at scale, in headless Chromium: first render, one source
 * switched off, DOM nodes and page height.
 *
 *   node --import tsx bench/chart.ts --site DIR                 a built site
 *   node --import tsx bench/chart.ts --claims DIR --sources DIR  built first (into a temp folder)
 *   node --import tsx bench/chart.ts --generate 10000            a generated corpus of N sources
 *   … --screenshot FILE                                          also save the first screen (1440×900)
 *
 * Figures, not assertions (speed is never checked in a test). First render
 * is the page's own mark `claimrange:drawn` (from navigation start: data.js
 * parsed, consensus computed, everything drawn); the toggle is the page's
 * measure `claimrange:update` for switching one source off (consensus
 * recomputed, answers, chart and table redrawn), and the wall time until
 * the browser has painted it.
 *
 * The generated corpus: N sources of 18 claims each over the vocabulary's
 * topics, waits drawn from the waits articles give (seeded, so every run
 * measures the same corpus), each claim quoted from its own source text.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { stringify } from 'yaml'
import { sha256 } from '../src/read/source.ts'
import { buildSite } from '../src/site/build.ts'
import { serveSite } from '../src/site/serve.ts'
import { launchChromium } from '../test/web/browser.ts'

const { values } = parseArgs({ options: { site: { type: 'string' }, claims: { type: 'string' }, sources: { type: 'string' }, generate: { type: 'string' }, screenshot: { type: 'string' } } })

/** Mulberry32: a small seeded generator. */
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

const temp = await mkdtemp(join(tmpdir(), 'claimrange-bench-chart-'))
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
  const server = await serveSite({ dir: site })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const start = performance.now()
    await page.goto(server.url, { timeout: 120_000 })
    await page.waitForSelector('#chart g.mark', { timeout: 120_000 })
    const wall = performance.now() - start
    const drawn = await page.evaluate(() => performance.getEntriesByName('claimrange:drawn')[0]?.startTime ?? NaN)
    const first = await page.evaluate(() => performance.getEntriesByName('claimrange:update')[0]?.duration ?? NaN)
    if (values.screenshot) await page.screenshot({ path: values.screenshot })
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.click('#filters-toggle')
    const toggleStart = performance.now()
    await page.locator('#filter-sources input[type="checkbox"]').first().uncheck()
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const toggleWall = performance.now() - toggleStart
    const toggle = await page.evaluate(() => performance.getEntriesByName('claimrange:update').at(-1)?.duration ?? NaN)
    const nodesAfter = await page.evaluate(() => document.getElementsByTagName('*').length)
    console.log(`first render: ${(drawn / 1000).toFixed(2)} s from navigation (consensus + drawing ${(first / 1000).toFixed(2)} s; ${(wall / 1000).toFixed(2)} s until the first mark, seen from the driver)`)
    console.log(`one source switched off: ${toggle.toFixed(0)} ms (${toggleWall.toFixed(0)} ms until painted, seen from the driver)`)
    console.log(`DOM nodes: ${nodes} (${nodesAfter} with the filters open); page height: ${height} px`)
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
  } finally {
    await browser.close()
    await server.close()
  }
} finally {
  await rm(temp, { recursive: true, force: true })
}
