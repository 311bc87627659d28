/**
 * The shape of a rule's documentation, the way remark-lint documents a lint
 * rule: an id, a doc, and examples that are its tests
 * (`test/extract/rules.test.ts` runs every one). Pure data, browser-safe.
 */

/** One example: a text and every claim extraction makes of it. */
export interface RuleExample {
  /** Markdown text, a sentence or a few blocks. */
  text: string
  /**
   * Every claim of the text, as `eval` describes one (`describeClaim`):
   * `topic stance hours [condition] (speaker)`, e.g. `swimming avoid 336 h`,
   * `exercise allowed 24 h [light]`, `sauna avoid no number`, `sun avoid 72+ h`.
   */
  claims: readonly string[]
}

/**
 * What a rule does to a claim: `reads` gives a claim its topic, stance, time
 * or condition and is recorded in the claim's `rules`; `rules-out` stops a
 * claim or an activity or a wait (told to the trace); `structures` cuts a
 * sentence into clauses (told to the trace).
 */
export type RuleKind = 'reads' | 'rules-out' | 'structures'

/** A rule's documentation. */
export interface RuleDoc {
  /** `family/name`, lowercase with hyphens. */
  id: string
  /** What it does to a claim. */
  kind: RuleKind
  /** One sentence, for an editor: why a claim was read this way ("The stance is avoid: …"). */
  summary: string
  /** One paragraph: what the rule does and where it stops, with short quoted examples. */
  doc: string
  /** Texts the rule applies to (it is used: recorded on a claim, or told to the trace), with their claims. */
  ok: readonly RuleExample[]
  /** Texts close to those where it does not apply, with their claims. */
  notOk: readonly RuleExample[]
}

/** A family of rules: one module of `src/extract/`. */
export interface RuleFamily {
  /** The ids' prefix (`stance`). */
  name: string
  /** Heading of its part of the README. */
  title: string
  /** One paragraph introducing the family: what it decides and in which order its rules are tried. */
  intro: string
  rules: readonly RuleDoc[]
}
