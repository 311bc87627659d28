/**
 * `npm run docs:rules`: rewrite the rule section of `README.md` from the
 * rule docs (`src/extract/rules/`), so the README, the docs and the tests
 * (every example is one) say the same. Writes the file only when it
 * changes; prints what it did.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { replaceRuleSection } from '../src/extract/rules/markdown.ts'
import { writeFileAtomic } from '../src/write/atomic.ts'

const file = fileURLToPath(new URL('../README.md', import.meta.url))
const before = await readFile(file, 'utf8')
const after = replaceRuleSection(before)
if (after === before) console.log('README.md: rule section up to date')
else {
  await writeFileAtomic(file, after)
  console.log('README.md: rule section rewritten from src/extract/rules/')
}
