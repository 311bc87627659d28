/**
 * The block structure of a document, read from micromark's events in one
 * pass: containers (lists, items, quotes, tables) with their children, and
 * the leaves whose text `blocks.ts` reads. Nesting by indentation deeper than
 * `maxNesting` is refused here, naming the line.
 */
import type { Event, Token } from 'micromark-util-types'
import { maxNesting } from '../limits.ts'
import { LimitError, nestingReason } from './shape.ts'

/**
 * A node of the document's block structure, as far as blocks need it: the
 * containers (lists, items, quotes, tables) with their children, and the
 * leaves whose text is read (headings, paragraphs, table rows) with their
 * events. Everything else (code, HTML, rules, definitions, front matter) is
 * an `other` leaf: it is skipped, but a list after it has no lead-in.
 */
export interface Node {
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
export function structure(events: Event[], text: string): Node {
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
