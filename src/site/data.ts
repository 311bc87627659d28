/**
 * The data the chart page shows: sources (their front matter), the claims
 * files, topic labels and relations, condition names, and each source's
 * text. Pure and browser-safe; `build.ts` writes it in two parts (see
 * `wire.ts`): `data.js` (`window.__CLAIMRANGE_DATA__ = …;`) with what the
 * first screen needs — every claim's values and the consensus computed at
 * build — and one script per claims file with its words and its source's
 * text, which the page loads when it shows them. Both are classic scripts,
 * so the page also works opened from `file://`.
 */
import type { Source } from '../read/source.ts'
import { jsonChunks } from '../report/json.ts'
import type { Claim, ClaimsFile } from '../schema.ts'
import { relatedTopics, topicLabel, type Vocabulary } from '../vocabulary.ts'

/** One source as the page needs it at first: its front matter (the text comes with its {@link SourceDetail}). */
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
}

/** A source's text: claim spans are offsets into it. */
export interface SourceText {
  /** The file's full text. */
  text: string
  /** Offset where the article body starts (after the front matter). */
  bodyStart: number
}

/**
 * What the page loads for one claims file when it shows its claims' words
 * (a tooltip, the panel, the table, the CSV): the claims as stored, and the
 * text of their source.
 */
export interface SourceDetail {
  /** The claims file's `source`. */
  source: string
  /** Its claims, as stored (every word). */
  claims: Claim[]
  /** The source's text; `null` when the build had no such source file. */
  text: SourceText | null
}

/**
 * A topic with its display label and related topics (symmetric, sorted).
 *
 * Decision: a topic the vocabulary does not list is `unlisted`. Its label is
 * the words most of its claims that carry `unlisted: true` use for the
 * activity (ties: the first in code-point order), with a capital first
 * letter ("Lying down" for `lying-down`); without such claims (a topic an
 * editor typed in a correction), its name made readable.
 */
export interface SiteTopic {
  name: string
  label: string
  related: string[]
  /** Not a topic of the vocabulary: an activity waiting for one vocabulary edit to map it (absent: a vocabulary topic). */
  unlisted?: boolean
}

/** Everything the page shows but the texts, JSON-able. */
export interface SiteData {
  /** Sorted by id. */
  sources: SiteSource[]
  /**
   * Sorted by source id. In the page, a claims file's claims carry their
   * values only (empty `quote`, `activity` and `span`, no `rules`) until its
   * {@link SourceDetail} is loaded.
   */
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
  /** Activity words of unlisted claims, counted per topic. */
  const words = new Map<string, Map<string, number>>()
  for (const file of files) {
    for (const claim of file.claims) {
      claimTopics.add(claim.topic)
      if (claim.review.corrected?.topic) claimTopics.add(claim.review.corrected.topic)
      if (claim.condition) claimConditions.add(claim.condition)
      if (claim.review.corrected?.condition) claimConditions.add(claim.review.corrected.condition)
      if (claim.unlisted && claim.activity.trim() !== '') {
        const counts = words.get(claim.topic) ?? new Map<string, number>()
        words.set(claim.topic, counts)
        counts.set(claim.activity.trim(), (counts.get(claim.activity.trim()) ?? 0) + 1)
      }
    }
  }
  const topicNames = withExtras(Object.keys(vocabulary.topics), claimTopics)
  const conditions = withExtras(Object.keys(vocabulary.conditions), claimConditions)
  return {
    sources: [...sources].sort((a, b) => compare(a.id, b.id)).map(siteSource),
    files: [...files].sort((a, b) => compare(a.source, b.source)),
    topics: topicNames.map((name) => {
      const unlisted = !Object.hasOwn(vocabulary.topics, name)
      const said = unlisted ? mostUsed(words.get(name)) : undefined
      return {
        name,
        label: said ? said.charAt(0).toUpperCase() + said.slice(1) : topicLabel(vocabulary, name),
        related: [...(related.get(name) ?? [])].sort(compare),
        unlisted
      }
    }),
    conditions
  }
}

/**
 * The texts of read sources, by id.
 *
 * @param sources Sources as read by `readSource`.
 * @returns Each source's text and where its body starts.
 */
export function sourceTexts(sources: Source[]): Map<string, SourceText> {
  return new Map(sources.map((s) => [s.id, { text: s.text, bodyStart: s.bodyStart }]))
}

/** Name of the function a detail script calls with its script element and its {@link SourceDetail}. */
export const detailGlobal = '__CLAIMRANGE_DETAIL__'

/**
 * A script that assigns or passes one JSON value, in pieces: what `data.js`
 * and the detail scripts are made of.
 *
 * Object keys are sorted (so the bytes depend only on the data, not on how it
 * was built) and `<`, `>`, `&`, U+2028 and U+2029 are escaped, so no source
 * text can end a script element or a JavaScript string early.
 *
 * @param prefix The JavaScript before the value (`window.X = `).
 * @param value A JSON-able value.
 * @param suffix The JavaScript after it (`;\n`).
 * @returns Chunks of the script, so a site of thousands of sources is written without building one string of it.
 * @example
 * [...scriptChunks('window.x = ', {b: 1, a: '<'}, ';\n')].join('') // 'window.x = {"a":"\\u003c","b":1};\n'
 */
export function* scriptChunks(prefix: string, value: unknown, suffix: string): Generator<string> {
  yield prefix
  for (const chunk of jsonChunks(sortKeys(value), { space: 0 })) {
    yield chunk.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  }
  yield suffix
}

/** What `data.js` starts with, before its JSON. */
export const dataScriptPrefix = `window.${siteDataGlobal} = `

/** What a detail script starts with, before its JSON: it hands its own element to the page's loader. */
export const detailScriptPrefix = `window.${detailGlobal}(document.currentScript, `

/**
 * The text of one claims file's detail script (see {@link SourceDetail}).
 *
 * @param detail The claims and the source text.
 * @returns JavaScript text ending in a newline: `window.__CLAIMRANGE_DETAIL__(document.currentScript, {…});`.
 */
export function detailScript(detail: SourceDetail): string {
  return [...scriptChunks(detailScriptPrefix, detail, ');\n')].join('')
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
    url: text(meta.url)
  }
}

/**
 * The most used of some words.
 *
 * @param counts Words and how often each is used.
 * @returns The word used most (ties: the first in code-point order), or `undefined` when there is none.
 */
function mostUsed(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined
  let most = 0
  for (const [word, n] of counts ?? []) if (n > most || (n === most && best !== undefined && word < best)) [best, most] = [word, n]
  return best
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
