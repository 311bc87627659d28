/**
 * The data the chart page reads: sources (with their full text, so a claim
 * can be shown in context), the claims files, topic labels and relations,
 * and condition names. Pure and browser-safe; `build.ts` writes it as
 * `data.js` (`window.__CLAIMRANGE_DATA__ = …;`), a classic script so the
 * page also works opened from `file://`.
 */
import type { Source } from '../read/source.ts'
import { jsonChunks } from '../report/json.ts'
import type { ClaimsFile } from '../schema.ts'
import { relatedTopics, topicLabel, type Vocabulary } from '../vocabulary.ts'

/** One source as the page needs it. */
export interface SiteSource {
  id: string
  /** Front matter `title`, or the id when there is none. */
  title: string
  author: string | null
  publisher: string | null
  /** `YYYY-MM-DD` or the front matter's own text. */
  date: string | null
  kind: string | null
  url: string | null
  /** The file's full text: claim spans point into it. */
  text: string
  /** Offset where the article body starts (after the front matter). */
  bodyStart: number
  /** sha256 of the file; differs from a claims file's `digest` when the source changed since extraction. */
  digest: string
}

/** A topic with its display label and related topics (symmetric, sorted). */
export interface SiteTopic {
  name: string
  label: string
  related: string[]
}

/** Everything the page shows, JSON-able. */
export interface SiteData {
  /** Sorted by id. */
  sources: SiteSource[]
  /** Sorted by source id. */
  files: ClaimsFile[]
  /** Vocabulary order first, then topics only claims name, alphabetical. */
  topics: SiteTopic[]
  /** Vocabulary order first, then conditions only claims name, alphabetical. */
  conditions: string[]
}

/** Name of the global the page reads its data from. */
export const siteDataGlobal = '__CLAIMRANGE_DATA__'

/**
 * Collect what the page needs from read sources, claims files and the vocabulary.
 *
 * @param sources Sources as read by `readSource`.
 * @param files Validated claims files.
 * @param vocabulary Validated vocabulary (topic labels, `related`, conditions).
 * @returns Site data with a stable order of everything.
 * @example
 * buildSiteData([source], [claimsFile], vocabulary).topics[0] // {name: 'exercise', label: 'Exercise', related: ['sweating']}
 */
export function buildSiteData(sources: Source[], files: ClaimsFile[], vocabulary: Vocabulary): SiteData {
  const related = relatedTopics(vocabulary)
  const claimTopics = new Set<string>()
  const claimConditions = new Set<string>()
  for (const file of files) {
    for (const claim of file.claims) {
      claimTopics.add(claim.topic)
      if (claim.review.corrected?.topic) claimTopics.add(claim.review.corrected.topic)
      if (claim.condition) claimConditions.add(claim.condition)
      if (claim.review.corrected?.condition) claimConditions.add(claim.review.corrected.condition)
    }
  }
  const topicNames = withExtras(Object.keys(vocabulary.topics), claimTopics)
  const conditions = withExtras(Object.keys(vocabulary.conditions), claimConditions)
  return {
    sources: [...sources].sort((a, b) => compare(a.id, b.id)).map(siteSource),
    files: [...files].sort((a, b) => compare(a.source, b.source)),
    topics: topicNames.map((name) => ({
      name,
      label: topicLabel(vocabulary, name),
      related: [...(related.get(name) ?? [])].sort(compare)
    })),
    conditions
  }
}

/**
 * The text of `data.js`: one assignment to `window.__CLAIMRANGE_DATA__`.
 *
 * Object keys are sorted (so the bytes depend only on the data, not on how it
 * was built) and `<`, `>`, `&`, U+2028 and U+2029 are escaped, so no source
 * text can end a script element or a JavaScript string early.
 *
 * @param data Site data.
 * @returns JavaScript text ending in a newline.
 * @example
 * siteDataScript({sources: [], files: [], topics: [], conditions: []})
 * // 'window.__CLAIMRANGE_DATA__ = {"conditions":[],"files":[],"sources":[],"topics":[]};\n'
 */
export function siteDataScript(data: SiteData): string {
  return [...siteDataChunks(data)].join('')
}

/**
 * The text of `data.js` in pieces (see {@link siteDataScript}), so a site of
 * thousands of sources is written without building one string of it.
 *
 * @param data Site data.
 * @returns Chunks whose concatenation is `siteDataScript(data)`.
 */
export function* siteDataChunks(data: SiteData): Generator<string> {
  yield `window.${siteDataGlobal} = `
  for (const chunk of jsonChunks(sortKeys(data), { space: 0 })) {
    yield chunk.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  }
  yield ';\n'
}

/**
 * Related topics in the shape `computeConsensus` takes.
 *
 * @param data Site data.
 * @returns Map-like record from topic to its related topics.
 */
export function relatedOf(data: Pick<SiteData, 'topics'>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const topic of data.topics) if (topic.related.length > 0) out[topic.name] = topic.related
  return out
}

function siteSource(source: Source): SiteSource {
  const meta = source.meta
  return {
    id: source.id,
    title: text(meta.title) ?? source.id,
    author: text(meta.author),
    publisher: text(meta.publisher),
    date: meta.date instanceof Date ? meta.date.toISOString().slice(0, 10) : text(meta.date),
    kind: text(meta.kind),
    url: text(meta.url),
    text: source.text,
    bodyStart: source.bodyStart,
    digest: source.digest
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function withExtras(known: string[], seen: Set<string>): string[] {
  const extras = [...seen].filter((name) => !known.includes(name)).sort(compare)
  return [...known, ...extras]
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A deep copy with every object's keys sorted (arrays keep their order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort(compare)) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortKeys(v)
    }
    return out
  }
  return value
}
