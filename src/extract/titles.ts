/**
 * Titles of tips: the `not-a-claim/title` rule (doc and examples in
 * `rules/not-a-claim.ts`). Listicles and clinic sheets put the advice in a
 * short line or a run-in label ("Skip Hot Tubs: heat adds swelling. Skip
 * them for two days.", "Stay away from pools." + a paragraph that says to
 * wait a day before swimming) and then state it with a time. The title's
 * claim with no number says nothing the text below does not say better: it
 * is dropped when its block, after the title, or one of the next two blocks
 * of its section makes a claim on the same topic with a number. When none
 * does, the title is the advice and stays. A title that only has its
 * section's time (a timeline heading above it) is such a title too.
 */
import type { Draft, Trace } from './state.ts'

/** What the pipeline records of a block for this rule. */
export interface BlockRecord {
  /** Index of the block's first draft in the document's drafts, and after its last. */
  from: number
  to: number
  /** A heading: a section ends there. */
  heading: boolean
  /** Where the block's title ends (a short one-sentence block: the block's end; a run-in label: its colon), or `undefined`. */
  titleEnd: number | undefined
  /** The block is a line that ends with a colon, leading what follows ("Avoid Direct Sun:"): a title even when it has its section's time. */
  leads?: boolean
}

/** A block of at most this many words, one sentence, is a title-like line ("Avoid chlorine and swimming pools."). */
export const maxTitleWords = 8
/** How many blocks after a title may restate its advice. */
export const titleReach = 2

/**
 * Where a block's title ends, if it has one: a one-sentence block of a few
 * words ("Keeping the new ink out of the sun."), or a run-in label that
 * names the advice before a colon ("Avoid Hot Showers and Saunas: …").
 *
 * @param text The block's text.
 * @param start The block's offset in the source.
 * @param sentences How many sentences the block has.
 * @returns The offset where its title ends, or `undefined`.
 */
export function titleEndOf(text: string, start: number, sentences: number): number | undefined {
  const words = text.split(/\s+/).filter(Boolean).length
  if (sentences === 1 && words <= maxTitleWords) return start + text.length
  const colon = text.indexOf(':')
  if (colon > 0 && colon <= 60 && text.slice(0, colon).split(/\s+/).filter(Boolean).length <= maxTitleWords) return start + colon + 1
  return undefined
}

/**
 * Whether an avoid draft has no time of its own: no number, or only the one
 * of the section or lead it sits under ("Avoid Direct Sun:" under a
 * 24-hour heading, with "keep out of the sun for two weeks" below it).
 *
 * @param d A draft.
 * @returns `true` for an avoid draft that states no number itself.
 */
export function untimedTitle(d: Draft): boolean {
  return d.stance === 'avoid' && (d.wait.min === null || d.rules.some((r) => r === 'timeline/section' || r === 'timeline/label' || r === 'lead-ins/time'))
}

/**
 * Drop the claims of titles that the text after them restates with a number.
 *
 * @param drafts The document's drafts, in order.
 * @param blocks One record per block, in order.
 * @param trace Told of each title dropped (optional).
 * @returns The drafts kept.
 */
export function dropTitles(drafts: Draft[], blocks: BlockRecord[], trace?: Trace): Draft[] {
  const dropped = new Set<number>()
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!
    if (block.titleEnd === undefined || block.heading) continue
    for (let i = block.from; i < block.to; i++) {
      const d = drafts[i]!
      if (d.start >= block.titleEnd || d.stance !== 'avoid' || (d.wait.min !== null && !(block.leads && untimedTitle(d)))) continue
      // Restated with a number of its own: after the title in its block, or in one of the next blocks of its section.
      const restated = (j: number) => j !== i && drafts[j]!.topic === d.topic && drafts[j]!.wait.min !== null && !untimedTitle(drafts[j]!) && drafts[j]!.start >= d.start
      let found = false
      for (let j = block.from; j < block.to && !found; j++) found = restated(j)
      for (let k = b + 1; k < blocks.length && k <= b + titleReach && !blocks[k]!.heading && !found; k++) {
        for (let j = blocks[k]!.from; j < blocks[k]!.to && !found; j++) found = restated(j)
      }
      if (found) {
        dropped.add(i)
        trace?.('not-a-claim/title', d.start, d.end)
      }
    }
  }
  return dropped.size === 0 ? drafts : drafts.filter((_, i) => !dropped.has(i))
}
