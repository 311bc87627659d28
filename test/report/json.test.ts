/**
 * jsonChunks gives JSON.stringify's bytes in pieces, for the values the
 * CLI and the site write.
 */
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { jsonChunks } from '../../src/report/json.ts'
import { claim, file } from '../consensus/helpers.ts'

describe('jsonChunks(value)', () => {
  const report = computeConsensus([
    file('a', [claim({ topic: 'sweating', stance: 'allowed', wait: [0, 0] }), claim({ topic: 'sweating', wait: null, quote: 'Quote with "quotes", a\nnewline and <tags>.' })]),
    file('b', [claim({ topic: 'sweating', wait: [48, 72] })])
  ])
  const odd = { a: undefined, b: [undefined, () => 1, { c: new Date(0) }, NaN], d: {}, e: [], f: 'x\u2028y', g: null, h: [[[[1]]]] }

  for (const value of [report, odd, [], {}, 'text', 3, null]) {
    for (const space of [0, 2]) {
      for (const depth of [0, 1, 3, 8]) {
        it(`jsonChunks(${JSON.stringify(value)?.slice(0, 20)}, {space: ${space}, depth: ${depth}})`, () => {
          const chunks = [...jsonChunks(value, { space, depth, chunkSize: 64 })]
          expect(chunks.join('')).toBe(JSON.stringify(value, null, space))
        })
      }
    }
  }

  it('cuts a large report into chunks of about chunkSize characters', () => {
    const chunks = [...jsonChunks(report, { chunkSize: 256 })]
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(256)
  })
})
