/**
 * What leads a block: a table's header row, a paragraph ending with a colon
 * before a list, or the heading right above a list. The `lead-ins/…` rules
 * (docs and examples in `rules/lead-ins.ts`): a lead gives the clauses of
 * its blocks that state none its stance and its time.
 */
import type { Block } from '../parse/blocks.ts'
import type { Stance } from '../schema.ts'
import { findDurations } from './duration.ts'
import type { Lexicon } from './lexicon.ts'
import { isWait } from './not-a-claim.ts'
import type { RuleId } from './rules/index.ts'
import { stanceOf } from './stance.ts'
import { nowCueOf } from './time.ts'
import { timelineOf, type Timeline } from './timeline.ts'
import { topicMentions } from './topic.ts'
import { tokenize, type Token } from './tokens.ts'

/** What a lead says to the blocks it leads. */
export interface Lead {
  /** The stance it gives a clause that states none. */
  stance: Stance | undefined
  /** The rule it gives it by (`lead-ins/heading`, `lead-ins/colon`, `lead-ins/table-header`). */
  rule: RuleId
  /** The time it gives (`lead-ins/time`). */
  timeline: Timeline | undefined
}

/**
 * Read a lead. A heading leads its list only as an introduction: a stance,
 * no activity of its own ("## What to avoid", "## Avoid these for 48
 * hours"). Any other heading ("## Swimming", "## Recovery takes a week")
 * titles the list and gives it nothing.
 *
 * @param lead The leading block.
 * @param text The source's full text.
 * @param lexicon The compiled vocabulary.
 * @param dayOne Whether day numbers count the treatment day as day 1 (see `timelineOf`; default: `false`).
 * @returns Its stance, the rule it gives it by, and its time.
 */
export function readLead(lead: Block, text: string, lexicon: Lexicon, dayOne = false): Lead {
  const tokens = tokenize(lead.text, lead.start)
  let stance = stanceOf(tokens, [], lexicon)?.value
  const introduces = lead.kind !== 'heading' || (stance !== undefined && topicMentions(tokens, lexicon, text).length === 0)
  if (!introduces) stance = undefined
  const timeline = introduces ? (timelineOf(tokens, text, dayOne) ?? leadTime(tokens, text, lexicon, stance)) : undefined
  const rule: RuleId = lead.kind === 'heading' ? 'lead-ins/heading' : lead.text.trimEnd().endsWith(':') ? 'lead-ins/colon' : 'lead-ins/table-header'
  return { stance, rule, timeline }
}

/**
 * The time a lead-in states anywhere, not only at its start as a timeline
 * heading does ("Avoid the following for 48 hours:"): its first wait; for
 * an allowed lead-in with no wait, "straight away", "as usual"… (no wait).
 */
function leadTime(tokens: Token[], text: string, lexicon: Lexicon, stance: Stance | undefined): Timeline | undefined {
  const wait = findDurations(tokens).find((d) => isWait(tokens, d, lexicon))
  if (wait) return timelineOf(tokens.slice(wait.first), text)
  // "What you can do straight away": no wait.
  const now = stance === 'allowed' ? nowCueOf(tokens) : undefined
  return now ? { start: 0, end: { min: 0, max: 0 }, text: text.slice(now.start, now.end) } : undefined
}
