/**
 * The cache of the claims folder is never read under another claims
 * format: a parsed copy, and the row tallies, made when the claims schema
 * was another are ignored (a field added to claims never reads stale).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { claimsFormat, readCachedClaims } from '../../src/write/claims-cache.ts'
import { extractCorpus } from '../../src/write/corpus.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

let dir: string
let sources: string
let claims: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-cache-'))
  sources = join(dir, 'sources')
  claims = join(dir, 'claims')
  await cp(join(root, 'sources'), sources, { recursive: true })
  await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary: await readVocabulary() })
  return () => rm(dir, { recursive: true, force: true })
})

describe('claims cache and the claims format', () => {
  it('readCachedClaims uses a parsed copy of its format, and ignores one of another format', async () => {
    const file = join(claims, 'sweat-after-microneedling.yaml')
    const copy = join(claims, '.cache', 'files', 'sweat-after-microneedling.yaml.json')
    const stored = JSON.parse(await readFile(copy, 'utf8'))
    expect(stored.format).toBe(claimsFormat())
    const quote = stored.data.claims[0].quote
    stored.data.claims[0].quote = 'changed in the copy only'
    await writeFile(copy, JSON.stringify(stored))
    expect((await readCachedClaims(file)).data!.claims[0]!.quote).toBe('changed in the copy only')
    await writeFile(copy, JSON.stringify({ ...stored, format: 'another format' }))
    expect((await readCachedClaims(file)).data!.claims[0]!.quote).toBe(quote)
  })

  it('row tallies of another format are not used: what changed is worked out from the digests', async () => {
    const vocabulary = await readVocabulary()
    const tallies = join(claims, '.cache', 'rows.json')
    const kept = JSON.parse(await readFile(tallies, 'utf8'))
    await writeFile(tallies, JSON.stringify({ ...kept, format: 'another format' }))
    const edited = join(sources, 'workout-after-microneedling.md')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nAvoid swimming for two weeks.\n`)
    expect((await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })).consensusFrom).toBe('digests')
    // The run leaves tallies of its own format for the next.
    expect(JSON.parse(await readFile(tallies, 'utf8')).format).toBe(claimsFormat())
  })
})
