/**
 * Activities the vocabulary does not list (`unlisted: true` on a claim,
 * `topic/unlisted`), with their counts, for `extract` and `check` to print:
 * an editor maps each to a topic, or to `ignore`, with one edit of
 * `vocabulary.yaml`, and the next `extract` reads those words that way.
 * Until then the chart shows each as its own row, marked as outside the
 * vocabulary.
 *
 * Pure: the caller reads the claims files.
 */
import { effectiveClaim, type ClaimsFile } from '../schema.ts'

/** One activity outside the vocabulary, as listed. */
export interface UnlistedActivity {
  /** Its key (the claims' `topic`). */
  topic: string
  /** The normalised words its claims give it (the claims' `activity`), most common first. */
  words: string[]
  /** Claims on it that count (not rejected, not given a topic by an editor). */
  claims: number
  /** Sources with such a claim. */
  sources: number
}

/**
 * Collect the activities outside the vocabulary from claims files.
 *
 * @param files Claims files (or just each source id with its claims).
 * @returns One entry per key, most claims first, then by key.
 * @example
 * listUnlisted(files) // [{topic: 'lying-down', words: ['lying down'], claims: 2, sources: 2}]
 */
export function listUnlisted(files: readonly Pick<ClaimsFile, 'source' | 'claims'>[]): UnlistedActivity[] {
  const byTopic = new Map<string, { words: Map<string, number>; claims: number; sources: Set<string> }>()
  for (const file of files) {
    for (const claim of file.claims) {
      if (!claim.unlisted || claim.status === 'orphaned' || claim.review.status === 'rejected') continue
      // An editor who corrected the topic has placed it already.
      if (effectiveClaim(claim).topic !== claim.topic) continue
      const entry = byTopic.get(claim.topic) ?? { words: new Map(), claims: 0, sources: new Set() }
      entry.words.set(claim.activity, (entry.words.get(claim.activity) ?? 0) + 1)
      entry.claims++
      entry.sources.add(file.source)
      byTopic.set(claim.topic, entry)
    }
  }
  return [...byTopic]
    .map(([topic, e]) => ({
      topic,
      words: [...e.words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
      claims: e.claims,
      sources: e.sources.size
    }))
    .sort((a, b) => b.claims - a.claims || (a.topic < b.topic ? -1 : 1))
}

/** How many activities {@link formatUnlisted} lists before it says how many more there are. */
export const maxListed = 25

/**
 * The listing as text: one line per activity with its counts and words, and
 * the vocabulary edit that maps one.
 *
 * @param list From {@link listUnlisted}.
 * @param limit How many to list (default: {@link maxListed}).
 * @returns Lines to print; none when the list is empty.
 */
export function formatUnlisted(list: readonly UnlistedActivity[], limit = maxListed): string[] {
  if (list.length === 0) return []
  const claims = list.reduce((n, a) => n + a.claims, 0)
  const shown = list.slice(0, limit)
  const width = Math.max(...shown.map((a) => a.topic.length))
  const lines = [`Activities outside the vocabulary: ${list.length} (${claims} claim${claims === 1 ? '' : 's'}), charted as their own rows until mapped:`]
  for (const a of shown) {
    const counts = `${a.claims} claim${a.claims === 1 ? '' : 's'}, ${a.sources} source${a.sources === 1 ? '' : 's'}`
    lines.push(`  ${a.topic.padEnd(width)}  ${counts.padEnd(22)}  ${a.words.map((w) => `"${w}"`).join(', ')}`)
  }
  if (list.length > shown.length) lines.push(`  … and ${list.length - shown.length} more`)
  const example = shown[0]!.words[0]!
  lines.push(`To map one, add its words to a topic's \`words\` in vocabulary.yaml (\`- ${example}\`), or to \`ignore\` to drop it, then run \`claimrange extract\`.`)
  return lines
}
