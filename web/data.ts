/**
 * The page's data after it first loaded: read `data.js` again (when the
 * server regenerated it) and put a claim the review API returned into the
 * data. `data.js` is parsed as JSON, never run, so re-reading it executes
 * nothing. Pure except {@link fetchSiteData}, which fetches.
 */
import type { Claim } from '../src/schema.ts'
import { dataScriptPrefix, type SiteData } from '../src/site/data.ts'
import { decodeSiteData, type DecodedSite, type WireData } from '../src/site/wire.ts'

/** A `fetch` function (the page's, or a test's). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

/**
 * Read the data out of the text of `data.js` (as `build.ts` writes it).
 *
 * @param text The script: `window.__CLAIMRANGE_DATA__ = {…};` and a newline.
 * @returns The data and the build's consensus (see `decodeSiteData`).
 * @throws {Error} When the text is not such an assignment of a JSON object of the current layout.
 * @example
 * parseDataScript(text).data.files.length // claims files
 */
export function parseDataScript(text: string): DecodedSite {
  const body = text.trimEnd()
  if (!body.startsWith(dataScriptPrefix) || !body.endsWith(';')) {
    throw new Error(`Unexpected data script, expected \`${dataScriptPrefix}{…};\``)
  }
  let value: unknown
  try {
    value = JSON.parse(body.slice(dataScriptPrefix.length, -1))
  } catch (error) {
    throw new Error(`Unexpected data script: ${(error as Error).message}`)
  }
  return decodeSiteData(value as WireData)
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
 * @returns The data it holds now, and its consensus.
 * @throws {Error} When the request fails or the answer is not a data script.
 * @example
 * const data = await fetchSiteData()
 */
export async function fetchSiteData(url = './data.js', fetchImpl: Fetch = (input, init) => fetch(input, init)): Promise<DecodedSite> {
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
