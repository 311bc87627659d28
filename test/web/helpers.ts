/**
 * Shared helpers for the chart tests: the fixture site (hand-made sources and
 * claims under `fixtures/site/`) read exactly as `claimrange build` reads it.
 */
import { fileURLToPath } from 'node:url'
import { computeConsensus } from '../../src/consensus/index.ts'
import type { ConsensusReport } from '../../src/consensus/types.ts'
import { loadSiteData } from '../../src/site/build.ts'
import { relatedOf, type SiteData } from '../../src/site/data.ts'

/** Folders of the fixture site. */
export const fixtureSources = fileURLToPath(new URL('./fixtures/site/sources', import.meta.url))
export const fixtureClaims = fileURLToPath(new URL('./fixtures/site/claims', import.meta.url))

/**
 * Read the fixture site's data.
 *
 * @returns Site data built from the fixture sources and claims with the bundled vocabulary.
 */
export async function fixtureData(): Promise<SiteData> {
  const { data } = await loadSiteData({ sourcesDir: fixtureSources, claimsDir: fixtureClaims })
  return data
}

/**
 * The consensus the page computes for some data.
 *
 * @param data Site data.
 * @param exclude Sources switched off.
 * @returns The report.
 */
export function consensusOf(data: SiteData, exclude: string[] = []): ConsensusReport {
  return computeConsensus(data.files, { related: relatedOf(data), exclude })
}
