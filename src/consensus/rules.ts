/**
 * The consensus rules in words. Every output (terminal, JSON, Markdown,
 * chart) states them, so a reader can check each number and flag by hand.
 * They describe what `voices.ts`, `range.ts`, `outliers.ts` and
 * `conflicts.ts` do; change them together.
 *
 * Browser-safe (no Node APIs).
 */
import { minimumVoices, outlierFactor } from './outliers.ts'
import type { ConsensusReport } from './types.ts'

/** The rules, one paragraph each. */
export const rules: ConsensusReport['rules'] = {
  voice:
    'A voice is a source, or a named expert quoted in it (`source#speaker`); it counts once per row ' +
    '(topic, and condition when the claim has one) however often it repeats itself. Its stance is the one ' +
    'most of its claims take; when it says both in equal numbers, the stance of most of its claims that state a ' +
    'time, and avoid when those tie too (where its two sides contradict each other, they are listed as within-source ' +
    'conflicts). An avoid voice takes the longest wait it states, among ' +
    'its avoid claims and its claims that allow the activity only after a time: the conservative reading, ' +
    'which satisfies everything it says. An allowed voice takes the earliest time it allows. Claims without ' +
    'a number count for stance and are listed as vague; they do not move the range. Rejected and orphaned ' +
    'claims are left out; corrected claims count with the editor\u2019s values.',
  range:
    'Waits are compared on a log scale, log(hours + 1), so 24 h against 1 week is a factor and 0 h works; a ' +
    'stated range counts as its geometric midpoint, an open-ended wait as its lower bound. The median is the ' +
    'median of the voices\u2019 waits. The consensus range spans the stated waits of the middle voices: those ' +
    'whose log wait lies within the interquartile range (type-7 quartiles), plus the median voice(s), so ' +
    'with one or two voices it spans them all. Its ends are always waits a voice states.',
  outlier:
    `A claim is an outlier when its row has at least ${minimumVoices} voices with a number, its stated wait ` +
    `lies wholly outside the consensus range, and it differs from the median by more than a factor of ` +
    `${outlierFactor} on the hours + 1 scale. Every numbered claim is checked, not only the one that sets ` +
    'its voice\u2019s wait.',
  conflict:
    'Two claims conflict when one allows an activity at a time (the latest it states) and the other says to ' +
    'avoid the same topic, or a related one (vocabulary `related`), for longer (the shortest wait it ' +
    'states). They are compared only within the same condition: conditional advice (deep treatments, ' +
    'light exercise…) is an exception to general advice, not a contradiction of it. An avoid claim ' +
    'without a number conflicts only with an allowed claim at ' +
    '0 h. A conflict is listed in the row of the claim that allows; it is within-source when both claims ' +
    'come from the same source.'
}
