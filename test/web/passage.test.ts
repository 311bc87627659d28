import { describe, expect, test } from 'vitest'
import { locatePassage } from '../../web/passage.ts'

const text = 'Intro.\nAvoid the gym for 72 hours.\nMore text.'

describe('locatePassage', () => {
  test('locatePassage(text, claim) uses the span when the text there is the quote', () => {
    expect(locatePassage(text, { quote: 'Avoid the gym for 72 hours.', span: { start: 7, end: 34, line: 2 } })).toEqual({ start: 7, end: 34, how: 'span' })
  })
  test('locatePassage finds a moved quote by its text', () => {
    const moved = 'New first line.\n' + text
    expect(locatePassage(moved, { quote: 'Avoid the gym for 72 hours.', span: { start: 7, end: 34, line: 2 } })).toEqual({ start: 23, end: 50, how: 'text' })
  })
  test('locatePassage finds a quote whose whitespace changed', () => {
    const rewrapped = 'Intro.\nAvoid the gym\nfor 72   hours.\n'
    const found = locatePassage(rewrapped, { quote: 'Avoid the gym for 72 hours.', span: { start: 0, end: 27, line: 1 } })!
    expect(found.how).toBe('words')
    expect(rewrapped.slice(found.start, found.end)).toBe('Avoid the gym\nfor 72   hours.')
  })
  test('locatePassage returns null when the words are gone', () => {
    expect(locatePassage(text, { quote: 'Avoid saunas (for a week).', span: { start: 0, end: 5, line: 1 } })).toBeNull()
  })
})
