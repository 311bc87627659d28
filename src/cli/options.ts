import { readVocabulary } from '../read/vocabulary.ts'
import type { Vocabulary } from '../vocabulary.ts'

/** Folder and file options shared by the commands. */
export interface CommonOptions {
  sources: string
  claims: string
  vocabulary?: string
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
