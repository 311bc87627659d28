import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { realGoldClaimSchema, type RealGoldClaim } from '../../src/eval/real.ts'
import { formatRealAlarm, formatRealFindings, formatRealMiss, formatRealTables } from '../../src/eval/real-format.ts'
import { hoursAgree, scoreRealPages, type RealPageInput } from '../../src/eval/real-score.ts'
import type { Claim } from '../../src/schema.ts'

/**
 * The real-set scorer on hand-made claims (not the extractor's), so every
 * count is known: the pages are the fixtures' texts, written for these tests.
 */
const peel = readFileSync(new URL('./fixtures/real/cache/peel-faq.txt', import.meta.url), 'utf8')
const tattoo = readFileSync(new URL('./fixtures/real/cache/tattoo-plain.txt', import.meta.url), 'utf8')

/** A gold claim at some words of a text, with the guidelines' defaults. */
function gold(text: string, words: string, fields: Partial<RealGoldClaim> & Pick<RealGoldClaim, 'topic' | 'stance' | 'min_hours' | 'max_hours'>): RealGoldClaim {
  const start = text.indexOf(words)
  if (start === -1) throw new Error(`not in the text: ${words}`)
  return realGoldClaimSchema.parse({ at: [start, start + words.length], ...fields })
}

let n = 0
/** An extracted claim at some words of a text. */
function claim(text: string, words: string, topic: string, stance: 'avoid' | 'allowed', min: number | null, max: number | null, rules: string[] = ['topic/own-words', 'stance/avoid-cue', 'time/own-duration']): Claim {
  const start = text.indexOf(words)
  if (start === -1) throw new Error(`not in the text: ${words}`)
  return {
    id: `${topic}-${++n}`,
    topic,
    activity: topic,
    stance,
    wait: { min, max, text: null },
    condition: null,
    speaker: null,
    quote: words,
    span: { start, end: start + words.length, line: 1 },
    review: { status: 'unreviewed' },
    rules
  }
}

function page(text: string, goldClaims: RealGoldClaim[], predicted: Claim[], extra: Partial<RealPageInput> = {}): RealPageInput {
  return { slug: 'peel-faq', file: 'cache/peel-faq.txt', procedure: 'chemical-peel', set: 'dev', text, gold: goldClaims, predicted, ...extra }
}

const pools = 'Stay out of pools for a week.'

describe('hoursAgree', () => {
  it('hoursAgree(extracted, gold) allows 10 % of the gold figure or 0.5 h, whichever is more', () => {
    expect(hoursAgree(160, 168)).toBe(true)
    expect(hoursAgree(150, 168)).toBe(false)
    expect(hoursAgree(4.5, 4)).toBe(true)
    expect(hoursAgree(4.6, 4)).toBe(false)
    expect(hoursAgree(0.5, 0)).toBe(true)
    expect(hoursAgree(null, null)).toBe(true)
    expect(hoursAgree(null, 24)).toBe(false)
    expect(hoursAgree(24, null)).toBe(false)
  })
})

describe('scoreRealPages', () => {
  it('matches strictly on topic, stance and hours, loosely on topic and stance', () => {
    const g = [gold(peel, pools, { topic: 'swimming', stance: 'avoid', min_hours: 168, max_hours: 168 })]
    const close = scoreRealPages([page(peel, g, [claim(peel, pools, 'swimming', 'avoid', 160, 160)])])
    expect(close.all.strict).toMatchObject({ tp: 1, fp: 0, fn: 0 })
    const far = scoreRealPages([page(peel, g, [claim(peel, pools, 'swimming', 'avoid', 72, 72)])])
    expect(far.all.strict).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(far.all.loose).toMatchObject({ tp: 1, fp: 0, fn: 0 })
    expect(far.misses[0]).toMatchObject({ topic: 'swimming', loose: true, near: { wait: { min: 72, max: 72 } } })
    expect(far.falseAlarms[0]).toMatchObject({ loose: true })
    const wrongStance = scoreRealPages([page(peel, g, [claim(peel, pools, 'swimming', 'allowed', 168, 168)])])
    expect(wrongStance.all.loose).toMatchObject({ tp: 0, fp: 1, fn: 1 })
  })

  it('compares only the start of an allowed claim, and any alt reading', () => {
    const makeup = 'Mineral makeup is usually fine after 24 hours.'
    const g = [gold(peel, makeup, { topic: 'makeup', stance: 'allowed', min_hours: 24, max_hours: 24 })]
    expect(scoreRealPages([page(peel, g, [claim(peel, makeup, 'makeup', 'allowed', 24, 48)])]).all.strict.tp).toBe(1)
    const sun = gold(tattoo, 'Stay out of the sun.', { topic: 'sun', stance: 'avoid', min_hours: 336, max_hours: 336, alt: [{ min_hours: 312, max_hours: 312 }] })
    expect(scoreRealPages([page(tattoo, [sun], [claim(tattoo, 'Stay out of the sun.', 'sun', 'avoid', 312, 312)])]).all.strict.tp).toBe(1)
    // An avoid claim compares both ends: an open end is not 336.
    expect(scoreRealPages([page(tattoo, [sun], [claim(tattoo, 'Stay out of the sun.', 'sun', 'avoid', 336, null)])]).all.strict.tp).toBe(0)
  })

  it('scores claims that count as one guidelines claim once: the same words, stance and hours, all `other`', () => {
    const g = [gold(peel, pools, { topic: 'other', stance: 'avoid', min_hours: 168, max_hours: 168 })]
    const two = [claim(peel, pools, 'lying-down', 'avoid', 168, 168), claim(peel, pools, 'massage', 'avoid', 168, 168)]
    expect(scoreRealPages([page(peel, g, two)]).all.strict).toMatchObject({ tp: 1, fp: 0, fn: 0 })
    // Other hours are another claim, and a false alarm.
    const other = [claim(peel, pools, 'lying-down', 'avoid', 168, 168), claim(peel, pools, 'massage', 'avoid', 24, 24)]
    expect(scoreRealPages([page(peel, g, other)]).all.strict).toMatchObject({ tp: 1, fp: 1, fn: 0 })
  })

  it('accepts an alt topic and counts the hit under the gold topic', () => {
    const sweat = 'avoid anything that makes you sweat for two days'
    const g = [gold(peel, sweat, { topic: 'sweating', stance: 'avoid', min_hours: 48, max_hours: 48, alt_topics: ['exercise'] })]
    const score = scoreRealPages([page(peel, g, [claim(peel, sweat, 'exercise', 'avoid', 48, 48)])])
    expect(score.topics.map((t) => [t.topic, t.strict.tp, t.strict.fp])).toEqual([['sweating', 1, 0]])
    expect(score.core.strict.tp).toBe(1)
  })

  it('counts a topic outside the guidelines as other', () => {
    const picking = 'Do not pick at flakes.'
    const g = [gold(tattoo, picking, { topic: 'other', activity: 'picking', stance: 'avoid', min_hours: 336, max_hours: 336 })]
    expect(scoreRealPages([page(tattoo, g, [claim(tattoo, picking, 'massage', 'avoid', 336, 336)])]).all.strict.tp).toBe(1)
    const alarm = scoreRealPages([page(tattoo, [], [claim(tattoo, picking, 'heat', 'avoid', null, null)])])
    expect(alarm.topics.map((t) => [t.topic, t.strict.fp])).toEqual([['other', 1]])
    // The finding keeps the extractor's own topic.
    expect(alarm.falseAlarms[0]!.topic).toBe('heat')
  })

  it('neither requires an optional gold claim nor counts the claim that matches it as a false alarm', () => {
    const give = 'Give it 48 hours.'
    const g = [gold(peel, give, { topic: 'exercise', stance: 'avoid', min_hours: 48, max_hours: 48, optional: true })]
    const hit = scoreRealPages([page(peel, g, [claim(peel, give, 'exercise', 'avoid', 48, 48)])])
    expect(hit.all.strict).toMatchObject({ tp: 0, fp: 0, fn: 0 })
    expect(hit.all.gold).toBe(0)
    expect(hit.optional).toBe(1)
    const none = scoreRealPages([page(peel, g, [])])
    expect(none.misses).toEqual([])
    // A claim that does not match the optional reading is still a false alarm.
    expect(scoreRealPages([page(peel, g, [claim(peel, give, 'exercise', 'avoid', 24, 24)])]).all.strict.fp).toBe(1)
  })

  it('requires the claim to overlap the gold words, and pairs each claim once', () => {
    const g = [gold(peel, pools, { topic: 'swimming', stance: 'avoid', min_hours: 168, max_hours: 168 })]
    const elsewhere = scoreRealPages([page(peel, g, [claim(peel, 'When can I go swimming?', 'swimming', 'avoid', 168, 168)])])
    expect(elsewhere.all.strict).toMatchObject({ tp: 0, fp: 1, fn: 1 })
    expect(elsewhere.misses[0]!.near).toBeUndefined()
    const twice = scoreRealPages([page(peel, g, [claim(peel, pools, 'swimming', 'avoid', 168, 168), claim(peel, 'Chlorine irritates new skin. Stay out of pools', 'swimming', 'avoid', 168, 168)])])
    expect(twice.all.strict).toMatchObject({ tp: 1, fp: 1, fn: 0 })
    // The claim on the gold words themselves is the one paired.
    expect(twice.falseAlarms[0]!.quote).toBe('Chlorine irritates new skin. Stay out of pools')
  })

  it('adds up per topic, core, all and procedure, micro-averaged', () => {
    const a = page(peel, [gold(peel, pools, { topic: 'swimming', stance: 'avoid', min_hours: 168, max_hours: 168 })], [claim(peel, pools, 'swimming', 'avoid', 168, 168)])
    const b = page(
      tattoo,
      [
        gold(tattoo, 'No swimming and no saunas.', { topic: 'swimming', stance: 'avoid', min_hours: 24, max_hours: 24 }),
        gold(tattoo, 'No swimming and no saunas.', { topic: 'sauna', stance: 'avoid', min_hours: 24, max_hours: 24 })
      ],
      [claim(tattoo, 'No swimming and no saunas.', 'sauna', 'avoid', 24, 24), claim(tattoo, 'Stay out of the sun.', 'sun', 'avoid', null, null)],
      { slug: 'tattoo-plain', file: 'cache/tattoo-plain.txt', procedure: 'tattoo' }
    )
    const score = scoreRealPages([a, b])
    expect(score.pages).toBe(2)
    expect(score.topics.map((t) => [t.topic, t.gold, t.strict.tp, t.strict.fp, t.strict.fn])).toEqual([
      ['swimming', 2, 1, 0, 1],
      ['sauna', 1, 1, 0, 0],
      ['sun', 0, 0, 1, 0]
    ])
    expect(score.core).toMatchObject({ gold: 2, strict: { tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 } })
    expect(score.all.strict).toMatchObject({ tp: 2, fp: 1, fn: 1 })
    expect(score.all.strict.f1).toBeCloseTo(4 / 6)
    expect(score.procedures.map((p) => [p.procedure, p.pages, p.gold, p.strict.tp, p.strict.fp, p.strict.fn])).toEqual([
      ['chemical-peel', 1, 1, 1, 0, 0],
      ['tattoo', 1, 2, 1, 1, 1]
    ])
  })

  it('gives a miss the claim extracted there with its rules, and the rules that ruled one out there', () => {
    const sweat = 'avoid anything that makes you sweat for two days'
    const g = [gold(peel, sweat, { topic: 'sweating', stance: 'avoid', min_hours: 48, max_hours: 48 })]
    const start = peel.indexOf(sweat)
    const trace = [
      { rule: 'not-a-claim/frequency', start: start + 5, end: start + 10 },
      { rule: 'clauses/contrast', start: start - 4, end: start - 1 },
      { rule: 'not-a-claim/question', start: 0, end: 20 }
    ]
    const near = claim(peel, 'Light walking is fine the next day, but avoid anything', 'sweating', 'avoid', 24, 24, ['topic/own-words', 'stance/avoid-cue', 'time/own-duration'])
    const score = scoreRealPages([page(peel, g, [near], { trace })])
    const miss = score.misses[0]!
    expect(miss.near?.rules).toEqual(['topic/own-words', 'stance/avoid-cue', 'time/own-duration'])
    // Only rules that rule something out, and only inside the gold words.
    expect(miss.ruledOut).toEqual(['not-a-claim/frequency'])
    expect(formatRealMiss(miss)).toBe(
      'cache/peel-faq.txt:4: sweating avoid 48 h "avoid anything that makes you sweat for two days" — extracted there: sweating avoid 24 h [topic/own-words, stance/avoid-cue, time/own-duration] (hours differ); ruled out there: not-a-claim/frequency'
    )
    expect(formatRealAlarm(score.falseAlarms[0]!)).toBe(
      'cache/peel-faq.txt:4: sweating avoid 24 h "Light walking is fine the next day, but avoid anything" [topic/own-words, stance/avoid-cue, time/own-duration] (a gold claim there has other hours)'
    )
  })
})

describe('formatting a real score', () => {
  const g = (text: string, words: string, topic: string) => gold(text, words, { topic: topic as RealGoldClaim['topic'], stance: 'avoid', min_hours: 24, max_hours: 24 })
  const dev = page(tattoo, [g(tattoo, 'Stay out of the sun.', 'sun')], [claim(tattoo, 'No swimming and no saunas.', 'swimming', 'avoid', 24, 24, ['topic/own-words', 'stance/directive-negation', 'timeline/section'])], { slug: 'tattoo-plain', file: 'cache/tattoo-plain.txt' })
  const holdout = page(peel, [g(peel, pools, 'swimming')], [], { set: 'holdout' })
  const score = scoreRealPages([dev, holdout])

  it('lists the misses and false alarms of development pages, and only counts those of holdout pages', () => {
    const text = formatRealFindings(score)
    expect(text.split('\n')).toEqual([
      'Missed (strict; in gold, not extracted): 1',
      '  cache/tattoo-plain.txt:9: sun avoid 24 h "Stay out of the sun." — nothing extracted there',
      'False alarms (strict; extracted, not in gold): 1',
      '  cache/tattoo-plain.txt:5: swimming avoid 24 h "No swimming and no saunas." [topic/own-words, stance/directive-negation, timeline/section]',
      '(1 miss or false alarm on holdout pages counted above, never listed)'
    ])
    expect(text).not.toContain('pools')
  })

  it('groups them by rule with --verbose, the largest group first', () => {
    const lines = formatRealFindings(score, true).split('\n')
    expect(lines[0]).toBe('False alarms by rule (a claim is listed under each of its rules): 1')
    expect(lines.filter((l) => /^ {2}\S/.test(l))).toEqual(['  stance/directive-negation: 1', '  timeline/section: 1', '  topic/own-words: 1', '  (nothing extracted or ruled out there): 1'])
  })

  it('prints strict and loose rates per topic, core, all topics and procedure', () => {
    const lines = formatRealTables(score).split('\n')
    expect(lines[0]).toMatch(/^topic\s+gold\s+P\s+R\s+F1\s+tp\s+fp\s+fn\s+loose P\s+loose R\s+loose F1$/)
    expect(lines.find((l) => l.startsWith('swimming'))).toMatch(/^swimming\s+1\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+1\s+0\.000\s+0\.000\s+0\.000$/)
    expect(lines.find((l) => l.startsWith('core'))).toMatch(/^core \(exercise, swimming, sweating\)\s+1\s/)
    expect(lines.find((l) => l.startsWith('all topics'))).toMatch(/^all topics\s+2\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+2\s/)
    expect(lines.find((l) => l.startsWith('chemical-peel'))).toMatch(/^chemical-peel\s+2\s+2\s/)
  })
})
