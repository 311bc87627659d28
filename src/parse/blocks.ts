/**
 * Parse a source into blocks of text: headings and text blocks (paragraphs,
 * list items, table rows), each with exact offsets into the file.
 *
 * Markdown is tokenized by `tokenize.ts` and its block structure read from
 * the events by `structure.ts`.
 *
 * Blocks are read straight from micromark's events, not from the mdast tree
 * remark-parse builds from them: building the tree is a quarter of
 * remark-parse's time, and extraction would walk it once and drop it. The
 * events give the same blocks — a heading, a paragraph, a table row is one
 * token from enter to exit, with the same offsets as its mdast node — except
 * that syntax between the lines of a paragraph (a block quote's `>`) is
 * masked, where the tree's text nodes kept it.
 *
 * Articles saved as plain text put one paragraph or heading per line with no
 * blank line between them, which Markdown reads as one paragraph; such
 * paragraphs are split back into lines where a line ends a sentence or looks
 * like a heading (short, no closing punctuation).
 *
 * Each block carries `text`: the raw slice of the file with Markdown syntax
 * (emphasis markers, link targets, HTML) replaced by spaces, so it has the
 * same length as the slice and an offset in it is an offset in the file.
 */
import type { Event } from 'micromark-util-types'
import { structure, type Node } from './structure.ts'
import { tokenizeMarkdown } from './tokenize.ts'

/** A heading or a block of running text. */
export interface Block {
  /** `heading`, or `text` for running text. */
  kind: 'heading' | 'text'
  /**
   * Heading level: 1–6 for Markdown headings, 7 for a heading-like line of a
   * plain-text article, 8 for a short list item that titles the text below
   * it ("1. Sun Protection"). 0 for text.
   */
  level: number
  /** Offset of the block's first character in the file. */
  start: number
  /** Offset after its last character. */
  end: number
  /** The block's text with syntax masked by spaces (same length as the slice). */
  text: string
  /** Whether the block is (in) a list item. */
  listItem: boolean
  /**
   * What introduces the block, whose words apply to it: for a row of a
   * table, the table's header row ("| Activity | When it's safe |"; a row is
   * one block, its cells separated by the blanked `|`, and the header row is
   * no block of its own); for a list item, the paragraph before the list
   * when it ends with a colon ("Avoid the following for 48 hours:"), or the
   * heading right above the list ("## What to avoid"; extraction decides
   * whether a heading's words apply).
   */
  lead?: Block
}

/**
 * Turn a file into blocks, in document order.
 *
 * @param text Full text of the file (front matter included: offsets stay file offsets).
 * @param events Its events (default: tokenized here).
 * @returns Headings and text blocks; front matter, code and HTML are skipped.
 */
export function toBlocks(text: string, events: Event[] = tokenizeMarkdown(text)): Block[] {
  const blocks: Block[] = []
  walk(structure(events, text), { text, events, out: blocks }, false)
  return blocks
}

/** What the walk reads from and writes to. */
interface Walk {
  text: string
  events: Event[]
  out: Block[]
}

function walk(parent: Node, at: Walk, inList: boolean): void {
  const { out } = at
  let previous: Node | undefined
  for (const child of parent.children) {
    switch (child.type) {
      case 'heading':
        pushInline(child, at, { kind: 'heading', level: child.depth, listItem: inList })
        break
      case 'paragraph':
        pushParagraph(child, at, inList)
        break
      case 'list': {
        // "Avoid the following for 48 hours:" leads the items of the list after
        // it, and so does the heading right above it ("## What to avoid").
        const before = out.at(-1)
        let lead = before && previous && isLeadIn(previous, before) ? before : undefined
        const from = out.length
        walkList(child, at)
        for (let k = from; k < out.length; k++) {
          const block = out[k]!
          // A heading inside the list (a plain-text line that looks like one) ends what led the items before it.
          if (block.kind === 'heading') lead = undefined
          if (block.kind !== 'text' || block.lead) continue
          // A line of a plain-text article that ran on into an item ("Do not:" under "- Drink water") leads the items after it.
          if (!block.listItem && block.text.trimEnd().endsWith(':')) lead = block
          else if (lead) out[k] = { ...block, lead }
        }
        break
      }
      case 'quote':
        walk(child, at, inList)
        break
      case 'table':
        walkTable(child, at)
        break
      default:
        break
    }
    previous = child
  }
}

/** Whether a list's previous sibling, last pushed as `block`, leads the list: a paragraph ending with a colon, or a heading. */
function isLeadIn(node: Node, block: Block): boolean {
  if (block.start < node.start) return false
  if (node.type === 'heading') return block.kind === 'heading'
  return node.type === 'paragraph' && block.kind === 'text' && block.text.trimEnd().endsWith(':')
}

function walkList(list: Node, at: Walk): void {
  const single = list.children.length === 1
  for (const item of list.children) {
    const first = item.children[0]
    // A lone short list item followed by text outside the list titles that
    // text ("1. Sun Protection" then a paragraph).
    if (single && item.children.length === 1 && first?.type === 'paragraph') {
      const masked = mask(first, at)
      if (isHeadingLike(masked.text.trim())) {
        at.out.push({ kind: 'heading', level: 8, start: masked.start, end: masked.end, text: masked.text, listItem: true })
        continue
      }
    }
    walk(item, at, true)
  }
}

/** Each row of a table after the header as a block, led by the header. */
function walkTable(table: Node, at: Walk): void {
  let lead: Block | undefined
  for (const [i, row] of table.children.entries()) {
    const masked = mask(row, at)
    if (masked.text.trim() === '') continue
    const block: Block = { kind: 'text', level: 0, start: masked.start, end: masked.end, text: masked.text, listItem: false }
    if (i === 0) lead = block
    else at.out.push(lead ? { ...block, lead } : block)
  }
}

function pushInline(node: Node, at: Walk, meta: Pick<Block, 'kind' | 'level' | 'listItem'>): void {
  const masked = mask(node, at)
  if (masked.text.trim() !== '') at.out.push({ ...meta, start: masked.start, end: masked.end, text: masked.text })
}

/**
 * Push a paragraph, split into lines where a plain-text article has one
 * block per line. In such an article a run of lines that start with a
 * bullet character ("• Saunas") is a list: each line is an item, led by the
 * line before the run when it ends with a colon (in the paragraph, or the
 * paragraph before: "Avoid the following for a week:"); so are the lines
 * after such a colon line in the same paragraph with no bullet ("AVOID:" +
 * "Hot tubs"). A led line is never a heading.
 */
function pushParagraph(node: Node, at: Walk, inList: boolean): void {
  const masked = mask(node, at)
  const lines = splitLines(masked.text)
  let first = true
  // The colon line leading the lines being pushed, and whether they are bullets.
  let lead: Block | undefined
  let bullets = false
  const before = at.out.at(-1)
  if (!inList && before && before.kind === 'text' && before.end <= masked.start && endsWithColon(before.text)) {
    lead = before
    bullets = true
  } else if (!inList && before && before.kind === 'text' && before.listItem && before.lead && before.end <= masked.start && bulletLine.test(masked.text.trimStart())) {
    // Bullets go on after a blank line: the same list.
    lead = before.lead
    bullets = true
  }
  for (const [from, to] of lines) {
    // Lines after the first one of a list item are lazy continuations: in a
    // plain-text article they are blocks of their own, not part of the item.
    const itemLine = inList && first
    first = false
    const slice = masked.text.slice(from, to)
    const trimmed = slice.trim()
    if (trimmed === '') continue
    const bullet = !inList && bulletLine.test(trimmed)
    // A led run ends at a line that is no bullet (bare lines under a colon line run to the paragraph's end).
    if (lead && bullets && !bullet) lead = undefined
    // A bare line under a colon line is an item when it is short ("Hot tubs", "Swim for 8 weeks."), not a paragraph of prose.
    const led = !inList && lead !== undefined && !(isHeadingLike(trimmed) && timeLine.test(trimmed)) && (bullet || bullets || wordCount(trimmed) <= maxItemWords)
    const lead0 = slice.length - slice.trimStart().length
    const trail = slice.length - slice.trimEnd().length
    // Under a colon line, a heading-like line is an item, unless it starts with a time ("0–24 hours after"): that opens a timeline section.
    // A paragraph that is only a time and a colon ("Day 1:") heads the paragraphs after it, as a heading does.
    const timeLabel = !inList && lines.length === 1 && !bullet && endsWithColon(trimmed) && timeLine.test(trimmed) && wordCount(trimmed) <= maxLabelWords && !trimmed.includes(',') && isHeadingLike(trimmed.slice(0, -1).trimEnd())
    const heading = timeLabel || (!itemLine && !bullet && isHeadingLike(trimmed) && (!led || timeLine.test(trimmed)))
    if (heading) lead = undefined
    const block: Block = {
      kind: heading ? 'heading' : 'text',
      level: heading ? 7 : 0,
      start: masked.start + from + lead0,
      end: masked.start + to - trail,
      text: trimmed,
      listItem: itemLine || led || bullet
    }
    if (led) block.lead = lead
    at.out.push(block)
    if (!inList && !heading && endsWithColon(trimmed)) {
      lead = block
      bullets = false
    } else if (!led && bullet) {
      lead = undefined
    }
    if (lead && bullet && lead !== block) bullets = true
  }
}

/** The most words of a paragraph that is only a time label ("Day 1:", "First 24 hours:"); longer colon lines lead a list ("In the first 24 hours, skip:"). */
const maxLabelWords = 4

/** The most words a bare line under a colon line may have to be read as an item. */
const maxItemWords = 25

/** The number of words of a line. */
function wordCount(line: string): number {
  let words = 0
  for (const part of line.split(/\s+/)) if (part) words++
  return words
}

/** A line that starts with a time ("0–24 hours after", "Days 3–7", "First week", "Within 48 hours"). */
const timeLine = /^(?:\d|(?:the\s+)?(?:first|next|day|days|week|weeks|within|after|during|immediately|same|month|for|in the first|over the)\b)/i

/** A line that starts with a bullet character ("• Saunas", "▪ No makeup"). */
const bulletLine = /^[•·▪◦‣⁃●○■□➢➤✓✔*–-]\s/

/** Whether a block's text ends with a colon (a lead-in: "Avoid the following for 48 hours:", "Do not:"). */
function endsWithColon(text: string): boolean {
  return text.trimEnd().endsWith(':')
}

/**
 * Where to split a paragraph into lines: after a line that ends a sentence
 * or looks like a heading, or before a bullet character.
 *
 * @param text Paragraph text (masked).
 * @returns `[from, to)` ranges covering the text.
 */
export function splitLines(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart)
    if (nl === -1) nl = text.length
    if (nl === text.length) break
    const line = text.slice(lineStart, nl).trim()
    const next = text.slice(nl + 1, text.indexOf('\n', nl + 1) === -1 ? text.length : text.indexOf('\n', nl + 1)).trim()
    if (line !== '' && next !== '' && (/[.!?:;…"”’)]$/.test(line) || /^[•·▪◦*-]/.test(next) || (isHeadingLike(line) && /^[\p{Lu}\p{N}‘“'"]/u.test(next)))) {
      ranges.push([from, nl])
      from = nl + 1
    }
    lineStart = nl + 1
  }
  ranges.push([from, text.length])
  return ranges
}

/**
 * Whether a line looks like a heading: short, starts with a capital or a
 * digit, and ends without sentence punctuation (a question mark is allowed).
 *
 * @param line Trimmed line.
 * @returns `true` for "The First Week", "Can You Sweat After Microneedling?".
 */
export function isHeadingLike(line: string): boolean {
  if (line.length === 0 || line.length > 100) return false
  // "FOR 24 HOURS AFTER YOUR TREATMENT…": a time line that trails off into what follows is a heading.
  const trailing = /(?:…|\.\.\.)$/.test(line) && timeLine.test(line)
  if (/[.,;:!…"”’]$/.test(line) && !/\b(?:etc|vs)\.$/.test(line) && !trailing) return false
  if (!/^[\p{Lu}\p{N}‘“'"]/u.test(line)) return false
  let words = 0
  for (const part of line.split(/\s+/)) if (part) words++
  return words <= 14
}

/** Tokens whose characters a block's text keeps: text, escapes, references, inline code, a bare link, line endings. */
const kept = new Set(['data', 'characterEscape', 'characterReference', 'codeText', 'autolinkProtocol', 'autolinkEmail', 'lineEnding'])
/** Tokens masked as a whole, text inside included: an image (its alt text), a link's target, inline HTML. */
const masked = new Set(['image', 'resource', 'reference', 'htmlText'])

/**
 * Mask a leaf's inline content: keep the raw characters of text and inline
 * code, replace everything else (markers, link targets, HTML) by spaces,
 * keep newlines.
 */
function mask(node: Node, at: Walk): { start: number; end: number; text: string } {
  const { events, text } = at
  const { start, end } = node
  let out = ''
  let copied = start
  // Tokens starting before `skip` are inside one already kept or masked.
  let skip = start
  for (let i = node.from + 1; i < node.to; i++) {
    const [kind, token] = events[i]!
    const from = token.start.offset
    if (kind === 'exit' || from < skip) continue
    const type = token.type
    if (kept.has(type)) {
      const to = token.end.offset
      if (from > copied) out += blank(text, copied, from)
      out += text.slice(from, to)
      copied = skip = to
    } else if (masked.has(type)) skip = token.end.offset
  }
  if (end > copied) out += blank(text, copied, end)
  return { start, end, text: out }
}

/** Syntax replaced by spaces, newlines kept. */
function blank(text: string, from: number, to: number): string {
  const syntax = text.slice(from, to)
  return syntax.includes('\n') ? syntax.replace(/[^\n]/g, ' ') : ' '.repeat(to - from)
}
