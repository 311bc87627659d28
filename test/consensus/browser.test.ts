import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(import.meta.dirname, '..', '..', 'src', 'consensus')

describe('src/consensus stays browser-safe', () => {
  it('no module under src/consensus imports a Node API or reads process', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(5)
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8')
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!)
      for (const spec of imports) expect(spec.startsWith('.') || spec === 'zod', `${name} imports ${spec}`).toBe(true)
      expect(text, name).not.toMatch(/\bprocess\.|\brequire\(/)
    }
  })
})
