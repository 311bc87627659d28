/**
 * The first screen: every topic's consensus in one sentence — the wait,
 * the median and the voices, the outliers by source, the conflicts
 * counted — so the page answers before anything is hovered. Pure sentence
 * builders plus one render function (text only).
 *
 * Decision: a topic's sentence is its general row (claims with no
 * condition), or its first row when every claim has one; the other
 * conditions follow in a short clause ("deep: 48 h – 1 week").
 */
import { formatHours, formatRange } from './format.ts'
import { groupWords, type ClaimView, type RowView } from './model.ts'
import { clip } from './spec.ts'

/** Outliers named in a sentence before "and N more". */
export const outliersNamed = 3

/** One topic's answer. */
export interface TopicAnswer {
  topic: string
  label: string
  /** Key of the row the sentence is about (the chart row to go to). */
  row: string
  /** The consensus, in words ("Wait 3 days (median 3 days), 6 voices."). */
  consensus: string
  /** Outliers named by source, or `''`. */
  outliers: string
  /** Conflicts counted, or `''`. */
  conflicts: string
  /** The other conditions, or `''`. */
  conditions: string
}

/**
 * One answer per topic, in row order.
 *
 * @param rows Rows from `pageModel`.
 * @returns The answers.
 * @example
 * topicAnswers(rows)[0] // {topic: 'exercise', label: 'Exercise', consensus: 'Wait 3 days, 6 voices.', outliers: '', conflicts: '2 claims (2 sources) say it is fine from 48 h; …', …}
 */
export function topicAnswers(rows: RowView[]): TopicAnswer[] {
  const byTopic = new Map<string, RowView[]>()
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row])
  return [...byTopic.values()].map((list) => {
    const main = list.find((r) => r.condition === null) ?? list[0]!
    const others = list.filter((r) => r !== main)
    return {
      topic: main.topic,
      label: main.topicLabel,
      row: main.key,
      consensus: consensusSentence(main),
      outliers: outlierSentence(main.claims),
      conflicts: conflictSentence(main),
      conditions: others.length ? `${main.condition === null ? 'Conditions' : 'Also'}: ${others.map((r) => `${r.condition}, ${shortConsensus(r)}`).join('; ')}.` : ''
    }
  })
}

/**
 * A row's consensus as a sentence.
 *
 * @param row A row.
 * @returns `Wait 3 days, 6 voices.`, `Wait 48 h – 4 days (median 70 h), 5 voices.`, `No wait needed, 2 voices.`, `No source gives a time, 1 voice.`
 */
export function consensusSentence(row: RowView): string {
  const voices = row.consensus?.voices ?? 0
  const who = `${voices.toLocaleString('en')} voice${voices === 1 ? '' : 's'}`
  const k = row.consensus?.consensus
  if (!row.consensus || voices === 0) return 'No claim counted.'
  if (!k) return `No source gives a time, ${who}.`
  if (k.min === k.max) return k.min === 0 ? `No wait needed, ${who}.` : `Wait ${formatHours(k.min)}, ${who}.`
  return `Wait ${formatRange(k.min, k.max)} (median ${formatHours(k.median)}), ${who}.`
}

function shortConsensus(row: RowView): string {
  const k = row.consensus?.consensus
  if (!k) return 'no time given'
  return k.min === k.max ? formatHours(k.min) : formatRange(k.min, k.max)
}

function outlierSentence(claims: ClaimView[]): string {
  const out = claims.filter((c) => c.outlier && c.counted)
  if (out.length === 0) return ''
  const bySource = new Map<string, ClaimView[]>()
  for (const c of out) bySource.set(c.sourceTitle, [...(bySource.get(c.sourceTitle) ?? []), c])
  const named = [...bySource.entries()].slice(0, outliersNamed).map(([title, list]) => {
    const waits = [...new Set(list.map((c) => (c.claim.wait.min === 0 && c.claim.wait.max === 0 ? 'no wait' : formatRange(c.claim.wait.min!, c.claim.wait.max))))]
    return `${clip(title, 48)} (${waits.join(', ')})`
  })
  const more = bySource.size > outliersNamed ? ` and ${bySource.size - outliersNamed} more sources` : ''
  return `Out of line: ${named.join('; ')}${more}.`
}

function conflictSentence(row: RowView): string {
  const parts: string[] = []
  const [first, ...more] = row.groups
  if (first) parts.push(`Conflict: ${groupWords(first)}${more.length ? ` (+${more.length} more)` : ''}.`)
  const self = row.lines.filter((l) => l.within.length > 0).length
  if (self) parts.push(`${self} source${self === 1 ? ' contradicts itself' : 's contradict themselves'}.`)
  return parts.join(' ')
}

/**
 * Draw the answers as a list, each topic a link to its row in the chart.
 *
 * @param list The `<ol>` to fill (emptied first).
 * @param answers From {@link topicAnswers}.
 * @param onGo Called with a row key when a topic's link is used.
 */
export function renderAnswers(list: HTMLElement, answers: TopicAnswer[], onGo: (row: string) => void): void {
  const doc = list.ownerDocument
  list.replaceChildren()
  for (const a of answers) {
    const li = doc.createElement('li')
    li.dataset.topic = a.topic
    const link = doc.createElement('a')
    link.href = `#row-${a.row.replace(/[^a-z0-9-]/gi, '-')}`
    link.className = 'answer-topic'
    link.textContent = a.label
    link.addEventListener('click', (event) => {
      event.preventDefault()
      onGo(a.row)
    })
    li.append(link, doc.createTextNode(': '))
    const parts: [string, string][] = [
      ['answer-consensus', a.consensus],
      ['answer-outliers', a.outliers],
      ['answer-conflicts', a.conflicts],
      ['answer-conditions', a.conditions]
    ]
    for (const [className, text] of parts) {
      if (!text) continue
      const span = doc.createElement('span')
      span.className = className
      span.textContent = text
      li.append(span, doc.createTextNode(' '))
    }
    list.append(li)
  }
}
