/**
 * `claimrange serve`: serve a built site on localhost until Ctrl-C.
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { serveSite } from '../site/serve.ts'
import { CliError } from './effects.ts'
import type { Register } from './commands.ts'
import { untilInterrupted } from './interrupt.ts'
import { parsePort } from './options.ts'

/** Options of `claimrange serve`, as commander parses them. */
interface ServeFlags {
  out: string
  port: string
}

/**
 * Register `serve [--out DIR] [--port N]`. The command resolves only when
 * the process is interrupted (SIGINT or SIGTERM), after closing the server.
 *
 * @param program The CLI program.
 * @param effects Where output goes.
 */
export const registerServe: Register = (program, effects) => {
  program
    .command('serve')
    .description('serve a built site (see `build`) on 127.0.0.1 and print its URL; Ctrl-C stops it')
    .option('--out <dir>', 'folder of the built site', 'dist/site')
    .option('--port <n>', 'port (0: any free port)', '0')
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port)
      try {
        await access(join(flags.out, 'index.html'))
      } catch {
        throw new CliError(`${flags.out}: no built site here (no index.html); run \`claimrange build --out ${flags.out}\` first`)
      }
      let site
      try {
        site = await serveSite({ dir: flags.out, port })
      } catch (error) {
        throw new CliError(`cannot serve on port ${port}: ${(error as Error).message}`)
      }
      effects.out(`serving ${flags.out} at ${site.url} (Ctrl-C to stop)`)
      await untilInterrupted()
      await site.close()
      effects.out('stopped')
    })
}
