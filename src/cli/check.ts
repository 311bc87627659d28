/**
 * `claimrange check`: validate every claims file against the format and
 * against its source. Each problem prints as `file:line:column: message`;
 * exit 1 when any error is found (orphaned claims are listed as warnings).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { checkClaimsFile } from '../check/check.ts'
import { compareMessages, formatMessage, type Message } from '../message.ts'
import { listSources, readClaimsDir } from '../read/claims.ts'
import { FileError } from '../read/errors.ts'
import { readSource, type Source } from '../read/source.ts'
import type { Register } from './commands.ts'
import type { Effects } from './effects.ts'
import { formatUnlisted, listUnlisted, type UnlistedActivity } from '../report/unlisted.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { claimsOption, loadVocabulary, sourcesOption, vocabularyOption } from './options.ts'

/**
 * Check a claims folder against a sources folder.
 *
 * @param options `sources` and `claims` folders, and the vocabulary (optional: with it, an unlisted claim on a topic it now lists is reported).
 * @returns Every problem found, sorted by file and place.
 * @throws {FileError} When a folder is missing.
 */
export async function checkCorpus(options: { sources: string; claims: string; vocabulary?: Vocabulary }): Promise<Message[]> {
  const { names: sourceNames, messages: skipped } = await listSources(options.sources)
  const reads = await readClaimsDir(options.claims)
  const messages: Message[] = [...skipped]
  const vocabularyTopics = options.vocabulary && new Set(Object.keys(options.vocabulary.topics))
  const sources = new Map<string, Source | undefined>()
  for (const name of sourceNames) {
    const file = join(options.sources, name)
    try {
      sources.set(name.replace(/\.md$/i, ''), await readSource(file))
    } catch (error) {
      if (!(error instanceof FileError)) throw error
      sources.set(name.replace(/\.md$/i, ''), undefined)
      messages.push({ file, line: error.line, column: error.column, reason: error.reason, ruleId: 'source' })
    }
  }
  const covered = new Set<string>()
  for (const read of reads) {
    const id = read.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')
    covered.add(id)
    const sourceFile = join(options.sources, `${id}.md`)
    if (sources.has(id) && sources.get(id) === undefined) {
      for (const m of read.messages) messages.push(m)
      continue
    }
    // One by one: a file an editor broke may have more problems than `push(...list)` takes arguments.
    for (const m of checkClaimsFile(read, sources.get(id), sourceFile, vocabularyTopics)) messages.push(m)
  }
  for (const [id, source] of sources) {
    if (!covered.has(id) && source) {
      messages.push({ file: source.file, reason: `Missing claims file \`${join(options.claims, `${id}.yaml`)}\`; run \`claimrange extract\``, ruleId: 'missing' })
    }
  }
  return messages.sort(compareMessages)
}

/**
 * Print the problems of a check and decide the exit code.
 *
 * @param messages Problems from {@link checkCorpus}.
 * @param effects Where to print.
 * @param unlisted The activities outside the vocabulary, listed after the problems (default: none).
 * @returns 1 when any problem is an error, else 0.
 */
export function reportCheck(messages: Message[], effects: Effects, unlisted: UnlistedActivity[] = []): number {
  for (const m of messages) effects.out(formatMessage(m) + (m.severity === 'warning' ? ' (warning)' : ''))
  for (const line of formatUnlisted(unlisted)) effects.out(line)
  const errors = messages.filter((m) => m.severity !== 'warning').length
  const warnings = messages.length - errors
  effects.out(errors === 0 && warnings === 0 ? 'check: all claims files are valid and current' : `check: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  return errors > 0 ? 1 : 0
}

export const registerCheck: Register = (program: Command, effects, setExit) => {
  program
    .command('check')
    .description('validate claims files against the format and their sources (file:line:column: message)')
    .addOption(sourcesOption())
    .addOption(claimsOption())
    .addOption(vocabularyOption())
    .action(async (options: { sources: string; claims: string; vocabulary?: string }) => {
      if (!existsSync(options.claims)) throw new FileError(options.claims, 'Cannot read folder: it does not exist')
      const vocabulary = await loadVocabulary(options)
      const messages = await checkCorpus({ sources: options.sources, claims: options.claims, vocabulary })
      const files = (await readClaimsDir(options.claims)).flatMap((read) => (read.data ? [read.data] : []))
      setExit(reportCheck(messages, effects, listUnlisted(files)))
    })
}
