import { describe, expect, it } from 'vitest'
import { defaultCorpora, runEval } from '../../src/cli/eval.ts'
import { formatFindings, formatScoreTable } from '../../src/eval/format.ts'

/**
 * The real extractor against the gold annotations. The project's aims (issue
 * 13): on the five bundled sources F1 ≥ 0.95 for exercise, swimming and
 * sweating and ≥ 0.95 over all topics (their gold follows the labelling
 * guidelines: untimed generic avoids are no claims, four readings are
 * optional in their notes); on the extra articles (text written to test
 * rules in other styles and procedures) no lower than the 0.973 they
 * measured before, held at 0.97: a rule change that loses one of their
 * claims fails here.
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

  it('bundled sources: F1 ≥ 0.95 over all topics', () => {
    expect(bundled!.score.all.f1 ?? 0, report(bundled!)).toBeGreaterThanOrEqual(0.95)
  })

  it('extra articles: F1 ≥ 0.97 over all topics', () => {
    expect(extra!.score.all.f1 ?? 0, report(extra!)).toBeGreaterThanOrEqual(0.97)
  })
})

function report(result: NonNullable<Awaited<ReturnType<typeof runEval>>['results'][number]>): string {
  return `\n${formatScoreTable(result.corpus.title, result.score)}\n${formatFindings(result.score)}\n`
}
