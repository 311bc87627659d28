/**
 * Attribution: which parts of an article are a named expert's quoted words.
 *
 * Quotes are found with the quotation marks themselves (‘ ’, “ ”, and
 * straight quotes at word edges). A quote is attributed to the nearest
 * attribution ("says Dr Shotter", "Dr Yalda adds", "according to Dr Lee")
 * after it in the same block, else the nearest before it; a block that
 * opens with a quotation mark and names nobody continues the previous
 * quote's speaker; a quote left open at the end of a block continues into
 * the next blocks. Short forms ("Dr Yalda", "Dr Shotter") resolve to the
 * full name the article gave first ("Dr Yalda Jamali").
 */
import { isAsciiLetter } from '../chars.ts'
import type { Block } from '../parse/blocks.ts'

/** A quoted region of a block and who said it. */
export interface QuoteRegion {
  /** Start offset in the file. */
  start: number
  /** End offset in the file. */
  end: number
  /** Canonical name of the speaker, or `null` when unattributed. */
  speaker: string | null
}

const title = String.raw`(?:Dr\.?|Doctor|Prof\.?|Professor|Nurse)`
const nameWord = String.raw`\p{Lu}[\p{L}'’-]+`
const titledName = String.raw`${title}\s+${nameWord}(?:\s+${nameWord})?`
const verbs = String.raw`says|said|explains|explained|adds|added|notes|noted|suggests|suggested|recommends|recommended|advises|advised|agrees|agreed|warns|warned|cautions|cautioned|tells|told|continues|continued|comments|commented|shares|shared|insists|insisted`
// A role between the verb and a titled name: "says consultant dermatologist Dr Lee".
const role = String.raw`(?:\p{Ll}[\p{L}-]*\s+){1,3}(?=${title}\s)`
// Bounded quantifiers only: linear on any input.
const attributionPattern = new RegExp(
  String.raw`(?:\b(?:${verbs})\s+(?:${role})?(${titledName}|${nameWord}\s+${nameWord}))|(?:(${titledName})(?:,[^,.]{0,100},)?\s+(?:${verbs})\b)|(?:\baccording to\s+(${titledName}|${nameWord}\s+${nameWord}))`,
  'gu'
)
const titledPattern = new RegExp(titledName, 'gu')

/**
 * Find the quoted regions of every block and their speakers.
 *
 * @param blocks Blocks of one file, in order.
 * @param text The file's text (for names anywhere in it).
 * @returns Quoted regions, in file order.
 */
export function findQuotes(blocks: Block[], text: string): QuoteRegion[] {
  // Names are only needed where there are quotes: most blocks have none.
  let names: Map<string, string> | undefined
  const regions: QuoteRegion[] = []
  let carried: string | null | undefined // speaker of a quote left open (undefined: none open)
  let previous: string | null = null // speaker of the last quote of the previous block
  for (const block of blocks) {
    const spans = quoteSpans(block.text, carried !== undefined)
    // Attributions only matter where there are quotes.
    if (spans.spans.length > 0) names ??= collectNames(text)
    const attributions = names && spans.spans.length > 0 ? findAttributions(block.text, names) : []
    const blockRegions: QuoteRegion[] = []
    // Whether only white space comes before a span: found once per block, not re-read from the block's start for every quote.
    const firstText = block.text.length - block.text.trimStart().length
    // The one name a block without attributions mentions: read once per block, not once per quote.
    let sole: string | null | undefined
    // Spans and attributions are both in order: one pointer walks the attributions.
    let next = 0
    for (const span of spans.spans) {
      let speaker: string | null = null
      while (next < attributions.length && attributions[next]!.start < span.to) next++
      const candidate = attributions[next]
      const after = candidate && candidate.start - span.to <= 40 ? candidate : undefined
      let back = next - 1
      while (back >= 0 && attributions[back]!.end > span.from) back--
      const before = back >= 0 ? attributions[back] : undefined
      if (after) speaker = after.name
      else if (before) speaker = before.name
      else if (span.from === 0 && span.carried && carried !== undefined) speaker = carried
      else if (span.from <= firstText) speaker = previous
      else if (names && attributions.length === 0) speaker = sole === undefined ? (sole = soleName(block.text, names)) : sole
      blockRegions.push({ start: block.start + span.from, end: block.start + span.to, speaker })
    }
    // A quote still open at the end of a block: its speaker may be named in a later block.
    carried = spans.open ? (blockRegions.at(-1)?.speaker ?? null) : undefined
    if (blockRegions.length > 0) previous = blockRegions.at(-1)!.speaker
    else if (block.kind === 'heading') previous = null
    // One by one: spreading a list of 100,000 quotes into `push` overflows the stack.
    for (const region of blockRegions) regions.push(region)
  }
  return regions
}

/**
 * The speaker of a position in the file.
 *
 * @param regions Quoted regions from {@link findQuotes}.
 * @param offset Offset in the file.
 * @returns The speaker, or `null` outside attributed quotes.
 */
export function speakerAt(regions: QuoteRegion[], offset: number): string | null {
  // Binary search: regions are sorted and do not overlap.
  let lo = 0
  let hi = regions.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = regions[mid]!
    if (offset < r.start) hi = mid - 1
    else if (offset >= r.end) lo = mid + 1
    else return r.speaker
  }
  return null
}

interface Span {
  from: number
  to: number
  carried: boolean
}

const quoteMarks = /[‘’“”"']/g

/** Find quotation spans in a block's text. */
function quoteSpans(text: string, openAtStart: boolean): { spans: Span[]; open: boolean } {
  const spans: Span[] = []
  let from = openAtStart ? 0 : -1
  let carried = openAtStart
  // Jump from quotation mark to quotation mark.
  quoteMarks.lastIndex = 0
  let mark: RegExpExecArray | null
  while ((mark = quoteMarks.exec(text))) {
    const i = mark.index
    const c = text[i]!
    const prev = i > 0 ? text[i - 1]! : ' '
    const next = i + 1 < text.length ? text[i + 1]! : ' '
    if (from === -1) {
      const opening = c === '‘' || c === '“' || ((c === '"' || c === "'" || c === '”') && !isWordChar(prev) && isWordChar(next))
      if (opening) {
        from = i
        carried = false
      }
    } else {
      const closing = (c === '’' || c === '”' || c === '"' || c === "'") && !isWordChar(next) && prev !== ' ' && i > from
      if (closing) {
        spans.push({ from, to: i + 1, carried })
        from = -1
        carried = false
      }
    }
  }
  if (from !== -1) {
    spans.push({ from, to: text.length, carried })
    return { spans, open: true }
  }
  return { spans, open: false }
}

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0)
  if (code < 128) return isAsciiLetter(code) || (code >= 48 && code <= 57)
  return /[\p{L}\p{N}]/u.test(c)
}

interface Attribution {
  start: number
  end: number
  name: string
}

/** Attributions ("says Dr X", "Dr X adds") in a block, with canonical names. */
function findAttributions(text: string, names: Map<string, string>): Attribution[] {
  const out: Attribution[] = []
  attributionPattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = attributionPattern.exec(text))) {
    const raw = (m[1] ?? m[2] ?? m[3])!
    out.push({ start: m.index, end: m.index + m[0].length, name: canonical(raw, names) })
  }
  return out
}

/** The one titled name a block mentions, if exactly one. */
function soleName(text: string, names: Map<string, string>): string | null {
  titledPattern.lastIndex = 0
  const found = new Set<string>()
  let m: RegExpExecArray | null
  while ((m = titledPattern.exec(text))) found.add(canonical(m[0], names))
  return found.size === 1 ? [...found][0]! : null
}

/**
 * Every titled name in the file, keyed by each of its name words, pointing
 * to the fullest form ("Yalda" → "Dr Yalda Jamali").
 */
function collectNames(text: string): Map<string, string> {
  const map = new Map<string, string>()
  titledPattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = titledPattern.exec(text))) {
    const full = normalizeName(m[0])
    const words = full.split(' ').slice(1)
    for (const w of words) {
      const known = map.get(w)
      if (!known || known.split(' ').length < full.split(' ').length) map.set(w, full)
    }
  }
  return map
}

function canonical(raw: string, names: Map<string, string>): string {
  const name = normalizeName(raw)
  const words = name.split(' ')
  if (!/^(?:Dr|Doctor|Prof|Professor|Nurse)$/.test(words[0]!)) return name
  let best = name
  for (const w of words.slice(1)) {
    const full = names.get(w)
    if (full && full.split(' ').length > best.split(' ').length) best = full
  }
  return best
}

function normalizeName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/^(Dr|Prof)\./, '$1')
    .replace(/['’]s$/, '')
    .trim()
}
