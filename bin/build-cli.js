#!/usr/bin/env node
/**
 * Compile the CLI (`src/cli/main.ts` and everything it imports) into one
 * JavaScript file, `dist/cli/claimrange.js`, so a command starts without
 * compiling TypeScript (tsx costs 2–4 s per start; the bundle loads in a
 * tenth of a second). `npm install` runs this as `prepare`; `bin/claimrange.js`
 * runs it again when a file under `src/` is newer than the bundle.
 *
 * Decisions: esbuild (a dev dependency; tsx uses it too) bundles our code
 * and the packages that are plain libraries, so Node resolves and reads one
 * file instead of some 300; packages that load files of their own or are
 * only needed by one command stay external: vite (the `build` command imports
 * it when it runs), chokidar, and the dev tools. The bundle keeps
 * `import.meta.url` paths working because `dist/cli/` is as deep as `src/x/`.
 * It is written to a temporary file and renamed, so processes that build at
 * the same time never read half a file.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Where the compiled CLI is written. */
export const cliFile = join(root, 'dist', 'cli', 'claimrange.js')

/** Packages left out of the bundle (imported from node_modules at run time). */
export const external = ['vite', 'chokidar', 'tsx', 'esbuild', 'playwright-core', 'jsdom', 'vitest', 'piscina']

/**
 * The extraction worker thread (`src/isolate/worker.ts`), bundled on its own
 * beside the CLI: `src/isolate/extract.ts` starts `./worker.js` next to
 * itself. piscina stays external: it starts a worker file of its own from
 * its package folder.
 */
export const workerFile = join(root, 'dist', 'cli', 'worker.js')

/**
 * Whether the compiled CLI is missing or older than a file it is built from
 * (`src/**`, `package.json`, this script).
 *
 * @returns `true` when it must be built.
 */
export function isStale() {
  let built
  try {
    built = statSync(cliFile).mtimeMs
  } catch {
    return true
  }
  const newer = (path) => statSync(path).mtimeMs > built
  if (newer(join(root, 'package.json')) || newer(fileURLToPath(import.meta.url))) return true
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).some((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : newer(join(dir, entry.name))))
  return walk(join(root, 'src'))
}

/**
 * Build the compiled CLI, and the extraction worker beside it.
 *
 * @returns The path of the CLI.
 * @throws {Error} When esbuild is not installed or the code does not compile.
 */
export async function buildCli() {
  await bundle(join(root, 'src', 'isolate', 'worker.ts'), workerFile)
  return bundle(join(root, 'src', 'cli', 'main.ts'), cliFile)
}

/**
 * Bundle one entry point into one file, written atomically.
 *
 * @param entry The TypeScript entry point.
 * @param outFile Where the bundle goes.
 * @returns `outFile`.
 */
async function bundle(entry, outFile) {
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    write: false,
    logLevel: 'error',
    legalComments: 'none',
    // Bundled CommonJS packages call `require` for Node built-ins, and write-file-atomic names temp files after `__filename`.
    banner: {
      js: [
        "import { createRequire as __claimrangeRequire } from 'node:module';",
        "import { fileURLToPath as __claimrangePath } from 'node:url';",
        'const require = __claimrangeRequire(import.meta.url);',
        'const __filename = __claimrangePath(import.meta.url);',
        "const __dirname = __claimrangePath(new URL('.', import.meta.url));"
      ].join(' ')
    }
  })
  mkdirSync(dirname(outFile), { recursive: true })
  const temp = `${outFile}.${process.pid}.tmp`
  writeFileSync(temp, result.outputFiles[0].contents)
  renameSync(temp, outFile)
  return outFile
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli()
}
