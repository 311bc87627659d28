import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractClaims } from '../../src/extract/index.ts'
import { readSource } from '../../src/read/source.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Claim } from '../../src/schema.ts'
import type { Vocabulary } from '../../src/vocabulary.ts'

let vocabulary: Vocabulary
beforeAll(async () => {
  vocabulary = await readVocabulary()
})

/** Extract from a snippet and keep what a reader checks. */
function claimsOf(text: string) {
  return extractClaims({ id: 'snippet', text }, vocabulary).map((c) => ({
    topic: c.topic,
    stance: c.stance,
    min: c.wait.min,
    max: c.wait.max,
    condition: c.condition,
    speaker: c.speaker
  }))
}

describe('extractClaims on statements', () => {
  it('reads "do not go swimming for at least 24 hours" as avoid 24 h', () => {
    expect(claimsOf('Do not go swimming for at least 24 hours.')).toEqual([
      { topic: 'swimming', stance: 'avoid', min: 24, max: 24, condition: null, speaker: null }
    ])
  })

  it('reads a hedged "you should be okay to start back the next day" as allowed 24 h', () => {
    expect(claimsOf('If you are just doing gentle yoga you should be okay to start back the next day.')).toEqual([
      { topic: 'exercise', stance: 'allowed', min: 24, max: 24, condition: 'light', speaker: null }
    ])
  })

  it('reads "you can sweat as usual" as allowed with no wait', () => {
    expect(claimsOf('After the treatment you can sweat as usual.')).toMatchObject([{ topic: 'sweating', stance: 'allowed', min: 0, max: 0 }])
  })

  it('reads "tonight" and "from the first evening" as allowed with no wait', () => {
    expect(claimsOf('You can go swimming tonight.')).toMatchObject([{ topic: 'swimming', stance: 'allowed', min: 0, max: 0 }])
    expect(claimsOf('## What you can do\n\n- Wash with a soap-free cleanser from the first evening.\n')).toMatchObject([{ topic: 'washing', stance: 'allowed', min: 0, max: 0 }])
  })

  it('reads a negated avoid cue as no wait', () => {
    expect(claimsOf("You don't need to wait to wash your face.")).toMatchObject([{ topic: 'washing', stance: 'allowed', min: 0, max: 0 }])
  })

  it('reads a negated allowed cue as avoid', () => {
    expect(claimsOf('It is not safe to swim for two weeks.')).toMatchObject([{ topic: 'swimming', stance: 'avoid', min: 336, max: 336 }])
  })

  it('makes one claim per topic when a statement names several activities', () => {
    const found = claimsOf('Avoid sweaty activities like exercise and sauna for a week.')
    expect(found.map((c) => [c.topic, c.min])).toEqual([
      ['exercise', 168],
      ['sauna', 168]
    ])
  })

  it('keeps the wait with no number ("until the inflammation subsides")', () => {
    expect(claimsOf('Stay away from the gym until the inflammation subsides.')).toMatchObject([{ topic: 'exercise', stance: 'avoid', min: null, max: null }])
  })

  it('reads "up to a week" after an earlier figure as running from it', () => {
    const found = claimsOf('You can return to workouts around 48–72 hours, but deeper sessions may require a longer break (up to a week).')
    expect(found).toEqual([
      { topic: 'exercise', stance: 'allowed', min: 48, max: 72, condition: null, speaker: null },
      { topic: 'exercise', stance: 'avoid', min: 72, max: 168, condition: 'deep', speaker: null }
    ])
  })

  it('gives a timeline heading\'s time to the list under it, day 1 being the treatment day', () => {
    const found = claimsOf('Days 3–7\n\n- Skip the sauna.\n- Light jogging is fine.\n')
    expect(found.map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['sauna', 'avoid', 168],
      ['exercise', 'allowed', 48]
    ])
    // A page that counts from day 0 starts day 3 at 72 h.
    expect(claimsOf('## Day 0\n\n- Rest.\n\n## Days 3–7\n\n- Light jogging is fine.\n').map((c) => c.min)).toEqual([72])
  })

  it('reads a plain item under a timeline heading as a plan, but not one that gives examples of the item before', () => {
    const found = claimsOf('## Days 3–7\n\n- Light workouts are fine.\n- Options: cycling, brisk walking.\n- Gentle yoga.\n')
    expect(found.map((c) => [c.topic, c.stance, c.min, c.condition])).toEqual([
      ['exercise', 'allowed', 48, 'light'],
      ['exercise', 'allowed', 48, 'light']
    ])
    // Without the label the same item is a plan of its own.
    expect(claimsOf('## Days 3–7\n\n- Cycling, brisk walking.\n')).toHaveLength(1)
  })

  it('ignores questions and durations that are not waits', () => {
    const text = [
      'How long should I avoid swimming?',
      'Redness lasts 2–3 days.',
      'Sessions are spaced 3–4 weeks apart.',
      'The procedure takes 15 minutes.'
    ].join('\n\n')
    expect(claimsOf(text)).toEqual([])
  })

  it('gives a quoted expert\'s statement the expert\'s full name', () => {
    const text = 'We asked Dr Jane Okafor, a dermatologist.\n\n‘Avoid the gym for 48 hours,’ says Dr Okafor.\n'
    expect(claimsOf(text)).toMatchObject([{ topic: 'exercise', min: 48, speaker: 'Dr Jane Okafor' }])
  })

  it('does not advise on an activity named only as a condition when the clause names another', () => {
    const pick = (text: string) => claimsOf(text).map((c) => [c.topic, c.stance, c.min])
    expect(pick('Avoid the gym for two days, and wear a headband if you sweat a lot.')).toEqual([['exercise', 'avoid', 48]])
    expect(pick('If you exercise, skip the sauna for 48 hours.')).toEqual([['sauna', 'avoid', 48]])
    // The condition's activity is the one advised on when it is the only one.
    expect(pick('If you want to swim, wait a week.')).toEqual([['swimming', 'avoid', 168]])
  })

  it('reads alcohol used on the skin as no drink, and "keep X away from" as avoid', () => {
    // Soap is washing (the guidelines' washing covers soaps and cleansers); the alcohol is no drink.
    const topics = claimsOf('Do not use alcohol, hydrogen peroxide or harsh soaps on it while it heals.').map((c) => [c.topic, c.stance, c.min])
    expect(topics).toContainEqual(['washing', 'avoid', null])
    expect(topics.map(([topic]) => topic)).not.toContain('alcohol')
    expect(claimsOf('Keep makeup and hairspray away from the area until it has healed.')).toMatchObject([{ topic: 'makeup', stance: 'avoid', min: null }])
  })

  it('finds the expert after a role: "says consultant dermatologist Dr Lee"', () => {
    expect(claimsOf('“Skip the gym for 48 hours,” says consultant dermatologist Dr Hannah Lee.')).toMatchObject([{ min: 48, speaker: 'Dr Hannah Lee' }])
    // Lowercase words before a name that has no title are no role: nobody is named here.
    expect(claimsOf('“Skip the gym for 48 hours,” says the clinic Harley Street.')).toMatchObject([{ min: 48, speaker: null }])
  })

  it('reads an activity as the subject of a modal passive as allowed: "Exercise can be resumed after 48 hours"', () => {
    const pick = (text: string) => claimsOf(text).map((c) => [c.topic, c.stance, c.min])
    expect(pick('Exercise can be resumed after 48 hours.')).toEqual([['exercise', 'allowed', 48]])
    expect(pick('Makeup can be worn from day two.')).toEqual([['makeup', 'allowed', 48]])
    expect(pick('Exercise cannot be resumed for 48 hours.')).toEqual([['exercise', 'avoid', 48]])
    // A participle that describes what happens permits nothing.
    expect(pick('Sweating can be expected the same day.')).toEqual([])
  })

  it('reads a table row by its header: "When it\'s safe" makes a row allowed, a negation or a cue of its own decides otherwise', () => {
    const text = [
      "| Activity | When it's safe |",
      '| --- | --- |',
      '| Exercise | Same day, if you rinse the piercing afterwards |',
      '| Hot tubs and saunas | Not until fully healed |',
      '| Makeup near the piercing | Keep them away for 2 weeks |',
      '| Swimming | After 4 weeks for lobes; wait until fully healed for cartilage |'
    ].join('\n')
    expect(claimsOf(text).map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['exercise', 'allowed', 0],
      ['sauna', 'avoid', null],
      ['makeup', 'avoid', 336],
      ['swimming', 'allowed', 672],
      ['swimming', 'avoid', null]
    ])
  })

  it('reads a table whose header gives the stance and rows give only times', () => {
    const text = '| Activity | Avoid for |\n| --- | --- |\n| Swimming | 2 weeks |\n| Sauna | 72 hours |\n'
    expect(claimsOf(text).map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['swimming', 'avoid', 336],
      ['sauna', 'avoid', 72]
    ])
    // Without a stance in the header, a row with no cue states nothing.
    expect(claimsOf('| Activity | Notes |\n| --- | --- |\n| Swimming | 2 weeks |\n')).toEqual([])
  })

  it('gives the items of a list the stance and time of the sentence that leads into it with a colon', () => {
    expect(claimsOf('Avoid the following for 48 hours:\n\n- exercise\n- saunas\n- makeup\n').map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['exercise', 'avoid', 48],
      ['sauna', 'avoid', 48],
      ['makeup', 'avoid', 48]
    ])
    expect(claimsOf('After a week you can:\n\n1. go swimming\n2. use retinol again, except near the eyes\n').map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['swimming', 'allowed', 168],
      ['actives', 'allowed', 168]
    ])
    // An item's own words win; a lead-in with no stance or no wait gives none.
    expect(claimsOf('In the first 24 hours, skip:\n\n- the gym\n- saunas for 72 hours\n').map((c) => [c.topic, c.min])).toEqual([
      ['exercise', 24],
      ['sauna', 72]
    ])
    expect(claimsOf('Things to do every day:\n\n- wash your face twice\n- go for a swim\n')).toEqual([])
    expect(claimsOf('Avoid the following for 48 hours.\n\n- exercise\n')).toEqual([])
  })

  it('gives the items of a list the stance and time of the heading right above it when the heading only introduces them', () => {
    const text = [
      '## What to avoid', '', '- Swimming for two weeks', '- Makeup', '',
      '## Avoid these for the first 48 hours', '', '- Saunas', '- Hot yoga', '',
      '## Things you can do the next day', '', '- Gentle walks', '- Light makeup', ''
    ].join('\n')
    expect(claimsOf(text).map((c) => [c.topic, c.stance, c.min, c.condition])).toEqual([
      // A heading with a stance and no wait: an item needs a wait of its own.
      ['swimming', 'avoid', 336, null],
      ['sauna', 'avoid', 48, null],
      ['exercise', 'avoid', 48, 'intense'],
      ['exercise', 'allowed', 24, 'light'],
      ['makeup', 'allowed', 24, null]
    ])
  })

  it('lets a heading lead its list only with a stance and no activity of its own', () => {
    // A heading that names the activity titles the list: its items are about that activity, not more of it.
    expect(claimsOf('## Avoid swimming for 2 weeks\n\n- The gym is also risky\n').map((c) => [c.topic, c.min])).toEqual([['swimming', 336]])
    // A heading with a time and no stance gives its items nothing.
    expect(claimsOf('## Recovery takes about a week\n\n- Gentle walks\n- Swimming\n')).toEqual([])
    // Text between the heading and the list: the heading no longer leads it.
    expect(claimsOf('## What to avoid\n\nEveryone heals differently.\n\n- Swimming for two weeks\n')).toEqual([])
  })

  it('does not let a heading refer back to the text above it', () => {
    // "these" in a heading points to the list below it, never to the makeup item before.
    expect(claimsOf('- Makeup\n\n## Avoid these for the first 48 hours\n\nThe clinic will explain why.\n')).toEqual([])
  })

  it('does not count a story about someone else as advice', () => {
    expect(claimsOf('She rests completely for 48 hours and returns to easy runs for one week.')).toEqual([])
  })

  it('reads ", then X as usual" and "after that … as usual" as allowed from the wait stated before', () => {
    expect(claimsOf('Skip the gym for 48 hours, then train as usual.').map((c) => [c.topic, c.stance, c.min])).toEqual([
      ['exercise', 'avoid', 48],
      ['exercise', 'allowed', 48]
    ])
    expect(claimsOf('Stay out of the pool for a week. After that you can swim as usual.').map((c) => [c.stance, c.min])).toEqual([
      ['avoid', 168],
      ['allowed', 168]
    ])
    // With no wait before it, "as usual" still means no wait.
    expect(claimsOf('You can sweat as usual.').map((c) => [c.stance, c.min])).toEqual([['allowed', 0]])
  })

  it('does not carry a stance into a next step that states none', () => {
    // "then wear SPF 50 …" is another instruction, not more sun avoidance.
    expect(claimsOf('Avoid the sun for two weeks, then wear SPF 50 every day for three months.').map((c) => [c.topic, c.min])).toEqual([['sun', 336]])
    // "If …, then …" is a condition and its consequence, not two steps.
    expect(claimsOf('If your skin is calm after 48 hours, then you can go swimming.').map((c) => [c.topic, c.stance, c.min])).toEqual([['swimming', 'allowed', 48]])
  })

  it('does not carry a stance into a reason', () => {
    // Under a timeline heading the reason would otherwise take the section's time.
    expect(claimsOf('## The first two weeks\n\nDental work can wait two weeks, because stretching the mouth can move the filler.\n')).toEqual([])
  })

  it('does not count getting ready for the treatment as aftercare', () => {
    expect(claimsOf('They may ask you to stop retinol for five days beforehand.')).toEqual([])
    expect(claimsOf('Stop using retinol prior to your appointment.')).toEqual([])
    // Before and after in one statement: the wait after still counts.
    expect(claimsOf('Stop retinol before the treatment and avoid it for a week afterwards.').map((c) => [c.topic, c.min])).toEqual([['actives', 168]])
  })

  it('lets a clause borrow the topic and stance before it only to add a time', () => {
    expect(claimsOf('Avoid swimming for 24 hours after a light session, and 72 hours after a deep one.').map((c) => c.min)).toEqual([24, 72])
    expect(claimsOf('Skip saunas for two days, or up to a week for deep treatments.').map((c) => [c.min, c.max])).toEqual([[48, 48], [48, 168]])
    // Words of its own before the time: another instruction ("use SPF 50"), not a sun wait.
    expect(claimsOf('Stay out of direct sunlight for two weeks, and use SPF 50 every day for the next three months.').map((c) => c.min)).toEqual([336])
  })

  it('does not count a belief the text calls a myth', () => {
    expect(claimsOf('## Myth 3: you must stop training for a week\n\nHold off on the gym until day 3.\n').map((c) => [c.topic, c.stance, c.min])).toEqual([['exercise', 'avoid', 72]])
    expect(claimsOf("There is a myth that you can't wash your face after the treatment.")).toEqual([])
    // The clause after the myth is the article's own advice.
    expect(claimsOf('It is a myth that you must avoid the gym for a week; skip it for 24 hours.').map((c) => [c.topic, c.min])).toEqual([['exercise', 24]])
  })

  it('applies the claim before to an activity that "falls under the same rule"', () => {
    const pick = (text: string) => claimsOf(text).map((c) => [c.topic, c.stance, c.min])
    expect(pick('Stay out of saunas for 48 hours. Hot yoga falls under the same rule.')).toEqual([
      ['sauna', 'avoid', 48],
      ['exercise', 'avoid', 48]
    ])
    expect(pick('You can swim after a week. The same goes for hot tubs.')).toEqual([
      ['swimming', 'allowed', 168],
      ['sauna', 'allowed', 168]
    ])
    // Not when it negates the rule, names no activity, or there is no claim before it.
    expect(pick('Avoid saunas for a week. Swimming is not under the same rule.')).toEqual([['sauna', 'avoid', 168]])
    expect(pick('Avoid saunas for a week. The same rule applies after a peel.')).toEqual([['sauna', 'avoid', 168]])
    expect(pick('The same goes for swimming.')).toEqual([])
  })
})

describe('extractClaims on the bundled sources', () => {
  const claims = new Map<string, Claim[]>()
  beforeAll(async () => {
    for (const id of ['exercise-after-skin-needling', 'microneedling-aftercare-bhskin', 'skin-care-after-microneedling', 'sweat-after-microneedling', 'workout-after-microneedling']) {
      claims.set(id, extractClaims(await readSource(`sources/${id}.md`), vocabulary))
    }
  })
  const all = () => [...claims.values()].flat()
  const waits = (topic: string) => new Set(all().filter((c) => c.topic === topic && c.stance === 'avoid').map((c) => c.wait.max))

  it('finds the exercise waits of 24 h, 48 h, 72 h and one week', () => {
    for (const hours of [24, 48, 72, 168]) expect(waits('exercise').has(hours) || [...claims.values()].flat().some((c) => c.topic === 'exercise' && c.wait.min === hours)).toBe(true)
  })

  it('finds the swimming waits of 24 h, 72 h and one week', () => {
    expect([...waits('swimming')]).toEqual(expect.arrayContaining([24, 72, 168]))
  })

  it('finds the contradictory "you can sweat as usual"', () => {
    expect(claims.get('sweat-after-microneedling')).toContainEqual(
      expect.objectContaining({ topic: 'sweating', stance: 'allowed', wait: { min: 0, max: 0, text: 'as usual' }, quote: 'If you are having microneedling done, you can sweat as usual.' })
    )
  })

  it('names Dr Sophie Shotter and Dr Yalda Jamali', () => {
    const source = claims.get('sweat-after-microneedling')!
    expect(source).toContainEqual(expect.objectContaining({ topic: 'exercise', wait: expect.objectContaining({ min: 48 }), speaker: 'Dr Sophie Shotter' }))
    expect(source).toContainEqual(expect.objectContaining({ topic: 'exercise', wait: expect.objectContaining({ min: 72 }), speaker: 'Dr Yalda Jamali' }))
    expect(source).toContainEqual(expect.objectContaining({ topic: 'swimming', wait: expect.objectContaining({ min: 168 }), speaker: 'Dr Yalda Jamali' }))
  })

  it('quotes every claim exactly at its span and line', () => {
    for (const [id, list] of claims) {
      const text = readFileSync(`sources/${id}.md`, 'utf8')
      for (const c of list) {
        expect(text.slice(c.span.start, c.span.end)).toBe(c.quote)
        expect(text.slice(0, c.span.start).split('\n').length).toBe(c.span.line)
      }
    }
  })

  it('gives the same ids when unrelated text elsewhere changes', async () => {
    const source = await readSource('sources/exercise-after-skin-needling.md')
    const before = extractClaims(source, vocabulary).map((c) => c.id)
    const edited = { ...source, text: source.text.replace('Skin conditions such as acne', 'Many skin conditions such as acne') }
    expect(extractClaims(edited, vocabulary).map((c) => c.id)).toEqual(before)
  })
})
