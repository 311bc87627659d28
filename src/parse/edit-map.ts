/**
 * micromark applies its batched event edits (`EditMap#consume`, from
 * `micromark-util-edit-map`) by copying the *whole* event list, even when
 * every edit is at its end. It does so once per setext heading and once per
 * container closed around a paragraph (the inner lists of `- - - a`), each
 * time over every event of the document so far: quadratic. Measured on 64 kB
 * documents: `a\n\na\n=\n\n` repeated took 45 s, `- - - a\n` repeated 22 s.
 *
 * This module replaces `consume` with one that leaves the events before the
 * first edit where they are and rebuilds only the rest: the same result
 * (edits sorted by index; an edit removes `remove` events at its index and
 * inserts its events there), in time proportional to what follows the first
 * edit. Both shapes then take well under a second. micromark's other
 * super-linear inputs (emphasis runs, deep nesting) are bounded elsewhere
 * (see `limits.ts`).
 *
 * Decision: a patch of the class at load time, not a fork of micromark: the
 * class is micromark's own (`micromark` and `micromark-core-commonmark` share
 * the one deduplicated copy; the table extension keeps its own, which it
 * consumes once per document, so linear), the method is small,
 * and `test/parse/edit-map.test.ts` checks the patched method against the
 * original on random edits and that documents tokenize to the same events.
 * Importing this module applies the patch once; `originalConsume` keeps the
 * library's method for that test.
 */
import { EditMap } from 'micromark-util-edit-map'
import type { Event } from 'micromark-util-types'

/** What an edit map holds: changes by index, and the list of them. */
interface EditMapState {
  map: Array<[number, number, Event[]]>
  index: Map<number, unknown>
}

/** The library's own `consume`, before the patch. */
export const originalConsume: (this: EditMap, events: Event[]) => undefined = EditMap.prototype.consume

/**
 * Apply every edit of a map to `events`, in place, touching only the events
 * from the first edit on.
 *
 * @param events Event list to change.
 */
export function consumeFromFirstEdit(this: EditMap, events: Event[]): undefined {
  const state = this as unknown as EditMapState
  const edits = state.map
  if (edits.length === 0) return undefined
  edits.sort((a, b) => a[0] - b[0])
  const first = edits[0]![0]
  const rest = events.slice(first)
  events.length = first
  // `read`: index (in the original list) of the next event to copy.
  let read = first
  for (const [at, remove, add] of edits) {
    for (let i = read; i < at; i++) events.push(rest[i - first]!)
    for (const event of add) events.push(event)
    read = at + remove
  }
  for (let i = read - first; i < rest.length; i++) events.push(rest[i]!)
  edits.length = 0
  state.index.clear()
  return undefined
}

EditMap.prototype.consume = consumeFromFirstEdit
