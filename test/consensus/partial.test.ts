/**
 * Rows from sources' digests are the rows of the whole consensus: on the
 * five bundled articles and on seeded random corpora, for every row and for
 * the rows one changed source affects.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { relatedLookup } from '../../src/consensus/conflicts.ts'
import { affectedRows, computeRows, digestSource } from '../../src/consensus/partial.ts'
import { rowKey } from '../../src/consensus/select.ts'
import { consensusOptions } from '../../src/diff/claims.ts'
import { readClaimsDir } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { claim, file } from './helpers.ts'

describe('computeRows(digests)', () => {
  it('gives every row of computeConsensus on the bundled claims', async () => {
    const files = (await readClaimsDir(join(import.meta.dirname, '..', '..', 'claims'))).map((r) => r.data!)
    const options = consensusOptions(await readVocabulary())
    const related = relatedLookup(options.related)
    const digests = files.map((f) => digestSource(f, related))
    expect(computeRows(digests, undefined, related)).toEqual(computeConsensus(files, options).topics)
  })

  it('gives the rows a changed source affects, as the whole consensus after the change has them', () => {
    const related = { sweating: ['exercise', 'sauna'] }
    const lookup = relatedLookup(related)
    const base = [
      file('a', [claim({ id: 'a1', topic: 'sweating', stance: 'allowed', wait: [0, 0] }), claim({ id: 'a2', topic: 'sauna', wait: [48, 48] })]),
      file('b', [claim({ id: 'b1', topic: 'exercise', wait: [72, 72] }), claim({ id: 'b2', topic: 'swimming', wait: [24, 24] })]),
      file('c', [claim({ id: 'c1', topic: 'exercise', stance: 'allowed', wait: [24, 24], condition: 'deep' })])
    ]
    const changed = file('b', [claim({ id: 'b1', topic: 'exercise', wait: [12, 12] }), claim({ id: 'b3', topic: 'swimming', wait: [168, 168] })])
    const after = [base[0]!, changed, base[2]!]
    const rows = affectedRows(digestSource(base[1]!, lookup), digestSource(changed, lookup), lookup)
    expect([...rows].sort()).toEqual([rowKey('exercise', null), rowKey('sweating', null), rowKey('swimming', null)].sort())
    const whole = computeConsensus(after, { related }).topics.filter((t) => rows.has(rowKey(t.topic, t.condition)))
    expect(computeRows(after.map((f) => digestSource(f, lookup)), rows, lookup)).toEqual(whole)
  })
})
