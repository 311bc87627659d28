/**
 * Ctrl-C and SIGTERM.
 *
 * While a command runs, {@link stopOnInterrupt} makes the first SIGINT or
 * SIGTERM end the process within moments, even in the middle of an
 * extraction (extraction runs in a worker thread, so the main thread is
 * free to take the signal): it prints one line and exits with 130 (SIGINT)
 * or 143 (SIGTERM). Every file is then as it was or as it should be:
 * files are written to a temp file and renamed into place (the temp file
 * of a write in flight is removed on exit), and the lock is removed on
 * exit. A run stopped this way is simply run again.
 *
 * A command that serves until stopped waits in {@link untilInterrupted}
 * instead: the first signal lets it close its server; if closing takes
 * longer than 2 s, or a second signal comes, the process exits at once.
 */

/** Exit code after a signal: 128 + the signal's number. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const

/** How long a served command may take to close after the first signal, in ms. */
export const closeGraceMs = 2000

type Signal = keyof typeof signalExitCodes

/** Commands waiting in {@link untilInterrupted}. */
const waiters = new Set<() => void>()
let installed = 0

/**
 * Stop the process on SIGINT or SIGTERM while a command runs.
 *
 * @param say Prints the one line said on stopping (to stderr).
 * @returns A function that removes the handlers again.
 */
export function stopOnInterrupt(say: (line: string) => void): () => void {
  let closing = false
  const onSignal = (signal: Signal) => {
    const code = signalExitCodes[signal]
    if (waiters.size > 0 && !closing) {
      // A server: let it close, but not for long.
      closing = true
      for (const wake of [...waiters]) wake()
      setTimeout(() => process.exit(code), closeGraceMs).unref()
      return
    }
    say(`claimrange: stopped by ${signal}; every file is as it was or as it should be (run the command again to finish)`)
    process.exit(code)
  }
  const onInt = () => onSignal('SIGINT')
  const onTerm = () => onSignal('SIGTERM')
  process.on('SIGINT', onInt)
  process.on('SIGTERM', onTerm)
  installed++
  return () => {
    process.off('SIGINT', onInt)
    process.off('SIGTERM', onTerm)
    installed--
  }
}

/**
 * Wait until the process is interrupted (Ctrl-C or SIGTERM), for commands
 * that serve until stopped.
 *
 * @returns A promise that resolves on the first SIGINT or SIGTERM. Under
 *   {@link stopOnInterrupt}, a second signal (or a close that takes over
 *   2 s) ends the process; otherwise the handlers are removed again, so a
 *   second Ctrl-C ends the process at once.
 */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (installed > 0) {
      const wake = () => {
        waiters.delete(wake)
        resolve()
      }
      waiters.add(wake)
      return
    }
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
