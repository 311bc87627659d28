/**
 * The words every consensus report shows for a row, a voice or a claim,
 * shared by the terminal and Markdown builders so both say the same thing.
 *
 * Pure string builders (no Node APIs).
 */
import { claimKey } from '../consensus/select.ts'
import type { ClaimSummary, ConflictGroup, ConsensusReport, TopicConsensus, Voice } from '../consensus/types.ts'
import { formatHours, formatRange, formatWait, gist } from '../consensus/words.ts'

/** Display names of topics, e.g. from the vocabulary's labels. */
export type Labels = Record<string, string>

/**
 * The name of a row: its topic label and condition.
 *
 * @param row A consensus row.
 * @param labels Topic display names (default: the topic ids).
 * @returns E.g. `Exercise — general` or `exercise — deep`.
 */
export function rowTitle(row: TopicConsensus, labels: Labels = {}): string {
  return `${labels[row.topic] ?? row.topic} — ${row.condition ?? 'general'}`
}

/**
 * A row's consensus range in words.
 *
 * @param row A consensus row.
 * @returns `48–72 h`, or `no number` when no voice states one.
 */
export function rangeText(row: TopicConsensus): string {
  return row.consensus ? formatRange(row.consensus.min, row.consensus.max) : 'no number'
}

/**
 * A row's median in words.
 *
 * @param row A consensus row.
 * @returns `3 days`, or `–` when no voice states a number.
 */
export function medianText(row: TopicConsensus): string {
  return row.consensus ? formatHours(row.consensus.median) : '–'
}

/**
 * A row's conflicting pairs counted, saying how many are within one source.
 *
 * @param row A consensus row.
 * @returns `0`, `3`, or `3 (1 within-source)`.
 */
export function conflictCount(row: TopicConsensus): string {
  const { pairs, withinSourcePairs } = row.conflicts
  return withinSourcePairs > 0 ? `${pairs} (${withinSourcePairs} within-source)` : String(pairs)
}

/**
 * An example pair of a conflict group: its first allowed claim against its
 * shortest contrary wait, each with its place and quote.
 *
 * @param report The report (for its claim summaries).
 * @param group A conflict group.
 * @param limit Longest gist of each quote in characters (default: 60).
 * @returns E.g. `sweat:14 “you can sweat as usual” against needling:9 “Avoid sweating for 24 hours”`, or `''` when the report lacks the claims.
 */
export function groupExample(report: ConsensusReport, group: ConflictGroup, limit = 60): string {
  const allowed = report.claims[group.allowed[0] ?? '']
  const contrary = report.claims[group.contrary.samples[0] ?? '']
  if (!allowed || !contrary) return ''
  return `${claimPlace(allowed)} ${quoted(allowed, limit)} against ${claimPlace(contrary)} ${quoted(contrary, limit)}`
}

/**
 * A voice's wait in words.
 *
 * @param voice A voice.
 * @returns `3 days`, `48–72 h`, or `no number`.
 */
export function voiceWait(voice: Voice): string {
  return voice.wait ? formatWait(voice.wait) : 'no number'
}

/**
 * The claim that best shows a voice's position: the one its wait comes
 * from, else its first claim of the voice's stance (an avoid voice is never
 * quoted with "you can sweat as usual"), else its first claim.
 *
 * @param report The report (for its claim summaries).
 * @param voice A voice.
 * @returns The claim, or `undefined` if the report lacks it.
 */
export function voiceClaim(report: ConsensusReport, voice: Voice): ClaimSummary | undefined {
  if (voice.basis) return report.claims[claimKey(voice.source, voice.basis)]
  const claims = voice.claims.map((id) => report.claims[claimKey(voice.source, id)]).filter((c): c is ClaimSummary => c !== undefined)
  return claims.find((c) => c.stance === voice.stance) ?? claims[0]
}

/**
 * Where a claim comes from: its source (and speaker) and line.
 *
 * @param claim A claim summary.
 * @returns E.g. `sweat-after-microneedling:99 (Dr Yalda)`.
 */
export function claimPlace(claim: ClaimSummary): string {
  return `${claim.source}:${claim.line}${claim.speaker ? ` (${claim.speaker})` : ''}`
}

/**
 * A claim's quote, shortened, in curly quotes.
 *
 * @param claim A claim summary.
 * @param limit Longest gist in characters (default: 100).
 * @returns E.g. `“Do not go swimming at least 24 hours after your treatment.”`.
 */
export function quoted(claim: ClaimSummary, limit = 100): string {
  return `“${gist(claim.quote, limit)}”`
}
