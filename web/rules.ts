/**
 * Extraction rules in words, for the panel's "Why it was read this way".
 * A claim may carry `rules: string[]`, the ids of the extraction rules that
 * produced it (`stance/negated-allowed`). Until the extractor's own
 * descriptions are wired in here, an id is shown as it is, readable on its
 * own ("stance / negated allowed").
 */

/**
 * Describe an extraction rule.
 *
 * @param id Rule id, e.g. `stance/negated-allowed`.
 * @returns Its description (for now: the id, its parts spaced out).
 * @example
 * describeRule('stance/negated-allowed') // 'stance / negated allowed (stance/negated-allowed)'
 */
export function describeRule(id: string): string {
  const words = id.replace(/\//g, ' / ').replace(/[-_]/g, ' ')
  return words === id ? id : `${words} (${id})`
}
