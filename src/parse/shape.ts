/**
 * Checks of a document's shape before it is tokenized, for the inputs on
 * which micromark's time grows faster than the text:
 *
 * - **Nesting.** Block quotes and lists nested more than `maxNesting` deep
 *   on one line (`>>>>…`, `- - - …`) are refused: micromark retries a
 *   thematic break at every level, over the rest of the line, and the
 *   structure would be as deep. Nesting built over many lines (by
 *   indentation) is caught after tokenizing, in `structure.ts`.
 * - **Emphasis and link runs.** micromark matches `*`/`_` runs and `[`/`]`
 *   by walking back over the earlier ones of the same paragraph: quadratic
 *   in their number (`*a` repeated to 64 kB took 8.5 s, to 1 MB it did not
 *   end). {@link inlineCost} estimates that work; over `maxInlineCost` the
 *   document is tokenized without emphasis and links (see `tokenize.ts`), in
 *   linear time, and extraction says so in a warning.
 *
 * - **Table cells.** GitHub tables cost micromark tens of microseconds per
 *   cell, more as a table grows: over `maxTablePipes` `|` characters a
 *   document is read without tables ({@link needsPlainTables}), its rows as
 *   text, and extraction says so in a warning.
 * - **Lines and markers.** micromark spends tens of microseconds on every
 *   block and container however short: more than `maxLines` lines or
 *   `maxContainerMarkers` quote and list markers are refused.
 * - **Lazy continuation lines.** See {@link lazyRunBudget}: long runs are
 *   read as plain paragraphs.
 *
 * Every scan is linear and allocates nothing per character.
 */
import { maxContainerMarkers, maxLines, maxNesting, maxTablePipes } from '../limits.ts'

/** An input over one of the bounds: the 1-based line and a one-line reason. */
export class LimitError extends Error {
  /** 1-based line of the problem, when it has one. */
  readonly line: number | undefined
  /** What is wrong, one line, values in backticks. */
  readonly reason: string

  /**
   * @param reason What is wrong.
   * @param line 1-based line (optional).
   */
  constructor(reason: string, line?: number) {
    super(line === undefined ? reason : `line ${line}: ${reason}`)
    this.name = 'LimitError'
    this.reason = reason
    this.line = line
  }
}

/**
 * Above this estimate of micromark's emphasis and link matching work (the
 * sum, over blank-line separated chunks, of the square of their number of
 * `*` runs, `_` runs, `[` and `]`), a document is tokenized without
 * emphasis and links. 50 million is about half a second of matching; a
 * long article with heavy markup stays far below it (a thousand markers in
 * every paragraph of a 1 MB file give 5 × 10^8, but such a file is no
 * article).
 */
export const maxInlineCost = 5e7

/** What one pass over a document's lines finds. */
export interface LineShape {
  /** Number of lines. */
  lines: number
  /** Block quote and list markers opening lines, summed over the lines. */
  markers: number
  /** The deepest nesting a line opens with, and its 1-based line. */
  deepest: { depth: number; line: number }
  /**
   * Offsets of the lines that open a list item or block quote followed by
   * more than `maxLazyRun` lazy continuation lines (see {@link lazyRunBudget}),
   * when there are enough of them to matter; else empty.
   */
  lazyOpeners: number[]
}

/**
 * Lazy continuation lines (a line without the `>` or the indentation of the
 * list item or quote whose paragraph it continues) make micromark scan back
 * over the whole paragraph for each: quadratic in the run's length. A plain
 * text article that opens with "- " and has no blank line is one such run
 * (1 MiB of it took 3.8 s, 5 MiB minutes). When the runs' squared lengths
 * sum to more than this, every run longer than `maxLazyRun` lines is read
 * as a plain paragraph instead (see `tokenize.ts`).
 */
export const lazyRunBudget = 2e7
/** A lazy run longer than this many lines is read as a plain paragraph when the budget is exceeded. */
export const maxLazyRun = 100

/**
 * Read the shape of a document's lines in one pass: line count, container
 * markers, deepest nesting, long runs of lazy continuation lines.
 *
 * @param text The document.
 * @returns See {@link LineShape}.
 * @example
 * lineShape('a\n> - > b\n').deepest // {depth: 3, line: 2}
 */
export function lineShape(text: string): LineShape {
  let deepest = { depth: 0, line: 1 }
  let lines = 0
  let markers = 0
  let opener = -1 // offset of the line that opened the current run, -1 when none
  let run = 0 // lazy lines in the current run
  let cost = 0
  const long: number[] = []
  const endRun = () => {
    cost += run * run
    if (run > maxLazyRun && opener !== -1) long.push(opener)
    opener = -1
    run = 0
  }
  for (let start = 0; start <= text.length; ) {
    lines++
    const { depth, indent, blank } = lineDepth(text, start)
    markers += depth
    if (depth > deepest.depth) deepest = { depth, line: lines }
    if (blank) endRun()
    else if (depth > 0) {
      endRun()
      opener = start
    } else if (opener !== -1 && indent < 2) run++
    const nl = text.indexOf('\n', start)
    if (nl === -1) break
    start = nl + 1
  }
  endRun()
  return { lines, markers, deepest, lazyOpeners: cost > lazyRunBudget ? long : [] }
}

/** The container markers that open the line at `at` (`>`, `-`/`*`/`+` or `1.`/`1)` and a space or tab), its indentation, and whether it is blank. */
function lineDepth(text: string, at: number): { depth: number; indent: number; blank: boolean } {
  let depth = 0
  let i = at
  let c = text.charCodeAt(i)
  while (c === 32 || c === 9) c = text.charCodeAt(++i)
  const indent = i - at
  if (c === 10 || c === 13 || Number.isNaN(c)) return { depth, indent, blank: true }
  for (;;) {
    if (c === 62) {
      depth++
      i++
    } else if ((c === 45 || c === 42 || c === 43) && isSpaceOrTab(text.charCodeAt(i + 1))) {
      depth++
      i += 2
    } else if (c >= 48 && c <= 57) {
      let j = i + 1
      while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
      const mark = text.charCodeAt(j)
      if (!((mark === 46 || mark === 41) && isSpaceOrTab(text.charCodeAt(j + 1)))) break
      depth++
      i = j + 2
    } else break
    c = text.charCodeAt(i)
    while (c === 32 || c === 9) c = text.charCodeAt(++i)
  }
  return { depth, indent, blank: false }
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * Refuse a document micromark cannot read in reasonable time: block quotes
 * or lists nested deeper than `maxNesting` on a line, more than `maxLines`
 * lines, or more than `maxContainerMarkers` quote and list markers.
 *
 * @param text The document.
 * @returns Its shape, for {@link readAsPlain}.
 * @throws {LimitError} Naming the line where there is one.
 */
export function checkShape(text: string): LineShape {
  const shape = lineShape(text)
  if (shape.deepest.depth > maxNesting) throw new LimitError(nestingReason(shape.deepest.depth, maxNesting), shape.deepest.line)
  if (shape.lines > maxLines) throw new LimitError(`Unexpected ${shape.lines} lines, expected at most ${maxLines}`)
  if (shape.markers > maxContainerMarkers) throw new LimitError(`Unexpected ${shape.markers} block quote and list markers, expected at most ${maxContainerMarkers}`)
  return shape
}

/**
 * The reason given for nesting over the limit.
 *
 * @param depth The nesting found.
 * @param limit The limit.
 * @returns One line.
 */
export function nestingReason(depth: number, limit: number): string {
  return `Unexpected ${depth} levels of nested block quotes or lists, expected at most ${limit}`
}

/**
 * The text micromark reads for a document with long lazy runs: the same
 * text but for the container markers of each run's opening line, replaced
 * by `x` (same length, same offsets), so the run is one plain paragraph.
 * Blocks still take their text from the document itself.
 *
 * @param text The document.
 * @param openers Offsets of the lines to neutralize (`lineShape(text).lazyOpeners`).
 * @returns The text to tokenize (`text` itself when there is nothing to change).
 */
export function readAsPlain(text: string, openers: number[]): string {
  if (openers.length === 0) return text
  const parts: string[] = []
  let copied = 0
  for (const at of openers) {
    let i = at
    while (text[i] === ' ' || text[i] === '\t') i++
    let end = i
    // The markers and the spaces between them: the line's first letters follow.
    while (end < text.length && /[>*+\-0-9.) \t]/.test(text[end]!)) end++
    parts.push(text.slice(copied, i), text.slice(i, end).replace(/[^ \t]/g, 'x'))
    copied = end
  }
  parts.push(text.slice(copied))
  return parts.join('')
}

/**
 * Estimate micromark's emphasis and link matching work: per chunk of lines
 * between blank lines, the square of its number of `*` runs, `_` runs, `[`
 * and `]`, summed. Chunks are no smaller than paragraphs, so this is an
 * upper bound.
 *
 * @param text The document.
 * @returns The estimate (compare with {@link maxInlineCost}).
 * @example
 * inlineCost('*a* [b]\n\n_c_') // 4 ** 2 + 2 ** 2 = 20
 */
export function inlineCost(text: string): number {
  let total = 0
  let markers = 0
  let blank = true // whether the current line has held only spaces so far
  let previous = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (blank) {
        total += markers * markers
        markers = 0
      }
      blank = true
    } else if (c !== 32 && c !== 9 && c !== 13) {
      blank = false
      if (c === 91 || c === 93 || ((c === 42 || c === 95) && c !== previous)) markers++
    }
    previous = c
  }
  return total + markers * markers
}

/**
 * Whether a document is tokenized without emphasis and links, because
 * matching them would take too long (see {@link inlineCost}).
 *
 * @param text The document.
 * @returns `true` over `maxInlineCost`.
 */
export function needsPlainInline(text: string): boolean {
  return inlineCost(text) > maxInlineCost
}

/**
 * Whether a document is tokenized without GitHub tables, because their
 * cells would take too long (see `maxTablePipes`). Every cell but a row's
 * first follows a `|`, so the count of `|` bounds the cells.
 *
 * @param text The document.
 * @returns `true` over `maxTablePipes`.
 */
export function needsPlainTables(text: string): boolean {
  let pipes = 0
  for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) {
    if (++pipes > maxTablePipes) return true
  }
  return false
}
