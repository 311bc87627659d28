/**
 * The vocabulary: words naming each topic, stance and condition cues, and
 * which topics are related. It lives in `vocabulary.yaml` so an editor can add
 * an activity or a procedure without touching code. This module validates
 * the parsed YAML; reading the file is `read/vocabulary.ts`'s job.
 *
 * Browser-safe (no Node APIs): the chart needs `related` for conflicts.
 */
import { z } from 'zod'
import { slugPattern } from './schema.ts'

const words = z.array(z.string().min(1)).min(1)

/** Shape of `vocabulary.yaml`. */
export const vocabularySchema = z
  .object({
    procedures: words,
    ignore: z.array(z.string().min(1)).optional(),
    topics: z.record(
      z.string().regex(slugPattern, 'expected a lowercase slug for a topic name'),
      z
        .object({
          label: z.string().optional(),
          words,
          related: z.array(z.string()).default([])
        })
        .strict()
    ),
    conditions: z.record(
      z.string().regex(slugPattern, 'expected a lowercase slug for a condition name'),
      z.object({ kind: z.enum(['procedure', 'activity']), words, topics: z.array(z.string()).optional() }).strict()
    ),
    // `disputed` and `same` are optional: vocabularies written before they were added stay valid.
    stance: z
      .object({ avoid: words, allowed: words, negation: words, disputed: z.array(z.string().min(1)).optional(), same: z.array(z.string().min(1)).optional() })
      .strict()
  })
  .strict()

export type Vocabulary = z.infer<typeof vocabularySchema>

/**
 * Related topics as a symmetric lookup: `related(v).get('sweating')` holds
 * `exercise` and `sauna` when either side lists the other.
 *
 * @param vocabulary Validated vocabulary.
 * @returns Map from topic to the set of topics related to it (never itself).
 */
export function relatedTopics(vocabulary: Pick<Vocabulary, 'topics'>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (a === b) return
    if (!map.has(a)) map.set(a, new Set())
    map.get(a)!.add(b)
  }
  for (const [topic, entry] of Object.entries(vocabulary.topics)) {
    for (const other of entry.related) {
      link(topic, other)
      link(other, topic)
    }
  }
  return map
}

/**
 * The display label of a topic.
 *
 * @param vocabulary Validated vocabulary.
 * @param topic Topic name.
 * @returns Its `label`, or the name with its first letter capitalised.
 */
export function topicLabel(vocabulary: Pick<Vocabulary, 'topics'>, topic: string): string {
  return vocabulary.topics[topic]?.label ?? topic.charAt(0).toUpperCase() + topic.slice(1).replace(/-/g, ' ')
}
