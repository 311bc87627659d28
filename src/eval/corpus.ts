/**
 * Score a whole corpus: every source that has gold, scored on its own with
 * `scoreClaims`, then added up per topic (micro-average: counts are summed
 * before rates are computed, so a source with many claims weighs more).
 *
 * Browser-safe: no Node APIs.
 */
import type { Claim } from '../schema.ts'
import { isOptionalGold, type GoldClaim } from './gold.ts'
import { rates, sumCounts, type Counts, type Rates } from './metrics.ts'
import { scoreClaims, topicScore, type Agreement, type Finding, type Miss, type TopicScore } from './score.ts'

/** One source of a corpus with its gold and what the extractor found in it. */
export interface ScoredDocument {
  /** Path of the source, for findings (`file:line`). */
  file: string
  /** Full text of the source. */
  text: string
  /** Its gold claims. */
  gold: GoldClaim[]
  /** The claims an extractor found in it. */
  predicted: Claim[]
}

/** The result of scoring a corpus. */
export interface CorpusScore {
  /** Number of sources scored. */
  documents: number
  /** One row per topic, sorted by topic. */
  topics: TopicScore[]
  /** Every topic together, micro-averaged. */
  all: Counts & Rates & { gold: number }
  /** One row per source (all topics), in the order given. */
  perDocument: Array<Counts & Rates & { file: string; gold: number }>
  /** Every miss, with its file, by file then place. */
  misses: Miss[]
  /** Every false alarm, with its file, by file then place. */
  falseAlarms: Finding[]
  /** Agreement on condition and speaker among all matches. */
  attributes: { condition: Agreement; speaker: Agreement }
  /**
   * Extracted claims on activities the vocabulary does not list (`unlisted`),
   * left out of the counts: these gold files label the vocabulary's topics
   * only (their notes call such statements "no topic").
   */
  unlisted: number
  /** Gold claims marked optional in their notes (`isOptionalGold`), neither required nor counted. */
  optional: number
}

/**
 * Score every document and add the results up.
 *
 * @param documents Sources with their gold and extracted claims.
 * @returns Per-topic, overall and per-source scores with every finding.
 * @throws {QuoteError} When a gold quote cannot be placed (see `scoreClaims`);
 *   its message is prefixed with the document's file.
 * @example
 * scoreCorpus([{file: 'sources/a.md', text, gold, predicted}]).all.f1
 */
export function scoreCorpus(documents: ScoredDocument[]): CorpusScore {
  const counts = new Map<string, Counts>()
  const perDocument: CorpusScore['perDocument'] = []
  const misses: Miss[] = []
  const falseAlarms: Finding[] = []
  const condition = { agree: 0, total: 0 }
  const speaker = { agree: 0, total: 0 }
  let unlisted = 0
  let optional = 0

  for (const document of documents) {
    let score
    try {
      const listed = document.predicted.filter((c) => !c.unlisted)
      unlisted += document.predicted.length - listed.length
      score = scoreClaims(document.gold, listed, document.text)
    } catch (error) {
      if (error instanceof Error) error.message = `${document.file}: ${error.message}`
      throw error
    }
    optional += document.gold.filter(isOptionalGold).length
    for (const row of score.topics) {
      counts.set(row.topic, sumCounts([counts.get(row.topic) ?? { tp: 0, fp: 0, fn: 0 }, row]))
    }
    perDocument.push({ file: document.file, tp: score.all.tp, fp: score.all.fp, fn: score.all.fn, ...rates(score.all), gold: score.all.gold })
    for (const miss of score.misses) {
      const withFile: Miss = { ...miss, file: document.file }
      if (miss.near) withFile.near = { ...miss.near, file: document.file }
      misses.push(withFile)
    }
    for (const alarm of score.falseAlarms) falseAlarms.push({ ...alarm, file: document.file })
    condition.agree += score.attributes.condition.agree
    condition.total += score.attributes.condition.total
    speaker.agree += score.attributes.speaker.agree
    speaker.total += score.attributes.speaker.total
  }

  const topics = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((topic) => topicScore(topic, counts.get(topic)!))
  const total = sumCounts(counts.values())
  return {
    documents: documents.length,
    topics,
    all: { ...total, ...rates(total), gold: total.tp + total.fn },
    perDocument,
    misses,
    falseAlarms,
    attributes: { condition, speaker },
    unlisted,
    optional
  }
}
