/**
 * Reports of the consensus: terminal and Markdown string builders.
 * Re-exports only.
 */
export {
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
export { formatConsensusMarkdown, type MarkdownOptions, type ReportSource } from './markdown.ts'
export {
  formatConsensusDetails,
  formatConsensusRules,
  formatConsensusTable,
  formatConsensusTerminal,
  type TerminalOptions
} from './terminal.ts'
