/**
 * Plans: a short list item under a timeline heading that names an
 * exercise-like activity with no cue ("Day 2 — 5-minute warm-up walk") says
 * what to do then. The `plans/…` rules (docs and examples in `rules/plans.ts`).
 */
import type { Stance } from '../schema.ts'
import { planTopic } from './condition.ts'
import { exampleLabels, futureAuxiliaries, modals } from './grammar.ts'
import type { BlockContext, Mention, Reading } from './state.ts'
import type { Token } from './tokens.ts'

/**
 * The plan a clause with no stance makes, if any (`plans/timeline-item`):
 * in a one-sentence list item under a timeline heading, with no modal or
 * "will"/"should", its head activity, when that is one people plan (a topic
 * an activity condition such as `light` may qualify). Not an item labelled
 * as examples of the one before (`plans/examples-label`: "Options: cycling").
 *
 * @param clause Tokens of the clause.
 * @param mentions Its own activities.
 * @param ctx The block's context.
 * @returns The planned activity and an allowed stance, or `undefined`.
 */
export function planOf(clause: Token[], mentions: Mention[], ctx: BlockContext): { mention: Mention; stance: Reading<Stance> } | undefined {
  if (!ctx.listItem || !ctx.timeline) return undefined
  if (clause.some((t) => modals.has(t.norm) || futureAuxiliaries.has(t.norm))) return undefined
  if (exampleLabels.has(clause[0]!.norm) && clause[1]?.norm === ':') {
    ctx.trace?.('plans/examples-label', clause[0]!.start, clause[1]!.end)
    return undefined
  }
  // The item's head activity only: "cycling … with minimal facial sweat" plans cycling.
  const head = mentions[0]
  if (!head || !planTopic(ctx.lexicon, head.topic)) return undefined
  return { mention: head, stance: { value: 'allowed', rules: ['plans/timeline-item'] } }
}
