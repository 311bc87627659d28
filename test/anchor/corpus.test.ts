import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { readClaimsFile } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import type { Claim } from '../../src/schema.ts'
import { extractCorpus } from '../../src/write/corpus.ts'
import { serializeClaims } from '../../src/write/serialize.ts'
import { fixture, swimQuote } from './helpers.ts'

const vocabulary = await readVocabulary()
let sources: string
let claims: string

beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimrange-anchor-'))
  sources = join(dir, 'sources')
  claims = join(dir, 'claims')
  await mkdir(sources)
  await writeFile(join(sources, 'aftercare.md'), fixture('original.md'))
  return () => rm(dir, { recursive: true, force: true })
})

const claimsFile = () => join(claims, 'aftercare.yaml')
const run = () => extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })

async function readClaims(): Promise<Claim[]> {
  const read = await readClaimsFile(claimsFile())
  expect(read.messages).toEqual([])
  return read.data!.claims
}

/** What an editor does: confirm the swimming claim and reject the sun claim in the YAML file. */
async function review(): Promise<{ swim: Claim; sun: Claim }> {
  const read = await readClaimsFile(claimsFile())
  const data = read.data!
  for (const claim of data.claims) {
    if (claim.topic === 'swimming') claim.review = { status: 'confirmed', note: 'clinic leaflet agrees', by: 'mk' }
    if (claim.topic === 'sun') claim.review = { status: 'rejected', note: 'too vague', by: 'mk' }
  }
  await writeFile(claimsFile(), serializeClaims(data))
  return { swim: data.claims.find((c) => c.topic === 'swimming')!, sun: data.claims.find((c) => c.topic === 'sun')! }
}

async function editSource(name: string): Promise<string> {
  const text = fixture(name)
  await writeFile(join(sources, 'aftercare.md'), text)
  return text
}

describe('extractCorpus keeps reviews across regeneration (through mergeClaims)', () => {
  it('extractCorpus after a paragraph is inserted above: reviews kept, spans moved, every id unchanged', async () => {
    await run()
    const { swim, sun } = await review()
    const before = await readClaims()
    const text = await editSource('inserted-paragraph.md')
    const result = await run()
    expect(result.sources[0]!.status).toBe('written')
    const after = await readClaims()
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id))
    const swimAfter = after.find((c) => c.id === swim.id)!
    expect(swimAfter.review).toEqual({ status: 'confirmed', note: 'clinic leaflet agrees', by: 'mk' })
    expect(swimAfter.span.line).toBe(swim.span.line + 2)
    expect(text.slice(swimAfter.span.start, swimAfter.span.end)).toBe(swimQuote)
    expect(swimAfter.context).toBeDefined()
    expect(after.find((c) => c.id === sun.id)!.review.status).toBe('rejected')
    expect(after.filter((c) => c.topic === 'sun')).toHaveLength(1)
    for (const claim of after) expect(text.slice(claim.span.start, claim.span.end)).toBe(claim.quote)
  })

  it("extractCorpus after the claim's own sentence is reworded: the review follows the new sentence, no duplicate", async () => {
    await run()
    const { swim } = await review()
    const text = await editSource('edited-sentence.md')
    const result = await run()
    const after = await readClaims()
    const swimming = after.filter((c) => c.topic === 'swimming')
    expect(swimming.map((c) => c.id)).toEqual([swim.id])
    expect(swimming[0]!.quote).toBe('Please avoid swimming pools for at least 72 hours after your treatment.')
    expect(text.slice(swimming[0]!.span.start, swimming[0]!.span.end)).toBe(swimming[0]!.quote)
    expect(swimming[0]!.review.status).toBe('confirmed')
    expect(result.messages.map((m) => m.ruleId)).toEqual(['reanchored'])
    expect(result.messages[0]!.file).toBe(claimsFile())
  })

  it('extractCorpus after the sentence is deleted: the claim is kept as orphaned with its review, last; next runs change no byte', async () => {
    await run()
    const { swim } = await review()
    await editSource('deleted.md')
    const result = await run()
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([['orphaned', 'warning']])
    const after = await readClaims()
    const last = after.at(-1)!
    expect(last.id).toBe(swim.id)
    expect(last.status).toBe('orphaned')
    expect(last.review).toEqual({ status: 'confirmed', note: 'clinic leaflet agrees', by: 'mk' })
    expect(after.filter((c) => c.topic === 'swimming')).toHaveLength(1)
    const bytes = await readFile(claimsFile(), 'utf8')
    const again = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary, force: true })
    expect(again.sources[0]!.status).toBe('unchanged')
    expect(again.messages).toEqual([])
    expect(await readFile(claimsFile(), 'utf8')).toBe(bytes)
  })

  it('extractCorpus does not let "Avoid saunas for 72 hours" capture a deleted swimming claim', async () => {
    await run()
    const { swim } = await review()
    const text = await editSource('deleted.md')
    await run()
    const orphan = (await readClaims()).find((c) => c.id === swim.id)!
    expect(orphan.status).toBe('orphaned')
    expect(orphan.quote).toBe(swimQuote)
    expect(text).not.toContain(swimQuote)
  })
})
