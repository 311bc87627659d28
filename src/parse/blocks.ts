/**
 * Parse a source into blocks of text: headings and text blocks (paragraphs,
 * list items, table rows), each with exact offsets into the file.
 *
 * Markdown is parsed with remark (unified + remark-parse + remark-frontmatter),
 * and GitHub's tables where a file has one: articles written today use them,
 * and `add` writes HTML tables that way. Only tables: the rest of GitHub's
 * syntax (autolinks, strikethrough, footnotes) reads fine as text, and all of
 * it made parsing 2.5 times slower where tables alone cost 15–25 %.
 * Articles saved as plain text put one paragraph or heading per line with no
 * blank line between them, which Markdown reads as one paragraph; such
 * paragraphs are split back into lines where a line ends a sentence or looks
 * like a heading (short, no closing punctuation).
 *
 * Each block carries `text`: the raw slice of the file with Markdown syntax
 * (emphasis markers, link targets, HTML) replaced by spaces, so it has the
 * same length as the slice and an offset in it is an offset in the file.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Parent, Root, Table } from 'mdast'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'

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

/** GitHub tables for remark: the table extension of micromark and mdast (the part of remark-gfm we use). */
function remarkTables(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])
const tableParser = parser().use(remarkTables)

/**
 * A line that may be a table's delimiter row ("| --- | :-: |"), in a quote
 * or list too. No table without one, and without a table both parsers give
 * the same tree: files without such a line skip the table extension's cost.
 */
const delimiterRow = /^(?=[^\n]*\|)(?=[^\n]*-)[> \t]*[|:\- \t]+$/m

/**
 * Parse Markdown (with optional front matter and GitHub tables) into a syntax tree.
 *
 * @param text Full text of the file.
 * @returns The mdast root; positions are offsets into `text`.
 */
export function parseMarkdown(text: string): Root {
  return (delimiterRow.test(text) ? tableParser : parser).parse(text)
}

/**
 * Turn a file into blocks, in document order.
 *
 * @param text Full text of the file (front matter included: offsets stay file offsets).
 * @param tree The parsed tree (default: parsed here).
 * @returns Headings and text blocks; front matter, code and HTML are skipped.
 */
export function toBlocks(text: string, tree: Root = parseMarkdown(text)): Block[] {
  const blocks: Block[] = []
  walk(tree, text, blocks, false)
  return blocks
}

function walk(node: Parent, text: string, out: Block[], inList: boolean): void {
  let previous: Nodes | undefined
  for (const child of node.children as Nodes[]) {
    switch (child.type) {
      case 'heading':
        pushInline(child, text, out, { kind: 'heading', level: (child as Heading).depth, listItem: inList })
        break
      case 'paragraph':
        pushParagraph(child, text, out, inList)
        break
      case 'list': {
        // "Avoid the following for 48 hours:" leads the items of the list after
        // it, and so does the heading right above it ("## What to avoid").
        const before = out.at(-1)
        const lead = before && previous && isLeadIn(previous, before) ? before : undefined
        const from = out.length
        walkList(child, text, out)
        if (lead) for (let k = from; k < out.length; k++) if (out[k]!.kind === 'text' && !out[k]!.lead) out[k] = { ...out[k]!, lead }
        break
      }
      case 'blockquote':
        walk(child, text, out, inList)
        break
      case 'table':
        walkTable(child, text, out)
        break
      default:
        break
    }
    previous = child
  }
}

/** Whether a list's previous sibling, last pushed as `block`, leads the list: a paragraph ending with a colon, or a heading. */
function isLeadIn(node: Nodes, block: Block): boolean {
  if (block.start < (node.position?.start.offset ?? Infinity)) return false
  if (node.type === 'heading') return block.kind === 'heading'
  return node.type === 'paragraph' && block.kind === 'text' && block.text.trimEnd().endsWith(':')
}

function walkList(list: List, text: string, out: Block[]): void {
  const single = list.children.length === 1
  for (const item of list.children as ListItem[]) {
    const first = item.children[0]
    // A lone short list item followed by text outside the list titles that
    // text ("1. Sun Protection" then a paragraph).
    if (single && item.children.length === 1 && first?.type === 'paragraph') {
      const masked = maskInline(first, text)
      if (masked && isHeadingLike(masked.text.trim())) {
        out.push({ kind: 'heading', level: 8, start: masked.start, end: masked.end, text: masked.text, listItem: true })
        continue
      }
    }
    walk(item, text, out, true)
  }
}

/** Each row of a table after the header as a block, led by the header. */
function walkTable(table: Table, text: string, out: Block[]): void {
  let lead: Block | undefined
  for (const [i, row] of table.children.entries()) {
    const masked = maskInline(row, text)
    if (!masked || masked.text.trim() === '') continue
    const block: Block = { kind: 'text', level: 0, start: masked.start, end: masked.end, text: masked.text, listItem: false }
    if (i === 0) lead = block
    else out.push(lead ? { ...block, lead } : block)
  }
}

function pushInline(node: Paragraph | Heading, text: string, out: Block[], meta: Pick<Block, 'kind' | 'level' | 'listItem'>): void {
  const masked = maskInline(node, text)
  if (masked && masked.text.trim() !== '') out.push({ ...meta, start: masked.start, end: masked.end, text: masked.text })
}

/** Push a paragraph, split into lines where a plain-text article has one block per line. */
function pushParagraph(node: Paragraph, text: string, out: Block[], inList: boolean): void {
  const masked = maskInline(node, text)
  if (!masked) return
  const lines = splitLines(masked.text)
  let first = true
  for (const [from, to] of lines) {
    // Lines after the first one of a list item are lazy continuations: in a
    // plain-text article they are blocks of their own, not part of the item.
    const itemLine = inList && first
    first = false
    const slice = masked.text.slice(from, to)
    const trimmed = slice.trim()
    if (trimmed === '') continue
    const lead = slice.length - slice.trimStart().length
    const trail = slice.length - slice.trimEnd().length
    const heading = !itemLine && isHeadingLike(trimmed)
    out.push({
      kind: heading ? 'heading' : 'text',
      level: heading ? 7 : 0,
      start: masked.start + from + lead,
      end: masked.start + to - trail,
      text: trimmed,
      listItem: itemLine
    })
  }
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
  if (/[.,;:!…"”’]$/.test(line) && !/\b(?:etc|vs)\.$/.test(line)) return false
  if (!/^[\p{Lu}\p{N}‘“'"]/u.test(line)) return false
  let words = 0
  for (const part of line.split(/\s+/)) if (part) words++
  return words <= 14
}

/**
 * Mask a node's inline content: keep the raw characters of text and inline
 * code, replace everything else (markers, link targets, HTML) by spaces,
 * keep newlines.
 */
function maskInline(node: Parent, text: string): { start: number; end: number; text: string } | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const state = { out: '', at: start }
  for (const c of node.children as Nodes[]) copyText(c, text, state)
  if (end > state.at) state.out += blank(text.slice(state.at, end))
  return { start, end, text: state.out }
}

/** Append a node's text (and the syntax before it, blanked) to `state.out`. */
function copyText(n: Nodes, text: string, state: { out: string; at: number }): void {
  if (n.type === 'text' || n.type === 'inlineCode') {
    const s = n.position?.start.offset
    const e = n.position?.end.offset
    if (s === undefined || e === undefined || s < state.at) return
    if (s > state.at) state.out += blank(text.slice(state.at, s))
    state.out += text.slice(s, e)
    state.at = e
    return
  }
  if ('children' in n) for (const c of n.children as Nodes[]) copyText(c, text, state)
}

/** Syntax replaced by spaces, newlines kept. */
function blank(syntax: string): string {
  return syntax.replace(/[^\n]/g, ' ')
}
