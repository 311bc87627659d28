import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeClaim } from '../../src/eval/format.ts'
import { extractClaims } from '../../src/extract/index.ts'
import { describeRule, isRuleId, ruleDoc, ruleFamilies, ruleIds, type RuleDoc, type RuleExample } from '../../src/extract/rules/index.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Vocabulary } from '../../src/vocabulary.ts'

/**
 * Every rule's examples are its tests: for each `ok` example, extraction
 * makes exactly the listed claims and uses the rule (recorded in a claim's
 * `rules` for a rule that reads, told to the trace for one that rules out or
 * cuts); for each `not-ok` example, the listed claims and the rule unused.
 */
let vocabulary: Vocabulary
beforeAll(async () => {
  vocabulary = await readVocabulary()
})

/** What extraction makes of an example: the claims as `eval` describes them, and whether `rule` was used. */
function run(rule: RuleDoc, example: RuleExample) {
  const traced = new Set<string>()
  const claims = extractClaims({ id: 'example', text: example.text }, vocabulary, { trace: (id) => traced.add(id) })
  const recorded = claims.some((c) => c.rules?.includes(rule.id))
  return { claims: claims.map((c) => describeClaim(c)), used: rule.kind === 'reads' ? recorded : traced.has(rule.id), recorded, rules: claims.map((c) => c.rules) }
}

for (const family of ruleFamilies) {
  describe(`rules of ${family.name}`, () => {
    for (const rule of family.rules) {
      describe(rule.id, () => {
        rule.ok.forEach((example, i) => {
          it(`ok ${i + 1}: ${JSON.stringify(example.text.slice(0, 60))}`, () => {
            const result = run(rule, example)
            expect(result.claims, JSON.stringify(result.rules)).toEqual(example.claims)
            expect(result.used, `${rule.id} was not used; rules: ${JSON.stringify(result.rules)}`).toBe(true)
          })
        })
        rule.notOk.forEach((example, i) => {
          it(`not ok ${i + 1}: ${JSON.stringify(example.text.slice(0, 60))}`, () => {
            const result = run(rule, example)
            expect(result.claims, JSON.stringify(result.rules)).toEqual(example.claims)
            expect(result.used || result.recorded, `${rule.id} was used`).toBe(false)
          })
        })
      })
    }
  })
}

describe('the rule docs', () => {
  it('give every rule a unique id of its family, a one-sentence summary, a doc and examples both ways', () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length)
    for (const family of ruleFamilies) {
      for (const rule of family.rules) {
        expect(rule.id.startsWith(`${family.name}/`), rule.id).toBe(true)
        expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/)
        expect(rule.summary, rule.id).toMatch(/^[A-Z"].*[.)]$/)
        expect(rule.doc.length, rule.id).toBeGreaterThan(40)
        expect(rule.ok.length, rule.id).toBeGreaterThan(0)
        expect(rule.notOk.length, rule.id).toBeGreaterThan(0)
      }
    }
  })

  it('describeRule says a known rule in words and nothing for an unknown id', () => {
    expect(describeRule('stance/negated-allowed')).toBe(ruleDoc('stance/negated-allowed')!.summary)
    expect(describeRule('stance/negated-allowed')).toContain('avoid')
    expect(describeRule('stance/no-such-rule')).toBeUndefined()
    expect(isRuleId('time/own-duration')).toBe(true)
    expect(isRuleId('time/own')).toBe(false)
  })

  it('are pure data the chart can import: no module of src/extract/rules/ imports anything outside the folder', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'extract', 'rules')
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(10)
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8')
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) expect(spec!.startsWith('./') && !spec!.includes('/', 2), `${name} imports ${spec}`).toBe(true)
      expect(text, name).not.toMatch(/\bprocess\.|\brequire\(/)
    }
  })
})
