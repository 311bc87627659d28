// Show each gold claim of a page with the text at its offsets, and check the gold file's shape.
// Usage: node test/real/show.mjs <slug>      (exit 1 on any problem)
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const [slug] = process.argv.slice(2)
if (!slug) {
  console.error('usage: node test/real/show.mjs <slug>')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
const text = readFileSync(join(here, 'cache', `${slug}.txt`), 'utf8')
const gold = parse(readFileSync(join(here, 'gold', `${slug}.yaml`), 'utf8'))
const topics = ['exercise', 'swimming', 'sweating', 'sauna', 'sun', 'makeup', 'washing', 'actives', 'alcohol', 'smoking', 'other']
const conditions = [null, 'light', 'intense', 'superficial', 'deep', 'home']
const fields = ['topic', 'activity', 'stance', 'min_hours', 'max_hours', 'vague', 'condition', 'speaker', 'at', 'optional', 'alt', 'alt_topics', 'note']
const problems = []
if (gold.slug !== slug) problems.push(`slug is ${gold.slug}, expected ${slug}`)
const sha = createHash('sha256').update(text, 'utf8').digest('hex')
if (gold.sha256 !== sha) problems.push(`sha256 is ${gold.sha256}, the text's is ${sha}`)
const hours = (v) => v === null || (typeof v === 'number' && v >= 0)
for (const [i, c] of (gold.claims ?? []).entries()) {
  const where = `claim ${i + 1}`
  for (const key of Object.keys(c)) if (!fields.includes(key)) problems.push(`${where}: unexpected field ${key}`)
  if (!topics.includes(c.topic)) problems.push(`${where}: topic ${c.topic} is not a GUIDELINES topic`)
  if (!['avoid', 'allowed'].includes(c.stance)) problems.push(`${where}: stance ${c.stance}`)
  if (!hours(c.min_hours) || !hours(c.max_hours)) problems.push(`${where}: hours must be null or >= 0`)
  if (c.min_hours === null && c.max_hours !== null) problems.push(`${where}: max_hours without min_hours`)
  if (c.min_hours !== null && c.max_hours !== null && c.min_hours > c.max_hours) problems.push(`${where}: min_hours > max_hours`)
  if (!conditions.includes(c.condition ?? null)) problems.push(`${where}: condition ${c.condition}`)
  const [start, end] = c.at ?? []
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    problems.push(`${where}: at ${JSON.stringify(c.at)} is not a span of the text (0..${text.length})`)
    continue
  }
  const w = c.min_hours === null ? 'no number' : `${c.min_hours}–${c.max_hours ?? '∞'} h`
  const flags = [c.condition, c.speaker, c.vague && 'vague', c.optional && 'optional'].filter(Boolean).join(', ')
  console.log(`${i + 1}. ${c.topic}${c.activity ? ` (${c.activity})` : ''} ${c.stance} ${w}${flags ? ` [${flags}]` : ''} at ${start}-${end}\n   «${text.slice(start, end)}»`)
}
for (const p of problems) console.error(`gold/${slug}.yaml: ${p}`)
process.exit(problems.length > 0 ? 1 : 0)
