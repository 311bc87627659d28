/**
 * JSON in pieces: the text of `JSON.stringify(value, null, space)`, byte for
 * byte, as a sequence of strings, so a report of any size is written without
 * ever being one string (V8 refuses strings over about 512 MB: `Invalid
 * string length`, which is how `consensus --json` failed at 1,000 sources
 * before conflicts were grouped).
 *
 * Objects and arrays down to `depth` levels are opened and walked; values
 * below that are stringified whole (each row, each claim summary is then
 * one small piece). Pieces are joined into chunks of about `chunkSize`
 * characters, so a writer is called a few thousand times, not millions.
 *
 * Pure string builder (no Node APIs).
 */

/** Options of {@link jsonChunks}. */
export interface JsonChunkOptions {
  /** Indentation, as `JSON.stringify`'s `space` (default: 2; 0 for none). */
  space?: number
  /** Levels of objects and arrays to walk instead of stringifying whole (default: 3). */
  depth?: number
  /** Characters per chunk, roughly (default: 65536). */
  chunkSize?: number
}

/**
 * Stringify a value in chunks.
 *
 * @param value A JSON-able value (no cycles; a value with `toJSON`, such as a `Date`, is stringified whole).
 * @param options See {@link JsonChunkOptions}.
 * @returns Chunks whose concatenation is `JSON.stringify(value, null, space)`.
 * @example
 * [...jsonChunks({a: [1, 2]})].join('') === JSON.stringify({a: [1, 2]}, null, 2) // true
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const space = options.space ?? 2
  const size = options.chunkSize ?? 65536
  let buffer = ''
  for (const piece of pieces(value, space, options.depth ?? 3, '')) {
    buffer += piece
    if (buffer.length >= size) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer) yield buffer
}

/**
 * The pieces of one value's JSON.
 *
 * @param value The value.
 * @param space Indentation width.
 * @param depth Levels left to walk.
 * @param indent The current indentation.
 * @returns Pieces in order.
 */
function* pieces(value: unknown, space: number, depth: number, indent: string): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, space)
    yield space > 0 && indent ? text.replaceAll('\n', `\n${indent}`) : text
    return
  }
  const inner = indent + ' '.repeat(space)
  const open = space > 0 ? `\n${inner}` : ''
  const close = space > 0 ? `\n${indent}` : ''
  const colon = space > 0 ? ': ' : ':'
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]'
    yield '['
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? open : `,${open}`
      const item = value[i]
      // As JSON.stringify: undefined, functions and symbols in arrays are null.
      yield* pieces(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, space, depth - 1, inner)
    }
    yield `${close}]`
    return
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
  if (entries.length === 0) return yield '{}'
  yield '{'
  let first = true
  for (const [key, item] of entries) {
    yield `${first ? open : `,${open}`}${JSON.stringify(key)}${colon}`
    first = false
    yield* pieces(item, space, depth - 1, inner)
  }
  yield `${close}}`
}
