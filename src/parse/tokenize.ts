/**
 * Tokenize Markdown with micromark, the tokenizer inside remark-parse, with
 * front matter and, where a file has one, GitHub's tables: articles written
 * today use them, and `add` writes HTML tables that way. Only tables: the rest
 * of GitHub's syntax (autolinks, strikethrough, footnotes) reads fine as text,
 * and all of it made parsing 2.5 times slower where tables alone cost 15–25 %.
 * The shape checks of `shape.ts` run first, so tokenizing stays linear.
 */
import { parse, postprocess, preprocess } from 'micromark'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Event, Extension, ParseContext } from 'micromark-util-types'
import './edit-map.ts'
import { checkShape, needsPlainInline, needsPlainTables, readAsPlain } from './shape.ts'

/** Front matter always; GitHub tables for files that may have one. */
const plain: Extension[] = [frontmatter(['yaml', 'toml'])]
const withTables: Extension[] = [...plain, gfmTable()]
/**
 * For a document whose emphasis and links micromark would match in
 * quadratic time (see `shape.ts`): no emphasis, no links. Their markers are
 * then text, kept in the blocks' text; the blocks themselves are the same.
 */
const noInline: Extension = { disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd'] } }
const plainNoInline: Extension[] = [...plain, noInline]
const withTablesNoInline: Extension[] = [...withTables, noInline]

/**
 * A line that may be a table's delimiter row ("| --- | :-: |"), in a quote
 * or list too. No table without one, and without a table both syntaxes give
 * the same events: files without such a line skip the table extension's cost.
 */
const delimiterRow = /^(?=[^\n]*\|)(?=[^\n]*-)[> \t]*[|:\- \t]+$/m

/**
 * Whether a file may hold a GitHub table, so is read with the table extension.
 *
 * @param text Full text of the file.
 * @returns `true` when a line may be a table's delimiter row.
 */
export function mayHaveTable(text: string): boolean {
  return delimiterRow.test(text)
}

/**
 * micromark's parser for each set of extensions, made once. `parse` merges
 * every construct of CommonMark with the extensions on each call, which cost
 * 4–5 % of extraction's time over the bench corpus; what the parser keeps of
 * a document — the definitions seen (`defined`) and which lines are lazy
 * (`lazy`), nothing else — is reset before each one, so a parser used again
 * tokenizes as a new one would (tested in `test/parse/tokenize.test.ts`).
 */
const parsers = new Map<Extension[], ParseContext>()

/**
 * A parser for `extensions`, ready for a new document.
 *
 * @param extensions One of the extension lists above.
 * @returns The parser, with no definitions and no lazy lines.
 */
function parserFor(extensions: Extension[]): ParseContext {
  let parser = parsers.get(extensions)
  if (!parser) {
    parser = parse({ extensions })
    parsers.set(extensions, parser)
  }
  parser.defined = []
  parser.lazy = {}
  return parser
}

/**
 * Tokenize Markdown (with optional front matter and GitHub tables), in time
 * linear in the text: a document nested too deep on one line, or with too
 * many lines or list and quote markers, is refused; one with too many
 * emphasis or link markers is read without emphasis and links, one with
 * too many `|` without tables, and long runs of lazy continuation lines as
 * plain paragraphs (see `shape.ts`).
 *
 * @param text Full text of the file.
 * @returns micromark's events, in document order; offsets are offsets into `text`.
 * @throws {LimitError} Over `maxNesting`, `maxLines` or `maxContainerMarkers` (see `checkShape`).
 */
export function tokenizeMarkdown(text: string): Event[] {
  const shape = checkShape(text)
  const tables = mayHaveTable(text) && !needsPlainTables(text)
  const extensions = needsPlainInline(text) ? (tables ? withTablesNoInline : plainNoInline) : tables ? withTables : plain
  // Long runs of lazy lines are read as plain paragraphs: the same length, so the same offsets.
  const read = readAsPlain(text, shape.lazyOpeners)
  return postprocess(parserFor(extensions).document().write(preprocess()(read, undefined, true)))
}
