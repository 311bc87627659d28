/**
 * `data.js` as it is written and read: what the chart's first screen needs,
 * small enough to open a 10,000-source site in a second or two.
 *
 * Decisions:
 * - Every claim's *values* are in it (id, topic, stance, wait, condition,
 *   speaker, review, orphaned, vague, unlisted) as one short array; its
 *   *words* (quote, activity, the wait's own words, span, rules, context)
 *   and its source's text are not: they are in the claims file's detail
 *   script (`SourceDetail`), which the page loads when it shows them. The
 *   values are what the chart, the summary, the filters and the consensus
 *   read; the words are what a tooltip, the panel, the table and the CSV
 *   show.
 * - The consensus is computed at build (`computeConsensus`) and written as
 *   its rows, each claim named by its place in the claims (the files in
 *   source order, each file's claims in order) instead of its key. What a
 *   row lists that the claims give back — its claim and vague keys, the
 *   voices' sources, speakers and waits, the outliers' waits and reasons,
 *   the pair counts — is left out and made again by {@link decodeSiteData},
 *   which gives the rows of `computeConsensus` exactly, but the reasons of
 *   within-source pairs: they quote the claims' words, so they are empty
 *   until the page has loaded them (the page then forms them with the
 *   engine's `digestSource`).
 * - `format` says which layout this is; the page refuses another.
 *
 * Pure and browser-safe.
 */
import { computeConsensus } from '../consensus/compute.ts'
import { outlierReason } from '../consensus/outliers.ts'
import { claimKey, countedClaims, rowKey, voiceKey } from '../consensus/select.ts'
import type { Conflict, ConflictGroup, TopicConsensus, Voice } from '../consensus/types.ts'
import { hoursOf } from '../consensus/voices.ts'
import { effectiveClaim, reviewStatuses, type Claim, type ClaimsFile, type Review } from '../schema.ts'
import { dataScriptPrefix, relatedOf, scriptChunks, type SiteData, type SiteSource, type SiteTopic } from './data.ts'

/** The layout of `data.js` this module writes and reads. */
export const wireFormat = 2

/** `data.js`'s JSON. */
export interface WireData {
  /** {@link wireFormat}. */
  format: number
  /** `[id, title, author, publisher, date, kind, url]`, trailing `null`s left out. */
  sources: (string | null)[][]
  topics: SiteTopic[]
  conditions: string[]
  files: WireFile[]
  /** The consensus rows, in report order. */
  consensus: WireRow[]
}

/** One claims file: its claims' values and where its words are (its `digest` is left out: the page does not read it). */
export interface WireFile {
  source: string
  /** Path of its detail script, relative to the site (`sources/<hash>.js`). */
  detail: string
  claims: WireClaim[]
}

/**
 * One claim's values as stored (the editor's corrections are in `review`):
 * the topic and condition are indexes into {@link WireData.topics} and
 * {@link WireData.conditions} (-1: no condition), the stance 0 for avoid and
 * 1 for allowed, the review the index of its status in `reviewStatuses`
 * when it has nothing else, `flags` the sum of 1 (`wait.vague`), 2
 * (`status: orphaned`) and 4 (`unlisted`). Trailing fields at their
 * default (no condition, no speaker, unreviewed, no flag) are left out.
 */
export type WireClaim = [id: string, topic: number, stance: 0 | 1, min: number | null, max: number | null, condition?: number, speaker?: string | null, review?: number | Review, flags?: number]

/** One consensus row; claims are numbers (their place in the claims). */
export interface WireRow {
  topic: string
  condition: string | null
  /** Voices sorted by key: stance (0 avoid, 1 allowed), which of their claims their wait comes from (its place among them; -1: none), then their claims. */
  voices: number[][]
  /** `[min, max, median]` in hours. */
  consensus: [number, number, number] | null
  /** `[claim, factor]`. */
  outliers: [number, number][]
  conflicts: {
    topics: string[]
    groups: WireGroup[]
    /** Within-source pairs: `[allowed, avoid]`. */
    within: [number, number][]
  }
}

/** A conflict group with its claims as numbers. */
export interface WireGroup extends Omit<ConflictGroup, 'allowed' | 'contrary'> {
  allowed: number[]
  contrary: Omit<ConflictGroup['contrary'], 'samples'> & { samples: number[] }
}

/** What the page works from: the data (claims with their values only) and the consensus of the build. */
export interface DecodedSite {
  data: SiteData
  /** The build's consensus rows, as `computeConsensus` gives them (within-source reasons empty). */
  consensus: TopicConsensus[]
  /** Detail script of each claims file, by source id. */
  details: Map<string, string>
}

/**
 * The text of `data.js` in pieces: the consensus of the data computed, and
 * the data and the consensus written (see {@link encodeSiteData}).
 *
 * @param data Site data (claims with their words).
 * @param details Path of each claims file's detail script, by source id.
 * @returns Chunks of `window.__CLAIMRANGE_DATA__ = {…};` and a newline.
 */
export function siteDataChunks(data: SiteData, details: Map<string, string>): Generator<string> {
  const rows = computeConsensus(data.files, { related: relatedOf(data) }).topics
  return scriptChunks(dataScriptPrefix, encodeSiteData(data, rows, details), ';\n')
}

/**
 * The text of `data.js` (see {@link siteDataChunks}).
 *
 * @param data Site data.
 * @param details Path of each claims file's detail script, by source id (default: none).
 * @returns The script.
 * @example
 * parseDataScript(siteDataScript(data)).data.files.length === data.files.length // true
 */
export function siteDataScript(data: SiteData, details: Map<string, string> = new Map()): string {
  return [...siteDataChunks(data, details)].join('')
}

const vagueFlag = 1
const orphanedFlag = 2
const unlistedFlag = 4

/**
 * Write site data and its consensus for `data.js`.
 *
 * @param data Site data (claims with their words; the words are left out).
 * @param rows The consensus rows of `data.files` (`computeConsensus(...).topics`).
 * @param details Path of each claims file's detail script, by source id.
 * @returns The JSON value of `data.js`.
 * @throws {Error} When a row names a claim the data does not have.
 */
export function encodeSiteData(data: SiteData, rows: TopicConsensus[], details: Map<string, string>): WireData {
  const topics = new Map(data.topics.map((t, i) => [t.name, i]))
  const conditions = new Map(data.conditions.map((c, i) => [c, i]))
  const places = new Map<string, number>()
  for (const file of data.files) for (const claim of file.claims) places.set(claimKey(file.source, claim.id), places.size)
  const place = (key: string): number => {
    const at = places.get(key)
    if (at === undefined) throw new Error(`Unexpected claim \`${key}\` in the consensus: not in the claims files`)
    return at
  }
  const files = data.files.map((file): WireFile => ({
    source: file.source,
    detail: details.get(file.source) ?? '',
    claims: file.claims.map((c): WireClaim => {
      const plain = Object.keys(c.review).length === 1
      const flags = (c.wait.vague ? vagueFlag : 0) + (c.status === 'orphaned' ? orphanedFlag : 0) + (c.unlisted ? unlistedFlag : 0)
      const claim: WireClaim = [c.id, topics.get(c.topic)!, c.stance === 'avoid' ? 0 : 1, c.wait.min, c.wait.max, c.condition === null ? -1 : conditions.get(c.condition)!, c.speaker, plain ? reviewStatuses.indexOf(c.review.status) : c.review, flags]
      return trim(claim, claimDefaults, 5) as WireClaim
    })
  }))
  const consensus = rows.map((row): WireRow => ({
    topic: row.topic,
    condition: row.condition,
    voices: row.voiceList.map((v) => [v.stance === 'avoid' ? 0 : 1, v.basis === null ? -1 : v.claims.indexOf(v.basis), ...v.claims.map((id) => place(claimKey(v.source, id)))]),
    consensus: row.consensus && [row.consensus.min, row.consensus.max, row.consensus.median],
    outliers: row.outliers.map((o) => [place(claimKey(o.source, o.claim)), o.factor]),
    conflicts: {
      topics: row.conflicts.topics,
      groups: row.conflicts.groups.map((g) => ({ ...g, allowed: g.allowed.map(place), contrary: { ...g.contrary, samples: g.contrary.samples.map(place) } })),
      within: row.conflicts.withinSource.map((c) => [place(claimKey(c.allowed.source, c.allowed.id)), place(claimKey(c.avoid.source, c.avoid.id))])
    }
  }))
  const sources = data.sources.map((x) => trim([x.id, x.title, x.author, x.publisher, x.date, x.kind, x.url], [], 2))
  return { format: wireFormat, sources, topics: data.topics, conditions: data.conditions, files, consensus }
}

/** The defaults of a {@link WireClaim}'s last fields: no condition, no speaker, unreviewed, no flag. */
const claimDefaults = [undefined, undefined, undefined, undefined, undefined, -1, null, 0, 0]

/**
 * Leave out the last items of a list that are at their default.
 *
 * @param list The list.
 * @param defaults The default of each place (`null` where none is given).
 * @param keep How many items always stay.
 * @returns The list without them (changed in place).
 */
function trim<T>(list: T[], defaults: unknown[], keep: number): T[] {
  while (list.length > keep && list[list.length - 1] === (defaults[list.length - 1] ?? null)) list.pop()
  return list
}

/** The span a claim carries until its words are loaded (line 0: unknown). */
const noSpan = Object.freeze({ start: 0, end: 0, line: 0 })

/** A review that is its status alone, one object per status (reviews are replaced, never changed). */
const plainReviews = reviewStatuses.map((status) => Object.freeze({ status }))

/**
 * Read `data.js`'s JSON back.
 *
 * @param wire The value {@link encodeSiteData} wrote.
 * @returns The data, with claims that carry their values and empty words,
 *   and the build's consensus rows.
 * @throws {Error} When the value is not of {@link wireFormat}.
 */
export function decodeSiteData(wire: WireData): DecodedSite {
  if (!wire || typeof wire !== 'object' || wire.format !== wireFormat || !Array.isArray(wire.files) || !Array.isArray(wire.consensus)) {
    throw new Error(`Unexpected data: expected the layout of format ${wireFormat} (rebuild the site with \`claimrange build\`)`)
  }
  const details = new Map<string, string>()
  const sourceOf: string[] = []
  // Claims with the same wait share one (frozen) wait object: a corpus has many claims and few waits.
  const waits = new Map<string, Claim['wait']>()
  const waitOf = (min: number | null, max: number | null, vague: boolean) => {
    const key = `${min}/${max}/${vague}`
    let wait = waits.get(key)
    if (!wait) waits.set(key, (wait = Object.freeze({ min, max, text: null, vague: vague || undefined })))
    return wait
  }
  const claims: Claim[] = []
  const files = wire.files.map((file): ClaimsFile => {
    details.set(file.source, file.detail)
    const list = file.claims.map(([id, topic, stance, min, max, condition = -1, speaker = null, review = 0, flags = 0]): Claim => {
      // Every claim gets the same keys, absent ones `undefined` (one object shape: 180,000 claims read fast).
      const claim: Claim = {
        id,
        topic: wire.topics[topic]!.name,
        activity: '',
        unlisted: flags & unlistedFlag ? true : undefined,
        stance: stance === 0 ? 'avoid' : 'allowed',
        wait: waitOf(min, max, (flags & vagueFlag) !== 0),
        condition: condition < 0 ? null : wire.conditions[condition]!,
        speaker,
        quote: '',
        span: noSpan,
        review: typeof review === 'number' ? plainReviews[review]! : review,
        status: flags & orphanedFlag ? 'orphaned' : undefined
      }
      sourceOf.push(file.source)
      claims.push(claim)
      return claim
    })
    return { source: file.source, digest: '', claims: list }
  })
  const sources = wire.sources.map(([id, title, author = null, publisher = null, date = null, kind = null, url = null]): SiteSource => ({ id: id!, title: title ?? id!, author, publisher, date, kind, url }))
  const data: SiteData = { sources, files, topics: wire.topics, conditions: wire.conditions }
  return { data, consensus: decodeRows(wire.consensus, files, claims, sourceOf), details }
}

/**
 * Make the build's rows whole again.
 *
 * @param rows The rows as written.
 * @param files The claims files (value claims).
 * @param claims Every claim, by place.
 * @param sourceOf The source of each claim, by place.
 * @returns The rows as `computeConsensus` gives them (within-source reasons empty).
 */
function decodeRows(rows: WireRow[], files: ClaimsFile[], claims: Claim[], sourceOf: string[]): TopicConsensus[] {
  // Each row's counted claims, in stable order, as `computeConsensus` lists them: made when a row's lists are first read (the chart reads none).
  let counted: Map<string, { claims: string[]; vague: string[] }> | undefined
  const listsOf = (key: string) => {
    if (!counted) {
      counted = new Map()
      for (const { claim, key, row } of countedClaims(files)) {
        const lists = counted.get(row) ?? { claims: [], vague: [] }
        counted.set(row, lists)
        lists.claims.push(key)
        if (claim.wait.min === null) lists.vague.push(key)
      }
    }
    return counted.get(key) ?? { claims: [], vague: [] }
  }
  const effective = (at: number) => effectiveClaim(claims[at]!)
  const keyAt = (at: number) => claimKey(sourceOf[at]!, claims[at]!.id)
  const ref = (at: number) => ({ source: sourceOf[at]!, id: claims[at]!.id })
  return rows.map((row): TopicConsensus => {
    const consensus = row.consensus && { min: row.consensus[0], max: row.consensus[1], median: row.consensus[2] }
    const voiceList = row.voices.map(([stance, basis, ...own]): Voice => {
      const first = effective(own[0]!)
      const from = basis! < 0 ? undefined : own[basis!]!
      return {
        key: voiceKey(sourceOf[own[0]!]!, first.speaker),
        source: sourceOf[own[0]!]!,
        speaker: first.speaker,
        stance: stance === 0 ? 'avoid' : 'allowed',
        wait: from === undefined ? null : hoursOf(effective(from)),
        claims: own.map((at) => claims[at]!.id),
        basis: from === undefined ? null : claims[from]!.id
      }
    })
    const groups = row.conflicts.groups.map((g): ConflictGroup => ({ ...g, allowed: g.allowed.map(keyAt), contrary: { ...g.contrary, samples: g.contrary.samples.map(keyAt) } }))
    const withinSource = row.conflicts.within.map(([allowed, avoid]): Conflict => ({ allowed: ref(allowed), avoid: ref(avoid), scope: 'within-source', reason: '' }))
    const key = rowKey(row.topic, row.condition)
    return {
      topic: row.topic,
      condition: row.condition,
      voices: voiceList.length,
      consensus,
      get claims() {
        return listsOf(key).claims
      },
      voiceList,
      outliers: row.outliers.map(([at, factor]) => {
        const claim = effective(at)
        const wait = hoursOf(claim)
        return { claim: claim.id, source: sourceOf[at]!, speaker: claim.speaker, wait, reason: outlierReason(wait, consensus!), factor }
      }),
      conflicts: { pairs: groups.reduce((n, g) => n + g.pairs, 0), withinSourcePairs: withinSource.length, topics: row.conflicts.topics, groups, withinSource },
      get vague() {
        return listsOf(key).vague
      }
    }
  })
}
