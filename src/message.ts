/**
 * Problems found in content are values, not exceptions: each names its file,
 * its place and the rule that found it, and prints as
 * `file:line:column: reason [rule]`.
 */
export interface Message {
  /** Path of the file the problem is in. */
  file: string
  /** 1-based line, when known. */
  line?: number | undefined
  /** 1-based column, when known. */
  column?: number | undefined
  /** One line: "Unexpected `x`, expected `y`". */
  reason: string
  /** Short id of the rule that found it, e.g. `schema`, `digest`, `quote`. */
  ruleId: string
  /** `error` fails `check`; `warning` is listed but does not (default: `error`). */
  severity?: 'error' | 'warning'
}

/**
 * Format a message as one line.
 *
 * @param message Message to format.
 * @returns `file:line:column: reason [ruleId]` (place parts omitted when unknown).
 * @example
 * formatMessage({file: 'claims/a.yaml', line: 3, column: 5, reason: 'Unexpected `x`', ruleId: 'schema'})
 * // 'claims/a.yaml:3:5: Unexpected `x` [schema]'
 */
export function formatMessage(message: Message): string {
  const place =
    message.line === undefined ? '' : message.column === undefined ? `:${message.line}` : `:${message.line}:${message.column}`
  return `${message.file}${place}: ${message.reason} [${message.ruleId}]`
}

/**
 * Compare messages by file, then line, then column, for stable output.
 *
 * @param a First message.
 * @param b Second message.
 * @returns Negative, zero or positive, as `Array#sort` expects.
 */
export function compareMessages(a: Message, b: Message): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)
  )
}
