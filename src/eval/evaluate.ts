/**
 * Run an extractor over a corpus with gold and score it. The sources and
 * gold are read elsewhere (`read/gold.ts`); the extractor is passed in, so
 * tests can score hand-made predictions and the CLI the real extractor.
 *
 * Browser-safe: no Node APIs.
 */
import type { Claim } from '../schema.ts'
import { scoreCorpus, type CorpusScore } from './corpus.ts'
import type { GoldClaim } from './gold.ts'

/** A source to evaluate, with its gold. */
export interface EvalDocument {
  /** Path of the source, for findings. */
  file: string
  /** What an extractor needs: id, full text and where the body starts. */
  source: { id: string; text: string; bodyStart: number }
  /** Gold claims of the source. */
  gold: GoldClaim[]
}

/**
 * Extract claims from every document and score them against its gold.
 *
 * @param documents Sources with their gold (see `readEvalCorpus`).
 * @param extract The extractor, e.g. `(source) => extractClaims(source, vocabulary)`.
 * @returns The corpus score.
 * @throws {QuoteError} When a gold quote cannot be placed in its source.
 * @example
 * const score = evaluateCorpus(documents, (source) => extractClaims(source, vocabulary))
 */
export function evaluateCorpus(documents: EvalDocument[], extract: (source: EvalDocument['source']) => Claim[]): CorpusScore {
  return scoreCorpus(
    documents.map((document) => ({
      file: document.file,
      text: document.source.text,
      gold: document.gold,
      predicted: extract(document.source)
    }))
  )
}
