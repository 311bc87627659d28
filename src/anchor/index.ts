/**
 * Reviews that survive regeneration: re-anchoring reviewed claims in an
 * edited source and merging them with a fresh extraction. Pure (no file
 * system); the corpus runner (`write/corpus.ts`) reads and writes.
 */
export { mergeClaims, type MergeOptions, type MergeResult } from './merge.ts'
export { reanchorClaim, type AnchorMethod, type Anchoring } from './reanchor.ts'
export { findExact, type ExactMatch } from './exact.ts'
export { findFuzzy, fuzzyThreshold, tokenWeights, contextSimilarity, diceSimilarity, type FuzzyClaim, type FuzzyMatch } from './fuzzy.ts'
export { lineAt } from '../lines.ts'
export { contextOf, contextSize, lacksContext } from './text.ts'
export { tokenize, type Token, type TokenKind } from './tokens.ts'
