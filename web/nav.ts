/**
 * Keyboard movement between the chart's marks. The chart is one tab stop
 * (roving focus); from a mark, arrow keys move to another. Pure: it reads
 * the spec's marks, which are in reading order (row by row, line by line,
 * left to right, the "no time given" column last).
 *
 * - ← / →: the previous / next mark of the same row (a row is a topic and
 *   condition, all its source lines); at either end focus stays.
 * - ↑ / ↓: the mark nearest in time on the line above / below, into the
 *   row above / below at a row's edge.
 * - Home / End: the first / last mark of the row.
 * - Page Up / Page Down: the first mark of the row above / below.
 */
import type { MarkSpec } from './spec.ts'

/** Keys {@link nextMark} handles. */
export const navigationKeys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'] as const

/**
 * The mark a key moves focus to.
 *
 * @param marks The spec's marks, in their order.
 * @param current Id of the focused mark.
 * @param key `KeyboardEvent.key`.
 * @returns Id of the mark to focus, or `undefined` when the key does not
 *   move (not a navigation key, or already at the edge).
 * @example
 * nextMark(spec.marks, 'derm-blog/derm-gym', 'ArrowRight') // the next claim of the Exercise row
 */
export function nextMark(marks: readonly MarkSpec[], current: string, key: string): string | undefined {
  const at = marks.findIndex((m) => m.id === current)
  if (at < 0) return undefined
  const mark = marks[at]!
  const sameRow = marks.filter((m) => m.row === mark.row)
  const inRow = sameRow.indexOf(mark)
  const rows = [...new Set(marks.map((m) => m.row))]
  const rowAt = rows.indexOf(mark.row)
  const pick = (m: MarkSpec | undefined) => (m && m.id !== current ? m.id : undefined)
  switch (key) {
    case 'ArrowRight':
      return pick(sameRow[inRow + 1])
    case 'ArrowLeft':
      return pick(sameRow[inRow - 1])
    case 'Home':
      return pick(sameRow[0])
    case 'End':
      return pick(sameRow[sameRow.length - 1])
    case 'PageDown':
      return pick(marks.find((m) => m.row === rows[rowAt + 1]))
    case 'PageUp':
      return pick(marks.find((m) => m.row === rows[rowAt - 1]))
    case 'ArrowDown':
    case 'ArrowUp': {
      const lines = [...new Set(marks.map((m) => `${m.row}\u0000${m.line}`))]
      const lineAt = lines.indexOf(`${mark.row}\u0000${mark.line}`)
      const target = lines[lineAt + (key === 'ArrowDown' ? 1 : -1)]
      if (target === undefined) return undefined
      const candidates = marks.filter((m) => `${m.row}\u0000${m.line}` === target)
      let best = candidates[0]
      for (const m of candidates) if (Math.abs(m.x1 - mark.x1) < Math.abs(best!.x1 - mark.x1)) best = m
      return pick(best)
    }
    default:
      return undefined
  }
}
