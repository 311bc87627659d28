/**
 * The claims' words and their sources' texts, loaded when the page shows
 * them: `data.js` carries every claim's values, each claims file's detail
 * script (`SourceDetail`: its claims as stored, its source's text) is read
 * the first time a tooltip, the panel, the table or the CSV needs it.
 *
 * Decisions:
 * - A detail script is loaded with a `<script>` element, not `fetch`:
 *   that is what a page opened from `file://` may do (Chromium refuses
 *   `fetch` of a file, and runs a classic script beside the page). The
 *   script calls `window.__CLAIMRANGE_DETAIL__(document.currentScript, …)`,
 *   so each answer says which element, hence which load, it belongs to; the
 *   element is removed once it ran, and the DOM does not grow.
 * - Loads run at most {@link loadsAtOnce} at a time; a failed load is
 *   reported (the caller says so in the page) and may be asked again.
 * - Details are kept by path. A path names its bytes (the build names a
 *   detail script by its digest), so a detail loaded once stays right for
 *   every later `data.js` that names the same path.
 */
import { detailGlobal, type SourceDetail } from '../src/site/data.ts'

/** Detail scripts loading at once. */
export const loadsAtOnce = 16

/** The loader of one page. */
export interface DetailLoader {
  /**
   * A claims file's detail, when it is loaded.
   *
   * @param source Source id of the claims file.
   * @returns Its detail, or `undefined` while it is not loaded.
   */
  get(source: string): SourceDetail | undefined
  /**
   * Load the details of some claims files (those loaded already are not asked again).
   *
   * @param sources Source ids of claims files (unknown ones are ignored).
   * @returns A promise of their details, in the order asked, once every one is in; it rejects with the first load that failed.
   */
  load(sources: Iterable<string>): Promise<SourceDetail[]>
  /**
   * Take the paths of new data.
   *
   * @param paths Detail script of each claims file, by source id.
   * @returns The details loaded already that the new paths still name.
   */
  setPaths(paths: Map<string, string>): SourceDetail[]
}

/**
 * Make the loader of a page.
 *
 * @param doc The page's document (its window receives the scripts' calls).
 * @param paths Detail script of each claims file, by source id (relative to the page).
 * @param onLoad Called once with each detail loaded while its path is current (merge its words into the page).
 * @returns The loader.
 * @example
 * const words = createDetailLoader(document, decoded.details, (detail) => mergeWords(state, detail))
 * await words.load(['clinic-guide'])
 * words.get('clinic-guide')?.text?.text // the article
 */
export function createDetailLoader(doc: Document, paths: Map<string, string>, onLoad: (detail: SourceDetail) => void): DetailLoader {
  const win = doc.defaultView as unknown as Record<string, unknown>
  const loaded = new Map<string, SourceDetail>()
  const loading = new Map<string, Promise<SourceDetail>>()
  const answers = new WeakMap<Element, (detail: SourceDetail) => void>()
  const queue: (() => void)[] = []
  let running = 0
  let current = paths
  win[detailGlobal] = (script: Element | null, detail: SourceDetail) => {
    if (script) answers.get(script)?.(detail)
  }

  /** Start the next queued load when there is room. */
  const next = () => {
    while (running < loadsAtOnce && queue.length > 0) {
      running++
      queue.shift()!()
    }
  }

  /** Load one script (queued). */
  const fetchOne = (path: string): Promise<SourceDetail> =>
    new Promise<SourceDetail>((resolve, reject) => {
      queue.push(() => {
        const script = doc.createElement('script')
        let answer: SourceDetail | undefined
        answers.set(script, (detail) => (answer = detail))
        const done = (error?: Error) => {
          script.remove()
          running--
          next()
          if (error) reject(error)
          else if (!answer) reject(new Error(`Unexpected detail script \`${path}\`: it gave no claims (rebuild the site)`))
          else resolve(answer)
        }
        script.addEventListener('load', () => done())
        script.addEventListener('error', () => done(new Error(`Could not load \`${path}\`: the site is missing it (rebuild the site, or reload the page)`)))
        script.src = path
        doc.head.append(script)
      })
      next()
    })

  const loadPath = (source: string, path: string): Promise<SourceDetail> => {
    const have = loaded.get(path)
    if (have) return Promise.resolve(have)
    let pending = loading.get(path)
    if (!pending) {
      pending = fetchOne(path).then(
        (detail) => {
          loading.delete(path)
          loaded.set(path, detail)
          if (current.get(source) === path) onLoad(detail)
          return detail
        },
        (error: unknown) => {
          loading.delete(path)
          throw error
        }
      )
      loading.set(path, pending)
    }
    return pending
  }

  return {
    get: (source) => {
      const path = current.get(source)
      return path === undefined ? undefined : loaded.get(path)
    },
    load(sources) {
      const wanted: Promise<SourceDetail>[] = []
      for (const source of new Set(sources)) {
        const path = current.get(source)
        if (path) wanted.push(loadPath(source, path))
      }
      return Promise.all(wanted)
    },
    setPaths(next) {
      current = next
      const kept: SourceDetail[] = []
      for (const [, path] of next) {
        const detail = loaded.get(path)
        if (detail) kept.push(detail)
      }
      return kept
    }
  }
}
