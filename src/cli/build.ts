/**
 * `claimrange build`: the chart page as a static site.
 */
import { buildSite } from '../site/build.ts'
import { readVocabulary } from '../read/vocabulary.ts'
import { formatMessage } from '../message.ts'
import type { Register } from './commands.ts'
import { claimsOption, sourcesOption, vocabularyOption } from './options.ts'

/** Options of `claimrange build`, as commander parses them. */
interface BuildFlags {
  sources: string
  claims: string
  out: string
  vocabulary?: string
}

/**
 * Register `build [--sources DIR] [--claims DIR] [--out DIR] [--vocabulary FILE]`.
 *
 * @param program The CLI program.
 * @param effects Where output goes.
 */
export const registerBuild: Register = (program, effects) => {
  program
    .command('build')
    .description('build the consensus chart page as a static site (relative paths; open index.html or publish the folder)')
    .addOption(sourcesOption())
    .addOption(claimsOption())
    .option('--out <dir>', 'output folder (emptied first)', 'dist/site')
    .addOption(vocabularyOption())
    .action(async (flags: BuildFlags) => {
      const vocabulary = flags.vocabulary ? await readVocabulary(flags.vocabulary) : undefined
      const result = await buildSite({ sourcesDir: flags.sources, claimsDir: flags.claims, outDir: flags.out, vocabulary })
      for (const message of result.messages) effects.err(`warning: ${formatMessage(message)}`)
      effects.out(`built ${result.outDir} (${result.files.length} files): open ${result.outDir}/index.html or run \`claimrange serve --out ${result.outDir}\``)
    })
}
