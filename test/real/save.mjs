// Write test/real/cache/<slug>.txt from a search answer, exactly as the answer gives the text.
// Usage: node test/real/save.mjs <slug> <answer.json> [url]
// <answer.json> holds the search tool's JSON answer (with `results`), one result ({url, excerpt}),
// or {excerpt}. With several results, [url] picks one. Prints the chars and sha256 for index.yaml.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [slug, file, url] = process.argv.slice(2)
if (!slug || !file || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
  console.error('usage: node test/real/save.mjs <slug> <answer.json> [url]   (slug: lowercase letters, digits, hyphens)')
  process.exit(2)
}
const answer = JSON.parse(readFileSync(file, 'utf8'))
const results = Array.isArray(answer.results) ? answer.results : [answer]
const picked = url ? results.filter((r) => r.url === url) : results
if (picked.length !== 1 || typeof picked[0].excerpt !== 'string') {
  console.error(`${file}: expected exactly one result${url ? ` with url ${url}` : ''} holding an "excerpt" string, found ${picked.length}`)
  process.exit(1)
}
const text = picked[0].excerpt
const cache = join(dirname(fileURLToPath(import.meta.url)), 'cache')
mkdirSync(cache, { recursive: true })
writeFileSync(join(cache, `${slug}.txt`), text)
const sha256 = createHash('sha256').update(text, 'utf8').digest('hex')
console.log(JSON.stringify({ slug, url: picked[0].url ?? null, chars: text.length, sha256 }))
