import { describe, expect, it } from 'vitest'
import { scoreCorpus } from '../../src/eval/corpus.ts'
import { evaluateCorpus } from '../../src/eval/evaluate.ts'
import { describeClaim, formatFindings, formatHours, formatScoreTable } from '../../src/eval/format.ts'
import type { GoldClaim } from '../../src/eval/gold.ts'
import type { Claim } from '../../src/schema.ts'

const textA = 'Avoid saunas for 48 hours.\nSkip the gym for a day.'
const textB = 'No swimming for a week.'

function gold(quote: string, fields: Partial<GoldClaim>): GoldClaim {
  return { topic: 'sauna', stance: 'avoid', wait: { min: 48, max: 48 }, condition: null, speaker: null, quote, ...fields }
}

function claim(text: string, quote: string, fields: Partial<Claim>): Claim {
  const start = text.indexOf(quote)
  return {
    id: `x-${start}`,
    topic: 'sauna',
    activity: 'saunas',
    stance: 'avoid',
    wait: { min: 48, max: 48, text: null },
    condition: null,
    speaker: null,
    quote,
    span: { start, end: start + quote.length, line: 1 },
    review: { status: 'unreviewed' },
    ...fields
  }
}

const documents = [
  {
    file: 'a.md',
    text: textA,
    gold: [gold('Avoid saunas for 48 hours.', {}), gold('Skip the gym for a day.', { topic: 'exercise', wait: { min: 24, max: 24 } })],
    predicted: [
      claim(textA, 'Avoid saunas for 48 hours.', {}),
      claim(textA, 'Skip the gym for a day.', { topic: 'exercise', wait: { min: 24, max: 48, text: null } })
    ]
  },
  {
    file: 'b.md',
    text: textB,
    gold: [gold('No swimming for a week.', { topic: 'swimming', wait: { min: 168, max: 168 } })],
    predicted: [
      claim(textB, 'No swimming for a week.', { topic: 'swimming', wait: { min: 168, max: 168, text: null } }),
      claim(textB, 'No swimming for a week.', { topic: 'sun', wait: { min: 168, max: 168, text: null } })
    ]
  }
]

describe('scoreCorpus', () => {
  it('scoreCorpus(documents) sums counts per topic over sources (micro-average)', () => {
    const score = scoreCorpus(documents)
    expect(score.documents).toBe(2)
    expect(score.topics.map((t) => [t.topic, t.tp, t.fp, t.fn])).toEqual([
      ['exercise', 0, 1, 1],
      ['sauna', 1, 0, 0],
      ['sun', 0, 1, 0],
      ['swimming', 1, 0, 0]
    ])
    expect(score.all).toMatchObject({ tp: 2, fp: 2, fn: 1, precision: 0.5, gold: 3 })
    expect(score.all.recall).toBeCloseTo(2 / 3)
    expect(score.perDocument.map((d) => [d.file, d.tp, d.fp, d.fn])).toEqual([
      ['a.md', 1, 1, 1],
      ['b.md', 1, 1, 0]
    ])
  })

  it('scoreCorpus(documents) names the file of every miss and false alarm', () => {
    const score = scoreCorpus(documents)
    expect(score.misses.map((m) => `${m.file}:${m.line} ${m.topic}`)).toEqual(['a.md:2 exercise'])
    expect(score.misses[0]!.near).toMatchObject({ file: 'a.md', wait: { min: 24, max: 48 } })
    expect(score.falseAlarms.map((f) => `${f.file}:${f.line} ${f.topic}`)).toEqual(['a.md:2 exercise', 'b.md:1 sun'])
  })

  it('scoreCorpus prefixes a quote error with the file', () => {
    expect(() => scoreCorpus([{ file: 'c.md', text: 'x', gold: [gold('nowhere', {})], predicted: [] }])).toThrow(/^c\.md: Quote not found/)
  })

  it('evaluateCorpus(documents, extract) runs the extractor on each source', () => {
    const seen: string[] = []
    const score = evaluateCorpus(
      documents.map((d) => ({ file: d.file, source: { id: d.file, text: d.text, bodyStart: 0 }, gold: d.gold })),
      (source) => {
        seen.push(source.id)
        return documents.find((d) => d.file === source.id)!.predicted
      }
    )
    expect(seen).toEqual(['a.md', 'b.md'])
    expect(score.all).toMatchObject({ tp: 2, fp: 2, fn: 1 })
  })
})

describe('format', () => {
  it('formatScoreTable(title, score) prints a row per topic and an all-topics row', () => {
    expect(formatScoreTable('Demo', scoreCorpus(documents))).toBe(
      [
        'Demo: 2 sources, 3 gold claims',
        'topic       precision  recall     F1  gold  tp  fp  fn',
        '----------  ---------  ------  -----  ----  --  --  --',
        'exercise        0.000   0.000  0.000     1   0   1   1',
        'sauna           1.000   1.000  1.000     1   1   0   0',
        'sun             0.000       –  0.000     0   0   1   0',
        'swimming        1.000   1.000  1.000     1   1   0   0',
        '----------  ---------  ------  -----  ----  --  --  --',
        'all topics      0.500   0.667  0.571     3   2   2   1',
        'Among matches, condition agrees on 2/2, speaker agrees on 2/2.'
      ].join('\n')
    )
  })

  it('formatFindings(score) lists misses and false alarms as file:line', () => {
    expect(formatFindings(scoreCorpus(documents))).toBe(
      [
        'Missed (in gold, not extracted): 1',
        '  a.md:2: exercise avoid 24 h "Skip the gym for a day." (extracted there: exercise avoid 24–48 h)',
        'False alarms (extracted, not in gold): 2',
        '  a.md:2: exercise avoid 24–48 h "Skip the gym for a day."',
        '  b.md:1: sun avoid 168 h "No swimming for a week."'
      ].join('\n')
    )
  })

  it('formatHours names exact, ranged, open-ended and unquantified waits', () => {
    expect(formatHours({ min: 0, max: 0 })).toBe('0 h')
    expect(formatHours({ min: 1.5, max: 1.5 })).toBe('1.5 h')
    expect(formatHours({ min: 24, max: 48 })).toBe('24–48 h')
    expect(formatHours({ min: 72, max: null })).toBe('72+ h')
    expect(formatHours({ min: null, max: null })).toBe('no number')
  })

  it('describeClaim shows condition and speaker when set', () => {
    expect(describeClaim({ topic: 'exercise', stance: 'avoid', wait: { min: 48, max: 48 }, condition: 'deep', speaker: 'Dr Sophie Shotter' })).toBe(
      'exercise avoid 48 h [deep] (Dr Sophie Shotter)'
    )
  })
})
