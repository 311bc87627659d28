// Print every [start, end) where some exact words occur in a cached page (JavaScript string offsets).
// Usage: node test/real/locate.mjs <slug> "exact words"
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [slug, words] = process.argv.slice(2)
if (!slug || !words) {
  console.error('usage: node test/real/locate.mjs <slug> "exact words"')
  process.exit(2)
}
const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'cache', `${slug}.txt`), 'utf8')
const found = []
for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) found.push([at, at + words.length])
if (found.length === 0) {
  console.error(`not found in cache/${slug}.txt (quotes, dashes and spaces must be exactly as in the text)`)
  process.exit(1)
}
for (const span of found) console.log(JSON.stringify(span))
