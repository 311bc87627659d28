import { describe, expect, it } from 'vitest'
import { isSpace } from '../src/chars.ts'

describe('isSpace', () => {
  it('agrees with \\s on every code unit of the Basic Multilingual Plane', () => {
    const disagree: number[] = []
    for (let code = 0; code < 0x10000; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code)
    expect(disagree).toEqual([])
  })
})
