import { Command, CommanderError } from 'commander'
import pkg from '../../package.json' with { type: 'json' }
import { FileError } from '../read/errors.ts'
import { CliError, processEffects, type Effects } from './effects.ts'
import { commands } from './commands.ts'
import { stopOnInterrupt } from './interrupt.ts'

/**
 * Run the claimrange CLI. Commands only map flags to options and call the
 * library; see `commands.ts` for the list.
 *
 * @param argv Arguments after the program name.
 * @param effects Where output goes (default: the process's stdout/stderr).
 * @param options `signals`: stop the process on Ctrl-C / SIGTERM while the
 *   command runs, exit code 130 / 143 (default: only when `effects` is the
 *   process's own, so a test calling `main` keeps its process).
 * @returns Exit code: 0 on success, 1 when problems were found or a command failed, 2 on bad usage.
 */
export async function main(argv: string[], effects: Effects = processEffects, options: { signals?: boolean } = {}): Promise<number> {
  const uninstall = (options.signals ?? effects === processEffects) ? stopOnInterrupt((line) => effects.err(line)) : undefined
  try {
    return await run(argv, effects)
  } finally {
    uninstall?.()
  }
}

/** Parse the arguments and run the command; errors become one line and an exit code. */
async function run(argv: string[], effects: Effects): Promise<number> {
  const debug = argv.includes('--debug')
  const program = new Command('claimrange')
    .description('Extract wait-time claims from articles, compute where sources agree, chart the consensus.')
    .version(pkg.version, '-V, --version', 'print the version of claimrange')
    .option('--debug', 'show stack traces of unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => effects.out(s.replace(/\n$/, '')),
      writeErr: (s) => effects.err(s.replace(/\n$/, ''))
    })
  let exitCode = 0
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code)
  }
  for (const register of commands) register(program, effects, setExit)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    if (error instanceof CliError || error instanceof FileError) {
      effects.err(`claimrange: ${error.message}`)
      if (debug) effects.err(String(error.stack))
      return error instanceof CliError ? error.exitCode : 1
    }
    const message = error instanceof Error ? error.message : String(error)
    effects.err(`claimrange: unexpected error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for the stack)'}`)
    if (debug && error instanceof Error) effects.err(String(error.stack))
    return 1
  }
}
