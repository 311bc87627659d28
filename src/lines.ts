/**
 * Line numbers of offsets in a text: what every `file:line` message and
 * every claim's `span.line` needs.
 */

/**
 * The 1-based line an offset falls on.
 *
 * @param text Text the offset points into.
 * @param offset String index (clamped to the text).
 * @returns 1 plus the number of `\n` before `offset`.
 * @example
 * lineAt('a\nb\nc', 2) // 2
 */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}

/**
 * A look-up of lines for many offsets in one text: the line starts are found
 * once, then each look-up is a binary search.
 *
 * @param text Text the offsets point into.
 * @returns A function from offset to 1-based line, equal to {@link lineAt}.
 * @example
 * lineIndex('a\nb\nc')(4) // 3
 */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
