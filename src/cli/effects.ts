/**
 * What a command may do to the outside world besides reading and writing
 * project files: print, and know whether colour is wanted. Tests pass their
 * own to capture the output.
 */
export interface Effects {
  /** Print a line (or lines) to standard output; a newline is added. */
  out(text: string): void
  /** Print a line (or lines) to standard error; a newline is added. */
  err(text: string): void
  /** Whether output may use ANSI colour (a TTY without `NO_COLOR`). */
  color: boolean
  /**
   * Print text given in pieces to standard output, as it comes, without a
   * newline added (output too large for one string). Without it, the
   * pieces are joined and printed with {@link Effects.out}.
   */
  stream?(chunks: Iterable<string>): Promise<void>
}

/**
 * Print text to standard output, in pieces, with the output's pace (waiting
 * for `drain` when its buffer is full).
 *
 * @param chunks The text.
 */
async function streamStdout(chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve))
  }
}

/** Effects of a real process: stdout, stderr, colour on a TTY only. */
export const processEffects: Effects = {
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  stream: streamStdout
}

/**
 * Print text given in pieces, through `stream` when the effects have it.
 *
 * @param effects Where to print.
 * @param chunks The text (ending in a newline, as `out` would end it).
 */
export async function printChunks(effects: Effects, chunks: Iterable<string>): Promise<void> {
  if (effects.stream) return effects.stream(chunks)
  effects.out([...chunks].join('').replace(/\n$/, ''))
}

/**
 * Effects that collect everything printed, for tests.
 *
 * @returns The effects and the collected `stdout`/`stderr` text.
 */
export function captureEffects(): Effects & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    color: false,
    // What `out` would have collected for the same text: one entry, without its last newline.
    stream: async (chunks) => void stdout.push([...chunks].join('').replace(/\n$/, '')),
    stdout,
    stderr
  }
}

/** An error that ends a command with a message and an exit code (default 1). */
export class CliError extends Error {
  /** Process exit code. */
  readonly exitCode: number
  /**
   * @param message One line for the user.
   * @param exitCode Exit code (default: 1).
   */
  constructor(message: string, exitCode = 1) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}
