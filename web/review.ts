/**
 * Review controls for the claim in the side panel, shown only when the page
 * is served by `npm start` (see `review-api.ts`): Confirm, Reject, Mark
 * unreviewed, and a form to correct the wait, stance, topic and condition,
 * with a note and the editor's name (remembered in `localStorage`). Results
 * and errors go to a status line, as text. Everything is built with
 * `textContent` and form values, never markup.
 *
 * Decisions:
 * - A correction records only the fields that differ from the extracted
 *   claim (the form starts from the values in force, so a field corrected
 *   earlier stays corrected). When nothing differs, nothing is sent: the
 *   editor is told to use Confirm.
 * - A corrected wait keeps the source's own words (`wait.text`): the quote
 *   did not change, only its reading. It is never `vague`: the editor gave
 *   exact hours. Max left empty means "or more"; both empty, "no number".
 * - The note field starts with the claim's current note, so confirming a
 *   claim again does not drop it; an empty note or name is left out.
 * - While the editor is typing in the panel, a live update of the data does
 *   not reset the form; after a save, the form shows the stored values.
 */
import { effectiveClaim, stances, type Claim, type Correction, type Stance, type Wait } from '../src/schema.ts'
import type { SiteTopic } from '../src/site/data.ts'
import { formatWait } from './format.ts'
import type { ReviewRequest, ReviewResult } from './review-api.ts'

/** `localStorage` key of the editor's name. */
export const reviewerKey = 'claimrange.reviewer'

/** What the correction form holds, read and checked. */
export interface CorrectionValues {
  /** Hours; `text` (the source's words) defaults to the stored claim's. */
  wait: { min: number | null; max: number | null; text?: string | null | undefined }
  stance: Stance
  topic: string
  /** `null`: the general case. */
  condition: string | null
}

/** Options of {@link createReview}. */
export interface ReviewOptions {
  /** Topics the form offers (site data order). */
  topics: readonly SiteTopic[]
  /** Conditions the form offers (site data order). */
  conditions: readonly string[]
  /** Where the editor's name is remembered (default: none). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined
  /** Send a review; the controls show what comes back. */
  submit: (request: ReviewRequest) => Promise<ReviewResult>
}

/** The controls of one claim. */
export interface ReviewControls {
  /** The `<section>` to put in the panel. */
  element: HTMLElement
  /** Id of the claim the controls are for. */
  claimId: string
  /**
   * Show a newer version of the claim (after a save or a live update).
   *
   * @param claim The claim as stored now.
   */
  update(claim: Claim): void
  /**
   * Say what the last review changed in the consensus (or that it changed nothing).
   *
   * @param text Words, or `''` to clear.
   */
  explain(text: string): void
}

/**
 * Build the review controls for a claim.
 *
 * @param doc Document to build in.
 * @param source Source id (the claim's claims file).
 * @param claim The claim as stored.
 * @param options Topics, conditions, storage and how to submit.
 * @returns The controls (not yet attached).
 * @example
 * const controls = createReview(document, 'clinic-guide', claim, {topics: data.topics, conditions: data.conditions, storage: localStorage, submit: sendReview})
 * panel.append(controls.element)
 */
export function createReview(doc: Document, source: string, claim: Claim, options: ReviewOptions): ReviewControls {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<'id' | 'className' | 'textContent', string>> = {}) => {
    const node = doc.createElement(tag)
    if (props.id) node.id = props.id
    if (props.className) node.className = props.className
    if (props.textContent !== undefined) node.textContent = props.textContent
    return node
  }
  const labelled = <T extends HTMLElement>(text: string, control: T, className = 'review-field') => {
    const label = el('label', { className })
    label.htmlFor = control.id
    label.append(el('span', { textContent: text }), control)
    return label
  }
  const option = (value: string, text: string) => {
    const o = el('option', { textContent: text })
    o.value = value
    return o
  }

  let current = claim
  let dirty = false
  let pending = false

  const section = el('section', { id: 'review', className: 'review' })
  section.setAttribute('aria-labelledby', 'review-heading')
  const heading = el('h3', { id: 'review-heading', textContent: 'Review' })
  const now = el('p', { id: 'review-current', className: 'review-current' })

  const by = el('input', { id: 'review-by' })
  by.type = 'text'
  by.autocomplete = 'name'
  by.value = reviewerName(options.storage)
  by.addEventListener('change', () => writeName(options.storage, by.value))
  const note = el('input', { id: 'review-note' })
  note.type = 'text'
  note.addEventListener('input', () => void (dirty = true))
  const who = el('div', { className: 'review-who' })
  who.append(labelled('Your name', by), labelled('Note (optional)', note))

  const button = (id: string, text: string) => {
    const b = el('button', { id, textContent: text, className: 'review-button' })
    b.type = 'button'
    return b
  }
  const confirm = button('review-confirm', 'Confirm')
  const reject = button('review-reject', 'Reject')
  const reset = button('review-reset', 'Mark unreviewed')
  const actions = el('div', { className: 'review-actions' })
  actions.append(confirm, reject, reset)

  const details = el('details', { id: 'review-correct', className: 'review-correct' })
  const summary = el('summary', { textContent: 'Correct this claim…' })
  const form = el('form', { id: 'review-form' })
  form.noValidate = true
  const number = (id: string) => {
    const input = el('input', { id })
    input.type = 'number'
    input.min = '0'
    input.step = 'any'
    input.inputMode = 'decimal'
    input.setAttribute('aria-describedby', 'review-wait-hint review-wait-words')
    return input
  }
  const min = number('review-min')
  const max = number('review-max')
  const waitWords = el('output', { id: 'review-wait-words', className: 'review-wait-words' })
  waitWords.htmlFor.add('review-min', 'review-max')
  const waitSet = el('fieldset', { className: 'review-wait' })
  waitSet.append(
    el('legend', { textContent: 'Wait, in hours (24 = 1 day, 168 = 1 week)' }),
    labelled('Min', min),
    labelled('Max', max),
    el('p', { id: 'review-wait-hint', className: 'review-hint', textContent: 'Leave Max empty for “or more”, both empty for “no number”.' }),
    waitWords
  )
  const stance = el('select', { id: 'review-stance' })
  for (const s of stances) stance.append(option(s, s === 'avoid' ? 'avoid (wait)' : 'allowed'))
  const topic = el('select', { id: 'review-topic' })
  const topicNames = new Set(options.topics.map((t) => t.name))
  for (const t of options.topics) topic.append(option(t.name, t.label))
  const condition = el('select', { id: 'review-condition' })
  condition.append(option('', 'general'))
  for (const c of options.conditions) condition.append(option(c, c))
  const save = el('button', { id: 'review-save', className: 'review-button', textContent: 'Save correction' })
  save.type = 'submit'
  form.append(waitSet, labelled('Stance', stance), labelled('Topic', topic), labelled('Condition', condition), save)
  details.append(summary, form)

  const status = el('p', { id: 'review-status', className: 'review-status' })
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  const effect = el('div', { id: 'review-effect', className: 'review-effect' })
  effect.setAttribute('aria-live', 'polite')
  section.append(heading, now, actions, who, details, status, effect)

  const setStatus = (text: string, kind: 'pending' | 'ok' | 'error') => {
    status.textContent = text
    status.dataset.kind = kind
  }
  const showWait = () => {
    const read = readWait(min.value, max.value, null)
    waitWords.textContent = 'error' in read ? read.error : `= ${formatWait(read.wait)}`
  }
  form.addEventListener('input', () => {
    dirty = true
    showWait()
  })

  const fill = (stored: Claim) => {
    const c = effectiveClaim(stored)
    now.textContent = `Now: ${statusWords(stored)}`
    reset.hidden = stored.review.status === 'unreviewed'
    reset.textContent = stored.review.status === 'rejected' ? 'Restore (count it again)' : 'Mark unreviewed'
    reject.hidden = stored.review.status === 'rejected'
    note.value = stored.review.note ?? ''
    min.value = c.wait.min === null ? '' : String(c.wait.min)
    max.value = c.wait.max === null ? '' : String(c.wait.max)
    stance.value = c.stance
    // A topic or condition the data does not list is offered too, so the form shows the claim as it is.
    if (!topicNames.has(c.topic) && ![...topic.options].some((o) => o.value === c.topic)) topic.append(option(c.topic, c.topic))
    topic.value = c.topic
    if (c.condition && ![...condition.options].some((o) => o.value === c.condition)) condition.append(option(c.condition, c.condition))
    condition.value = c.condition ?? ''
    showWait()
  }
  fill(claim)

  const send = async (review: ReviewRequest['review']) => {
    if (pending) return
    pending = true
    section.setAttribute('aria-busy', 'true')
    const name = by.value.trim()
    writeName(options.storage, by.value)
    const noteText = note.value.trim()
    const request: ReviewRequest = { source, id: current.id, review: { ...review, ...(noteText ? { note: noteText } : {}), ...(name ? { by: name } : {}) } }
    setStatus('Saving…', 'pending')
    let result: ReviewResult
    try {
      result = await options.submit(request)
    } catch (error) {
      result = { ok: false, error: (error as Error).message }
    }
    pending = false
    section.removeAttribute('aria-busy')
    if (!result.ok) return setStatus(`Not saved: ${result.error}`, 'error')
    dirty = false
    current = result.claim
    fill(result.claim)
    const hidden = result.claim.review.status === 'rejected' ? ' It no longer counts in the chart.' : ''
    setStatus(`Saved: ${statusWords(result.claim)}.${hidden}`, 'ok')
  }
  confirm.addEventListener('click', () => void send({ status: 'confirmed' }))
  reject.addEventListener('click', () => void send({ status: 'rejected' }))
  reset.addEventListener('click', () => void send({ status: 'unreviewed' }))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const read = readWait(min.value, max.value, current.wait.text)
    if ('error' in read) {
      setStatus(`Not saved: ${read.error}`, 'error')
      return
    }
    const corrected = correctionOf(current, {
      wait: read.wait,
      stance: stance.value as Stance,
      topic: topic.value,
      condition: condition.value === '' ? null : condition.value
    })
    if (!corrected) {
      setStatus('Nothing to correct: these are the extracted values. Use Confirm to accept them.', 'error')
      return
    }
    void send({ status: 'corrected', corrected })
  })

  return {
    element: section,
    claimId: claim.id,
    update(next: Claim) {
      current = next
      if (!dirty && !pending) fill(next)
      else now.textContent = `Now: ${statusWords(next)}`
    },
    explain(text: string) {
      effect.replaceChildren()
      for (const line of text.split('\n').filter(Boolean)) {
        const p = el('p', { textContent: line.trim() })
        effect.append(p)
      }
    }
  }
}

/**
 * Read the wait fields of the correction form.
 *
 * @param minText Text of the Min field (hours).
 * @param maxText Text of the Max field (hours); empty is open ended.
 * @param text The source's words for the wait, kept in the corrected wait.
 * @returns The wait, or a one-line error naming the field.
 * @example
 * readWait('24', '48', '1 to 2 days') // {wait: {min: 24, max: 48, text: '1 to 2 days'}}
 * readWait('', '48', null) // {error: 'Max is set but Min is empty: …'}
 */
export function readWait(minText: string, maxText: string, text: string | null): { wait: Wait } | { error: string } {
  const min = hours(minText, 'Min')
  if (typeof min === 'string') return { error: min }
  const max = hours(maxText, 'Max')
  if (typeof max === 'string') return { error: max }
  if (min === null && max !== null) return { error: 'Max is set but Min is empty: give Min too (Max alone cannot be drawn)' }
  if (min !== null && max !== null && min > max) return { error: `Min (${min} h) is more than Max (${max} h)` }
  return { wait: { min, max, text } }
}

/**
 * The correction to record: the fields of `values` that differ from the
 * claim as extracted.
 *
 * @param stored The claim as stored (its extracted values).
 * @param values What the editor says.
 * @returns The differing fields, with the wait as a whole when its hours
 *   differ; `undefined` when nothing differs.
 * @example
 * correctionOf(claim72h, {wait: {min: 48, max: 48, text: '72 hours'}, stance: 'avoid', topic: 'exercise', condition: null})
 * // {wait: {min: 48, max: 48, text: '72 hours'}}
 */
export function correctionOf(stored: Claim, values: CorrectionValues): Correction | undefined {
  const out: Correction = {}
  const w = values.wait
  if (w.min !== stored.wait.min || w.max !== stored.wait.max) out.wait = { min: w.min, max: w.max, text: w.text === undefined ? stored.wait.text : w.text }
  if (values.stance !== stored.stance) out.stance = values.stance
  if (values.topic !== stored.topic) out.topic = values.topic
  if (values.condition !== stored.condition) out.condition = values.condition
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * A claim's review in words, for the status line.
 *
 * @param claim The claim as stored.
 * @returns `unreviewed`, `confirmed by Ana`, `corrected to avoid 48 h by Ana (note)`, `rejected`.
 */
export function statusWords(claim: Claim): string {
  const r = claim.review
  let words: string = r.status
  if (r.status === 'corrected') {
    const c = effectiveClaim(claim)
    words += ` to ${c.stance} ${formatWait(c.wait)}${c.condition ? ` (${c.condition})` : ''}`
  }
  if (r.by) words += ` by ${r.by}`
  if (r.note) words += ` — “${r.note}”`
  return words
}

function hours(text: string, field: string): number | null | string {
  const t = text.trim()
  if (t === '') return null
  const n = Number(t)
  if (!Number.isFinite(n) || n < 0) return `Unexpected \`${t}\` for ${field}, expected a number of hours (0 or more)`
  return n
}

/**
 * The editor's name as remembered in the browser.
 *
 * @param storage Where it is kept (`localStorage`), or `undefined`.
 * @returns The name, or `''` when none is kept or storage is off.
 */
export function reviewerName(storage: ReviewOptions['storage']): string {
  try {
    return storage?.getItem(reviewerKey) ?? ''
  } catch {
    return ''
  }
}

function writeName(storage: ReviewOptions['storage'], name: string): void {
  try {
    storage?.setItem(reviewerKey, name.trim())
  } catch {
    // Storage can be off (private mode, file://); the name is then asked again next time.
  }
}
