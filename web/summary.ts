/**
 * The first screen: every topic's consensus in one sentence — the wait,
 * the median and the voices, the outliers by source, the conflicts
 * counted — so the page answers before anything is hovered. Pure sentence
 * builders plus one render function (text only).
 *
 * Decisions: a topic's sentence is its general row (claims with no
 * condition), or its first row when every claim has one; the other
 * conditions follow in a short clause ("deep: 48 h – 1 week"). Activities
 * the vocabulary does not list share one item at the end, since there may
 * be many: the most voiced first, each in a few words, up to
 * {@link unlistedNamed}, then how many more.
 */
import { count, formatHours, formatRange } from './format.ts'
import { groupWords, type ClaimView, type RowView } from './model.ts'
import { clip, unlistedHeading } from './spec.ts'

/** Outliers named in a sentence before "and N more". */
export const outliersNamed = 3

/** Activities outside the vocabulary named on the first screen before "and N more". */
export const unlistedNamed = 6

/** The first screen's item for the activities the vocabulary does not list. */
export interface UnlistedAnswer {
  /** How many such activities are shown. */
  activities: number
  /** The most voiced ones, each with its row and its consensus in a few words. */
  named: { row: string; label: string; words: string }[]
  /** How many more there are. */
  more: number
}

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
 * One answer per topic of the vocabulary, in row order.
 *
 * @param rows Rows from `pageModel`.
 * @returns The answers (the topics the vocabulary does not list are in {@link unlistedAnswer}).
 * @example
 * topicAnswers(rows)[0] // {topic: 'exercise', label: 'Exercise', consensus: 'Wait 3 days, 6 voices.', outliers: '', conflicts: '2 claims (2 sources) say it is fine from 48 h; …', …}
 */
export function topicAnswers(rows: RowView[]): TopicAnswer[] {
  const byTopic = new Map<string, RowView[]>()
  for (const row of rows) if (!row.unlisted) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row])
  return [...byTopic.values()].map((list) => {
    const main = list.find((r) => r.condition === null) ?? list[0]!
    const others = list.filter((r) => r !== main)
    return {
      topic: main.topic,
      label: main.topicLabel,
      row: main.key,
      consensus: consensusSentence(main),
      outliers: outlierSentence(main),
      conflicts: conflictSentence(main),
      conditions: others.length ? `${main.condition === null ? 'Conditions' : 'Also'}: ${others.map((r) => `${r.condition}, ${shortConsensus(r)}`).join('; ')}.` : ''
    }
  })
}

/**
 * The activities the vocabulary does not list, compactly.
 *
 * @param rows Rows from `pageModel`.
 * @returns The item, or `null` when every row's topic is in the vocabulary.
 * @example
 * unlistedAnswer(rows) // {activities: 2, named: [{row: 'lying-down', label: 'Lying down', words: 'wait 2–4 h (median 3 h), 2 voices'}, …], more: 0}
 */
export function unlistedAnswer(rows: RowView[]): UnlistedAnswer | null {
  const byTopic = new Map<string, RowView>()
  for (const row of rows) if (row.unlisted && (!byTopic.has(row.topic) || row.condition === null)) byTopic.set(row.topic, row)
  if (byTopic.size === 0) return null
  const list = [...byTopic.values()].sort((a, b) => (b.consensus?.voices ?? 0) - (a.consensus?.voices ?? 0))
  const named = list.slice(0, unlistedNamed).map((row) => ({ row: row.key, label: row.topicLabel, words: consensusSentence(row).replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) }))
  return { activities: list.length, named, more: list.length - named.length }
}

/**
 * A row's consensus as a sentence.
 *
 * @param row A row.
 * @returns `Wait 3 days, 6 voices.`, `Wait 48 h – 4 days (median 70 h), 5 voices.`, `No wait needed, 2 voices.`, `No source gives a time, 1 voice.`
 */
export function consensusSentence(row: RowView): string {
  const voices = row.consensus?.voices ?? 0
  const who = count(voices, 'voice')
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

/**
 * A row's outliers named by source, in line order (shortest wait first).
 *
 * @param row A row.
 * @returns `Out of line: Title (24 h); …` and how many more sources, or `''`.
 */
function outlierSentence(row: RowView): string {
  const sources = new Set(row.consensus?.outliers.map((o) => o.source))
  if (sources.size === 0) return ''
  // The first lines with an outlier (a row of 10,000 sources is not read through for three names).
  const bySource = new Map<string, ClaimView[]>()
  for (const line of row.lines) {
    if (bySource.size >= outliersNamed) break
    const out = line.claims.filter((c) => c.outlier && c.counted)
    if (out.length > 0) bySource.set(line.title, [...(bySource.get(line.title) ?? []), ...out])
  }
  const named = [...bySource.entries()].map(([title, list]) => {
    const waits = [...new Set(list.map((c) => (c.claim.wait.min === 0 && c.claim.wait.max === 0 ? 'no wait' : formatRange(c.claim.wait.min!, c.claim.wait.max))))]
    return `${clip(title, 48)} (${waits.join(', ')})`
  })
  const more = sources.size > named.length ? ` and ${count(sources.size - named.length, 'more source')}` : ''
  return `Out of line: ${named.join('; ')}${more}.`
}

function conflictSentence(row: RowView): string {
  const parts: string[] = []
  const [first, ...more] = row.groups
  if (first) parts.push(`Conflict: ${groupWords(first)}${more.length ? ` (+${more.length} more)` : ''}.`)
  const self = row.lines.filter((l) => l.within.length > 0).length
  if (self) parts.push(`${count(self, 'source contradicts itself', 'sources contradict themselves')}.`)
  return parts.join(' ')
}

/**
 * Draw the answers as a list, each topic a link to its row in the chart.
 *
 * @param list The `<ol>` to fill (emptied first).
 * @param answers From {@link topicAnswers}.
 * @param unlisted From {@link unlistedAnswer}: one more item, last.
 * @param onGo Called with a row key when a topic's link is used.
 */
export function renderAnswers(list: HTMLElement, answers: TopicAnswer[], unlisted: UnlistedAnswer | null, onGo: (row: string) => void): void {
  const doc = list.ownerDocument
  list.replaceChildren()
  const linkTo = (row: string, label: string) => {
    const link = doc.createElement('a')
    link.href = `#row-${row.replace(/[^a-z0-9-]/gi, '-')}`
    link.className = 'answer-topic'
    link.textContent = label
    link.addEventListener('click', (event) => {
      event.preventDefault()
      onGo(row)
    })
    return link
  }
  for (const a of answers) {
    const li = doc.createElement('li')
    li.dataset.topic = a.topic
    li.append(linkTo(a.row, a.label), doc.createTextNode(': '))
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
  if (!unlisted) return
  const li = doc.createElement('li')
  li.className = 'answer-unlisted'
  const heading = doc.createElement('span')
  heading.className = 'answer-unlisted-title'
  heading.textContent = `${unlistedHeading} (${count(unlisted.activities, 'activity', 'activities')})`
  li.append(heading, doc.createTextNode(': '))
  unlisted.named.forEach((a, i) => {
    if (i > 0) li.append(doc.createTextNode('; '))
    li.append(linkTo(a.row, a.label), doc.createTextNode(`, ${a.words}`))
  })
  li.append(doc.createTextNode(`${unlisted.more > 0 ? `; and ${unlisted.more.toLocaleString('en')} more` : ''}. `))
  const hint = doc.createElement('span')
  hint.className = 'answer-unlisted-hint'
  hint.textContent = `${unlisted.activities === 1 ? 'Its' : 'Their'} words are in no vocabulary topic yet: one edit of vocabulary.yaml maps ${unlisted.activities === 1 ? 'it' : 'each'} to a topic.`
  li.append(hint)
  list.append(li)
}
