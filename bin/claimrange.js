#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/claimrange.js; see build-cli.js). When a
// file under src/ is newer, it is rebuilt first; where esbuild is not
// installed (a production install), the TypeScript runs through tsx instead.
import { buildCli, cliFile, isStale } from './build-cli.js'

let main
if (isStale()) {
  try {
    await buildCli()
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
    const { register } = await import('tsx/esm/api')
    register()
    ;({ main } = await import('../src/cli/main.ts'))
  }
}
main ??= (await import(cliFile)).main
process.exitCode = await main(process.argv.slice(2))
