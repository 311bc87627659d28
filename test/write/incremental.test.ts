/**
 * Incremental regeneration gives the bytes of a run from scratch: after
 * every step of an editing history (sources added, edited, removed, a claims
 * file reviewed by hand, the cache deleted), the claims folder, the
 * `consensus --json` output and the what-changed report are those of
 * extracting the same sources into an empty folder, or of comparing the
 * whole folder before and after.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { consensusOptions, diffClaims } from '../../src/diff/claims.ts'
import { formatConsensusDiff } from '../../src/diff/format.ts'
import { readClaimsSnapshot } from '../../src/read/git.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { extractCorpus, rewriteChange } from '../../src/write/corpus.ts'
import { setReview } from '../../src/write/review.ts'
import { article, random } from '../../bench/articles.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const articles = join(root, 'test', 'fixtures', 'articles')

let dir: string
let sources: string
let claims: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-incremental-'))
  sources = join(dir, 'sources')
  claims = join(dir, 'claims')
  await cp(join(root, 'sources'), sources, { recursive: true })
  return () => rm(dir, { recursive: true, force: true })
})

/** Every file of a claims folder but the cache, by name. */
async function folder(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(path)).sort()) if (name !== '.cache') out[name] = await readFile(join(path, name), 'utf8')
  return out
}

/** `consensus --json` of a claims folder. */
async function consensusJson(path: string): Promise<string> {
  const effects = captureEffects()
  expect(await main(['consensus', '--claims', path, '--json'], effects)).toBe(0)
  return effects.stdout.join('\n')
}

/**
 * Extract incrementally into `claims`, and check it against a whole-folder
 * diff and a run from scratch.
 */
async function step(): Promise<ReturnType<typeof extractCorpus>> {
  const vocabulary = await readVocabulary()
  const before = (await readClaimsSnapshot(claims)).files
  const result = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
  const after = (await readClaimsSnapshot(claims)).files
  expect(formatConsensusDiff(result.diff)).toBe(formatConsensusDiff(diffClaims(before, after, consensusOptions(vocabulary))))
  expect(result.diff).toEqual(diffClaims(before, after, consensusOptions(vocabulary)))
  const fresh = await mkdtemp(join(tmpdir(), 'claimrange-scratch-'))
  try {
    await extractCorpus({ sourcesDir: sources, claimsDir: fresh, vocabulary })
    expect(await folder(claims)).toEqual(await folder(fresh))
    expect(await consensusJson(claims)).toBe(await consensusJson(fresh))
  } finally {
    await rm(fresh, { recursive: true, force: true })
  }
  return result
}

describe('incremental extract == from scratch', () => {
  it('through sources added, edited and removed, and the cache deleted', async () => {
    await step()
    const again = await step()
    expect(again.sources.every((s) => s.status === 'unchanged' && !s.extracted && s.claims === undefined)).toBe(true)
    expect(formatConsensusDiff(again.diff)).toBe('No change in the consensus.')

    for (const name of ['tattoo-aftercare-timeline.md', 'microneedling-experts-disagree.md']) await cp(join(articles, name), join(sources, name))
    const added = await step()
    expect(added.sources.filter((s) => s.extracted).map((s) => s.id)).toEqual(['microneedling-experts-disagree', 'tattoo-aftercare-timeline'])

    const edited = join(sources, 'workout-after-microneedling.md')
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('Skip saunas', 'You can use saunas right away. Skip saunas'))
    const changed = await step()
    expect(changed.sources.filter((s) => s.extracted).map((s) => s.id)).toEqual(['workout-after-microneedling'])
    expect(changed.diff.rows.length).toBeGreaterThan(0)

    await rm(join(sources, 'tattoo-aftercare-timeline.md'))
    await rm(join(claims, 'tattoo-aftercare-timeline.yaml'))
    await step()

    // Digests lost, index kept: the changed rows' digests are rebuilt from the claims files.
    await rm(join(claims, '.cache', 'digests'), { recursive: true })
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nAvoid swimming for two weeks.\n`)
    await step()

    await rm(join(claims, '.cache'), { recursive: true })
    await step()
  })

  it('on 80 generated sources, a source added, one edited, a claim rejected, and files reviewed by hand or deleted between runs: what changed is worked out from the row tallies', async () => {
    await rm(sources, { recursive: true })
    await mkdir(sources)
    const rnd = random(20261202)
    for (let i = 0; i < 80; i++) await writeFile(join(sources, `article-${i}.md`), article(rnd, i))
    expect((await step()).consensusFrom).toBe('digests')
    await writeFile(join(sources, 'article-added.md'), article(random(7), 80))
    const added = await step()
    expect(added.consensusFrom).toBe('tallies')
    expect(added.diff.rows.length).toBeGreaterThan(0)
    const edited = join(sources, 'article-3.md')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nAvoid saunas for two weeks.\n`)
    expect((await step()).consensusFrom).toBe('tallies')
    const vocabulary = await readVocabulary()
    const file = join(claims, 'article-5.yaml')
    const id = /id: (\S+)/.exec(await readFile(file, 'utf8'))![1]!
    const before = (await readClaimsSnapshot(claims)).files
    const outcome = await setReview({ claimsDir: claims, sourcesDir: sources, source: 'article-5', id, review: { status: 'rejected' } })
    if (outcome.kind !== 'updated') throw new Error(outcome.kind)
    const diff = await rewriteChange(claims, vocabulary, outcome.file, outcome.before)
    expect(diff).toEqual(diffClaims(before, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
    expect(diff.rows.length).toBeGreaterThan(0)
    // The next run starts from the tallies the review left.
    const reviewed = (await readClaimsSnapshot(claims)).files
    await writeFile(join(sources, 'article-added-2.md'), article(random(8), 81))
    const next = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    expect(next.consensusFrom).toBe('tallies')
    expect(next.diff).toEqual(diffClaims(reviewed, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
    // A claims file reviewed outside a run, and another deleted: the tallies are brought up to date with them, not reported.
    const handId = /id: (\S+)/.exec(await readFile(join(claims, 'article-9.yaml'), 'utf8'))![1]!
    await setReview({ claimsDir: claims, sourcesDir: sources, source: 'article-9', id: handId, review: { status: 'rejected' } })
    await rm(join(sources, 'article-11.md'))
    await rm(join(claims, 'article-11.yaml'))
    const byHand = (await readClaimsSnapshot(claims)).files
    await writeFile(join(sources, 'article-added-3.md'), article(random(9), 82))
    const after = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    expect(after.consensusFrom).toBe('tallies')
    expect(after.diff).toEqual(diffClaims(byHand, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
  })

  it('a claims file reviewed by hand between runs is read again, and stays as the editor left it', async () => {
    const vocabulary = await readVocabulary()
    await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    const file = join(claims, 'sweat-after-microneedling.yaml')
    const id = /id: (\S+)/.exec(await readFile(file, 'utf8'))![1]!
    await setReview({ claimsDir: claims, sourcesDir: sources, source: 'sweat-after-microneedling', id, review: { status: 'rejected', note: 'not a wait' } })
    const reviewed = await readFile(file, 'utf8')
    const before = (await readClaimsSnapshot(claims)).files
    const result = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    expect(await readFile(file, 'utf8')).toBe(reviewed)
    expect(result.diff).toEqual(diffClaims(before, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
    // The index now knows the reviewed file: an edit of its source diffs against the review.
    const source = join(sources, 'sweat-after-microneedling.md')
    await writeFile(source, `${await readFile(source, 'utf8')}\nAvoid swimming for two weeks.\n`)
    const snapshot = (await readClaimsSnapshot(claims)).files
    const edited = await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    expect(edited.diff).toEqual(diffClaims(snapshot, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
    expect(await readFile(file, 'utf8')).toContain('note: not a wait')
  })

  it('reviews one after another (as a live server records them) diff as the whole folder does, also after another run in between', async () => {
    const vocabulary = await readVocabulary()
    await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    const review = async (source: string, pick: number, status: 'rejected' | 'confirmed' | 'unreviewed') => {
      const file = join(claims, `${source}.yaml`)
      const id = [...(await readFile(file, 'utf8')).matchAll(/id: (\S+)/g)][pick]![1]!
      const before = (await readClaimsSnapshot(claims)).files
      const outcome = await setReview({ claimsDir: claims, sourcesDir: sources, source, id, review: { status } })
      if (outcome.kind !== 'updated') throw new Error(outcome.kind)
      const diff = await rewriteChange(claims, vocabulary, outcome.file, outcome.before)
      expect(diff).toEqual(diffClaims(before, (await readClaimsSnapshot(claims)).files, consensusOptions(vocabulary)))
      return diff
    }
    expect((await review('sweat-after-microneedling', 0, 'rejected')).rows.length).toBeGreaterThan(0)
    await review('sweat-after-microneedling', 1, 'rejected')
    await review('workout-after-microneedling', 2, 'rejected')
    await review('sweat-after-microneedling', 0, 'unreviewed')
    // Another run changes the folder between two reviews: the kept state is not used.
    const edited = join(sources, 'exercise-after-skin-needling.md')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nYou can swim the next day.\n`)
    await extractCorpus({ sourcesDir: sources, claimsDir: claims, vocabulary })
    await review('exercise-after-skin-needling', 0, 'rejected')
    await review('sweat-after-microneedling', 1, 'confirmed')
  })
})
