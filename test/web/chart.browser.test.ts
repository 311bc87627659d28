/**
 * The chart page in a real browser: Debian's Chromium driven by
 * playwright-core. The fixture site (hand-made sources and claims, one of
 * them hostile, three claims on activities the vocabulary does not list)
 * is built once with `buildSite` and served with `serveSite`; the bundled
 * corpus (`sources/` + `claims/`) too, once its claims exist. Screenshots go
 * to `test-output/` (gitignored).
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, openChart } from './browser.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSite, loadSiteData } from '../../src/site/build.ts'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'
import { computeConsensus } from '../../src/consensus/index.ts'
import { relatedOf } from '../../src/site/data.ts'
import { consensusWords, pageModel } from '../../web/model.ts'
import { topicAnswers, unlistedAnswer } from '../../web/summary.ts'
import { consensusOf, fixtureClaims, fixtureData, fixtureSources } from './helpers.ts'

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

/** Claims in the page's data (the chart draws every one, rejected ones greyed). */
function claimsInData(page: Page): Promise<number> {
  return page.evaluate(() => {
    const data = (window as unknown as { __CLAIMRANGE_DATA__: { files: { claims: unknown[] }[] } }).__CLAIMRANGE_DATA__
    return data.files.flatMap((f) => f.claims).length
  })
}

/** Paths of the detail scripts the page asked for so far (`sources/<hash>.js`). */
function detailRequests(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\/sources\/[0-9a-f]{20}\.js$/.test(p)))
}

/** The detail script the page's data names for a claims file. */
function detailOf(page: Page, source: string): Promise<string> {
  return page.evaluate((id) => {
    const data = (window as unknown as { __CLAIMRANGE_DATA__: { files: { source: string; detail: string }[] } }).__CLAIMRANGE_DATA__
    return data.files.find((f) => f.source === id)!.detail
  }, source)
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
    expect(await page.locator('#chart g.mark').count()).toBe(20)
    expect(await page.textContent('#status')).toBe('Showing 20 claims in 11 rows.')
    expect(errors).toEqual([])
    await page.close()
  })

  test('hovering a mark shows its quote, source, speaker, condition and review status', async () => {
    const { page, errors } = await open(site.url)
    await page.hover('#chart g.mark[data-claim="clinic-guide/clinic-exercise"]')
    await expect.poll(() => page.isVisible('#tooltip')).toBe(true)
    expect(await page.textContent('#tooltip .tip-quote')).toBe('“Avoid exercise for 72 hours after your treatment.”')
    const tip = (await page.textContent('#tooltip'))!
    expect(tip).toContain('Clinic aftercare guide')
    expect(tip).toContain('not named (the source itself)')
    expect(tip).toContain('general (no condition)')
    expect(tip).toContain('confirmed by Mia')
    await page.hover('#chart g.mark[data-claim="quick-tips/quick-exercise"]')
    await expect.poll(() => page.textContent('#tooltip .tip-quote')).toBe('“Avoid exercise for 2 hours.”')
    expect(await page.textContent('#tooltip .tip-outlier')).toMatch(/2 h/)
    expect(errors).toEqual([])
    await page.close()
  })

  test('keyboard: a focused mark shows its tooltip, Enter opens the source, Escape closes it and returns focus', async () => {
    const { page } = await open(site.url)
    await page.focus('#chart g.mark[data-claim="derm-blog/derm-gym"]')
    await expect.poll(() => page.isVisible('#tooltip')).toBe(true)
    expect(await page.textContent('#tooltip')).toContain('Dr Lee')
    expect(await page.getAttribute('#chart g.mark[data-claim="derm-blog/derm-gym"]', 'aria-label')).toMatch(/^Exercise, avoid 5 days, Dr Lee, derm-blog/)
    await page.keyboard.press('Enter')
    await page.waitForSelector('#panel[data-claim="derm-blog/derm-gym"]')
    await expect.poll(() => page.isVisible('#panel')).toBe(true)
    expect(await page.textContent('#passage')).toBe('Dr Lee says to skip the gym for 5 days.')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.isVisible('#panel')).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim'))).toBe('derm-blog/derm-gym')
    await page.close()
  })

  test('clicking a mark opens its source with the passage highlighted in context', async () => {
    const { page, errors } = await open(site.url)
    await page.click('#chart g.mark[data-claim="quick-tips/quick-sun"]')
    await page.waitForSelector('#panel[data-claim="quick-tips/quick-sun"]')
    await expect.poll(() => page.isVisible('#panel')).toBe(true)
    expect(await page.textContent('#panel-title')).toBe('Quick tips, fast healing')
    expect(await page.textContent('#passage')).toBe('Avoid the sun for 1 to 2 weeks.')
    const body = (await page.textContent('#panel .source-text'))!
    expect(await page.innerText('#panel .source-text')).toMatch(/Swim again after a week\.\n+Avoid the sun for 1 to 2 weeks\.\n+Wash your face/)
    expect(body).not.toContain('title: Quick tips')
    expect(await page.locator('#chart g.mark.selected').getAttribute('data-claim')).toBe('quick-tips/quick-sun')
    expect(errors).toEqual([])
    await page.close()
  })

  test('topic and condition filters change which marks and rows are shown', async () => {
    const { page } = await open(site.url)
    expect(await page.isVisible('#filter-topics')).toBe(false)
    await page.click('#filters-toggle')
    await page.uncheck('#filter-topics input[value="exercise"]')
    expect(await page.locator('#chart g.mark').count()).toBe(14)
    expect(await page.locator('#chart g.mark[data-claim="clinic-guide/clinic-exercise"]').count()).toBe(0)
    await page.check('#filter-topics input[value="exercise"]')
    await page.uncheck('#filter-conditions input[value="intense"]')
    expect(await page.locator('#chart g.mark').count()).toBe(19)
    expect(await page.locator('#chart g.mark[data-claim="clinic-guide/clinic-intense"]').count()).toBe(0)
    expect(await page.locator('#chart g.row-labels g[data-row="exercise/intense"]').count()).toBe(0)
    await page.uncheck('#filter-conditions input[value=""]')
    expect(await page.locator('#chart g.mark').count()).toBe(1)
    await page.close()
  })

  test('switching a source off hides its marks and moves the consensus band; switching it on restores it', async () => {
    const { page } = await open(site.url)
    const before = await band(page, 'exercise')
    expect(before).toHaveLength(3)
    await page.click('#filters-toggle')
    await page.fill('#source-search', 'derma')
    expect(await page.locator('#filter-sources input[type="checkbox"]').count()).toBe(1)
    await page.uncheck('#filter-sources input[value="derm-blog"]')
    expect(await page.locator('#chart g.mark[data-source="derm-blog"]').count()).toBe(0)
    expect(await page.locator('#chart g.mark').count()).toBe(16)
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
    await page.hover('#chart g.mark[data-claim="hostile/hostile-sun"]')
    expect(await page.textContent('#tooltip .tip-quote')).toBe('“Avoid the sun <img src=x onerror="window.__pwned=1"> for 2 weeks.”')
    await page.click('#chart g.mark[data-claim="hostile/hostile-sun"]')
    await page.waitForSelector('#panel[data-claim="hostile/hostile-sun"]')
    expect(await page.textContent('#panel-title')).toBe('Tips <script>window.__pwned=1</script> & more')
    expect(await page.textContent('#passage')).toBe('Avoid the sun <img src=x onerror="window.__pwned=1"> for 2 weeks.')
    expect(await page.textContent('#panel .source-text')).toContain('<script>window.__pwned=1</script>')
    expect(await page.locator('#panel a').count()).toBe(0)
    await page.click('#show-table')
    await page.waitForSelector('#table-view table')
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
    await page.waitForSelector('#table-view table')
    expect(await page.locator('#table-view tbody tr').count()).toBe(20)
    expect(await page.getAttribute('#table-view tr[data-claim="quick-tips/quick-wash"]', 'class')).toBe('rejected')
    expect(await page.isVisible('#chart')).toBe(false)
    await page.click('#table-view tr[data-claim="derm-blog/derm-pool"] button')
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
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]!.startsWith('source,source_title,source_url,claim_id,')).toBe(true)
    expect(lines[0]!.split(',')).toContain('reviewer')
    expect(lines[0]!.split(',')).toContain('note')
    expect(lines).toHaveLength(1 + 20 + 1)
    expect(lines.some((l) => l.includes('quick-wash') && l.includes(',rejected,'))).toBe(true)
    expect(csv.bytes.toString('utf8')).toContain('"Avoid the sun <img src=x onerror=""window.__pwned=1""> for 2 weeks."')
    const svg = await save('#export-svg')
    const text = svg.bytes.toString('utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true)
    expect(text.match(/class="mark /g)).toHaveLength(20)
    expect(text).not.toContain('tabindex')
    expect(text).toContain('width="1200"')
    expect(text).toContain('>How long to wait: where the sources agree</text>')
    expect(text).toMatch(/>Sources: A dermatologist's blog; Clinic aftercare guide \(https:\/\/clinic\.example\/aftercare\);/)
    expect(text).toMatch(/Made with claimrange on \d{4}-\d{2}-\d{2}\./)
    expect(text).not.toContain('on hover')
    const png = await save('#export-png')
    expect(png.name).toBe('claimrange-chart.png')
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.bytes.readUInt32BE(16)).toBe(2 * 1200)
    await page.selectOption('#export-scope', 'exercise')
    const topic = (await save('#export-svg')).bytes.toString('utf8')
    expect(topic).toContain('>Exercise: how long to wait, where the sources agree</text>')
    expect(topic.match(/class="mark /g)).toHaveLength(6)
    await page.close()
  })

  test('outliers are labelled in place with their reason, on their source’s line, without hovering', async () => {
    const { page } = await open(site.url)
    const mark = page.locator('#chart g.mark.outlier[data-claim="quick-tips/quick-exercise"]')
    const line = await mark.getAttribute('data-line')
    const label = page.locator(`#chart g.line[data-row="exercise"][data-line="${line}"] text.line-label`)
    expect(await label.textContent()).toBe('Quick tips, fast healing')
    expect(await page.locator('#chart text.outlier-label').allTextContents()).toEqual(['2 h is 2% of the median of 3.5 days'])
    const [markBox, labelBox, textBox] = await Promise.all([mark.boundingBox(), label.boundingBox(), page.locator('#chart text.outlier-label').boundingBox()])
    expect(Math.abs(markBox!.y + markBox!.height / 2 - (labelBox!.y + labelBox!.height / 2))).toBeLessThan(10)
    expect(Math.abs(markBox!.y + markBox!.height / 2 - (textBox!.y + textBox!.height / 2))).toBeLessThan(6)
    expect(await page.isVisible('#tooltip')).toBe(false)
    await page.close()
  })

  test('no conflict path is drawn until a mark is focused; the group is a labelled bracket; the source is flagged', async () => {
    const { page } = await open(site.url)
    expect(await page.locator('#chart path.link').count()).toBe(0)
    expect(await page.textContent('#chart g.bracket text')).toBe('1 claim (1 source) says it is fine now; 5 claims (4 sources) say wait ≥ 2 h')
    // The flag's title quotes the pair: the words of the flagged line were loaded once the page was ready.
    expect(await page.textContent('#chart g.line[data-source="derm-blog"][data-row="sweating"] text.line-flag title')).toMatch(/derm-blog allows sweat(ing)? right away \(“You can sweat as usual/)
    expect(await page.textContent('#chart g.line[data-source="derm-blog"][data-row="sweating"] text.line-flag')).toMatch(/^⇄ contradicts itself ×1/)
    await page.focus('#chart g.mark[data-claim="derm-blog/derm-sweat"]')
    await expect.poll(() => page.locator('#chart path.link').count()).toBe(5)
    expect(await page.locator('#chart path.link[data-to="clinic-guide/clinic-sauna"]').count()).toBe(1)
    await page.focus('#chart g.mark[data-claim="quick-tips/quick-sun"]')
    expect(await page.locator('#chart path.link').count()).toBe(0)
    await page.close()
  })

  test('keyboard: the skip link is the first tab stop; the chart is one tab stop and arrow keys move focus', async () => {
    const { page } = await open(site.url)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link')
    await page.keyboard.press('Enter')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-claim'))
    expect(await focused()).toBe('quick-tips/quick-exercise')
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('clinic-guide/clinic-exercise')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('hostile/hostile-exercise')
    await page.keyboard.press('PageDown')
    expect(await focused()).toBe('quick-tips/quick-light')
    expect(await page.locator('#chart g.mark[tabindex="0"]').count()).toBe(1)
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.focus-ring')!).stroke)
    expect(ring).not.toBe('none')
    // Tab leaves the chart: the marks are one stop, not one per claim.
    await page.keyboard.press('Tab')
    expect(await focused()).toBeFalsy()
    await page.close()
  })

  test('review queue: the status filter counts and hides claims; a rejected claim is greyed, listed and says how to count it again', async () => {
    const { page } = await open(site.url)
    expect(await page.locator('#status-filter label').allTextContents()).toEqual(['unreviewed 17', 'confirmed 1', 'rejected 1', 'corrected 1'])
    expect(await page.getAttribute('#chart g.mark[data-claim="quick-tips/quick-wash"]', 'class')).toContain('rejected')
    await page.uncheck('#status-filter input[value="unreviewed"]')
    expect(await page.locator('#chart g.mark').count()).toBe(3)
    await page.uncheck('#status-filter input[value="confirmed"]')
    await page.uncheck('#status-filter input[value="corrected"]')
    expect(await page.locator('#chart g.mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-claim')))).toEqual(['quick-tips/quick-wash'])
    await page.click('#chart g.mark[data-claim="quick-tips/quick-wash"]')
    await page.waitForSelector('#panel[data-claim="quick-tips/quick-wash"]')
    expect(await page.textContent('#panel')).toContain('Not counted in the consensus: rejected by an editor')
    await page.close()
  })

  test('the panel shows the claim, the editor’s value as the editor’s, then conflicts, then the article as formatted text', async () => {
    const { page } = await open(site.url)
    await page.click('#chart g.mark[data-claim="quick-tips/quick-makeup"]')
    await page.waitForSelector('#panel[data-claim="quick-tips/quick-makeup"]')
    expect(await page.textContent('#panel .panel-claim')).toMatch(/^Makeup: allowed 24 h \(editor's; the source says “/)
    await page.keyboard.press('Escape')
    await page.click('#chart g.mark[data-claim="derm-blog/derm-sweat"]')
    await page.waitForSelector('#panel[data-claim="derm-blog/derm-sweat"]')
    const order = await page.evaluate(() => [...document.querySelectorAll('#panel-body > *')].map((n) => n.className))
    expect(order.indexOf('panel-claim')).toBeLessThan(order.indexOf('panel-conflicts'))
    expect(order.indexOf('panel-conflicts')).toBeLessThan(order.indexOf('source-text'))
    expect(await page.locator('#panel .source-text p').count()).toBeGreaterThan(1)
    const close = await page.locator('#panel-close').boundingBox()
    const title = await page.locator('#panel-title').boundingBox()
    expect(close!.x >= title!.x + title!.width || close!.y + close!.height <= title!.y).toBe(true)
    await page.close()
  })

  test('the built page also works opened from file://, its texts loaded on demand as there', async () => {
    const { page, errors } = await open(pathToFileURL(join(siteDir(), 'index.html')).href)
    expect(await page.locator('#chart g.mark').count()).toBe(20)
    await page.hover('#chart g.mark[data-claim="home-care/home-massage"]')
    await expect.poll(() => page.textContent('#tooltip .tip-quote')).toBe('“No facial massage for a full 24 hours.”')
    await page.click('#chart g.mark[data-claim="quick-tips/quick-sun"]')
    await page.waitForSelector('#panel[data-claim="quick-tips/quick-sun"] #passage')
    expect(await page.textContent('#passage')).toBe('Avoid the sun for 1 to 2 weeks.')
    expect(errors).toEqual([])
    await page.close()
  })

  test('a source’s text is loaded when its panel opens, not with the page, and the passage is highlighted', async () => {
    const { page, errors } = await open(site.url)
    // Ready, the page has the words of the flagged lines and of its tab stop (the first mark), no others.
    const detail = await detailOf(page, 'clinic-guide')
    expect(detail).toMatch(/^sources\/[0-9a-f]{20}\.js$/)
    expect((await detailRequests(page)).sort()).toEqual([`/${await detailOf(page, 'derm-blog')}`, `/${await detailOf(page, 'quick-tips')}`].sort())
    // The first payload holds no article text and no quote.
    const first = await (await fetch(new URL('data.js', site.url))).text()
    expect(first).not.toContain('Stay out of swimming pools')
    await page.click('#chart g.mark[data-claim="clinic-guide/clinic-swimming"]')
    await page.waitForSelector('#panel[data-claim="clinic-guide/clinic-swimming"] #passage')
    expect(await page.textContent('#passage')).toBe('Stay out of swimming pools for one week.')
    expect(await page.innerText('#panel .source-text')).toMatch(/Avoid exercise for 72 hours after your treatment\.\n+Stay out of swimming pools for one week\.\n+Avoid saunas/)
    expect(await detailRequests(page)).toContain(`/${detail}`)
    // Loaded once: another claim of the same source opens from what is there.
    const before = (await detailRequests(page)).length
    await page.keyboard.press('Escape')
    await page.click('#chart g.mark[data-claim="clinic-guide/clinic-makeup"]')
    await page.waitForSelector('#panel[data-claim="clinic-guide/clinic-makeup"] #passage')
    expect((await detailRequests(page)).length).toBe(before)
    // The detail script ran and left no element behind.
    expect(await page.locator('head script[src*="sources/"]').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('switching a source off recomputes the rows it touches, as the whole consensus without it has them; the others stay', async () => {
    const { page, errors } = await open(site.url)
    const data = await fixtureData()
    const summary = (row: string) => page.textContent(`#chart g.row-labels g[data-row="${row}"] .row-summary`)
    const sunBefore = await band(page, 'sun')
    const words = (exclude: string[]) => {
      const rows = pageModel(data, consensusOf(data, exclude), { exclude }).rows
      return (key: string) => consensusWords(rows.find((r) => r.key === key)!)
    }
    const all = words([])
    expect(await summary('exercise')).toMatch(new RegExp(`^${all('exercise').replace(/[()]/g, '\\$&')}`))
    await page.click('#filters-toggle')
    await page.uncheck('#filter-sources input[value="derm-blog"]')
    const off = words(['derm-blog'])
    for (const row of ['exercise', 'swimming', 'sweating', 'makeup']) expect(await summary(row), row).toMatch(new RegExp(`^${off(row).replace(/[()]/g, '\\$&')}`))
    expect(off('exercise')).not.toBe(all('exercise'))
    // derm-blog said the only "fine now" about sweating: its conflict group is gone, in the chart and in the answers.
    expect(await page.locator('#chart g.bracket').count()).toBe(0)
    expect(await page.textContent('#answers li[data-topic="sweating"]')).not.toMatch(/Conflict:/)
    // A row it has no claim in is drawn as before.
    expect(await band(page, 'sun')).toEqual(sunBefore)
    expect(await page.evaluate(() => performance.getEntriesByName('claimrange:update').length)).toBeGreaterThan(1)
    await page.check('#filter-sources input[value="derm-blog"]')
    expect(await summary('exercise')).toMatch(new RegExp(`^${all('exercise').replace(/[()]/g, '\\$&')}`))
    expect(await page.locator('#chart g.bracket').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  test('activities the vocabulary does not list are rows of their own, marked, in the chart, the first screen, the table and the CSV', async () => {
    const { page, errors } = await open(site.url, { width: 1440, height: 900 })
    const section = page.locator('#chart g.row-labels g[data-row="lying-down"]')
    expect(await section.locator('.section-label').textContent()).toBe('Not in the vocabulary yet')
    expect((await section.locator('.section-hint').allTextContents()).join(' ')).toMatch(/^Activities the sources give waits for that no vocabulary topic covers, .* add its words to a topic’s `words` in vocabulary\.yaml/)
    expect(await section.locator('.row-label').textContent()).toBe('Lying down')
    expect(await section.locator('.row-summary').textContent()).toMatch(/^not in the vocabulary · wait 2–4 h \(median 2\.9 h\) · 2 voices/)
    // After every vocabulary row.
    const order = await page.$$eval('#chart g.row-labels > g', (gs) => gs.map((g) => g.getAttribute('data-row')))
    expect(order.slice(-2)).toEqual(['lying-down', 'facial-massage'])
    expect(await page.getAttribute('#chart g.mark[data-claim="quick-tips/quick-lie"]', 'aria-label')).toMatch(/^Lying down \(not in the vocabulary\), avoid 4 h, /)
    // The first screen: one compact item, last, each activity a link to its row.
    const item = page.locator('#answers li.answer-unlisted')
    expect(await item.textContent()).toMatch(/^Not in the vocabulary yet \(2 activities\): Lying down, wait 2–4 h \(median 2\.9 h\), 2 voices; Facial massage, wait 24 h, 1 voice\. Their words are in no vocabulary topic yet/)
    expect((await item.boundingBox())!.y + (await item.boundingBox())!.height).toBeLessThanOrEqual(900)
    expect(await page.locator('#answers li[data-topic="lying-down"]').count()).toBe(0)
    await item.locator('a', { hasText: 'Facial massage' }).click()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim'))).toBe('home-care/home-massage')
    // The table names the activity and says it is not in the vocabulary.
    await page.click('#show-table')
    await page.waitForSelector('#table-view table')
    expect(await page.textContent('#table-view tr[data-claim="home-care/home-lie"] td[data-label="Topic"]')).toBe('Lying down (not in the vocabulary)')
    // The CSV says so in its own column.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
    const csv = (await readFile((await download.path())!, 'utf8')).split('\r\n')
    expect(csv[0]!.split(',').slice(4, 7)).toEqual(['topic', 'unlisted', 'condition'])
    expect(csv.find((l) => l.includes(',home-lie,'))).toMatch(/,home-lie,lying-down,yes,,avoid,/)
    expect(csv.find((l) => l.includes(',clinic-exercise,'))).toMatch(/,clinic-exercise,exercise,,,avoid,/)
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
      await page.click('#chart g.mark[data-claim="clinic-guide/clinic-makeup"]')
      await page.waitForSelector('#panel[data-claim="clinic-guide/clinic-makeup"]')
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
    const { data } = await loadSiteData({ sourcesDir: join(projectRoot, 'sources'), claimsDir: corpusClaims })
    const quotes = new Map(data.files.flatMap((f) => f.claims.map((c) => [`${f.source}/${c.id}`, c.quote])))
    const count = await page.locator('#chart g.mark').count()
    expect(count).toBe(await claimsInData(page))
    expect(count).toBeGreaterThan(0)
    const ids = await page.$$eval('#chart g.mark', (marks) => marks.map((m) => m.getAttribute('data-claim')!))
    for (const id of ids) {
      // Keyboard rather than a click: closing the panel re-lays the chart out
      // (the page gives the panel room at this width), which moves the marks.
      await page.focus(`#chart g.mark[data-claim="${id}"]`)
      await page.keyboard.press('Enter')
      await page.waitForSelector(`#panel[data-claim="${id}"]`)
      const passage = page.locator('#passage')
      expect(await passage.count(), id).toBe(1)
      expect(await passage.textContent(), id).toBe(quotes.get(id))
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

  test('the panel says in words which rules read the claim as it was read', async () => {
    const { page, errors } = await open(corpus.url, { width: 1440, height: 900 })
    const { data } = await loadSiteData({ sourcesDir: join(projectRoot, 'sources'), claimsDir: corpusClaims })
    const file = data.files.find((f) => f.claims.some((c) => (c.rules ?? []).length > 0))!
    const claim = file.claims.find((c) => (c.rules ?? []).length > 0)!
    const first = { key: `${file.source}/${claim.id}`, rules: claim.rules! }
    await page.focus(`#chart g.mark[data-claim="${first.key}"]`)
    await page.keyboard.press('Enter')
    await page.waitForSelector(`#panel[data-claim="${first.key}"]`)
    const items = await page.locator('#panel .panel-rule').allTextContents()
    expect(items.length).toBe(first.rules.length)
    for (const [i, id] of first.rules.entries()) {
      // A sentence from the rule's doc, then its id: never the bare id alone.
      expect(items[i]).toMatch(new RegExp(`^[A-Z].{15,}\\(${id.replace('/', '\\/')}\\)$`))
    }
    expect(errors).toEqual([])
    await page.close()
  })

  test('at 1440×900 the first screen holds every topic’s consensus sentence, outliers by source and conflicts counted', async () => {
    const { page, errors } = await open(corpus.url, { width: 1440, height: 900 })
    const data = await loadSiteData({ sourcesDir: join(projectRoot, 'sources'), claimsDir: corpusClaims })
    const rows = pageModel(data.data, computeConsensus(data.data.files, { related: relatedOf(data.data) })).rows
    const expected = topicAnswers(rows)
    expect(expected.length).toBe(new Set(data.data.files.flatMap((f) => f.claims.filter((c) => !c.unlisted).map((c) => c.topic))).size)
    const shown = await page.$$eval('#answers li[data-topic]', (items) =>
      items.map((li) => ({ topic: li.getAttribute('data-topic'), text: li.textContent, bottom: li.getBoundingClientRect().bottom }))
    )
    expect(shown.map((a) => a.topic)).toEqual(expected.map((a) => a.topic))
    for (const [i, answer] of expected.entries()) {
      expect(shown[i]!.text).toContain(`${answer.label}: ${answer.consensus}`)
      if (answer.outliers) expect(shown[i]!.text).toContain(answer.outliers)
      expect(shown[i]!.bottom, answer.topic).toBeLessThanOrEqual(900)
    }
    expect(shown.find((a) => a.topic === 'swimming')!.text).toMatch(/Out of line: Can You Sweat After Microneedling \(24 h\)/)
    expect(shown.find((a) => a.topic === 'sweating')!.text).toMatch(/Conflict: (1 claim \(1 source\) says|\d+ claims \(1 source\) say) it is fine now; \d+ claims \(\d sources\) say wait ≥ 48 h/)
    // Activities outside the vocabulary: one item after the topics, on the first screen too.
    const unlisted = unlistedAnswer(rows)
    const item = await page.$$eval('#answers li.answer-unlisted', (items) => items.map((li) => ({ text: li.textContent!, bottom: li.getBoundingClientRect().bottom })))
    expect(item.length).toBe(unlisted ? 1 : 0)
    if (unlisted) {
      expect(item[0]!.text.startsWith(`Not in the vocabulary yet (${unlisted.activities} activit`)).toBe(true)
      for (const named of unlisted.named) expect(item[0]!.text).toContain(`${named.label}, ${named.words}`)
      expect(item[0]!.bottom).toBeLessThanOrEqual(900)
    }
    expect(await page.isVisible('#filter-topics')).toBe(false)
    expect(errors).toEqual([])
    await page.close()
  })

  test('screenshots at 1440×900 and 390×844 (docs/ with SCREENSHOTS=docs)', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 }
    ]) {
      const { page, errors } = await open(corpus.url, viewport)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: join(outputDir, `chart-corpus-${viewport.width}x${viewport.height}.png`), fullPage: true })
      if (process.env.SCREENSHOTS === 'docs') {
        await page.screenshot({ path: join(projectRoot, 'docs', `chart-${viewport.width}x${viewport.height}.png`) })
        await page.screenshot({ path: join(projectRoot, 'docs', `chart-${viewport.width}x${viewport.height}-full.png`), fullPage: true })
      }
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
