import { fileURLToPath } from 'node:url'
import type { Plugin, UserConfig } from 'vite'
import { defineConfig } from 'vitest/config'

/** The chart page's sources. */
export const webRoot = fileURLToPath(new URL('./web', import.meta.url))

/**
 * Make the built page run from `file://`: Chromium refuses module scripts and
 * `crossorigin` requests from a file URL, so the bundle is built as one IIFE
 * (no imports left) and its tags are rewritten to a plain deferred script and
 * a plain stylesheet link.
 */
function classicScripts(): Plugin {
  return {
    name: 'claimrange:classic-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<script type="module" src=/g, '<script defer src=')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
    }
  }
}

/**
 * The site build (`claimrange build` runs it with `vite.build`): root `web/`,
 * relative paths (base `./`) so the output can be published anywhere or
 * opened from disk. `data.js` is not part of the bundle: `buildSite` writes it.
 */
export const siteConfig: UserConfig = {
  root: webRoot,
  base: './',
  logLevel: 'warn',
  plugins: [classicScripts()],
  build: {
    outDir: fileURLToPath(new URL('./dist/site', import.meta.url)),
    emptyOutDir: true,
    modulePreload: false,
    reportCompressedSize: false,
    cssCodeSplit: false,
    target: 'es2022',
    rolldownOptions: { output: { format: 'iife' } }
  }
}

/**
 * One config for the chart page (vite, `web/`) and the tests (vitest, `test/`):
 * vitest runs in mode `test` and keeps the project root.
 */
export default defineConfig(({ mode }) => ({
  ...(mode === 'test' ? {} : siteConfig),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 60000
  }
}))
