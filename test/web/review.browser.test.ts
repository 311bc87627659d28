/**
 * Reviewing in the page and live updates, in Debian's Chromium driven by
 * playwright-core, against the very server `npm start` runs (`runStart`:
 * extract, build, serve with the review API, watch the sources) on a copy
 * of the bundled corpus (`sources/` + `claims/`) in a temp folder. The
 * claims to review are picked from the copied claims files by what they
 * say, not by id, so the test follows the extractor as it improves.
 * Screenshots go to `test-output/` (gitignored).
 */
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, openChart } from './browser.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runStart } from '../../src/cli/start.ts'
import { captureEffects } from '../../src/cli/effects.ts'
import { parseClaims } from '../../src/read/claims.ts'
import type { Claim, ClaimsFile } from '../../src/schema.ts'
import { buildSite } from '../../src/site/build.ts'
import { serveSite, type RunningSite } from '../../src/site/serve.ts'
import { formatHours } from '../../web/format.ts'

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url))
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

let base: string
let browser: Browser
let live: RunningSite
let staticSite: RunningSite
const effects = captureEffects()
const sourcesDir = () => join(base, 'sources')
const claimsDir = () => join(base, 'claims')

/** A page of the chart whose console errors are collected (see `browser.ts`). */
const open = (url: string, viewport?: { width: number; height: number }) => openChart(browser, url, viewport)

/** Every claims file in the temp folder, parsed and validated as `check` does. */
async function readAllClaims(): Promise<{ name: string; text: string; data: ClaimsFile | undefined; problems: string[] }[]> {
  const names = (await readdir(claimsDir())).filter((n) => n.endsWith('.yaml')).sort()
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(claimsDir(), name), 'utf8')
      const read = parseClaims(join(claimsDir(), name), text)
      return { name, text, data: read.data, problems: read.messages.map((m) => m.reason) }
    })
  )
}

/** A claim as stored now in its claims file. */
async function storedClaim(source: string, id: string): Promise<Claim> {
  const file = (await readAllClaims()).find((f) => f.data?.source === source)
  expect(file?.problems, `claims file of ${source}`).toEqual([])
  const claim = file!.data!.claims.find((c) => c.id === id)
  expect(claim, `${source}/${id}`).toBeDefined()
  return claim!
}

/** The `<title>` of a row's consensus band. */
function bandTitle(page: Page, row: string): Promise<string | null> {
  return page.evaluate((key) => document.querySelector(`#chart g.band[data-row="${CSS.escape(key)}"] title`)?.textContent ?? null, row)
}

/** Press Tab (or Shift+Tab, backwards) until the element with `id` has focus (at most `limit` presses). */
async function tabTo(page: Page, id: string, limit = 30, key = 'Tab'): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return
    await page.keyboard.press(key)
  }
  throw new Error(`#${id} not reached with Tab`)
}

/** A claim the page draws, with the row it sits in. */
interface Target {
  source: string
  claim: Claim
  row: string
}

/**
 * Pick the claims to review: one whose row has no other claim (so the band
 * is exactly its wait and must move when it is corrected), and one in
 * another row to confirm. Both unreviewed, with a number of hours.
 */
async function pickTargets(): Promise<{ toCorrect: Target; toConfirm: Target }> {
  const all: Target[] = []
  for (const file of await readAllClaims()) {
    for (const claim of file.data?.claims ?? []) {
      if (claim.review.status === 'rejected') continue
      all.push({ source: file.data!.source, claim, row: claim.condition ? `${claim.topic}/${claim.condition}` : claim.topic })
    }
  }
  const perRow = new Map<string, number>()
  for (const t of all) perRow.set(t.row, (perRow.get(t.row) ?? 0) + 1)
  const usable = (t: Target) => t.claim.review.status === 'unreviewed' && !t.claim.status && t.claim.wait.min !== null && t.claim.wait.max !== null && !t.claim.wait.vague
  const toCorrect = all.find((t) => usable(t) && perRow.get(t.row) === 1)
  const toConfirm = all.find((t) => usable(t) && t.row !== toCorrect?.row)
  if (!toCorrect || !toConfirm) throw new Error('the corpus has no row with a single numeric claim to correct')
  return { toCorrect, toConfirm }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'claimrange-review-'))
  await mkdir(outputDir, { recursive: true })
  await cp(join(projectRoot, 'sources'), sourcesDir(), { recursive: true })
  await cp(join(projectRoot, 'claims'), claimsDir(), { recursive: true })
  const started = await runStart({ sources: sourcesDir(), claims: claimsDir(), out: join(base, 'site'), port: 0 }, effects)
  live = started.site!
  await buildSite({ sourcesDir: sourcesDir(), claimsDir: claimsDir(), outDir: join(base, 'static') })
  staticSite = await serveSite({ dir: join(base, 'static') })
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await live?.close()
  await staticSite?.close()
  await rm(base, { recursive: true, force: true })
})

describe('reviewing in the page (served by npm start)', () => {
  test('confirm one claim by keyboard and correct another: the YAML files hold the reviews and the chart shows them at once', async () => {
    const { toCorrect, toConfirm } = await pickTargets()
    const { page, errors } = await open(live.url)
    await page.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = 1))

    // Confirm, keyboard only: focus the mark, Enter opens the panel, Tab to the controls.
    const confirmMark = `#chart g.mark[data-claim="${toConfirm.source}/${toConfirm.claim.id}"]`
    await page.focus(confirmMark)
    await page.keyboard.press('Enter')
    await page.waitForSelector('#review')
    expect(await page.textContent('#review-current')).toBe('Now: unreviewed')
    await tabTo(page, 'review-by')
    await page.keyboard.type('Ana')
    await tabTo(page, 'review-note')
    await page.keyboard.type('checked against the article')
    // The decision buttons come first in the panel, before the name and note.
    await tabTo(page, 'review-confirm', 30, 'Shift+Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.textContent('#review-status')).toBe('Saved: confirmed by Ana — “checked against the article”.')
    const confirmed = await storedClaim(toConfirm.source, toConfirm.claim.id)
    expect(confirmed.review).toEqual({ status: 'confirmed', by: 'Ana', note: 'checked against the article' })
    expect({ ...confirmed, review: toConfirm.claim.review, context: undefined }).toEqual({ ...toConfirm.claim, context: undefined })
    expect(await page.textContent('#panel .panel-claim')).toContain('confirmed by Ana — note: “checked against the article”')
    await page.keyboard.press('Escape')
    await page.hover(confirmMark)
    await expect.poll(() => page.textContent('#tooltip .tip-review')).toBe('confirmed by Ana — note: “checked against the article”')
    expect(await page.textContent('#tooltip .tip-hint')).toBe('Click or press Enter to read it in the source and review it.')

    // Correct another claim's wait; the name is remembered.
    const row = toCorrect.row
    const hours = toCorrect.claim.wait.min === 30 ? 60 : 30
    const bandBefore = await bandTitle(page, row)
    expect(bandBefore).toMatch(/^Consensus of /)
    const correctKey = `${toCorrect.source}/${toCorrect.claim.id}`
    await page.click(`#chart g.mark[data-claim="${correctKey}"]`)
    await page.waitForSelector('#review')
    expect(await page.inputValue('#review-by')).toBe('Ana')
    await page.click('#review-correct summary')
    await page.fill('#review-min', String(hours))
    await page.fill('#review-max', String(hours))
    expect(await page.textContent('#review-wait-words')).toBe(`= ${formatHours(hours)}`)
    await page.fill('#review-note', 'the article gives a shorter wait')
    await page.click('#review-save')
    await expect.poll(() => page.textContent('#review-status')).toMatch(/^Saved: corrected to /)
    const corrected = await storedClaim(toCorrect.source, toCorrect.claim.id)
    expect(corrected.review).toEqual({ status: 'corrected', by: 'Ana', note: 'the article gives a shorter wait', corrected: { wait: { min: hours, max: hours, text: toCorrect.claim.wait.text } } })
    expect(corrected.wait).toEqual(toCorrect.claim.wait)

    // The chart: the mark's label, the band of its row and the table say the corrected wait.
    await expect.poll(() => page.getAttribute(`#chart g.mark[data-claim="${correctKey}"]`, 'aria-label')).toContain(`${toCorrect.claim.stance} ${formatHours(hours)}`)
    expect(await bandTitle(page, row)).toMatch(new RegExp(`: ${formatHours(hours)}, median ${formatHours(hours)}$`))
    // The page says what the correction changed, in words.
    expect(await page.textContent('#review-effect')).toMatch(/What changed in the consensus:/)
    expect(await page.textContent('#changes')).toMatch(/^Review saved \(corrected\)/)
    expect(await bandTitle(page, row)).not.toBe(bandBefore)
    await page.click('#panel-close')
    await page.click('#show-table')
    expect(await page.textContent(`#table-view tr[data-claim="${correctKey}"] td[data-label="Says"]`)).toMatch(new RegExp(`^${toCorrect.claim.stance} ${formatHours(hours)} \\(editor's; `))
    expect(await page.textContent(`#table-view tr[data-claim="${toConfirm.source}/${toConfirm.claim.id}"] td[data-label="Review"]`)).toBe('confirmed by Ana — note: “checked against the article”')

    // Every claims file is still valid, and the page was never reloaded.
    for (const file of await readAllClaims()) expect(file.problems, file.name).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  test('reject, then restore, at 390 px: the mark stays greyed and uncounted, the page says what changed; the table restores too', async () => {
    const { page, errors } = await open(live.url, { width: 390, height: 844 })
    const marks = await page.locator('#chart g.mark').count()
    const target = (await page.getAttribute('#chart g.mark >> nth=0', 'data-claim'))!
    const [source, id] = target.split('/') as [string, string]
    await page.click(`#chart g.mark[data-claim="${target}"]`)
    await page.waitForSelector('#review')
    await page.click('#review-reject')
    await expect.poll(() => page.textContent('#review-status')).toMatch(/^Saved: rejected.* It no longer counts in the chart\.$/)
    expect(await page.locator('#chart g.mark').count()).toBe(marks)
    expect(await page.getAttribute(`#chart g.mark[data-claim="${target}"]`, 'class')).toContain('rejected')
    expect(await page.textContent('#review-effect')).toMatch(/consensus/)
    expect((await storedClaim(source, id)).review.status).toBe('rejected')
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.getElementById('panel')!.scrollWidth])).toEqual([390, expect.any(Number)])
    expect(await page.evaluate(() => document.getElementById('panel')!.scrollWidth <= document.getElementById('panel')!.clientWidth)).toBe(true)
    await page.click('#review-correct summary')
    await page.screenshot({ path: join(outputDir, 'review-390x844-panel.png') })
    expect(await page.textContent('#review-reset')).toBe('Restore (count it again)')
    await page.click('#review-reset')
    await expect.poll(() => page.textContent('#review-status')).toMatch(/^Saved: unreviewed/)
    expect(await page.getAttribute(`#chart g.mark[data-claim="${target}"]`, 'class')).not.toContain('rejected')
    expect((await storedClaim(source, id)).review.status).toBe('unreviewed')
    // The same from the table: Reject, the line greys, Restore.
    await page.click('#panel-close')
    await page.click('#show-table')
    await page.click(`#table-view tr[data-claim="${target}"] .table-reject`)
    await expect.poll(() => page.getAttribute(`#table-view tr[data-claim="${target}"]`, 'class')).toBe('rejected')
    expect((await storedClaim(source, id)).review.status).toBe('rejected')
    await page.click(`#table-view tr[data-claim="${target}"] .table-restore`)
    await expect.poll(() => page.getAttribute(`#table-view tr[data-claim="${target}"]`, 'data-status')).toBe('unreviewed')
    expect((await storedClaim(source, id)).review.status).toBe('unreviewed')
    expect(errors).toEqual([])
    await page.close()
  })

  test("a claims file broken by hand: the server's error shows in the status line and the file is left as it was", async () => {
    const { page } = await open(live.url)
    const target = (await page.getAttribute('#chart g.mark >> nth=0', 'data-claim'))!
    const source = target.split('/')[0]!
    const file = join(claimsDir(), `${source}.yaml`)
    const good = await readFile(file, 'utf8')
    const broken = good.replace('claims:\n', 'claims: [\n')
    await writeFile(file, broken)
    try {
      await page.click(`#chart g.mark[data-claim="${target}"]`)
      await page.waitForSelector('#review')
      await page.click('#review-confirm')
      await expect.poll(() => page.textContent('#review-status')).toMatch(new RegExp(`^Not saved: .*${source}\\.yaml:\\d+`))
      expect(await page.getAttribute('#review-status', 'data-kind')).toBe('error')
      expect(await readFile(file, 'utf8')).toBe(broken)
      expect(await page.locator(`#chart g.mark[data-claim="${target}"]`).count()).toBe(1)
    } finally {
      await writeFile(file, good)
      await page.close()
    }
  })
})

describe('live update (npm start keeps watching)', () => {
  test('a paragraph with a new claim appended to a source shows as one more mark without a reload, filters kept', async () => {
    const { page, errors } = await open(live.url)
    await page.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = 1))
    const before = await page.locator('#chart g.mark').count()
    const source = 'exercise-after-skin-needling'
    // A filter the reader set must survive the update.
    await page.click('#filters-toggle')
    await page.uncheck('#filter-topics input[value="sun"]')
    const shown = await page.locator('#chart g.mark').count()
    const sourceMarks = await page.locator(`#chart g.mark[data-source="${source}"]`).count()
    await appendFile(join(sourcesDir(), `${source}.md`), '\nAfter microneedling, avoid swimming pools for 9 days.\n')
    await expect.poll(() => page.locator(`#chart g.mark[data-source="${source}"]`).count(), { timeout: 20_000 }).toBe(sourceMarks + 1)
    expect(await page.locator('#chart g.mark').count()).toBe(shown + 1)
    expect(await page.isChecked('#filter-topics input[value="sun"]')).toBe(false)
    await page.check('#filter-topics input[value="sun"]')
    expect(await page.locator('#chart g.mark').count()).toBe(before + 1)
    const labels = await page.$$eval(`#chart g.mark[data-source="${source}"]`, (marks) => marks.map((m) => m.getAttribute('aria-label')))
    expect(labels.some((l) => /^Swimming, avoid 9 days, /.test(l ?? ''))).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  }, 40_000)
})

describe('read-only pages', () => {
  test('the static build shows no review controls (and opens no live stream)', async () => {
    const { page, errors } = await open(staticSite.url)
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    await page.hover('#chart g.mark >> nth=0')
    expect(await page.textContent('#tooltip .tip-hint')).toBe('Click or press Enter to read it in the source.')
    await page.click('#chart g.mark >> nth=0')
    await expect.poll(() => page.isVisible('#panel')).toBe(true)
    await page.waitForTimeout(300)
    expect(await page.locator('#review, #review-confirm, #review-form').count()).toBe(0)
    expect(requests.filter((p) => p.startsWith('/api/events'))).toEqual([])
    expect(requests.filter((p) => p.startsWith('/api/review'))).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
