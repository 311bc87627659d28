import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseClaims, readClaimsFile } from '../../src/read/claims.ts'

const bundled = new URL('../../claims/sweat-after-microneedling.yaml', import.meta.url)
let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-read-'))
  file = join(dir, 'sweat-after-microneedling.yaml')
  await copyFile(bundled, file)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

// A file is parsed once per process while its text stays the same: these are what callers rely on.
describe('readClaimsFile read again', () => {
  it('sees an edit made between two reads', async () => {
    const first = await readClaimsFile(file)
    expect(first.data?.claims[0]?.review.status).toBe('unreviewed')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('review: {status: unreviewed}', 'review: {status: rejected}'))
    const second = await readClaimsFile(file)
    expect(second.data?.claims[0]?.review.status).toBe('rejected')
    expect(second.data?.claims.slice(1)).toEqual(first.data?.claims.slice(1))
  })

  it('gives each caller its own data: changing one read leaves the next intact', async () => {
    const first = await readClaimsFile(file)
    const count = first.data!.claims.length
    first.data!.claims.pop()
    first.data!.claims[0]!.topic = 'changed'
    const second = await readClaimsFile(file)
    expect(second.data!.claims).toHaveLength(count)
    expect(second.data!.claims[0]!.topic).not.toBe('changed')
  })

  it('reports a broken file at its own path, each time it is read', async () => {
    const text = 'source: x\ndigest: [unclosed\n'
    const a = parseClaims(join(dir, 'a.yaml'), text)
    const b = parseClaims(join(dir, 'b.yaml'), text)
    expect(a.data).toBeUndefined()
    expect(a.messages[0]!.file).toBe(join(dir, 'a.yaml'))
    expect(b.messages[0]!.file).toBe(join(dir, 'b.yaml'))
    expect(parseClaims(join(dir, 'a.yaml'), text).messages).toEqual(a.messages)
  })
})
