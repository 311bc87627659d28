/**
 * A file claimrange cannot use: it carries the path and, where there is one,
 * the 1-based line and column, so the CLI prints `file:line:column: message`.
 */
export class FileError extends Error {
  /** Path of the file, as given. */
  readonly file: string
  /** 1-based line, when the problem has a place. */
  readonly line: number | undefined
  /** 1-based column, when the problem has a place. */
  readonly column: number | undefined
  /** What is wrong, without the file and place (for a `Message`, which carries those itself). */
  readonly reason: string

  /**
   * @param file Path of the unusable file.
   * @param reason What is wrong, one line, values in backticks.
   * @param line 1-based line of the problem (optional).
   * @param column 1-based column of the problem (optional).
   */
  constructor(file: string, reason: string, line?: number, column?: number) {
    const place = line === undefined ? '' : column === undefined ? `:${line}` : `:${line}:${column}`
    super(`${file}${place}: ${reason}`)
    this.name = 'FileError'
    this.file = file
    this.line = line
    this.column = column
    this.reason = reason
  }
}
