/**
 * `claimrange add <file.md | file.html | file.txt | URL>`: convert an
 * article into `sources/<slug>.md`, extract its claims and print them per
 * topic. Exit 1 (nothing written) when the input is unusable.
 */
import type { Command } from 'commander'
import { formatWait } from '../consensus/words.ts'
import { formatConsensusDiff } from '../diff/format.ts'
import { compareMessages, formatMessage } from '../message.ts'
import type { Claim } from '../schema.ts'
import { addSource, type AddResult } from '../write/add.ts'
import type { Register } from './commands.ts'
import type { Effects } from './effects.ts'
import { claimsOption, loadVocabulary, sourcesOption, vocabularyOption } from './options.ts'

/** Options of {@link runAdd}. */
export interface AddCommandOptions {
  sources: string
  claims: string
  vocabulary?: string
  /** Seconds to wait for a URL (string from the command line). */
  timeout?: string
}

/**
 * Add one article and print what it brought.
 *
 * @param input File path or URL.
 * @param options Folders, vocabulary and URL timeout.
 * @param effects Where to print.
 * @returns The result and the exit code it deserves (1 when extraction reported an error).
 */
export async function runAdd(input: string, options: AddCommandOptions, effects: Effects): Promise<{ result: AddResult; exitCode: number }> {
  const vocabulary = await loadVocabulary(options)
  const timeoutMs = options.timeout === undefined ? undefined : Math.round(Number(options.timeout) * 1000)
  const result = await addSource({
    input,
    sourcesDir: options.sources,
    claimsDir: options.claims,
    vocabulary,
    ...(timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0 ? { fetch: { timeoutMs } } : {})
  })
  const messages = [...result.corpus.messages].sort(compareMessages)
  for (const message of messages) effects.err(formatMessage(message))
  effects.out(formatAdded(result))
  // What changed: every claims file before the add against after it.
  effects.out('')
  effects.out(formatConsensusDiff(result.corpus.diff, { color: effects.color }))
  const failed = messages.some((m) => (m.severity ?? 'error') === 'error')
  return { result, exitCode: failed ? 1 : 0 }
}

/**
 * What `add` prints: the new file, its title, then its claims grouped by
 * topic (topics in alphabetical order, claims in file order).
 *
 * @param result What `addSource` returned.
 * @returns Lines of text, no trailing newline.
 * @example
 * formatAdded(result)
 * // 'Added sources/tattoo-aftercare.md (HTML): “Tattoo aftercare”\n2 claims in 2 topics\n  alcohol\n    avoid 24 h  line 18  “Avoid alcohol for 24 hours, …”\n…'
 */
export function formatAdded(result: AddResult): string {
  const kind = result.type === 'html' ? 'HTML' : result.type === 'markdown' ? 'Markdown' : 'plain text'
  const lines = [`Added ${result.file} (${kind})${result.meta.title ? `: “${result.meta.title}”` : ''}`]
  const byTopic = new Map<string, Claim[]>()
  for (const claim of result.claims) {
    const list = byTopic.get(claim.topic) ?? []
    list.push(claim)
    byTopic.set(claim.topic, list)
  }
  const topics = [...byTopic.keys()].sort()
  const n = result.claims.length
  lines.push(n === 0 ? 'No wait claims found.' : `${n} claim${n === 1 ? '' : 's'} in ${topics.length} topic${topics.length === 1 ? '' : 's'}`)
  for (const topic of topics) {
    lines.push(`  ${topic}`)
    for (const claim of byTopic.get(topic)!) {
      const wait = claim.wait.min === null ? 'no number' : formatWait({ min: claim.wait.min, max: claim.wait.max })
      const speaker = claim.speaker ? `  (${claim.speaker})` : ''
      lines.push(`    ${claim.stance} ${wait}  line ${claim.span.line}  “${gist(claim.quote)}”${speaker}`)
    }
  }
  return lines.join('\n')
}

function gist(quote: string, limit = 90): string {
  const line = quote.replace(/\s+/g, ' ').trim()
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line
}

export const registerAdd: Register = (program: Command, effects, setExit) => {
  program
    .command('add')
    .description('add an article (file.md, file.html, file.txt or URL) as sources/<slug>.md and extract its claims')
    .argument('<input>', 'a .md, .html or .txt file, or an http(s) URL')
    .addOption(sourcesOption())
    .addOption(claimsOption())
    .addOption(vocabularyOption())
    .option('--timeout <seconds>', 'how long to wait for a URL', '15')
    .action(async (input: string, options: AddCommandOptions) => {
      const { exitCode } = await runAdd(input, options, effects)
      setExit(exitCode)
    })
}
