/**
 * `claimrange diff [--since <git ref>] [--claims DIR]`: what changed in the
 * consensus between the claims folder as committed at a ref (default
 * `HEAD`) and the working tree. Thin: it reads both states (`read/git.ts`)
 * and prints `diffClaims` through `formatConsensusDiff`.
 *
 * Exit codes: 0 (whether or not something changed, like `git diff`);
 * 1 outside a git repository, for an unknown ref, or when a claims file
 * was skipped as invalid (its problems are printed; the others are compared).
 */
import type { Command } from 'commander'
import { consensusOptions, diffClaims } from '../diff/claims.ts'
import { formatConsensusDiff } from '../diff/format.ts'
import type { ConsensusDiff } from '../diff/types.ts'
import { compareMessages, formatMessage, type Message } from '../message.ts'
import { readClaimsAtRef, readClaimsSnapshot } from '../read/git.ts'
import type { Register } from './commands.ts'
import type { Effects } from './effects.ts'
import { claimsOption, loadVocabulary, vocabularyOption } from './options.ts'

/** Options of {@link runDiff}. */
export interface DiffCommandOptions {
  /** Claims folder (default: `claims`). */
  claims?: string
  /** Git ref to compare with (default: `HEAD`). */
  since?: string
  /** Vocabulary file (default: the bundled `vocabulary.yaml`). */
  vocabulary?: string
}

/**
 * Compare the committed claims folder with the working tree and print the report.
 *
 * @param options Folder, ref and vocabulary (see {@link DiffCommandOptions}).
 * @param effects Where to print.
 * @returns The diff, the problems of skipped files, and the exit code.
 * @throws {FileError} Outside a git repository or for an unknown ref.
 * @example
 * const {diff} = await runDiff({since: 'HEAD~1'}, captureEffects())
 */
export async function runDiff(options: DiffCommandOptions, effects: Effects): Promise<{ diff: ConsensusDiff; messages: Message[]; exitCode: number }> {
  const dir = options.claims ?? 'claims'
  const ref = options.since ?? 'HEAD'
  const vocabulary = await loadVocabulary(options)
  const committed = await readClaimsAtRef(dir, ref)
  const current = await readClaimsSnapshot(dir)
  const messages = [...committed.messages, ...current.messages].sort(compareMessages)
  for (const message of messages) effects.err(formatMessage(message))
  const diff = diffClaims(committed.files, current.files, consensusOptions(vocabulary))
  effects.out(`${dir}: ${ref} (${committed.commit.slice(0, 7)}) → working tree`)
  effects.out(formatConsensusDiff(diff, { color: effects.color }))
  return { diff, messages, exitCode: messages.length > 0 ? 1 : 0 }
}

export const registerDiff: Register = (program: Command, effects, setExit) => {
  program
    .command('diff')
    .description('what changed in the consensus since a commit: the claims folder at --since vs the working tree')
    .option('--since <ref>', 'git ref to compare with', 'HEAD')
    .addOption(claimsOption())
    .addOption(vocabularyOption())
    .action(async (options: DiffCommandOptions) => {
      const { exitCode } = await runDiff(options, effects)
      setExit(exitCode)
    })
}
