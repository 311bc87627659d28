/**
 * Run an extractor over the real pages that can be scored and score them.
 * The pages are read elsewhere (`read/gold.ts`); the extractor is passed
 * in, so tests can score hand-made claims and the CLI the real extractor.
 *
 * Browser-safe: no Node APIs.
 */
import type { Claim } from '../schema.ts'
import type { RealGoldClaim, RealIndexEntry } from './real.ts'
import { scoreRealPages, type RealScore, type TraceEvent } from './real-score.ts'

/** A page ready to score: its entry, the path and text of its page, its gold. */
export interface RealReadyPage {
  entry: RealIndexEntry
  textFile: string
  text: string
  gold: RealGoldClaim[]
}

/**
 * Extract the claims of every page, with the extractor's trace, and score them.
 *
 * @param pages Pages with text and gold.
 * @param extract The extractor: from a page's slug and text, and a trace to tell, to claims.
 * @returns The score.
 * @example
 * evaluateRealPages(pages, (source, trace) => extractClaims(source, vocabulary, {trace}))
 */
export function evaluateRealPages(pages: RealReadyPage[], extract: (source: { id: string; text: string; bodyStart: number }, trace: (rule: string, start: number, end: number) => void) => Claim[]): RealScore {
  return scoreRealPages(
    pages.map((page) => {
      const trace: TraceEvent[] = []
      const predicted = extract({ id: page.entry.slug, text: page.text, bodyStart: 0 }, (rule, start, end) => trace.push({ rule, start, end }))
      return { slug: page.entry.slug, file: page.textFile, procedure: page.entry.procedure, set: page.entry.set, text: page.text, gold: page.gold, predicted, trace }
    })
  )
}
