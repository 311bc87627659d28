/**
 * Wait until the process is interrupted (Ctrl-C or SIGTERM), for commands
 * that serve until stopped.
 *
 * @returns A promise that resolves on the first SIGINT or SIGTERM; the
 *   handlers are removed again, so a second Ctrl-C ends the process at once.
 */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
