/**
 * Checks of a document's shape before it is tokenized, for the inputs on
 * which micromark's time grows faster than the text:
 *
 * - **Nesting.** Block quotes and lists nested more than `maxNesting` deep
 *   on one line (`>>>>…`, `- - - …`) are refused: micromark retries a
 *   thematic break at every level, over the rest of the line, and the
 *   structure would be as deep. Nesting built over many lines (by
 *   indentation) is caught after tokenizing, in `blocks.ts`.
 * - **Emphasis and link runs.** micromark matches `*`/`_` runs and `[`/`]`
 *   by walking back over the earlier ones of the same paragraph: quadratic
 *   in their number (`*a` repeated to 64 kB took 8.5 s, to 1 MB it did not
 *   end). {@link inlineCost} estimates that work; over `maxInlineCost` the
 *   document is tokenized without emphasis and links (see `blocks.ts`), in
 *   linear time, and extraction says so in a warning.
 *
 * Both scans are linear and allocate nothing per character.
 */
import { maxNesting } from '../limits.ts'

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

/**
 * How deep the block quotes and list items that open one line nest.
 *
 * @param text The document.
 * @returns The deepest line's depth and its 1-based line number.
 * @example
 * deepestLine('a\n> - > b\n') // {depth: 3, line: 2}
 */
export function deepestLine(text: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 }
  let line = 1
  for (let start = 0; start <= text.length; line++) {
    const depth = lineDepth(text, start)
    if (depth > deepest.depth) deepest = { depth, line }
    const nl = text.indexOf('\n', start)
    if (nl === -1) break
    start = nl + 1
  }
  return deepest
}

/** Container markers that open the line at `at`: `>`, `-`/`*`/`+` and `1.`/`1)` followed by a space or a tab. */
function lineDepth(text: string, at: number): number {
  let depth = 0
  let i = at
  for (;;) {
    let c = text.charCodeAt(i)
    while (c === 32 || c === 9) c = text.charCodeAt(++i)
    if (c === 62) {
      depth++
      i++
      continue
    }
    const next = text.charCodeAt(i + 1)
    if ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9)) {
      depth++
      i += 2
      continue
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1
      while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
      const mark = text.charCodeAt(j)
      const after = text.charCodeAt(j + 1)
      if ((mark === 46 || mark === 41) && (after === 32 || after === 9)) {
        depth++
        i = j + 2
        continue
      }
    }
    return depth
  }
}

/**
 * Refuse a document whose block quotes or lists nest too deep on one line.
 *
 * @param text The document.
 * @param limit Deepest nesting allowed (default: `maxNesting`).
 * @throws {LimitError} Naming the first line over the limit.
 */
export function checkNesting(text: string, limit: number = maxNesting): void {
  const { depth, line } = deepestLine(text)
  if (depth > limit) throw new LimitError(nestingReason(depth, limit), line)
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
