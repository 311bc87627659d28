import { Option } from 'commander'
import { readVocabulary } from '../read/vocabulary.ts'
import { CliError } from './effects.ts'
import type { Vocabulary } from '../vocabulary.ts'

/** Folder and file options shared by the commands. */
export interface CommonOptions {
  sources: string
  claims: string
  vocabulary?: string
}

/** `--sources <dir>`, the same for every command that reads the articles. */
export function sourcesOption(): Option {
  return new Option('--sources <dir>', 'folder of source articles (*.md)').default('sources')
}

/** `--claims <dir>`, the same for every command that reads or writes claims files. */
export function claimsOption(): Option {
  return new Option('--claims <dir>', 'folder of claims files').default('claims')
}

/** `--vocabulary <file>`, the same for every command that reads the vocabulary. */
export function vocabularyOption(): Option {
  return new Option('--vocabulary <file>', 'vocabulary file (default: the bundled vocabulary.yaml)')
}

/**
 * Load the vocabulary a command was pointed at.
 *
 * @param options Parsed command options.
 * @returns The validated vocabulary (the bundled one by default).
 */
export function loadVocabulary(options: Pick<CommonOptions, 'vocabulary'>): Promise<Vocabulary> {
  return readVocabulary(options.vocabulary)
}

/**
 * Read a `--port` value.
 *
 * @param text The flag's text.
 * @returns The port, 0 meaning any free port.
 * @throws {CliError} (exit 2) when it is not a number from 0 to 65535.
 */
export function parsePort(text: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Unexpected --port \`${text}\`, expected a number from 0 to 65535`, 2)
  return port
}
