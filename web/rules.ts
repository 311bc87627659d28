/**
 * Extraction rules in words, for the panel's "Why it was read this way".
 * A claim carries `rules: string[]`, the ids of the extraction rules that
 * gave it its topic, stance and time (`stance/negated-allowed`); their
 * one-sentence summaries come from the extractor's own rule docs
 * (`src/extract/rules/`, browser-safe), so the page, the README and the
 * tests read the same words.
 */
import { describeRule as ruleSummary } from '../src/extract/rules/index.ts'

/**
 * Describe an extraction rule.
 *
 * @param id Rule id, e.g. `stance/negated-allowed`.
 * @returns Its summary with the id after it; for an id this version does not
 *   know (a claims file written by another version), the id alone.
 * @example
 * describeRule('stance/negated-allowed')
 * // 'The stance is avoid: an allowed word is negated ("it is not safe to", "never okay"). (stance/negated-allowed)'
 */
export function describeRule(id: string): string {
  const summary = ruleSummary(id)
  return summary ? `${summary} (${id})` : id
}
