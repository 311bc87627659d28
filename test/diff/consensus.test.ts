import { describe, expect, it } from 'vitest'
import type { Claim } from '../../src/schema.ts'
import { diffClaims, formatConsensusDiff, noChange } from '../../src/diff/index.ts'
import { claim, file } from '../consensus/helpers.ts'

const exercise = (source: string, wait: [number, number | null] | null, extra: Parameters<typeof claim>[0] = {}) =>
  file(source, [claim({ id: `exercise-${source}`, topic: 'exercise', wait, ...extra })])

describe('diffClaims(before, after)', () => {
  it('diffClaims(files, files): nothing moved', () => {
    const files = [exercise('a', [72, 72]), exercise('b', [72, 72]), exercise('c', [48, 48])]
    const diff = diffClaims(files, files)
    expect(diff.rows).toEqual([])
    expect(diff.orphaned).toEqual([])
    expect(formatConsensusDiff(diff)).toBe(noChange)
  })

  it('diffClaims: a new source adds a voice and a claim without moving the range', () => {
    const before = [exercise('a', [72, 72]), exercise('b', [72, 72]), exercise('c', [72, 72])]
    const diff = diffClaims(before, [...before, exercise('d', [168, 168])])
    expect(diff.rows).toHaveLength(1)
    const row = diff.rows[0]!
    expect(row).toMatchObject({ topic: 'exercise', condition: null, kind: 'changed', rangeMoved: false, voicesAdded: ['d'], voicesRemoved: [] })
    expect(row.voices).toEqual({ from: 3, to: 4 })
    expect(row.claimsAdded).toEqual([{ source: 'd', id: 'exercise-d' }])
    expect(formatConsensusDiff(diff)).toBe('What changed in the consensus:\n  exercise: +1 voice (d); +1 claim')
  })

  it('diffClaims: the range moves from 48–72 h to 3 days when a third voice says a week', () => {
    const before = [exercise('a', [48, 48]), exercise('b', [72, 72])]
    const diff = diffClaims(before, [...before, exercise('c', [168, 168])])
    const row = diff.rows[0]!
    expect(row.rangeMoved).toBe(true)
    expect(row.consensus.from).toEqual({ min: 48, max: 72, median: 58.8 })
    expect(row.consensus.to).toEqual({ min: 72, max: 72, median: 72 })
    expect(formatConsensusDiff(diff).split('\n')[1]).toBe('  exercise: range 48–72 h → 3 days (median 59 h → 3 days); +1 voice (c); +1 claim')
  })

  it('diffClaims: a 12 h voice is a new outlier, and resolved once an editor rejects it', () => {
    const base = ['a', 'b', 'c', 'd'].map((s) => exercise(s, [72, 72]))
    const withOutlier = [...base, exercise('e', [12, 12])]
    const added = diffClaims(base, withOutlier).rows[0]!
    expect(added.outliersNew.map((o) => [o.source, o.claim])).toEqual([['e', 'exercise-e']])
    expect(added.outliersResolved).toEqual([])
    expect(formatConsensusDiff(diffClaims(base, withOutlier))).toContain('\n    new outlier: e: 12 h is a sixth of the median of 3 days')

    const rejected = [...base, exercise('e', [12, 12], { review: { status: 'rejected', note: 'typo in the article' } })]
    const resolved = diffClaims(withOutlier, rejected).rows[0]!
    expect(resolved.outliersResolved.map((o) => o.source)).toEqual(['e'])
    expect(resolved.voicesRemoved).toEqual(['e'])
    expect(resolved.claimsRemoved).toEqual([{ source: 'e', id: 'exercise-e' }])
    expect(formatConsensusDiff(diffClaims(withOutlier, rejected))).toContain('−1 voice (e); −1 claim\n    resolved outlier: e: 12 h')
  })

  it('diffClaims: allowing the gym after 24 h against avoiding it for 72 h is a new conflict; a correction resolves it', () => {
    const avoid = exercise('a', [72, 72])
    const allowed = (review?: Claim['review']) =>
      file('b', [claim({ id: 'exercise-b', topic: 'exercise', activity: 'gym', stance: 'allowed', wait: [24, 24], ...(review ? { review } : {}) })])
    const conflict = diffClaims([avoid], [avoid, allowed()]).rows[0]!
    expect(conflict.conflictsNew.map((g) => [g.allowedFrom, g.allowed, g.contrary.samples])).toEqual([[24, ['b/exercise-b'], ['a/exercise-a']]])
    expect(formatConsensusDiff(diffClaims([avoid], [avoid, allowed()]))).toContain(
      '\n    new conflict: 1 claim from b allows exercise after 24 h, but 1 claim from a says to wait longer (the shortest wait 3 days)'
    )

    const corrected = allowed({ status: 'corrected', corrected: { wait: { min: 72, max: 72, text: '3 days' } } })
    const diff = diffClaims([avoid, allowed()], [avoid, corrected])
    const row = diff.rows[0]!
    expect(row.conflictsResolved).toHaveLength(1)
    expect(row.conflictsNew).toEqual([])
    expect(row.voicesChanged.map((v) => v.key)).toEqual(['b'])
    expect(formatConsensusDiff(diff)).toContain('\n    voice b: allowed 24 h → allowed 3 days\n')
    expect(formatConsensusDiff(diff)).toContain('\n    resolved conflict: 1 claim from b allows exercise after 24 h, but 1 claim from a says to wait longer')
  })

  it('diffClaims: one more source that allows from the same time changes the group, and says so with the counts before', () => {
    const avoid = exercise('a', [72, 72])
    const allows = (source: string) => file(source, [claim({ id: `exercise-${source}`, topic: 'exercise', stance: 'allowed', wait: [24, 24] })])
    const diff = diffClaims([avoid, allows('b')], [avoid, allows('b'), allows('c')])
    const row = diff.rows[0]!
    expect(row.conflictsNew).toEqual([])
    expect(row.conflictsChanged.map(({ from, to }) => [from.allowed.length, to.allowed.length])).toEqual([[1, 2]])
    expect(formatConsensusDiff(diff)).toContain(
      '\n    conflict now: 2 claims from 2 sources allow exercise after 24 h, but 1 claim from a says to wait longer (the shortest wait 3 days) (was 1 claim against 1, the shortest 3 days)'
    )
  })

  it('diffClaims: a within-source pair is new and resolved by its two claims', () => {
    const mixed = (wait: [number, number]) =>
      file('a', [claim({ id: 'exercise-allow', topic: 'exercise', activity: 'gym', stance: 'allowed', wait }), claim({ id: 'exercise-avoid', topic: 'exercise', wait: [72, 72] })])
    const diff = diffClaims([mixed([72, 72])], [mixed([24, 24])])
    expect(diff.rows[0]!.withinSourceNew.map((c) => [c.allowed.id, c.avoid.id])).toEqual([['exercise-allow', 'exercise-avoid']])
    expect(formatConsensusDiff(diff)).toContain('\n    new within-source conflict: a allows gym after 24 h, but also says to avoid exercise for 3 days')
    expect(diffClaims([mixed([24, 24])], [mixed([72, 72])]).rows[0]!.withinSourceResolved).toHaveLength(1)
  })

  it('diffClaims: a reviewed claim whose quote is gone is newly orphaned in its row', () => {
    const confirmed = { status: 'confirmed' as const, by: 'AB' }
    const before = [exercise('a', [72, 72]), exercise('b', [48, 48], { review: confirmed, quote: 'Skip the gym for 48 hours.' })]
    const after = [before[0]!, exercise('b', [48, 48], { review: confirmed, quote: 'Skip the gym for 48 hours.', status: 'orphaned' })]
    const diff = diffClaims(before, after)
    const row = diff.rows[0]!
    expect(row.orphaned.map((c) => [c.source, c.id, c.quote])).toEqual([['b', 'exercise-b', 'Skip the gym for 48 hours.']])
    expect(row.claimsRemoved).toEqual([{ source: 'b', id: 'exercise-b' }])
    expect(formatConsensusDiff(diff)).toMatch(/\n {4}orphaned: b:\d+ “Skip the gym for 48 hours\.” \(quote no longer in the source; review kept/)
    // Already orphaned before: not new.
    expect(diffClaims(after, after).rows).toEqual([])
  })

  it('diffClaims: an orphaned claim that was rejected before belongs to no row and is listed on its own', () => {
    const rejected = { status: 'rejected' as const }
    const before = [exercise('a', [72, 72]), file('b', [claim({ id: 'sauna-b', topic: 'sauna', review: rejected })])]
    const after = [before[0]!, file('b', [claim({ id: 'sauna-b', topic: 'sauna', review: rejected, status: 'orphaned' })])]
    const diff = diffClaims(before, after)
    expect(diff.rows).toEqual([])
    expect(diff.orphaned.map((c) => c.id)).toEqual(['sauna-b'])
    expect(formatConsensusDiff(diff)).toMatch(/^What changed in the consensus:\n {2}orphaned: b:\d+ /)
  })

  it('diffClaims: a new condition row is added, and removed again', () => {
    const general = [exercise('a', [72, 72])]
    const deep = [...general, file('b', [claim({ id: 'exercise-deep', topic: 'exercise', condition: 'deep', wait: [168, 168] })])]
    const added = diffClaims(general, deep)
    expect(added.rows.map((r) => [r.topic, r.condition, r.kind])).toEqual([['exercise', 'deep', 'added']])
    expect(formatConsensusDiff(added)).toBe('What changed in the consensus:\n  exercise (deep): new row, 1 week, 1 voice (b); +1 claim')
    const removed = diffClaims(deep, general)
    expect(removed.rows.map((r) => r.kind)).toEqual(['removed'])
    expect(formatConsensusDiff(removed)).toBe('What changed in the consensus:\n  exercise (deep): no longer stated (was 1 week, 1 voice: b); −1 claim')
  })

  it('diffClaims: claims with the same id in two sources are told apart', () => {
    const same = (source: string) => file(source, [claim({ id: 'swimming-1', topic: 'swimming', wait: [24, 24] })])
    const diff = diffClaims([same('a')], [same('a'), same('b')])
    expect(diff.rows[0]!.claimsAdded).toEqual([{ source: 'b', id: 'swimming-1' }])
  })

  it('diffClaims([], files): a first extraction is one line', () => {
    const files = [exercise('a', [72, 72]), file('b', [claim({ topic: 'sauna' })])]
    expect(formatConsensusDiff(diffClaims([], files))).toBe('New consensus: 2 rows from 2 sources.')
  })

  it('diffClaims: rows are listed in consensus order, general row before conditions', () => {
    const sun = claim({ id: 'sun-1', topic: 'sun', wait: [24, 24] })
    const before = [file('a', [sun])]
    const after = [
      file('a', [
        sun,
        claim({ topic: 'swimming', condition: 'deep', wait: [72, 72] }),
        claim({ topic: 'alcohol', wait: [48, 48] }),
        claim({ topic: 'swimming', wait: [24, 24] })
      ])
    ]
    expect(diffClaims(before, after).rows.map((r) => `${r.topic}/${r.condition ?? ''}`)).toEqual(['alcohol/', 'swimming/', 'swimming/deep'])
  })

  it('formatConsensusDiff(diff, {conflictLimit: 1}) lists one conflict and counts the rest', () => {
    const avoid = file('a', [claim({ id: 'a1', topic: 'exercise', wait: [72, 72], activity: 'gym' }), claim({ id: 'a2', topic: 'exercise', wait: [168, 168], activity: 'running' })])
    const allowed = file('b', [
      claim({ id: 'b1', topic: 'exercise', stance: 'allowed', wait: [24, 24], activity: 'yoga' }),
      claim({ id: 'b2', topic: 'exercise', stance: 'allowed', wait: [96, 96], activity: 'yoga' })
    ])
    const text = formatConsensusDiff(diffClaims([avoid], [avoid, allowed]), { conflictLimit: 1 })
    expect(text.match(/new conflict:/g)).toHaveLength(1)
    expect(text).toContain('\n    … and 1 more new conflict (see `claimrange consensus`)')
  })

  it('formatConsensusDiff(diff, {color: true}) colours new conflicts, and not without colour', () => {
    const avoid = exercise('a', [72, 72])
    const allowed = file('b', [claim({ topic: 'exercise', stance: 'allowed', wait: [24, 24] })])
    const diff = diffClaims([avoid], [avoid, allowed])
    expect(formatConsensusDiff(diff, { color: true })).toContain('\u001b[33mnew conflict\u001b[39m')
    expect(formatConsensusDiff(diff)).not.toContain('\u001b[')
  })
})
