/**
 * The consensus as Markdown an editor can paste into a review document:
 * a summary table, then one section per topic/condition with its voices,
 * outliers, conflicts and vague claims, then the rules.
 *
 * Pure string builder (no Node APIs). Deterministic: the same report gives
 * the same bytes.
 */
import type { ClaimSummary, ConsensusReport } from '../consensus/types.ts'
import { claimKey } from '../consensus/select.ts'
import {
  claimPlace,
  conflictCount,
  groupExample,
  medianText,
  quoted,
  rangeText,
  rowTitle,
  voiceClaim,
  voiceWait,
  type Labels
} from './cells.ts'

/** Options of {@link formatConsensusMarkdown}. */
export interface MarkdownOptions {
  /** Top heading (default: `Consensus report`). */
  title?: string
  /** Topic display names for the section headings (default: the topic ids). */
  labels?: Labels
  /**
   * The sources the report names, with their title and address, listed in a
   * "Sources" section after the summary table (default: none, no section).
   */
  sources?: ReportSource[]
}

/** A source as the report lists it. */
export interface ReportSource {
  id: string
  /** Front matter `title`; `null` when the article has none (or its file is missing). */
  title: string | null
  /** Front matter `url`; `null` when it has none. */
  url: string | null
}

/**
 * Build the Markdown report.
 *
 * @param report A consensus report.
 * @param options Title and labels (see {@link MarkdownOptions}).
 * @returns Markdown text ending in one newline.
 * @example
 * formatConsensusMarkdown(report).split('\n')[0] // '# Consensus report'
 */
export function formatConsensusMarkdown(report: ConsensusReport, options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${options.title ?? 'Consensus report'}`, '']
  if (report.topics.length === 0) {
    out.push('No claims to compare.', '')
  } else {
    out.push('| Topic | Condition | Consensus | Median | Voices | Outliers | Conflicts |', '| --- | --- | --- | ---: | ---: | ---: | ---: |')
    for (const row of report.topics) {
      out.push(
        tableRow([
          row.topic,
          row.condition ?? 'general',
          rangeText(row),
          medianText(row),
          String(row.voices),
          String(row.outliers.length),
          conflictCount(row)
        ])
      )
    }
    out.push('')
  }
  if (options.sources && options.sources.length > 0) {
    out.push('## Sources', '')
    for (const source of [...options.sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const title = source.title ? `**${escape(source.title)}**` : '*untitled*'
      const url = source.url && /^https?:\/\//i.test(source.url) ? ` — <${source.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ' — no address given'
      out.push(`- ${title}${url} (\`${source.id}\`)`)
    }
    out.push('')
  }
  for (const row of report.topics) {
    out.push(`## ${escape(rowTitle(row, options.labels))}`, '')
    out.push(
      row.consensus
        ? `Consensus **${rangeText(row)}**, median **${medianText(row)}**, ${row.voices} voice${row.voices === 1 ? '' : 's'}.`
        : `No voice states a number; ${row.voices} voice${row.voices === 1 ? '' : 's'}.`,
      ''
    )
    out.push('| Voice | Stance | Wait | Quote |', '| --- | --- | --- | --- |')
    for (const voice of row.voiceList) {
      const claim = voiceClaim(report, voice)
      const more = voice.claims.length > 1 ? ` (+${voice.claims.length - 1} more)` : ''
      out.push(tableRow([voice.key, voice.stance, voiceWait(voice) + correctedNote(claim), claim ? `${quoted(claim)} line ${claim.line}${more}` : '']))
    }
    out.push('')
    if (row.outliers.length > 0) {
      out.push('**Outliers**', '')
      for (const outlier of row.outliers) {
        const claim = report.claims[claimKey(outlier.source, outlier.claim)]
        const where = claim ? `\`${claimPlace(claim)}\` ${escape(quoted(claim))}` : `\`${outlier.claim}\``
        out.push(`- ${where}: ${escape(outlier.reason)}`)
      }
      out.push('')
    }
    const { groups, withinSource, pairs, withinSourcePairs } = row.conflicts
    if (groups.length > 0) {
      const within = withinSourcePairs > 0 ? `, ${withinSourcePairs} within one source` : ''
      out.push(`**Conflicts** (${pairs} pair${pairs === 1 ? '' : 's'} of claims${within})`, '')
      // A group whose every pair is within one source is shown by those pairs alone.
      for (const group of groups.filter((g) => g.pairs > g.withinSource)) {
        const example = groupExample(report, group)
        out.push(`- ${escape(group.reason)}${example ? `. E.g. ${escape(example)}` : ''}`)
      }
      for (const conflict of withinSource) out.push(`- *within-source*: ${escape(conflict.reason)}`)
      out.push('')
    }
    if (row.vague.length > 0) {
      out.push('**Vague claims** (no number: they count for stance, not for the range)', '')
      for (const key of row.vague) {
        const claim = report.claims[key]
        out.push(claim ? `- \`${claimPlace(claim)}\` ${claim.stance}: ${escape(quoted(claim))}` : `- \`${key}\``)
      }
      out.push('')
    }
  }
  const { voice, range, outlier, conflict } = report.rules
  out.push('## Rules', '')
  out.push(`- **Voices.** ${escape(voice)}`, `- **Range.** ${escape(range)}`, `- **Outliers.** ${escape(outlier)}`, `- **Conflicts.** ${escape(conflict)}`, '')
  return out.join('\n')
}

/**
 * Say that a wait is an editor's correction, with the source's own words.
 *
 * @param claim The claim a voice is quoted with.
 * @returns ` (corrected by an editor; the source says “90 minutes”)`, or `''` for a claim as extracted.
 */
function correctedNote(claim: ClaimSummary | undefined): string {
  if (claim?.review !== 'corrected') return ''
  return claim.wait.text ? ` (corrected by an editor; the source says “${claim.wait.text}”)` : ' (corrected by an editor)'
}

/**
 * One Markdown table row, cells escaped.
 *
 * @param cells Cell texts.
 * @returns `| a | b |`.
 */
function tableRow(cells: string[]): string {
  return `| ${cells.map((cell) => escape(cell).replace(/\|/g, '\\|')).join(' | ')} |`
}

/**
 * Keep text from turning into Markdown it is not: no line breaks, no stray emphasis, links or HTML.
 *
 * @param text Plain text.
 * @returns The text, safe to put in a paragraph or table cell.
 */
function escape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\*_<>[\]])/g, '\\$1')
}
