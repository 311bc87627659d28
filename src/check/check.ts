/**
 * Checks of a claims file against the format and against its source:
 * digest current, every quote found at its span, ids unique, every rule id
 * one the extractor has, an `unlisted` claim not on a vocabulary topic,
 * orphaned claims listed. Pure: the caller reads the files.
 */
import { isRuleId } from '../extract/rules/index.ts'
import { lineIndex } from '../lines.ts'
import type { Message } from '../message.ts'
import type { ClaimsRead } from '../read/claims.ts'
import type { Source } from '../read/source.ts'

/**
 * Check one claims file.
 *
 * @param read The claims file as read (`parseClaims`/`readClaimsFile`): its
 *   YAML and schema messages are included as they are.
 * @param source The source it belongs to, or `undefined` when there is none.
 * @param sourceFile The path where the source was expected, for messages.
 * @param topics The vocabulary's topics (optional): an `unlisted` claim on one of them was extracted before the vocabulary listed its words.
 * @returns Every problem, each at its own line and column of the claims file.
 * @example
 * checkClaimsFile(read, source, 'sources/a.md') // [] when all is well
 */
export function checkClaimsFile(read: ClaimsRead, source: Source | undefined, sourceFile: string, topics?: ReadonlySet<string>): Message[] {
  const { file, data } = read
  const messages: Message[] = [...read.messages]
  if (!data) return messages
  const at = (path: (string | number)[]) => read.locate(path)
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')
  if (data.source !== expectedId) {
    messages.push({ file, ...at(['source']), reason: `Unexpected source \`${data.source}\`, expected \`${expectedId}\` (the file name)`, ruleId: 'source' })
  }
  if (!source) {
    messages.push({ file, ...at(['source']), reason: `Unexpected claims file without source: \`${sourceFile}\` is missing`, ruleId: 'source' })
    return messages
  }
  const stale = data.digest !== source.digest
  if (stale) {
    messages.push({
      file,
      ...at(['digest']),
      reason: `Stale claims: digest \`${data.digest.slice(0, 12)}…\` does not match \`${sourceFile}\` (\`${source.digest.slice(0, 12)}…\`); run \`claimrange extract\``,
      ruleId: 'digest'
    })
  }
  const ids = new Map<string, number>()
  // Line starts found once: a look-up per claim from the file's start was quadratic on long sources.
  const lineOf = lineIndex(source.text)
  data.claims.forEach((claim, i) => {
    const first = ids.get(claim.id)
    if (first !== undefined) {
      messages.push({ file, ...at(['claims', i, 'id']), reason: `Duplicate id \`${claim.id}\`, first used by claim ${first + 1}`, ruleId: 'id' })
    } else ids.set(claim.id, i)
    claim.rules?.forEach((rule, r) => {
      if (isRuleId(rule)) return
      messages.push({
        file,
        ...at(['claims', i, 'rules', r]),
        reason: `Unexpected rule \`${rule}\`, expected an id of \`src/extract/rules/\` (a claims file of another version? run \`claimrange extract --force\`)`,
        ruleId: 'rules'
      })
    })
    if (claim.unlisted && topics?.has(claim.topic)) {
      messages.push({
        file,
        ...at(['claims', i, 'unlisted']),
        reason: `Unexpected \`unlisted\` on topic \`${claim.topic}\`: the vocabulary lists it now; run \`claimrange extract --force\``,
        ruleId: 'unlisted',
        severity: 'warning'
      })
    }
    if (claim.status === 'orphaned') {
      messages.push({
        file,
        ...at(['claims', i]),
        reason: `Orphaned claim \`${claim.id}\` (review \`${claim.review.status}\`): its quote is no longer in \`${sourceFile}\`; re-anchor it by hand or reject it`,
        ruleId: 'orphaned',
        severity: 'warning'
      })
      return
    }
    const { start, end, line } = claim.span
    const found = source.text.slice(start, end)
    if (found !== claim.quote) {
      // A stale file already says why; do not repeat it for every claim.
      if (!stale) {
        const elsewhere = source.text.indexOf(claim.quote)
        const hint = elsewhere === -1 ? 'the quote is not in the source' : `the quote is at offset ${elsewhere}`
        messages.push({ file, ...at(['claims', i, 'span']), reason: `Unexpected quote at span ${start}–${end}: ${hint}`, ruleId: 'quote' })
      }
      return
    }
    const actualLine = lineOf(start)
    if (actualLine !== line) {
      messages.push({ file, ...at(['claims', i, 'span', 'line']), reason: `Unexpected line \`${line}\`, expected \`${actualLine}\``, ruleId: 'quote' })
    }
  })
  return messages
}

/**
 * The errors of a claims file that `extract` skips because its digest is
 * current: what `check` would report of it (quotes off their spans, wrong
 * lines, duplicate ids, a wrong `source`), without the warnings. Each
 * reason says the file was left untouched.
 *
 * @param read The claims file as read, with data.
 * @param source Its source.
 * @returns The errors; empty when the file is sound.
 */
export function skippedClaimsErrors(read: ClaimsRead, source: Source): Message[] {
  return checkClaimsFile(read, source, source.file)
    .filter((m) => m.severity !== 'warning')
    .map((m) => ({ ...m, reason: `${m.reason} (left untouched: fix it by hand, then run extract again)` }))
}
