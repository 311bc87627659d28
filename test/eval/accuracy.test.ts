import { describe, expect, it } from 'vitest'
import { defaultCorpora, runEval } from '../../src/cli/eval.ts'
import { formatFindings, formatScoreTable } from '../../src/eval/format.ts'

/**
 * The real extractor against the gold annotations. The project's aims: on
 * the five bundled sources F1 ≥ 0.95 for exercise, swimming and sweating and
 * ≥ 0.9 over all topics; on the extra articles (text written to test rules
 * in other styles and procedures) ≥ 0.75 over all topics. The extra articles
 * measure 0.973, so they are held at 0.9: a rule change that loses more than
 * a few of their claims fails here. Exercise measures 0.964 (27 of 29 found,
 * no false alarm), just above its aim: losing one more claim fails.
 * A failure prints the table and every miss and false alarm.
 */
describe('extraction accuracy', async () => {
  const run = await runEval(defaultCorpora)
  const [bundled, extra] = run.results

  it('gold is usable', () => {
    expect(run.messages).toEqual([])
    expect(run.results).toHaveLength(2)
  })

  for (const [topic, floor] of [['exercise', 0.95], ['swimming', 0.95], ['sweating', 0.95]] as const) {
    it(`bundled sources: F1 ≥ ${floor} on ${topic}`, () => {
      const row = bundled!.score.topics.find((t) => t.topic === topic)
      expect(row?.f1 ?? 0, report(bundled!)).toBeGreaterThanOrEqual(floor)
    })
  }

  it('bundled sources: F1 ≥ 0.9 over all topics', () => {
    expect(bundled!.score.all.f1 ?? 0, report(bundled!)).toBeGreaterThanOrEqual(0.9)
  })

  it('extra articles: F1 ≥ 0.9 over all topics', () => {
    expect(extra!.score.all.f1 ?? 0, report(extra!)).toBeGreaterThanOrEqual(0.9)
  })
})

function report(result: NonNullable<Awaited<ReturnType<typeof runEval>>['results'][number]>): string {
  return `\n${formatScoreTable(result.corpus.title, result.score)}\n${formatFindings(result.score)}\n`
}
