import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import type { Message } from '../message.ts'

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
 * Parse YAML and validate it, listing *every* problem at its own place: YAML
 * syntax errors, else each schema issue at the node it is about (the
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
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const place = (offset: number) => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  const locate = (path: (string | number)[]) => place(nodeOffset(doc, path))
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((error) => ({
      file,
      ...place(error.pos[0]),
      reason: `Invalid YAML: ${error.message.split('\n')[0]!.trim()}`,
      ruleId: 'yaml'
    }))
    return { data: undefined, messages, locate }
  }
  const parsed = schema.safeParse(doc.toJS())
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
