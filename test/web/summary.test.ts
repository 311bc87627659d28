/**
 * The first screen's sentences on the fixture site: one per vocabulary
 * topic, one compact item for the activities the vocabulary does not list,
 * and every count in agreement with its noun and verb.
 */
import { JSDOM } from 'jsdom'
import { beforeAll, describe, expect, test } from 'vitest'
import type { SiteData } from '../../src/site/data.ts'
import { agree, count } from '../../web/format.ts'
import { groupWords, pageModel, type RowView } from '../../web/model.ts'
import { renderAnswers, topicAnswers, unlistedAnswer, unlistedNamed } from '../../web/summary.ts'
import { consensusOf, fixtureData } from './helpers.ts'

let data: SiteData
let rows: RowView[]

beforeAll(async () => {
  data = await fixtureData()
  rows = pageModel(data, consensusOf(data)).rows
})

describe('count sentences', () => {
  test("count(n, noun) and agree(n, one, many) say '1 claim says', '2 claims say', '1,234 sources'", () => {
    expect(`${count(1, 'claim')} ${agree(1, 'says', 'say')}`).toBe('1 claim says')
    expect(`${count(2, 'claim')} ${agree(2, 'says', 'say')}`).toBe('2 claims say')
    expect(count(1234, 'source')).toBe('1,234 sources')
    expect(count(1, 'activity', 'activities')).toBe('1 activity')
    expect(count(0, 'activity', 'activities')).toBe('0 activities')
  })

  test('groupWords(group): a single claim says, several say', () => {
    const group = rows.find((r) => r.key === 'sweating')!.groups[0]!
    expect(groupWords(group)).toBe('1 claim (1 source) says it is fine now; 5 claims (4 sources) say wait ≥ 2 h')
    expect(groupWords({ ...group, allowed: [...group.allowed, 'x/y'], allowedSources: 2, contrary: { ...group.contrary, claims: 1, sources: 1, shortest: 48 } })).toBe(
      '2 claims (2 sources) say it is fine now; 1 claim (1 source) says wait ≥ 48 h'
    )
  })
})

describe('topicAnswers and unlistedAnswer', () => {
  test('one answer per vocabulary topic, with its singular and plural counts right', () => {
    const answers = topicAnswers(rows)
    expect(answers.map((a) => a.topic)).toEqual(['exercise', 'swimming', 'sweating', 'sauna', 'sun', 'makeup', 'washing'])
    const of = (topic: string) => answers.find((a) => a.topic === topic)!
    expect(of('sweating').consensus).toBe('No wait needed, 1 voice.')
    expect(of('sweating').conflicts).toBe('Conflict: 1 claim (1 source) says it is fine now; 5 claims (4 sources) say wait ≥ 2 h. 1 source contradicts itself.')
    expect(of('exercise')).toMatchObject({ consensus: 'Wait 3–4 days (median 3.5 days), 4 voices.', outliers: 'Out of line: Quick tips, fast healing (2 h).' })
    expect(of('washing').consensus).toBe('No claim counted.')
  })

  test('the activities outside the vocabulary are one item, the most voiced first, each a link to its row', () => {
    expect(unlistedAnswer(rows)).toEqual({
      activities: 2,
      named: [
        { row: 'lying-down', label: 'Lying down', words: 'wait 2–4 h (median 2.9 h), 2 voices' },
        { row: 'facial-massage', label: 'Facial massage', words: 'wait 24 h, 1 voice' }
      ],
      more: 0
    })
    expect(unlistedAnswer(rows.filter((r) => !r.unlisted))).toBeNull()
    const { document } = new JSDOM('<!doctype html><ol></ol>').window
    const list = document.querySelector('ol')!
    const went: string[] = []
    renderAnswers(list, topicAnswers(rows), unlistedAnswer(rows), (row) => went.push(row))
    const item = list.querySelector('li.answer-unlisted')!
    expect(item.textContent).toBe(
      'Not in the vocabulary yet (2 activities): Lying down, wait 2–4 h (median 2.9 h), 2 voices; Facial massage, wait 24 h, 1 voice. Their words are in no vocabulary topic yet: one edit of vocabulary.yaml maps each to a topic.'
    )
    item.querySelectorAll('a')[1]!.dispatchEvent(new document.defaultView!.MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(went).toEqual(['facial-massage'])
  })

  test(`past ${unlistedNamed} activities the item says how many more`, () => {
    const many = rows.filter((r) => r.unlisted)
    const copies: RowView[] = []
    for (let i = 0; i < unlistedNamed + 2; i++) copies.push({ ...many[1]!, key: `activity-${i}`, topic: `activity-${i}`, topicLabel: `Activity ${i}` })
    const answer = unlistedAnswer([...rows, ...copies])!
    expect(answer.activities).toBe(2 + unlistedNamed + 2)
    expect(answer.named).toHaveLength(unlistedNamed)
    expect(answer.more).toBe(4)
  })
})
