/**
 * The filter controls: topics, conditions, a searchable list of source
 * switches, and the review-status filter (the review queue). The state is a
 * plain object; the controls report every change through `onChange` and
 * never recompute anything themselves.
 *
 * Decision: the source list shows at most {@link sourcesListed} switches,
 * those matching the search (title or id, any case), switched-off sources
 * first: a corpus of 10,000 sources stays a short list, and every source is
 * one search away.
 */
import { effectiveClaim, reviewStatuses, type ReviewStatus } from '../src/schema.ts'
import type { SiteData } from '../src/site/data.ts'
import type { ViewOptions } from './model.ts'

/** What the filters currently select. */
export interface FilterState {
  /** Topics shown. */
  topics: Set<string>
  /** Conditions shown; `null` stands for the general rows. */
  conditions: Set<string | null>
  /** Sources switched off. */
  excluded: Set<string>
  /** Review statuses shown. */
  statuses: Set<ReviewStatus>
  /** What the source search holds. */
  query: string
}

/** Source switches listed at once. */
export const sourcesListed = 30

/**
 * Everything selected, no source off.
 *
 * @param data Site data.
 * @returns A fresh state.
 */
export function initialFilters(data: SiteData): FilterState {
  return {
    topics: new Set(usedTopics(data)),
    conditions: new Set<string | null>([null, ...usedConditions(data)]),
    excluded: new Set(),
    statuses: new Set(reviewStatuses),
    query: ''
  }
}

/**
 * Carry the reader's choices over to new data (a live update): what they
 * switched off stays off, and topics and conditions that first appear in
 * the new data are shown.
 *
 * @param state Current state; mutated.
 * @param before The data the state was made for.
 * @param after The new data.
 * @returns `state`.
 * @example
 * mergeFilters(state, oldData, newData).topics.has('tanning') // true when only newData has tanning claims
 */
export function mergeFilters(state: FilterState, before: SiteData, after: SiteData): FilterState {
  const oldTopics = new Set(usedTopics(before))
  for (const name of usedTopics(after)) if (!oldTopics.has(name)) state.topics.add(name)
  const oldConditions = new Set(usedConditions(before))
  for (const name of usedConditions(after)) if (!oldConditions.has(name)) state.conditions.add(name)
  return state
}

/**
 * The state as view options for `viewRows` / `chartSpec`.
 *
 * @param state Filter state.
 * @returns View options.
 */
export function viewOptions(state: FilterState): ViewOptions {
  return { topics: [...state.topics], conditions: [...state.conditions], exclude: [...state.excluded], statuses: [...state.statuses] }
}

/**
 * Draw the controls.
 *
 * @param container Element to fill (emptied first).
 * @param data Site data (which topics, conditions and sources exist).
 * @param state Current state; mutated when a control changes.
 * @param onChange Called after every change.
 */
export function renderFilters(container: HTMLElement, data: SiteData, state: FilterState, onChange: () => void): void {
  const doc = container.ownerDocument
  container.replaceChildren()
  const labels = new Map(data.topics.map((t) => [t.name, t.label]))
  const group = (legend: string, id: string) => {
    const fieldset = doc.createElement('fieldset')
    fieldset.id = id
    const l = doc.createElement('legend')
    l.textContent = legend
    fieldset.append(l)
    container.append(fieldset)
    return fieldset
  }
  const box = (parent: HTMLElement, text: string, value: string, checked: boolean, change: (on: boolean) => void, role?: string) => {
    const label = doc.createElement('label')
    label.className = role === 'switch' ? 'switch' : 'chip'
    const input = doc.createElement('input')
    input.type = 'checkbox'
    input.value = value
    input.checked = checked
    if (role) input.setAttribute('role', role)
    input.addEventListener('change', () => {
      change(input.checked)
      onChange()
    })
    const span = doc.createElement('span')
    span.textContent = text
    label.append(input, span)
    parent.append(label)
  }
  const toggle = <T>(set: Set<T>, value: T) => (on: boolean) => void (on ? set.add(value) : set.delete(value))

  const topics = group('Topics', 'filter-topics')
  for (const name of usedTopics(data)) box(topics, labels.get(name) ?? name, name, state.topics.has(name), toggle(state.topics, name))
  const conditions = group('Conditions', 'filter-conditions')
  box(conditions, 'general', '', state.conditions.has(null), toggle(state.conditions, null))
  for (const name of usedConditions(data)) box(conditions, name, name, state.conditions.has(name), toggle(state.conditions, name))
  const sources = group('Sources: switch one off to see the consensus without it', 'filter-sources')
  const search = doc.createElement('input')
  search.type = 'search'
  search.id = 'source-search'
  search.placeholder = 'Search sources by title'
  search.value = state.query
  search.setAttribute('aria-label', 'Search sources by title')
  search.setAttribute('aria-controls', 'source-list')
  const info = doc.createElement('p')
  info.className = 'source-info'
  info.id = 'source-info'
  info.setAttribute('aria-live', 'polite')
  const list = doc.createElement('div')
  list.id = 'source-list'
  sources.append(search, info, list)
  const withClaims = new Set(data.files.map((f) => f.source))
  const titles = new Map(data.sources.map((s) => [s.id, s.title]))
  const ids = [...withClaims].sort()
  const fill = () => {
    list.replaceChildren()
    const q = state.query.trim().toLowerCase()
    const matches = ids.filter((id) => !q || id.toLowerCase().includes(q) || (titles.get(id) ?? '').toLowerCase().includes(q))
    matches.sort((a, b) => Number(!state.excluded.has(a)) - Number(!state.excluded.has(b)))
    for (const id of matches.slice(0, sourcesListed)) {
      box(list, titles.get(id) ?? id, id, !state.excluded.has(id), (on) => void (on ? state.excluded.delete(id) : state.excluded.add(id)), 'switch')
    }
    const off = state.excluded.size
    const shown = Math.min(matches.length, sourcesListed)
    info.textContent =
      `${ids.length.toLocaleString('en')} sources${off ? `, ${off.toLocaleString('en')} switched off` : ''}; ` +
      (matches.length > shown ? `showing ${shown} of ${matches.length.toLocaleString('en')} matches: search to narrow them.` : `showing ${shown === ids.length ? 'all' : `${shown} matching`}.`)
  }
  search.addEventListener('input', () => {
    state.query = search.value
    fill()
  })
  fill()
}

/**
 * Draw the review-status filter: one checkbox per status with its count.
 *
 * @param container Element to fill (emptied first).
 * @param counts Claims per status (filters other than status applied).
 * @param state Current state; mutated when a box changes.
 * @param onChange Called after every change.
 */
export function renderStatusFilter(container: HTMLElement, counts: Record<ReviewStatus, number>, state: FilterState, onChange: () => void): void {
  const doc = container.ownerDocument
  container.replaceChildren()
  for (const status of reviewStatuses) {
    const label = doc.createElement('label')
    label.className = `chip status-${status}`
    const input = doc.createElement('input')
    input.type = 'checkbox'
    input.value = status
    input.checked = state.statuses.has(status)
    input.addEventListener('change', () => {
      if (input.checked) state.statuses.add(status)
      else state.statuses.delete(status)
      onChange()
    })
    const span = doc.createElement('span')
    span.textContent = `${status} ${counts[status].toLocaleString('en')}`
    label.append(input, span)
    container.append(label)
  }
}

/** Topics that have at least one claim, in data order. */
function usedTopics(data: SiteData): string[] {
  const used = new Set<string>()
  for (const f of data.files) for (const c of f.claims) used.add(effectiveClaim(c).topic)
  return data.topics.map((t) => t.name).filter((n) => used.has(n))
}

/** Conditions that have at least one claim, in data order. */
function usedConditions(data: SiteData): string[] {
  const used = new Set<string>()
  for (const f of data.files) {
    for (const c of f.claims) {
      const condition = effectiveClaim(c).condition
      if (condition) used.add(condition)
    }
  }
  return data.conditions.filter((n) => used.has(n))
}
