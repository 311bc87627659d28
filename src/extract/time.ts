/**
 * The time stage: the wait a clause gives. The `time/…` rules (docs and
 * examples in `rules/time.ts`), tried in order by {@link timeOf}: the
 * clause's own duration, "until …", a wait stated before ("after that"),
 * "no need to wait" and "as usual" (no wait), the section the clause sits in
 * (`timeline/section`, `lead-ins/time`); then, for a clause with none, "longer"
 * and a claim with no number ({@link openWait}).
 */
import type { Stance, Wait } from '../schema.ts'
import type { Duration } from './duration.ts'
import {
  afterWord,
  anaphoricTimes,
  healingWords,
  beforehand,
  beforeWords,
  imperativeCues,
  leadingWords,
  modals,
  modalWindow,
  nextStep,
  nowPhrases,
  objectWindow,
  passiveAvoid,
  passiveAvoidAdverb,
  phraseAt,
  startPoints,
  pronouns,
  relativeWords,
  demonstratives,
  durationPreposition,
  longer,
  subjects,
  treatmentDeterminers,
  untilWords,
  waitQuestions
} from './grammar.ts'
import { matchesOf } from './lexicon.ts'
import { treatmentAt } from './not-a-claim.ts'
import type { RuleId } from './rules/index.ts'
import { isDirectiveNegation, opensCondition } from './stance.ts'
import type { BlockContext, Reading } from './state.ts'
import { boundOf, stateBound } from './bounds.ts'
import type { Token } from './tokens.ts'

/**
 * The wait a clause gives from its own words, the wait before it, or the
 * section it sits in.
 *
 * @param clause Tokens of the clause.
 * @param figure Its first wait (token indexes into `clause`), if any.
 * @param stance Its stance (`null`: none).
 * @param ctx The block's context.
 * @param lastFigure The duration read before it in the sentence ("up to a week" runs from it).
 * @param previousWait The last wait with a number stated in the block ("then", "after that").
 * @param ideal A later wait of the clause after "ideally" ("at least 24 hours, and ideally 48–72"), if any (`time/ideally`).
 * @returns The wait and its rules, or `undefined`.
 */
export function timeOf(
  clause: Token[],
  figure: Duration | undefined,
  stance: Stance | null,
  ctx: BlockContext,
  lastFigure: Duration | undefined,
  previousWait: Wait | undefined,
  ideal?: Duration
): Reading<Wait> | undefined {
  if (figure) {
    if (!(stance === 'allowed' && clause[figure.first - 1]?.norm === durationPreposition)) {
      // "at least 24 hours, and ideally 48–72 hours": from the least to the ideal.
      if (ideal && ideal.min !== null && figure.min !== null) {
        const text = ctx.text.slice(clause[figure.first]!.start, clause[ideal.last - 1]!.end)
        return { value: { min: figure.min, max: ideal.max, text }, rules: ['time/own-duration', 'time/ideally'] }
      }
      const text = ctx.text.slice(clause[figure.first]!.start, clause[figure.last - 1]!.end)
      // "after the first day you can…": from the end of the first day, not within it.
      const from = figure.qualifier === 'first' && startPoints.has(clause[figure.first - 1]?.norm ?? '') ? { ...figure, qualifier: null } : figure
      return waitOf(from, stance, text, lastFigure)
    }
    // "You can swim for 20 minutes": how long to do it, not when.
    ctx.trace?.('not-a-claim/how-long-to-do', clause[figure.first]!.start, clause[figure.last - 1]!.end)
  }
  const until = clause.findIndex((t) => untilWords.has(t.norm))
  if (until !== -1 && until < clause.length - 1) {
    let last = until + 1
    while (last < clause.length && !/^[,.;:!?)]$/.test(clause[last]!.norm)) last++
    return { value: { min: null, max: null, text: ctx.text.slice(clause[until]!.start, clause[last - 1]!.end) }, rules: ['time/until'] }
  }
  // "Once the peeling is complete, you may resume exfoliants": allowed from an event of healing, with no number.
  if (stance === 'allowed') {
    const once = clause.findIndex((t, i) => t.norm === 'once' && clause.slice(i + 1, i + 9).some((x) => healingWords.has(x.norm) || x.norm === 'healed' || x.norm === 'done'))
    if (once !== -1) {
      let last = once + 1
      while (last < clause.length && !/^[,.;:!?)]$/.test(clause[last]!.norm)) last++
      return { value: { min: null, max: null, text: ctx.text.slice(clause[once]!.start, clause[last - 1]!.end) }, rules: ['time/until'] }
    }
  }
  // "After that you can swim as usual", "…, then train as usual": allowed from the wait stated before;
  // "the skin calms down around 48 hours after, so that's when you can…": from the time stated before in the sentence.
  const pointsBack = stance === 'allowed' && clause.some((_, i) => phraseAt(clause, i, anaphoricTimes) !== undefined)
  if (previousWait && stance === 'allowed' && (clause[0]!.norm === nextStep || pointsBack)) {
    return { value: { ...previousWait }, rules: ['time/after-that'] }
  }
  if (lastFigure && lastFigure.min !== null && stance === 'allowed' && pointsBack) {
    return { value: { min: lastFigure.min, max: lastFigure.min, text: null }, rules: ['time/after-that'] }
  }
  if (stance === 'allowed') {
    // "you don't need to wait", "there is no reason to stop it", "not off-limits": no wait.
    const negations = matchesOf(clause, ctx.lexicon).negation
    for (const c of matchesOf(clause, ctx.lexicon).stance) {
      if (c.value !== 'avoid') continue
      const n = negations.find((n) => n.last <= c.first && c.first - n.last <= 3)
      if (n) return { value: { min: 0, max: 0, text: ctx.text.slice(clause[n.first]!.start, clause[c.last - 1]!.end) }, rules: ['time/no-need-to-wait'] }
    }
    const now = nowCueOf(clause)
    if (now) return { value: { min: 0, max: 0, text: ctx.text.slice(now.start, now.end) }, rules: ['time/now'] }
  }
  // "Do not touch it on the evening right after the procedure", under "First 48 hours": its own words bound it.
  if (ctx.timeline && !ctx.heading && stance === 'avoid') {
    const bound = boundOf(clause, ctx)
    if (bound) return { value: { min: null, max: null, text: ctx.text.slice(bound.start, bound.end) }, rules: ['time/open-avoid'] }
  }
  // "wait a little longer to exercise": longer than a figure stated before (`time/longer`), not the section's own time.
  if (stance === 'avoid' && clause.some((t, i) => t.norm === longer && clause[i - 1]?.norm !== 'no')) return undefined
  if (ctx.timeline && !ctx.heading && stance) {
    const t = ctx.timeline
    const rules: RuleId[] = [ctx.timelineRule ?? 'timeline/section']
    if (t.dayOne) rules.push('timeline/day-one')
    if (t.sequence && stance === 'allowed') rules.push('timeline/sequence')
    return { value: stance === 'allowed' ? { min: t.start, max: t.start, text: t.text } : { min: t.end.min, max: t.end.max, text: t.text }, rules }
  }
  return undefined
}

/**
 * A wait from a duration, given the stance and the figure before it in the
 * sentence (`time/own-duration`, adjusted by `time/day-period`,
 * `time/first-window` or `time/up-to`).
 *
 * @param d The duration.
 * @param stance The clause's stance.
 * @param text The source's words for it.
 * @param lastFigure The duration before it in the sentence.
 * @returns The wait and its rules.
 */
export function waitOf(d: Duration, stance: Stance | null, text: string, lastFigure: Duration | undefined): Reading<Wait> {
  let min = d.min!
  let max = d.max
  const rules: RuleId[] = ['time/own-duration']
  if (d.period && d.period.end > d.period.start + 24 && stance === 'avoid') {
    // "avoid it on days 1–3": until the period ends.
    min = d.period.end
    max = d.period.end
    rules.push('time/day-period')
  } else if (d.qualifier === 'first' && stance === 'allowed') {
    // "in the first two days it is fine to…": fine from the start.
    min = 0
    max = 0
    rules.push('time/first-window')
  } else if (d.qualifier === 'up-to') {
    if (d.open) {
      min = d.top ?? min
      max = null
      rules.push('time/up-to')
    } else if (lastFigure && lastFigure.min !== null) {
      // "48–72 hours … (up to a week)": from the earlier figure to this one.
      min = Math.min(lastFigure.top ?? lastFigure.min, d.max ?? d.min!)
      rules.push('time/up-to')
    }
  }
  const wait: Wait = { min, max, text }
  if (d.vague) wait.vague = true
  return { value: wait, rules }
}

/**
 * Where tokens say "now" ("straight away", "as usual", "same day"…).
 *
 * @param tokens Tokens to search.
 * @returns The offsets of the first such words, or `undefined`.
 */
export function nowCueOf(tokens: Token[]): { start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const cue = phraseAt(tokens, i, nowPhrases)
    if (cue) return { start: tokens[i]!.start, end: tokens[i + cue.length - 1]!.end }
  }
  return undefined
}

/** A claim with no time of its own, and the activities it is about. */
export interface OpenWait {
  wait: Reading<Wait>
  /** The topics it is about (empty: every borrowed one). */
  topics: Set<string>
  /** Whether it bounds the wait enough for the activities the vocabulary does not list too. */
  unlisted: boolean
  /** It gives no time at all: no claim, unless the sentence after it gives one (`same-rule/resumed-after`). */
  untimed?: true
}

/**
 * A claim with no time of its own: "avoid X" (a wait with no number,
 * `time/open-avoid`), "you can X after the procedure" (`time/after-procedure`)
 * or "try X" (`time/imperative`), both no wait. For `avoid`, the activity
 * must be the cue's object — named within a few words after "avoid"/"do
 * not", or before a passive "should be avoided" — so "keep workouts clean
 * and avoid touching your face" is not a claim about workouts. Headings
 * need a time of their own, except "You Can X After Y".
 *
 * @param clause Tokens of the clause.
 * @param stance Its stance.
 * @param inherited Whether it borrowed its activities.
 * @param ctx The block's context.
 * @param unlisted The clause names activities the vocabulary does not list: they need a bound (default: `false`).
 * @param carried The clause takes the wait of the claim before (`time/carried`), which bounds it (default: `false`).
 * @param sentence The clause's sentence: a bound in another of its clauses bounds this one too.
 * @returns The wait and the topics it is about, or `undefined`.
 */
export function openWait(clause: Token[], stance: Stance, inherited: boolean, ctx: BlockContext, unlisted = false, carried = false, sentence?: Token[]): OpenWait | undefined {
  const topics = new Set<string>()
  const trace = (rule: RuleId) => ctx.trace?.(rule, clause[0]!.start, clause.at(-1)!.end)
  // "how long you should stay out of the gym", "the ideal timeframe to resume workouts varies": about the wait, not advice.
  if (clause.some((_, i) => phraseAt(clause, i, waitQuestions) !== undefined)) {
    trace('not-a-claim/wait-question')
    return undefined
  }
  if (stance === 'allowed') {
    // A heading says "You Can X After Y" with a modal, not "Back to the gym after Y: two answers".
    if (ctx.heading && !clause.some((t, i) => modals.has(t.norm) && subjects.has(clause[i - 1]?.norm ?? ''))) {
      trace('not-a-claim/heading-without-time')
      return undefined
    }
    // An imperative that recommends the activity ("Instead, try gentle yoga"): fine now.
    const lead = clause.find((t) => t.kind === 'word' && !leadingWords.has(t.norm))
    if (!ctx.heading && lead && imperativeCues.has(lead.norm)) {
      const at = clause.indexOf(lead)
      // "Choose exercises that don't strain the area": which kind to do, not that it is fine now.
      for (const t of matchesOf(clause, ctx.lexicon).topics) if (t.first > at && t.first - at <= modalWindow && !relativeWords.has(clause[t.last]?.norm ?? '')) topics.add(t.value)
      return topics.size > 0 ? { wait: { value: { min: 0, max: 0, text: null }, rules: ['time/imperative'] }, topics, unlisted: false } : undefined
    }
    for (let i = 0; i + 1 < clause.length; i++) {
      if (clause[i]!.norm === afterWord && ctx.lexicon.procedures.matchAt(clause, i + 1 + (treatmentDeterminers.has(clause[i + 1]!.norm) ? 1 : 0))) {
        for (const t of matchesOf(clause, ctx.lexicon).topics) topics.add(t.value)
        return { wait: { value: { min: 0, max: 0, text: null }, rules: ['time/after-procedure'] }, topics, unlisted: true }
      }
    }
    return undefined
  }
  if (ctx.heading) {
    trace('not-a-claim/heading-without-time')
    return undefined
  }
  if (opensCondition(clause)) return undefined
  // "They may ask you to stop it beforehand": getting ready for the treatment, not aftercare.
  // "Do not wear mascara to the procedure": what to bring to it.
  if (clause.some((t, i) => t.norm === beforehand || (beforeWords.has(t.norm) && treatmentAt(clause, i + 1, ctx.lexicon)) || (t.norm === 'to' && clause[i - 1]?.kind === 'word' && !/^(back|return|due|prior|up)$/.test(clause[i - 1]!.norm) && treatmentAt(clause, i + 1, ctx.lexicon)))) {
    trace('not-a-claim/preparation')
    return undefined
  }
  const firstWord = clause.find((t) => t.kind === 'word')
  // "Avoiding these things will help": a reason, not advice.
  if (firstWord && firstWord.norm.endsWith('ing') && ctx.lexicon.stance.matchAt(clause, clause.indexOf(firstWord))?.value === 'avoid') {
    trace('not-a-claim/gerund')
    return undefined
  }
  // "Cartilage is sensitive while healing, so avoid knocking it": a bound elsewhere in the sentence bounds the clause too.
  const bound = boundOf(clause, ctx) ?? (sentence && sentence !== clause ? boundOf(sentence, ctx) : undefined) ?? (unlisted ? undefined : stateBound(ctx, sentence ?? clause))
  const open: Reading<Wait> = { value: { min: null, max: null, text: bound ? ctx.text.slice(bound.start, bound.end) : null }, rules: ['time/open-avoid'] }
  // A generic "avoid X" with no time at all is no claim (GUIDELINES: "a generic yes/no with no time at all"): it needs a bound in words or a carried wait.
  const untimed = !bound && !carried
  if (untimed) trace('not-a-claim/no-time')
  if (inherited) {
    if (untimed) return undefined
    // "it's best avoided", "Avoid these habits": the activity named before.
    const refers = ctx.lexicon.stance
      .match(clause)
      .some((c) => c.value === 'avoid' && clause.slice(c.last, c.last + 3).some((t) => pronouns.has(t.norm) || demonstratives.has(t.norm)))
    return refers || clause.some((t) => t.norm === passiveAvoid) ? { wait: open, topics, unlisted: false } : undefined
  }
  const mentions = matchesOf(clause, ctx.lexicon).topics
  const cues = [
    ...matchesOf(clause, ctx.lexicon).stance.filter((c) => c.value === 'avoid'),
    ...matchesOf(clause, ctx.lexicon).negation.filter((n) => isDirectiveNegation(clause, n))
  ]
  for (const cue of cues) {
    const word = clause[cue.first]!.norm
    // "Avoiding sweating will lower the risk": a reason, not advice.
    if (clause.slice(0, cue.first).every((t) => t.kind === 'punct') && word.endsWith('ing')) continue
    if (word === passiveAvoid || (word === passiveAvoidAdverb && clause[cue.first + 1]?.norm === passiveAvoid)) {
      for (const t of mentions) if (t.last <= cue.first) topics.add(t.value)
    }
    for (const t of mentions) if (t.first >= cue.last && t.first - cue.last < objectWindow) topics.add(t.value)
  }
  // Untimed, it is only kept for a sentence after it that gives its time (`same-rule/resumed-after`).
  if (unlisted && !untimed) return { wait: open, topics, unlisted: true }
  return topics.size > 0 ? { wait: open, topics, unlisted: false, ...(untimed ? { untimed } : {}) } : undefined
}
