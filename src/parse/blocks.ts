/**
 * Parse a source into blocks of text: headings and text blocks (paragraphs,
 * list items, table rows), each with exact offsets into the file.
 *
 * Markdown is read with micromark, the tokenizer inside remark-parse, with
 * front matter and, where a file has one, GitHub's tables: articles written
 * today use them, and `add` writes HTML tables that way. Only tables: the rest
 * of GitHub's syntax (autolinks, strikethrough, footnotes) reads fine as text,
 * and all of it made parsing 2.5 times slower where tables alone cost 15–25 %.
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
import { parse, postprocess, preprocess } from 'micromark'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Event, Extension, Token } from 'micromark-util-types'
import { maxNesting } from '../limits.ts'
import './edit-map.ts'
import { checkShape, LimitError, needsPlainInline, nestingReason, readAsPlain } from './shape.ts'

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

/** Front matter always; GitHub tables for files that may have one. */
const plain: Extension[] = [frontmatter(['yaml', 'toml'])]
const withTables: Extension[] = [...plain, gfmTable()]
/**
 * For a document whose emphasis and links micromark would match in
 * quadratic time (see `shape.ts`): no emphasis, no links. Their markers are
 * then text, kept in the blocks' text; the blocks themselves are the same.
 */
const noInline: Extension = { disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd'] } }
const plainNoInline: Extension[] = [...plain, noInline]
const withTablesNoInline: Extension[] = [...withTables, noInline]

/**
 * A line that may be a table's delimiter row ("| --- | :-: |"), in a quote
 * or list too. No table without one, and without a table both syntaxes give
 * the same events: files without such a line skip the table extension's cost.
 */
const delimiterRow = /^(?=[^\n]*\|)(?=[^\n]*-)[> \t]*[|:\- \t]+$/m

/**
 * Whether a file may hold a GitHub table, so is read with the table extension.
 *
 * @param text Full text of the file.
 * @returns `true` when a line may be a table's delimiter row.
 */
export function mayHaveTable(text: string): boolean {
  return delimiterRow.test(text)
}

/**
 * Tokenize Markdown (with optional front matter and GitHub tables), in time
 * linear in the text: a document nested too deep on one line, or with too
 * many lines or list and quote markers, is refused; one with too many
 * emphasis or link markers is read without emphasis and links, and long
 * runs of lazy continuation lines as plain paragraphs (see `shape.ts`).
 *
 * @param text Full text of the file.
 * @returns micromark's events, in document order; offsets are offsets into `text`.
 * @throws {LimitError} Over `maxNesting`, `maxLines` or `maxContainerMarkers` (see `checkShape`).
 */
export function tokenizeMarkdown(text: string): Event[] {
  const shape = checkShape(text)
  const tables = mayHaveTable(text)
  const extensions = needsPlainInline(text) ? (tables ? withTablesNoInline : plainNoInline) : tables ? withTables : plain
  // Long runs of lazy lines are read as plain paragraphs: the same length, so the same offsets.
  const read = readAsPlain(text, shape.lazyOpeners)
  return postprocess(parse({ extensions }).document().write(preprocess()(read, undefined, true)))
}

/**
 * A node of the document's block structure, as far as blocks need it: the
 * containers (lists, items, quotes, tables) with their children, and the
 * leaves whose text is read (headings, paragraphs, table rows) with their
 * events. Everything else (code, HTML, rules, definitions, front matter) is
 * an `other` leaf: it is skipped, but a list after it has no lead-in.
 */
interface Node {
  type: 'root' | 'heading' | 'paragraph' | 'list' | 'item' | 'quote' | 'table' | 'row' | 'other'
  /** Offsets of the node's token (an item's are those of its marker: items are no tokens). */
  start: number
  end: number
  /** Heading level (1–6); 0 for other nodes. */
  depth: number
  /** Indexes of the enter and exit events of a leaf's token. */
  from: number
  to: number
  children: Node[]
}

/** Tokens that are one leaf, skipped as a whole. */
const others = new Set(['codeFenced', 'codeIndented', 'htmlFlow', 'thematicBreak', 'definition', 'yaml', 'toml'])

function node(type: Node['type'], token: Token, from: number): Node {
  return { type, start: token.start.offset, end: token.end.offset, depth: 0, from, to: from, children: [] }
}

/** A leaf: the node of the token entered at `from`, which ends at its exit. */
function leaf(type: Node['type'], events: Event[], from: number): Node {
  const token = events[from]![1]
  let to = from + 1
  while (events[to]![1] !== token) to++
  return { ...node(type, token, from), to }
}

/** The block structure of a document from its events: one pass, each leaf's inside skipped. */
function structure(events: Event[], text: string): Node {
  const root: Node = { type: 'root', start: 0, end: 0, depth: 0, from: 0, to: 0, children: [] }
  const open: Node[] = [root]
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!
    const type = token.type
    let top = open[open.length - 1]!
    if (kind === 'exit') {
      if (type === 'listOrdered' || type === 'listUnordered') {
        if (top.type === 'item') open.pop()
        open.pop()
      } else if (type === 'blockQuote' || type === 'table') open.pop()
      continue
    }
    switch (type) {
      case 'atxHeading':
      case 'setextHeading': {
        const heading = leaf('heading', events, i)
        heading.depth = headingDepth(heading, events, text)
        top.children.push(heading)
        i = heading.to
        break
      }
      case 'paragraph':
      case 'tableRow': {
        const block = leaf(type === 'paragraph' ? 'paragraph' : 'row', events, i)
        top.children.push(block)
        i = block.to
        break
      }
      case 'listOrdered':
      case 'listUnordered':
      case 'blockQuote':
      case 'table': {
        const container = node(type === 'blockQuote' ? 'quote' : type === 'table' ? 'table' : 'list', token, i)
        top.children.push(container)
        open.push(container)
        // Nesting built by indentation over many lines (`walk` recurses once per level).
        const depth = nesting(open)
        if (depth > maxNesting) throw new LimitError(nestingReason(depth, maxNesting), token.start.line)
        break
      }
      case 'listItemPrefix': {
        // Items are not tokens: each prefix of the list starts one.
        if (top.type === 'item') {
          open.pop()
          top = open[open.length - 1]!
        }
        const item = node('item', token, i)
        top.children.push(item)
        open.push(item)
        break
      }
      default:
        if (others.has(type)) {
          const other = leaf('other', events, i)
          top.children.push(other)
          i = other.to
        }
    }
  }
  return root
}

/** How many lists and block quotes are open (at most `maxNesting` + 1 entries are ever counted). */
function nesting(open: Node[]): number {
  let depth = 0
  for (const node of open) if (node.type === 'list' || node.type === 'quote') depth++
  return depth
}

/** A heading's level: the number of `#`s, or 1 for a `===` underline and 2 for `---`. */
function headingDepth(heading: Node, events: Event[], text: string): number {
  for (let i = heading.from + 1; i < heading.to; i++) {
    const token = events[i]![1]
    if (token.type === 'atxHeadingSequence') return token.end.offset - token.start.offset
    if (token.type === 'setextHeadingLineSequence') return text[token.start.offset] === '=' ? 1 : 2
  }
  return 1
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
