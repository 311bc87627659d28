import { isAlias, isCollection, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml'
import type { z } from 'zod'
import { maxYamlAliases, maxYamlNesting } from '../limits.ts'
import type { Message } from '../message.ts'

/** A YAML text parsed within the limits, or what stopped it. */
export interface LoadedYaml {
  /** The parsed document (its `errors` already turned into `problems`). */
  doc: Document
  /** Lines of the text, for placing offsets. */
  lineCounter: LineCounter
  /** The document as plain data; `undefined` when there is a problem. */
  value: unknown
  /** Syntax errors and limits exceeded, each at an offset, as one-line reasons (empty when all is well). */
  problems: Array<{ offset: number; reason: string }>
}

/**
 * Parse YAML within limits: syntax errors; more than `maxYamlAliases`
 * aliases, or an alias that expands beyond them (a "billion laughs" bomb);
 * collections nested deeper than `maxYamlNesting`; the parser's own stack
 * overflow. Each becomes a problem at an offset, never an exception, so
 * the caller can name the file and line.
 *
 * @param text YAML text.
 * @param options `uniqueKeys`: duplicate keys are errors (default: `false`).
 * @returns The document, its value and its problems.
 * @example
 * loadYaml('a: &x [1]\nb: *x\n').value // {a: [1], b: [1]}
 */
export function loadYaml(text: string, options: { uniqueKeys?: boolean } = {}): LoadedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: options.uniqueKeys === true })
  const done = (problems: LoadedYaml['problems'], value?: unknown): LoadedYaml => ({ doc, lineCounter, value, problems })
  if (doc.errors.length > 0) {
    return done(doc.errors.map((error) => ({ offset: error.pos[0], reason: `Invalid YAML: ${oneLine(error.message)}` })))
  }
  let aliases = 0
  let firstAlias = 0
  let tooMany: { offset: number; reason: string } | undefined
  let tooDeep: { offset: number; reason: string } | undefined
  try {
    visit(doc, (_key, node, path) => {
      if (isAlias(node)) {
        if (aliases++ === 0) firstAlias = node.range?.[0] ?? 0
        if (aliases > maxYamlAliases) {
          tooMany = { offset: node.range?.[0] ?? 0, reason: `Unexpected more than ${maxYamlAliases} aliases (\`*${node.source}\`), expected at most ${maxYamlAliases}` }
          return visit.BREAK
        }
      } else if (isCollection(node) && path.length > maxYamlNesting) {
        tooDeep = { offset: node.range?.[0] ?? 0, reason: `Unexpected collections nested more than ${maxYamlNesting} deep, expected at most ${maxYamlNesting}` }
        return visit.BREAK
      }
      return undefined
    })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return done([{ offset: 0, reason: `Unexpected YAML nested too deep to read, expected at most ${maxYamlNesting} levels` }])
  }
  if (tooMany) return done([tooMany])
  if (tooDeep) return done([tooDeep])
  try {
    return done([], doc.toJS({ maxAliasCount: maxYamlAliases }))
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof RangeError)) throw error
    // The library's "Excessive alias count": an alias bomb.
    return done([{ offset: firstAlias, reason: `Unexpected aliases that expand to more than ${maxYamlAliases} copies, expected at most ${maxYamlAliases}` }])
  }
}

/** The first line of an error message, trimmed. */
function oneLine(message: string): string {
  return message.split('\n')[0]!.trim()
}

/** A YAML file parsed and validated against a schema. */
export interface ValidatedYaml<T> {
  /** The validated value; `undefined` when the YAML or the schema failed. */
  data: T | undefined
  /** Every problem, each at its own line and column (`yaml` or `schema` rule). */
  messages: Message[]
  /** 1-based line and column of the node at a path (its nearest existing parent's otherwise). */
  locate: (path: (string | number)[]) => { line: number; column: number }
}

/**
 * Parse YAML (within the limits of {@link loadYaml}) and validate it, listing
 * *every* problem at its own place: YAML syntax errors or a limit exceeded,
 * else each schema issue at the node it is about (the
 * `yaml` package's `parseDocument` + `LineCounter`). Duplicate keys are errors.
 *
 * @param file Path, for messages.
 * @param text YAML text.
 * @param schema zod schema of the document.
 * @returns The data (or `undefined`), the messages, and a way to place paths.
 * @example
 * parseValidated('a.yaml', 'n: x\n', z.object({n: z.number()})).messages[0].line // 1
 */
export function parseValidated<S extends z.ZodType>(file: string, text: string, schema: S): ValidatedYaml<z.infer<S>> {
  const { doc, lineCounter, value, problems } = loadYaml(text, { uniqueKeys: true })
  const place = (offset: number) => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  const locate = (path: (string | number)[]) => place(nodeOffset(doc, path))
  if (problems.length > 0) {
    const messages = problems.map((problem) => ({ file, ...place(problem.offset), reason: problem.reason, ruleId: 'yaml' }))
    return { data: undefined, messages, locate }
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return { data: parsed.data, messages: [], locate }
  const messages = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : ''
    return { file, ...locate(issue.path as (string | number)[]), reason: `${path}${issue.message}`, ruleId: 'schema' }
  })
  return { data: undefined, messages, locate }
}

/** Offset of the deepest node that exists on `path` (falls back to its parents). */
function nodeOffset(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return 0
}
