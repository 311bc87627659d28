/**
 * Build the chart page: bundle `web/` with vite into a static folder (relative
 * paths, so it can be published anywhere or opened from disk) and write the
 * data it shows: `data.js` (every claim's values and the consensus, computed
 * here once) and one detail script per claims file (its claims' words and
 * its source's text, see `wire.ts`). `writeSiteData` rewrites only the data,
 * for a watcher that must be quick.
 *
 * Decision: a detail script is named by the sha256 of its own text
 * (`sources/<20 hex digits>.js`), so a name always holds the same bytes: a
 * rewrite writes only the scripts that are new (a source edited, a claim
 * reviewed), never replaces one a page may be reading, and deletes the ones
 * no longer named once `data.js` names the new ones; a browser may cache them
 * for ever.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Message } from '../message.ts'
import { listFiles } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { readSource, sha256, type Source } from '../read/source.ts'
import { readVocabulary } from '../read/vocabulary.ts'
import type { ClaimsFile } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { writeFileAtomic } from '../write/atomic.ts'
import { readClaimsFolder } from '../write/claims-cache.ts'
import { writeChunksAtomic } from '../write/stream.ts'
import { buildSiteData, detailScript, sourceTexts, type SiteData, type SourceText } from './data.ts'
import { siteDataChunks } from './wire.ts'

/** Where the site's inputs are and where it goes. */
export interface SiteOptions {
  /** Folder of `*.md` sources. */
  sourcesDir: string
  /** Folder of `*.yaml` claims files. */
  claimsDir: string
  /** Output folder (the site). */
  outDir: string
  /** Validated vocabulary (default: the bundled `vocabulary.yaml`). */
  vocabulary?: Vocabulary | undefined
  /**
   * Leave out each unusable source and claims file, with an error message
   * naming it, instead of stopping at the first (default: `false`: a
   * published site is never partial). `start` sets it: one broken file
   * must not keep the others from the page an editor reviews in.
   */
  skipUnusable?: boolean | undefined
}

/** What a build produced. */
export interface SiteResult {
  /** The output folder, as given. */
  outDir: string
  /** Every file written, relative to `outDir`, sorted. */
  files: string[]
  /** Warnings about the inputs (stale digests, claims without a source). */
  messages: Message[]
}

/** File name of the data script in the site. */
export const dataFileName = 'data.js'

/** Folder of the detail scripts in the site. */
export const detailFolder = 'sources'

/** Detail scripts written at once. */
const writesAtOnce = 32

const viteConfigFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url))

/**
 * Read sources, claims and vocabulary into site data.
 *
 * @param options Inputs (see {@link SiteOptions}; `outDir` is not used).
 * @returns The data and warnings about it.
 * @throws {FileError} When a source or claims file is unusable (the first
 *   problem, with file and line), or a folder is missing.
 */
export async function loadSiteData(options: Omit<SiteOptions, 'outDir'>): Promise<{ data: SiteData; texts: Map<string, SourceText>; messages: Message[] }> {
  const vocabulary = options.vocabulary ?? (await readVocabulary())
  const names = await listFiles(options.sourcesDir, /\.md$/i)
  const sources: Source[] = []
  const skipped: Message[] = []
  for (const name of names) {
    const file = join(options.sourcesDir, name)
    try {
      sources.push(await readSource(file))
    } catch (error) {
      if (!options.skipUnusable || !(error instanceof FileError)) throw error
      skipped.push({ file, line: error.line, column: error.column, reason: `${error.reason} (left out of the page)`, ruleId: 'source' })
    }
  }
  let reads = await readClaimsFolder(options.claimsDir)
  const problems = reads.flatMap((read) => read.messages.filter((m) => m.severity !== 'warning'))
  if (options.skipUnusable) {
    for (const m of problems) skipped.push({ ...m, reason: `${m.reason} (left out of the page)` })
    reads = reads.filter((read) => read.data)
  }
  const first = options.skipUnusable ? undefined : problems[0]
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'}; run \`claimrange check\`)` : ''
    throw new FileError(first.file, `${first.reason}${more}`, first.line, first.column)
  }
  const files: ClaimsFile[] = reads.map((read) => read.data!)
  const messages: Message[] = skipped
  const byId = new Map(sources.map((s) => [s.id, s]))
  reads.forEach((read, i) => {
    const file = files[i]!
    const source = byId.get(file.source)
    if (!source) {
      messages.push({ file: read.file, line: 1, reason: `Unexpected source \`${file.source}\`: no such file in \`${options.sourcesDir}\`; its claims are shown without their text`, ruleId: 'source', severity: 'warning' })
    } else if (source.digest !== file.digest) {
      messages.push({ file: read.file, line: 2, reason: `Unexpected \`digest\`: \`${source.file}\` changed since extraction; passages are found by their words (run \`claimrange extract\`)`, ruleId: 'digest', severity: 'warning' })
    }
  })
  return { data: buildSiteData(sources, files, vocabulary), texts: sourceTexts(sources), messages }
}

/**
 * Rewrite only the site's data (atomically), leaving the bundle alone: the
 * detail scripts that are new, then `data.js`, then delete the detail
 * scripts it no longer names.
 *
 * @param options Inputs and output folder.
 * @returns Path of `data.js` and warnings about the inputs.
 * @throws {FileError} As {@link loadSiteData}; nothing is written then.
 * @example
 * await writeSiteData({sourcesDir: 'sources', claimsDir: 'claims', outDir: 'dist/site'})
 */
export async function writeSiteData(options: SiteOptions): Promise<{ file: string; messages: Message[] }> {
  const { data, texts, messages } = await loadSiteData(options)
  return { file: await writeData(options.outDir, data, texts), messages }
}

/**
 * Write the site's data into a folder (see the module doc).
 *
 * @param outDir The site folder.
 * @param data Site data (claims with their words).
 * @param texts Source texts by source id.
 * @returns Path of `data.js`.
 */
async function writeData(outDir: string, data: SiteData, texts: Map<string, SourceText>): Promise<string> {
  const folder = join(outDir, detailFolder)
  await mkdir(folder, { recursive: true })
  const present = new Set(await readdir(folder))
  const details = new Map<string, string>()
  let pending: Promise<void>[] = []
  for (const file of data.files) {
    const script = detailScript({ source: file.source, claims: file.claims, text: texts.get(file.source) ?? null })
    const name = `${sha256(script).slice(0, 20)}.js`
    details.set(file.source, `${detailFolder}/${name}`)
    if (present.has(name)) continue
    present.add(name)
    pending.push(writeFileAtomic(join(folder, name), script))
    if (pending.length >= writesAtOnce) {
      await Promise.all(pending)
      pending = []
    }
  }
  await Promise.all(pending)
  const file = join(outDir, dataFileName)
  await writeChunksAtomic(file, siteDataChunks(data, details))
  const named = new Set([...details.values()].map((path) => path.slice(detailFolder.length + 1)))
  await Promise.all([...present].filter((name) => !named.has(name) && name.endsWith('.js')).map((name) => rm(join(folder, name), { force: true })))
  return file
}

/**
 * Build the whole site: vite bundles `web/` into `outDir` (emptied first),
 * then `data.js` is written.
 *
 * Decision: the inputs are read and checked before anything is touched, so bad
 * input leaves a previous build as it was; and `outDir` is only emptied when it
 * is empty, missing or holds a previous build (an `index.html`), never when it
 * contains the sources or claims.
 *
 * @param options Inputs and output folder (see {@link SiteOptions}).
 * @returns The folder, the files written and warnings.
 * @throws {FileError} On unusable input or an output folder that must not be emptied.
 * @example
 * const {files} = await buildSite({sourcesDir: 'sources', claimsDir: 'claims', outDir: 'dist/site'})
 * files.includes('index.html') // true
 */
export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const { data, texts, messages } = await loadSiteData(options)
  await checkOutDir(options)
  const { build } = await import('vite')
  await build({
    configFile: viteConfigFile,
    mode: 'production',
    logLevel: 'silent',
    build: { outDir: resolve(options.outDir), emptyOutDir: true }
  })
  await writeData(options.outDir, data, texts)
  return { outDir: options.outDir, files: await listTree(options.outDir), messages }
}

async function checkOutDir(options: SiteOptions): Promise<void> {
  const out = resolve(options.outDir)
  for (const dir of [options.sourcesDir, options.claimsDir, fileURLToPath(new URL('../..', import.meta.url))]) {
    const inside = resolve(dir)
    if (inside === out || inside.startsWith(out.endsWith(sep) ? out : out + sep)) {
      throw new FileError(options.outDir, `Refusing to build here: the output folder is emptied first and contains \`${dir}\``)
    }
  }
  let names: string[]
  try {
    names = await readdir(out)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new FileError(options.outDir, 'Expected a folder for the site, found a file')
    throw error
  }
  if (names.length > 0 && !names.includes('index.html')) {
    throw new FileError(options.outDir, 'Refusing to empty a folder that holds no previous site (no `index.html`); choose another `--out`')
  }
}

/** Every file under a folder, relative, `/`-separated, sorted. */
async function listTree(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if ((await stat(path)).isFile()) out.push(relative(dir, path).split(sep).join('/'))
    }
  }
  await walk(dir)
  return out.sort()
}
