/**
 * Each source is extracted in isolation: in a worker thread (`worker.ts`,
 * through a piscina pool of one thread), with a time budget and a heap of
 * its own. Whatever goes wrong with one source — a bound of `limits.ts`
 * exceeded, a stack overflow, an exception, the budget or the heap used up
 * — becomes one message naming the file (and line, where there is one);
 * the caller keeps that source's old claims and goes on with the next.
 *
 * Why a thread and not the main one:
 * - a budget can only be enforced on code that can be stopped: a thread is
 *   terminated when its time is up, wherever it is (micromark can be slow
 *   on shapes no check foresaw);
 * - out of memory ends the thread, not the run;
 * - the main thread stays free while a long source is extracted, so the
 *   lock is kept fresh and Ctrl-C / SIGTERM are handled at once.
 *
 * The thread is started on the first source that needs extracting and
 * reused for the next ones (starting one costs about 0.1 s compiled, more
 * under tsx); one that was terminated is replaced on the next source. An
 * idle thread does not keep the process alive.
 *
 * The worker's file is found next to this module: `worker.ts` under tsx
 * (started with `--import tsx`), `worker.js` once compiled to JavaScript.
 */
import { createHash } from 'node:crypto'
import { Piscina } from 'piscina'
import { extractionBudgetMs, extractionHeapMb, maxTablePipes } from '../limits.ts'
import type { Message } from '../message.ts'
import type { Source } from '../read/source.ts'
import type { Claim } from '../schema.ts'
import type { Vocabulary } from '../vocabulary.ts'
import type { Answer, Task } from './worker.ts'

/** Options of {@link extractSource}. */
export interface IsolateOptions {
  /** Time budget for the source, in ms (default: `extractionBudgetMs`, 20 s). */
  budgetMs?: number
}

/** What {@link extractSource} gives. */
export interface IsolatedResult {
  /** The source's claims; `undefined` when it could not be extracted. */
  claims: Claim[] | undefined
  /** The error that stopped it, or warnings (e.g. read without emphasis); each names the source file. */
  messages: Message[]
}

/** The worker's file next to this module, in the form this module runs in. */
export const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url)

let pool: Piscina<Task, Answer> | undefined

/** The pool, started on first use. */
function workerPool(): Piscina<Task, Answer> {
  pool ??= new Piscina<Task, Answer>({
    filename: workerUrl.href,
    // TypeScript sources need tsx in the thread too; compiled JavaScript needs nothing.
    execArgv: workerUrl.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 5000,
    // A thread's young generation is small by default: extraction allocates briefly and much, and ran
    // twice as slowly there as on the main thread (200 sources: 1.75 s against 0.85 s); at 48 MiB, 1.32 against 1.21.
    resourceLimits: { maxOldGenerationSizeMb: extractionHeapMb, maxYoungGenerationSizeMb: 48 }
  })
  return pool
}

const vocabularyKeys = new WeakMap<Vocabulary, string>()

/** A key that is the same for the same vocabulary, so the worker compiles it once. */
function vocabularyKey(vocabulary: Vocabulary): string {
  let key = vocabularyKeys.get(vocabulary)
  if (key === undefined) {
    key = createHash('sha256').update(JSON.stringify(vocabulary)).digest('hex')
    vocabularyKeys.set(vocabulary, key)
  }
  return key
}

/**
 * Extract the claims of one source in the worker thread, within a time
 * budget and a heap limit.
 *
 * @param source The source as read (`readSource`).
 * @param vocabulary The vocabulary to extract with.
 * @param options See {@link IsolateOptions}.
 * @returns The claims and warnings, or no claims and the message saying why.
 * @example
 * const {claims, messages} = await extractSource(await readSource('sources/a.md'), vocabulary)
 * // claims undefined, messages [{file: 'sources/a.md', line: 1, reason: 'Unexpected 10000 levels of nested block quotes or lists, expected at most 32', …}]
 */
export async function extractSource(source: Source, vocabulary: Vocabulary, options: IsolateOptions = {}): Promise<IsolatedResult> {
  const budgetMs = options.budgetMs ?? extractionBudgetMs
  const task: Task = { id: source.id, text: source.text, bodyStart: source.bodyStart, vocabularyKey: vocabularyKey(vocabulary), vocabulary }
  const fail = (reason: string, line?: number): IsolatedResult => ({
    claims: undefined,
    messages: [{ file: source.file, ...(line === undefined ? {} : { line }), reason: `${reason} (its claims file is left as it was)`, ruleId: 'limit' }]
  })
  let answer: Answer
  try {
    answer = await workerPool().run(task, { signal: AbortSignal.timeout(budgetMs) })
  } catch (error) {
    const { name, code } = error as { name?: string; code?: string }
    if (name === 'AbortError' || name === 'TimeoutError') return fail(`Extraction stopped: it took longer than the time budget of ${budgetMs / 1000} s`)
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return fail(`Extraction stopped: it needed more than the ${extractionHeapMb} MiB of memory one source may use`)
    return fail(`Unexpected error while extracting: ${firstLine(error)}`)
  }
  if (!answer.ok) {
    if (answer.kind === 'limit') return fail(answer.reason, answer.line)
    if (answer.kind === 'stack') return fail('Unexpected structure nested too deep to read (the stack overflowed)')
    return fail(`Unexpected error while extracting: ${answer.reason}`)
  }
  const messages: Message[] = []
  const degraded = (reason: string): void => void messages.push({ file: source.file, reason, ruleId: 'limit', severity: 'warning' })
  if (answer.plainInline) degraded('Read without emphasis and links: it has too many `*`, `_`, `[` or `]` for Markdown to match in reasonable time, so they count as text')
  if (answer.plainTables) degraded(`Read without tables: it has more than ${maxTablePipes} \`|\` characters, too many table cells for Markdown to read in reasonable time, so table rows count as text`)
  return { claims: answer.claims, messages }
}

/**
 * Stop the worker thread, if one runs (a run that is being interrupted, or
 * a test that is done). The next {@link extractSource} starts a new one.
 */
export async function stopWorkers(): Promise<void> {
  const running = pool
  pool = undefined
  await running?.destroy()
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()
}
