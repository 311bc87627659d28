import { beforeAll, describe, expect, it } from 'vitest'
import { describeClaim } from '../../src/eval/format.ts'
import { extractClaims } from '../../src/extract/index.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Vocabulary } from '../../src/vocabulary.ts'

/**
 * The shapes real aftercare pages write their advice in (issue 13, section
 * 2), each in our own words: sentences shaped like the ones extraction
 * missed on real pages, never a page's sentence. Each expectation is what a
 * careful reader labels by `../shared/GUIDELINES.md`.
 */
let vocabulary: Vocabulary
beforeAll(async () => {
  vocabulary = await readVocabulary()
})

/** Every claim of a text, as `eval` describes one, with `*` after a topic the vocabulary does not list. */
function read(text: string): string[] {
  return extractClaims({ id: 'shape', text }, vocabulary).map((c) => describeClaim(c).replace(/^(\S+)/, c.unlisted ? '$1*' : '$1'))
}

describe('activities outside the vocabulary', () => {
  it('reads the object of a cue with a wait under its own words, normalised', () => {
    expect(read('Please do not lie down for the next four hours.')).toEqual(['lying-down* avoid 4 h'])
    expect(read('Hold off on self-tanning lotion for two days.')).toEqual(['self-tanning-lotion* avoid 48 h'])
    expect(read('Resist the urge to pick or scratch at the crusts for a week.')).toEqual(['picking* avoid 168 h', 'scratching* avoid 168 h'])
    expect(read('Do not put in contact lenses for at least two to three days.')).toEqual(['contact-lens* avoid 48–72 h'])
  })

  it('gives the same key to the same activity written two ways', () => {
    const a = extractClaims({ id: 'a', text: 'Skip contact lenses for 2 days.' }, vocabulary)[0]!
    const b = extractClaims({ id: 'b', text: 'No contact lens for 48 hours.' }, vocabulary)[0]!
    expect([a.topic, a.unlisted, b.topic, b.unlisted]).toEqual(['contact-lens', true, 'contact-lens', true])
    expect(a.activity).toBe('contact lenses')
  })

  it('names another treatment, not the one done or its next session', () => {
    expect(read('Any waxing or laser appointments should be avoided for a fortnight.')).toEqual(['laser-appointment* avoid 336 h', 'waxing* avoid 336 h'])
    expect(read('Wait four weeks before your next session.')).toEqual([])
  })

  it('makes no claim without a time, for a side effect or for a purpose', () => {
    expect(read('Try not to touch the area with unwashed hands.')).toEqual([])
    expect(read('Keep the dressing on for a day to avoid infection.')).toEqual([])
  })
})

describe('one wait, many coordinated activities', () => {
  it('gives every coordinated activity the wait and the stance, known and unknown alike', () => {
    expect(read('Skip coffee, spicy meals and alcohol for three days afterwards.')).toEqual(['alcohol avoid 72 h', 'coffee* avoid 72 h', 'spicy-meal* avoid 72 h'])
    expect(read('Do not wear foundation, and refrain from hard workouts, steam rooms and hot tubs for 24–48 hours.')).toEqual([
      'exercise avoid 24–48 h [intense]',
      'makeup avoid 24–48 h',
      'sauna avoid 24–48 h'
    ])
  })
})

describe('plain-text structure', () => {
  it('reads bullet lines under a colon line as its items, with its stance and time', () => {
    const text = 'Stay clear of the following for ten days after your brows are done:\n\n  • Heavy sweating\n  • Pools, hot tubs and steamy showers\n  • Makeup on the brows\n'
    expect(read(text)).toEqual(['sweating avoid 240 h [intense]', 'sauna avoid 240 h', 'steamy-shower* avoid 240 h', 'swimming avoid 240 h', 'makeup avoid 240 h'])
  })

  it('reads a bare "AVOID:" line and the short lines after it the same way, an item\'s own time winning', () => {
    const text = 'AVOID:\n\n  • Hot yoga or running for 5 days\n  • Retinol or acids for 1 week\n'
    expect(read(text)).toEqual(['exercise avoid 120 h [intense]', 'actives avoid 168 h'])
  })

  it('reads a short time line as a timeline section, even when it trails off', () => {
    expect(read('FOR TWO DAYS AFTER YOUR SESSION…\nStay out of steam rooms and skip workouts.\n')).toEqual(['exercise avoid 48 h', 'sauna avoid 48 h'])
    expect(read('First 24–48 hours\nNo saunas.\n\nDays 3–7\nLight jogging is fine.\n')).toEqual(['sauna avoid 24–48 h', 'exercise allowed 48 h [light]'])
  })

  it('reads a run-in time label for its whole paragraph, counting the treatment day as day 1', () => {
    expect(read('Days 3–5: Flaking starts. Keep your hands off it and do not pick at it.')).toEqual(['picking* avoid 120 h'])
  })

  it('reads a time in brackets after a heading for the plain sub-headings under it', () => {
    expect(read('Early recovery (days 1–3)\nSkincare\nStrictly no retinoids or acids.\n')).toEqual(['actives avoid 72 h'])
  })
})

describe('"wait N before X"', () => {
  it('is a wait for X, for a known activity or not', () => {
    expect(read('Wait at least 72 hours before using tretinoin again.')).toEqual(['actives avoid 72 h'])
    expect(read('Wait a full day before shaving the area.')).toEqual(['shaving* avoid 24 h'])
  })

  it('is preparation only before the treatment', () => {
    expect(read('Stop aspirin at least 48 hours before your appointment.')).toEqual([])
  })
})

describe('hedged and reported waits', () => {
  it('reads what providers recommend, suggest or say is best as the claim it is', () => {
    expect(read('Most providers recommend waiting 24–48 hours before working out.')).toEqual(['exercise avoid 24–48 h'])
    expect(read('Saunas feel great. Your provider may suggest avoiding them for up to a week.')).toEqual(['sauna avoid 168 h'])
    expect(read('Staying makeup-free, typically for about 24 hours, is kindest to the skin.')).toEqual(['makeup avoid 24 h'])
    expect(read('Give your skin at least 48 hours before wearing foundation.')).toEqual(['makeup avoid 48 h'])
    expect(read('Give it at least a day, ideally two or three days, before foundation.')).toEqual(['makeup avoid 24–72 h'])
  })

  it('carries the wait of the advice before to a clause that says "also"', () => {
    expect(read('For the first day, skip hot showers. You should also skip saunas and very spicy food.')).toEqual(['heat avoid 24 h', 'sauna avoid 24 h', 'very-spicy-food* avoid 24 h'])
  })

  it('reads no claim in a belief the text rejects or a rhetorical negation', () => {
    expect(read('Some forums tell you to skip wine for a week, but our nurses disagree.')).toEqual([])
    expect(read('Working out is by no means off the table for a week, but it can shorten how long filler lasts.')).toEqual([])
  })
})

describe('allowed windows on the reader\'s terms', () => {
  it('reads "if N has passed …, feel free to X" as allowed from N', () => {
    expect(read('If two weeks have passed and it looks healed, feel free to swim.')).toEqual(['swimming allowed 336 h'])
  })

  it('reads "you can X within N" as allowed from N', () => {
    expect(read('You can use a tinted moisturiser within 24 hours.')).toEqual(['makeup allowed 24 h'])
  })

  it('reads an allowed item in a window from the window\'s start', () => {
    expect(read('• 72 hours to 1 week: gradually return to harder training.')).toEqual(['exercise allowed 72 h'])
  })
})

describe('hours as real pages write them (issue 13, part C)', () => {
  it('reads no claim in an avoid line with no time at all, and a bound in words anywhere in its sentence', () => {
    expect(read('No, avoid the gym after your treatment.')).toEqual([])
    expect(read('Ear cartilage stays tender while healing, so avoid sleeping on it.')).toEqual(['sleeping* avoid no number'])
    expect(read('Your fresh piercing should stay out of hot tubs.')).toEqual(['sauna avoid no number'])
    expect(read('Do not go for a run directly after the session.')).toEqual(['exercise avoid no number'])
  })

  it('reads a few hours or weeks as no number, a few days as 48–96 h', () => {
    expect(read('Skip the sauna for a few hours.')).toEqual(['sauna avoid no number'])
    expect(read('Keep out of strong sun for a few more weeks.')).toEqual(['sun avoid no number'])
    expect(read('Skip the sauna for a few days.')).toEqual(['sauna avoid 48–96 h'])
  })

  it('reads a range with spaced dashes, "ideally up to", and "after the first day"', () => {
    expect(read('Do not put on any balm during the first 3 – 4 days.')).toEqual(['balm* avoid 72–96 h'])
    expect(read('For at least 6 hours – and ideally up to 12 hours – do not wash your face.')).toEqual(['washing avoid 6–12 h'])
    expect(read('After the first day, you can get back in the pool.')).toEqual(['swimming allowed 24 h'])
  })

  it('reads a plain time line that ends in a colon as a heading over the paragraphs after it', () => {
    expect(read('Day 1:\n\nUse a cold pack if needed.\n\nAvoid saunas and the gym.\n\nDay 2:\nYou can wear makeup again.\n')).toEqual(['exercise avoid 24 h', 'sauna avoid 24 h', 'makeup allowed 24 h'])
  })

  it('reads a time in brackets with "first" and a label before a dash as timelines', () => {
    expect(read('Right after (First 48 Hours)\n\n- Avoid hard workouts.\n')).toEqual(['exercise avoid 48 h [intense]'])
    expect(read('Week 1 — Keep away from pools.\nWeek 2 — Still skip hot tubs.\n')).toEqual(['swimming avoid 168 h', 'sauna avoid 336 h'])
  })

  it('reads "Month 1" after "Week 1" as running on from the end of the first week', () => {
    expect(read('Week 1\n\nNo jogging.\n\nMonth 1\n\nIf you feel up to it, go back to your usual training.\n')).toEqual(['exercise avoid 168 h', 'exercise allowed 168 h'])
  })

  it('reads "you may resume these activities after N" as the wait of the list before it', () => {
    expect(read('- You will also have to skip pools, saunas and anything that makes you sweat a lot. After 48 hours you can pick these activities up again.\n')).toEqual([
      'sauna avoid 48 h',
      'sweating avoid 48 h',
      'swimming avoid 48 h'
    ])
  })
})

describe('cue words real pages use (issue 13, part C)', () => {
  it('reads "not a good idea", "acceptable", "suitable" and negations written without the apostrophe', () => {
    expect(read('It is not a good idea to drink wine for at least two days.')).toEqual(['alcohol avoid 48 h'])
    expect(read('Light jogging might be suitable after about 2-3 days.')).toEqual(['exercise allowed 48–72 h [light]'])
    expect(read('Dont go swimming for a week.')).toEqual(['swimming avoid 168 h'])
  })

  it('reads the day of the treatment as the first 24 hours, and a bare wait as one for the activity named before', () => {
    expect(read('Skip the gym the day you get the injections.')).toEqual(['exercise avoid 24 h'])
    expect(read('Clients always ask about the gym. I tell them to wait 5 days, if they can.')).toEqual(['exercise avoid 120 h'])
  })
})

describe('statements around a claim (issue 13, part C)', () => {
  it('reads "avoid touching them" as touching, not as the activities named before', () => {
    expect(read('For the first day, skip the sauna. You also need to avoid touching them while they set.')).toEqual(['sauna avoid 24 h', 'touching* avoid 24 h'])
  })

  it('reads no claim in a sentence about the wait itself', () => {
    expect(read('The right timeframe to resume workouts after a peel depends on your skin.')).toEqual([])
  })

  it('drops a lead-in line with only its section\'s time when the item under it gives its own', () => {
    expect(read('FOR THE FIRST DAY…\nAvoid saunas.\n\nAvoid Strong Sun:\n- Keep the area out of the sun for at least two weeks.\n')).toEqual(['sauna avoid 24 h', 'sun avoid 336 h'])
  })

  it('reads "wait a little longer" as longer than the wait stated before in the paragraph, not the section\'s time', () => {
    expect(read('FOR THE FIRST DAY…\nSkin settles around 48 hours after, so that is when you can go back to the gym. If it is still red, wait a little longer to exercise.\n')).toEqual([
      'exercise allowed 48 h',
      'exercise avoid 48+ h'
    ])
  })

  it('reads "once" healing is done as allowed with no number', () => {
    expect(read('Once the flaking is completely done, you may go back to chemical or physical exfoliants.')).toEqual(['actives allowed no number'])
  })
})
