/**
 * The chart page in a real browser: Debian's Chromium driven by
 * playwright-core. The fixture site (hand-made sources and claims, one of
 * them hostile) is built once with `buildSite` and served with `serveSite`;
 * the bundled corpus (`sources/` + `claims/`) too, once its claims exist.
 * Screenshots go to `test-output/` (gitignored).
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, openChart } from './browser.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSite } from '../../src/site/build.ts'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'
import { fixtureClaims, fixtureSources } from './helpers.ts'

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url))
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const corpusClaims = join(projectRoot, 'claims')
const hasCorpusClaims = existsSync(corpusClaims) && readdirSync(corpusClaims).some((name) => /\.ya?ml$/.test(name))

let base: string
let browser: Browser
let site: RunningSite
const siteDir = () => join(base, 'fixture-site')

/** A page of the chart whose console errors are collected (see `browser.ts`). */
const open = (url: string, viewport?: { width: number; height: number }) => openChart(browser, url, viewport)

/** Claims not rejected in the page's data (what the chart must draw). */
function claimsInData(page: Page): Promise<number> {
  return page.evaluate(() => {
    const data = (window as unknown as { __CLAIMRANGE_DATA__: { files: { claims: { review: { status: string } }[] }[] } }).__CLAIMRANGE_DATA__
    return data.files.flatMap((f) => f.claims).filter((c) => c.review.status !== 'rejected').length
  })
}

/** Position and size of a row's consensus band and median. */
function band(page: Page, row: string): Promise<string[]> {
  return page.evaluate((key) => {
    const g = document.querySelector(`#chart g.band[data-row="${key}"]`)
    if (!g) return []
    const rect = g.querySelector('rect')!
    const median = g.querySelector('line')!
    return [rect.getAttribute('x')!, rect.getAttribute('width')!, median.getAttribute('x1')!]
  }, row)
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'claimrange-browser-'))
  await mkdir(outputDir, { recursive: true })
  await buildSite({ sourcesDir: fixtureSources, claimsDir: fixtureClaims, outDir: siteDir() })
  site = await serveSite({ dir: siteDir() })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await rm(base, { recursive: true, force: true })
})

describe('chart page (fixture site)', () => {
  test('loads with no console errors and draws one mark per claim in the data', async () => {
    const { page, errors } = await open(site.url)
    expect(await page.locator('#chart g.mark').count()).toBe(await claimsInData(page))
    expect(await page.locator('#chart g.mark').count()).toBe(16)
    expect(await page.textContent('#status')).toBe('Showing 16 claims in 8 rows.')
    expect(errors).toEqual([])
    await page.close()
  })

  test('hovering a mark shows its quote, source, speaker, condition and review status', async () => {
    const { page, errors } = await open(site.url)
    await page.hover('#chart g.mark[data-claim="clinic-exercise"]')
    await expect.poll(() => page.isVisible('#tooltip')).toBe(true)
    expect(await page.textContent('#tooltip .tip-quote')).toBe('“Avoid exercise for 72 hours after your treatment.”')
    const tip = (await page.textContent('#tooltip'))!
    expect(tip).toContain('Clinic aftercare guide')
    expect(tip).toContain('not named (the source itself)')
    expect(tip).toContain('general (no condition)')
    expect(tip).toContain('confirmed by Mia')
    await page.hover('#chart g.mark[data-claim="quick-exercise"]')
    expect(await page.textContent('#tooltip .tip-quote')).toBe('“Avoid exercise for 2 hours.”')
    expect(await page.textContent('#tooltip .tip-outlier')).toMatch(/2 h/)
    expect(errors).toEqual([])
    await page.close()
  })

  test('keyboard: a focused mark shows its tooltip, Enter opens the source, Escape closes it and returns focus', async () => {
    const { page } = await open(site.url)
    await page.focus('#chart g.mark[data-claim="derm-gym"]')
    await expect.poll(() => page.isVisible('#tooltip')).toBe(true)
    expect(await page.textContent('#tooltip')).toContain('Dr Lee')
    expect(await page.getAttribute('#chart g.mark[data-claim="derm-gym"]', 'aria-label')).toMatch(/^Exercise, avoid 5 days, Dr Lee, derm-blog/)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.isVisible('#panel')).toBe(true)
    expect(await page.textContent('#passage')).toBe('Dr Lee says to skip the gym for 5 days.')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.isVisible('#panel')).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim'))).toBe('derm-gym')
    await page.close()
  })

  test('clicking a mark opens its source with the passage highlighted in context', async () => {
    const { page, errors } = await open(site.url)
    await page.click('#chart g.mark[data-claim="quick-sun"]')
    await expect.poll(() => page.isVisible('#panel')).toBe(true)
    expect(await page.textContent('#panel-title')).toBe('Quick tips, fast healing')
    expect(await page.textContent('#passage')).toBe('Avoid the sun for 1 to 2 weeks.')
    const body = (await page.textContent('#panel .source-text'))!
    expect(body).toContain('Swim again after a week.\nAvoid the sun for 1 to 2 weeks.\nWash your face')
    expect(body).not.toContain('title: Quick tips')
    expect(await page.locator('#chart g.mark.selected').getAttribute('data-claim')).toBe('quick-sun')
    expect(errors).toEqual([])
    await page.close()
  })

  test('topic and condition filters change which marks and rows are shown', async () => {
    const { page } = await open(site.url)
    await page.uncheck('#filter-topics input[value="exercise"]')
    expect(await page.locator('#chart g.mark').count()).toBe(10)
    expect(await page.locator('#chart g.mark[data-claim="clinic-exercise"]').count()).toBe(0)
    await page.check('#filter-topics input[value="exercise"]')
    await page.uncheck('#filter-conditions input[value="intense"]')
    expect(await page.locator('#chart g.mark').count()).toBe(15)
    expect(await page.locator('#chart g.mark[data-claim="clinic-intense"]').count()).toBe(0)
    expect(await page.locator('#chart g.row-labels g[data-row="exercise/intense"]').count()).toBe(0)
    await page.uncheck('#filter-conditions input[value=""]')
    expect(await page.locator('#chart g.mark').count()).toBe(1)
    await page.close()
  })

  test('switching a source off hides its marks and moves the consensus band; switching it on restores it', async () => {
    const { page } = await open(site.url)
    const before = await band(page, 'exercise')
    expect(before).toHaveLength(3)
    await page.uncheck('#filter-sources input[value="derm-blog"]')
    expect(await page.locator('#chart g.mark[data-source="derm-blog"]').count()).toBe(0)
    expect(await page.locator('#chart g.mark').count()).toBe(12)
    const after = await band(page, 'exercise')
    expect(after).toHaveLength(3)
    expect(after).not.toEqual(before)
    expect(await page.textContent('#status')).toContain('1 source switched off')
    await page.check('#filter-sources input[value="derm-blog"]')
    expect(await band(page, 'exercise')).toEqual(before)
    await page.close()
  })

  test('a hostile source renders as text and runs nothing', async () => {
    const { page, errors } = await open(site.url)
    await page.hover('#chart g.mark[data-claim="hostile-sun"]')
    expect(await page.textContent('#tooltip .tip-quote')).toBe('“Avoid the sun <img src=x onerror="window.__pwned=1"> for 2 weeks.”')
    await page.click('#chart g.mark[data-claim="hostile-sun"]')
    expect(await page.textContent('#panel-title')).toBe('Tips <script>window.__pwned=1</script> & more')
    expect(await page.textContent('#passage')).toBe('Avoid the sun <img src=x onerror="window.__pwned=1"> for 2 weeks.')
    expect(await page.textContent('#panel .source-text')).toContain('<script>window.__pwned=1</script>')
    expect(await page.locator('#panel a').count()).toBe(0)
    await page.click('#show-table')
    expect(await page.textContent('#table-view')).toContain('<img src=x onerror="window.__pwned=1">')
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0)
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length)).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(errors).toEqual([])
    await page.close()
  })

  test('the table view lists the same claims and opens a source from a quote', async () => {
    const { page } = await open(site.url)
    await page.click('#show-table')
    expect(await page.locator('#table-view tbody tr').count()).toBe(16)
    expect(await page.isVisible('#chart')).toBe(false)
    await page.click('#table-view tr[data-claim="derm-pool"] button')
    expect(await page.textContent('#passage')).toBe('Keep out of the pool for 72 hours or more.')
    await page.close()
  })

  test('exports: CSV of the shown claims, the chart as SVG and as PNG', async () => {
    const { page } = await open(site.url)
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)])
      return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
    }
    const csv = await save('#export-csv')
    expect(csv.name).toBe('claimrange-claims.csv')
    const lines = csv.bytes.toString('utf8').split('\r\n')
    expect(lines[0]!.startsWith('source,source_title,claim_id,')).toBe(true)
    expect(lines).toHaveLength(1 + 16 + 1)
    expect(csv.bytes.toString('utf8')).toContain('"Avoid the sun <img src=x onerror=""window.__pwned=1""> for 2 weeks."')
    const svg = await save('#export-svg')
    const text = svg.bytes.toString('utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true)
    expect(text.match(/class="mark /g)).toHaveLength(16)
    expect(text).not.toContain('tabindex')
    const png = await save('#export-png')
    expect(png.name).toBe('claimrange-chart.png')
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(await page.getAttribute('#chart', 'width')))
    await page.close()
  })

  test('the built page also works opened from file://', async () => {
    const { page, errors } = await open(pathToFileURL(join(siteDir(), 'index.html')).href)
    expect(await page.locator('#chart g.mark').count()).toBe(16)
    expect(errors).toEqual([])
    await page.close()
  })

  test('screenshots at 1280×800 and 390×844; the phone layout does not scroll sideways', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 }
    ]) {
      const { page, errors } = await open(site.url, viewport)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      expect(Number(await page.getAttribute('#chart', 'width'))).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: join(outputDir, `chart-fixture-${viewport.width}x${viewport.height}.png`), fullPage: true })
      await page.click('#chart g.mark[data-claim="clinic-makeup"]')
      await page.screenshot({ path: join(outputDir, `chart-fixture-${viewport.width}x${viewport.height}-panel.png`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})

describe.skipIf(!hasCorpusClaims)('chart page (bundled corpus)', () => {
  let corpus: RunningSite
  let corpusDir: string

  beforeAll(async () => {
    corpusDir = join(base, 'corpus-site')
    await buildSite({ sourcesDir: join(projectRoot, 'sources'), claimsDir: corpusClaims, outDir: corpusDir })
    corpus = await serveSite({ dir: corpusDir })
  })

  afterAll(async () => {
    await corpus?.close()
  })

  test('loads with no console errors, one mark per claim; every passage opens highlighted', async () => {
    const { page, errors } = await open(corpus.url)
    const count = await page.locator('#chart g.mark').count()
    expect(count).toBe(await claimsInData(page))
    expect(count).toBeGreaterThan(0)
    const ids = await page.$$eval('#chart g.mark', (marks) => marks.map((m) => m.getAttribute('data-claim')!))
    for (const id of ids) {
      // Keyboard rather than a click: closing the panel re-lays the chart out
      // (the page gives the panel room at this width), which moves the marks.
      await page.focus(`#chart g.mark[data-claim="${id}"]`)
      await page.keyboard.press('Enter')
      const passage = page.locator('#passage')
      expect(await passage.count(), id).toBe(1)
      const quote = await page.evaluate((claim) => {
        const data = (window as unknown as { __CLAIMRANGE_DATA__: { files: { claims: { id: string; quote: string }[] }[] } }).__CLAIMRANGE_DATA__
        return data.files.flatMap((f) => f.claims).find((c) => c.id === claim)!.quote
      }, id)
      expect(await passage.textContent(), id).toBe(quote)
      const inView = await page.evaluate(() => {
        const mark = document.getElementById('passage')!.getBoundingClientRect()
        const panel = document.getElementById('panel')!.getBoundingClientRect()
        return mark.top >= panel.top && mark.top < panel.bottom
      })
      expect(inView, id).toBe(true)
    }
    expect(errors).toEqual([])
    await page.close()
  })

  test('screenshots at 1280×800 and 390×844', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 }
    ]) {
      const { page, errors } = await open(corpus.url, viewport)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: join(outputDir, `chart-corpus-${viewport.width}x${viewport.height}.png`), fullPage: true })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
