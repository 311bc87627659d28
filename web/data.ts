/**
 * The page's data after it first loaded: read `data.js` again (when the
 * server regenerated it) and put a claim the review API returned into the
 * data. `data.js` is parsed as JSON, never run, so re-reading it executes
 * nothing. Pure except {@link fetchSiteData}, which fetches.
 */
import type { Claim } from '../src/schema.ts'
import { siteDataGlobal, type SiteData } from '../src/site/data.ts'

/** A `fetch` function (the page's, or a test's). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

const prefix = `window.${siteDataGlobal} = `

/**
 * Read the data out of the text of `data.js` (as `siteDataScript` writes it).
 *
 * @param text The script: `window.__CLAIMRANGE_DATA__ = {…};` and a newline.
 * @returns The data.
 * @throws {Error} When the text is not such an assignment of a JSON object.
 * @example
 * parseDataScript('window.__CLAIMRANGE_DATA__ = {"conditions":[],"files":[],"sources":[],"topics":[]};\n').files // []
 */
export function parseDataScript(text: string): SiteData {
  const body = text.trimEnd()
  if (!body.startsWith(prefix) || !body.endsWith(';')) {
    throw new Error(`Unexpected data script, expected \`${prefix}{…};\``)
  }
  let value: unknown
  try {
    value = JSON.parse(body.slice(prefix.length, -1))
  } catch (error) {
    throw new Error(`Unexpected data script: ${(error as Error).message}`)
  }
  if (!isSiteData(value)) throw new Error('Unexpected data script, expected an object with `sources`, `files`, `topics` and `conditions`')
  return value
}

/**
 * Fetch `data.js` again, bypassing every cache.
 *
 * Decision: the URL gets a `?v=<n>` query that changes on every call (a
 * counter, plus the time so two page loads differ too) and the request says
 * `cache: 'no-store'`; the server already answers `no-cache`, the query covers
 * proxies and `vite preview`.
 *
 * @param url URL of the script (default: `./data.js`, beside the page).
 * @param fetchImpl Fetch function (default: the page's `fetch`).
 * @returns The data it holds now.
 * @throws {Error} When the request fails or the answer is not a data script.
 * @example
 * const data = await fetchSiteData()
 */
export async function fetchSiteData(url = './data.js', fetchImpl: Fetch = (input, init) => fetch(input, init)): Promise<SiteData> {
  const response = await fetchImpl(`${url}${url.includes('?') ? '&' : '?'}v=${Date.now().toString(36)}-${++fetches}`, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Unexpected answer ${response.status} for ${url}`)
  return parseDataScript(await response.text())
}

let fetches = 0

/**
 * Put an updated claim into the data, in place of the claim with its id in
 * its source's claims file.
 *
 * @param data Site data (not changed).
 * @param source Source id of the claims file.
 * @param claim The claim as the server stored it.
 * @returns New data with the claim replaced, or `undefined` when no claims
 *   file of `source` has a claim with that id.
 * @example
 * replaceClaim(data, 'clinic-guide', {...claim, review: {status: 'confirmed'}})
 */
export function replaceClaim(data: SiteData, source: string, claim: Claim): SiteData | undefined {
  let found = false
  const files = data.files.map((file) => {
    if (file.source !== source) return file
    const claims = file.claims.map((c) => {
      if (c.id !== claim.id) return c
      found = true
      return claim
    })
    return found ? { ...file, claims } : file
  })
  return found ? { ...data, files } : undefined
}

function isSiteData(value: unknown): value is SiteData {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return Array.isArray(v.sources) && Array.isArray(v.files) && Array.isArray(v.topics) && Array.isArray(v.conditions)
}
