/**
 * The summary `extract` prints: one line per source with its status, its
 * number of claims and how many per topic, then a total.
 */
import pc from 'picocolors'
import type { CorpusResult } from '../write/corpus.ts'

/**
 * Format the outcome of an extraction run.
 *
 * @param result What `extractCorpus` returned.
 * @param options `color`: use ANSI colours (default: `false`).
 * @returns Lines of text, no trailing newline.
 * @example
 * formatExtractSummary(result)
 * // 'source                        status     claims  topics\n…'
 */
export function formatExtractSummary(result: CorpusResult, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color === true)
  const width = Math.max(6, ...result.sources.map((s) => s.id.length))
  const lines = [c.bold(`${'source'.padEnd(width)}  ${'status'.padEnd(9)}  claims  topics`)]
  let total = 0
  const counts = { written: 0, unchanged: 0, failed: 0 }
  for (const s of result.sources) {
    counts[s.status]++
    const perTopic = Object.entries(s.topics)
    const claims = perTopic.reduce((n, [, k]) => n + k, 0)
    total += claims
    const topics = perTopic.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, n]) => `${t} ${n}`).join(', ')
    const status = s.status === 'failed' ? c.red(s.status.padEnd(9)) : s.status === 'written' ? c.green(s.status.padEnd(9)) : s.status.padEnd(9)
    lines.push(`${s.id.padEnd(width)}  ${status}  ${String(claims).padStart(6)}  ${topics}`)
  }
  lines.push(
    `${result.sources.length} source${result.sources.length === 1 ? '' : 's'}: ${counts.written} written, ${counts.unchanged} unchanged, ${counts.failed} failed; ${total} claim${total === 1 ? '' : 's'}`
  )
  return lines.join('\n')
}
