/**
 * Shared set-up of the browser tests: Debian's Chromium driven by
 * playwright-core, and pages that collect their console errors.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

/**
 * Start headless Chromium.
 *
 * @returns The browser.
 * @throws {Error} With the install command when Chromium is missing.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs })
}

/**
 * Open a page of the chart, collect its console errors and uncaught
 * exceptions, and wait until its marks are drawn and it is ready (it
 * prepared the consensus for switches and loaded the words it shows
 * first: `data-ready` on the document).
 *
 * @param browser A running browser.
 * @param url Address of the page.
 * @param viewport Size (default: 1280×800).
 * @returns The page and its errors so far (the list keeps growing).
 */
export async function openChart(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.waitForSelector('#chart g.mark')
  await page.waitForSelector('html[data-ready="true"]')
  return { page, errors }
}
