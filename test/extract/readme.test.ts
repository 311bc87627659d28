import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { endMarker, renderRules, replaceRuleSection, startMarker } from '../../src/extract/rules/markdown.ts'
import { ruleIds } from '../../src/extract/rules/index.ts'

describe("the README's rule section", () => {
  it('is what the rule docs render (run `npm run docs:rules` after editing src/extract/rules/)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    expect(replaceRuleSection(readme) === readme, 'README.md differs from the rule docs: run `npm run docs:rules`').toBe(true)
    for (const id of ruleIds) expect(readme).toContain(`**\`${id}\`**`)
  })

  it('replaceRuleSection puts the rendering between the markers and keeps the rest', () => {
    const readme = `# Title\n\nbefore\n\n${startMarker}\n\nold text\n${endMarker}\n\nafter\n`
    const next = replaceRuleSection(readme, 'new text\n')
    expect(next).toBe(`# Title\n\nbefore\n\n${startMarker}\n\nnew text\n${endMarker}\n\nafter\n`)
    expect(replaceRuleSection(next, 'new text\n')).toBe(next)
    expect(() => replaceRuleSection('# no markers\n')).toThrow(/expected the lines/)
  })

  it('never starts a line inside an example with what Markdown reads as a list, heading or table', () => {
    for (const line of renderRules().split('\n')) {
      if (line.startsWith('- **') || line.startsWith('#### ') || line === '') continue
      expect(line, line).not.toMatch(/^\s*([-+*>|#]|\d+[.)]\s)/)
    }
  })
})
