/**
 * `claimrange start` (what `npm start` runs): regenerate the claims from the
 * sources, print the consensus table, build the chart page and serve it on
 * localhost, printing its URL. `--no-serve` stops after the build.
 *
 * While serving, the page gets the local API (`site/api.ts`: reviews from
 * the page, live updates) and the sources folder is watched
 * (`site/watch.ts`): a source added or edited is re-extracted, `data.js`
 * rewritten, what changed printed and the open page updated.
 * `--no-watch` serves without watching.
 */
import type { Command } from 'commander'
import { formatMessage } from '../message.ts'
import { createLiveApi, formatReviewEvent } from '../site/api.ts'
import { formatSourceChange, watchSources } from '../site/watch.ts'
import { formatConsensusTable } from '../report/terminal.ts'
import { buildSite } from '../site/build.ts'
import { serveSite, type RunningSite } from '../site/serve.ts'
import type { Register } from './commands.ts'
import { untilInterrupted } from './interrupt.ts'
import { loadConsensus } from './consensus.ts'
import type { Effects } from './effects.ts'
import { runExtract } from './extract.ts'
import { claimsOption, parsePort, sourcesOption, vocabularyOption } from './options.ts'

/** Options of {@link runStart}. */
export interface StartOptions {
  sources: string
  claims: string
  out: string
  port: number
  vocabulary?: string
  /** Serve the page after building it (default: `true`). */
  serve?: boolean
  /** While serving, watch the sources and regenerate on change (default: `true`). */
  watch?: boolean
}

/**
 * Extract, report, build, and (unless `serve` is false) serve.
 *
 * @param options Folders, port and vocabulary.
 * @param effects Where to print.
 * @returns The running site (when served) and the exit code so far.
 */
export async function runStart(options: StartOptions, effects: Effects): Promise<{ site: RunningSite | undefined; exitCode: number }> {
  const extracted = await runExtract(options, effects)
  const { vocabulary } = extracted
  const loaded = await loadConsensus({ claims: options.claims }, vocabulary)
  effects.out('')
  effects.out(formatConsensusTable(loaded.report, { color: effects.color, labels: loaded.labels }))
  const built = await buildSite({ sourcesDir: options.sources, claimsDir: options.claims, outDir: options.out, vocabulary, skipUnusable: true })
  for (const m of built.messages) effects.err(formatMessage(m))
  // A source or claims file left out of the page is an error, as it is in `extract`.
  const exitCode = Math.max(extracted.exitCode, built.messages.some((m) => (m.severity ?? 'error') === 'error') ? 1 : 0)
  effects.out('')
  effects.out(`built the chart page in ${options.out}/ (open index.html, or publish the folder anywhere)`)
  if (options.serve === false) return { site: undefined, exitCode }
  const live = createLiveApi({
    sourcesDir: options.sources,
    claimsDir: options.claims,
    outDir: options.out,
    vocabulary,
    onReview: (event) => effects.out(formatReviewEvent(event, { color: effects.color })),
    onError: (message) => effects.err(`claimrange: ${message}`)
  })
  let site: RunningSite
  try {
    site = await serveSite({ dir: options.out, port: options.port, routes: live.routes })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    effects.err(`port ${options.port} is busy; using a free port instead`)
    site = await serveSite({ dir: options.out, port: 0, routes: live.routes })
  }
  const watcher =
    options.watch === false
      ? undefined
      : await watchSources({
          sourcesDir: options.sources,
          claimsDir: options.claims,
          outDir: options.out,
          vocabulary,
          exclusive: live.exclusive,
          onChange: (change) => {
            for (const m of change.messages) effects.err(formatMessage(m))
            effects.out(formatSourceChange(change, { color: effects.color }))
            if (change.dataWritten) live.notify()
          },
          onError: (message) => effects.err(`claimrange: ${message}`)
        })
  const served = site
  site = {
    url: served.url,
    close: async () => {
      await watcher?.close()
      live.close()
      await served.close()
    }
  }
  effects.out(`chart: ${site.url}  (${watcher ? `watching ${options.sources}/; ` : ''}Ctrl-C to stop)`)
  return { site, exitCode }
}

export const registerStart: Register = (program: Command, effects, setExit) => {
  program
    .command('start')
    .description('extract claims, print the consensus table, build the chart page and serve it on localhost')
    .addOption(sourcesOption())
    .addOption(claimsOption())
    .option('--out <dir>', 'folder for the built page', 'dist/site')
    .option('--port <n>', 'port to serve on (0: any free port)', '4321')
    .addOption(vocabularyOption())
    .option('--no-serve', 'build the page and stop, without serving it')
    .option('--no-watch', 'serve without watching the sources for changes')
    .action(async (flags: Omit<StartOptions, 'port'> & { port: string }) => {
      const port = parsePort(flags.port)
      const { site, exitCode } = await runStart({ ...flags, port }, effects)
      setExit(exitCode)
      if (!site) return
      await untilInterrupted()
      await site.close()
    })
}
