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
}

/** Effects of a real process: stdout, stderr, colour on a TTY only. */
export const processEffects: Effects = {
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
}

/**
 * Effects that collect everything printed, for tests.
 *
 * @returns The effects and the collected `stdout`/`stderr` text.
 */
export function captureEffects(): Effects & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), color: false, stdout, stderr }
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
