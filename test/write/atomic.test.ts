import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseClaims, readClaimsDir } from '../../src/read/claims.ts'
import { readVocabulary } from '../../src/read/vocabulary.ts'
import { withLock, writeFileAtomic } from '../../src/write/atomic.ts'
import { extractCorpus } from '../../src/write/corpus.ts'
import { claimsFileFor } from './children/claims-data.ts'

const children = fileURLToPath(new URL('children/', import.meta.url))
const files = 40

let dir: string
const started: ChildProcess[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimrange-atomic-'))
})

afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
  await rm(`${dir}.lock`, { recursive: true, force: true })
})

/** Start a child script under tsx; resolves once it prints `line`. */
async function startChild(script: string, args: string[], line: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(children, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  started.push(child)
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  await new Promise<void>((resolve, reject) => {
    let stdout = ''
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      if (stdout.includes(`${line}\n`)) resolve()
    })
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before printing ${line}: ${stderr}`)))
  })
  return child
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('writeFileAtomic', () => {
  it('writeFileAtomic: a writer killed with SIGKILL mid-run leaves every claims file as it was or complete and valid (4 kills)', async () => {
    for (const [run, delay] of [5, 37, 111, 263].entries()) {
      const target = join(dir, `run-${run}`)
      await mkdir(target)
      for (let i = 0; i < files; i++) await writeFile(join(target, `source-${i}.yaml`), claimsFileFor(i, 0))
      const child = await startChild('write-claims.ts', [target, String(files)], 'writing')
      await sleep(delay)
      await killed(child)
      const rounds = new Set<number>()
      for (let i = 0; i < files; i++) {
        const file = join(target, `source-${i}.yaml`)
        const text = await readFile(file, 'utf8')
        const read = parseClaims(file, text)
        expect(read.messages).toEqual([])
        const round = read.data!.claims.length - 1
        expect(text).toBe(claimsFileFor(i, round))
        rounds.add(round)
      }
      // The child got past its first full round, so files were being rewritten when it died.
      expect(Math.max(...rounds)).toBeGreaterThanOrEqual(1)
      // Temp files a kill may leave behind are never read as claims files.
      const valid = await readClaimsDir(target)
      expect(valid).toHaveLength(files)
      expect(valid.every((f) => f.data !== undefined)).toBe(true)
    }
  }, 60000)

  it('writeFileAtomic(file, content) creates missing folders and replaces the whole file', async () => {
    const file = join(dir, 'a', 'b', 'c.yaml')
    await writeFileAtomic(file, 'x'.repeat(10000))
    await writeFileAtomic(file, 'short\n')
    expect(await readFile(file, 'utf8')).toBe('short\n')
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['c.yaml'])
  })
})

describe('withLock', () => {
  it('withLock(dir, task): two runs in one process do not interleave; the second waits', async () => {
    const events: string[] = []
    const run = (name: string, ms: number) =>
      withLock(dir, async () => {
        events.push(`${name} start`)
        await sleep(ms)
        events.push(`${name} end`)
        return name
      })
    const results = await Promise.all([run('a', 400), sleep(50).then(() => run('b', 10))])
    expect(results).toEqual(['a', 'b'])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end'])
  })

  it('withLock(dir, task, {waitMs}) stops with a message naming the lock when another run keeps it', async () => {
    let release!: () => void
    const holder = withLock(dir, () => new Promise<void>((resolve) => (release = resolve)))
    await sleep(100)
    let ran = false
    await expect(withLock(dir, async () => void (ran = true), { waitMs: 400 })).rejects.toThrow(
      `${dir}.lock: another claimrange run (pid ${process.pid}) is writing to \`${dir}\`; waited 0.4 s, stopping without writing`
    )
    expect(ran).toBe(false)
    release()
    await holder
  })

  it('withLock waits for another process holding the lock, then runs', async () => {
    await startChild('hold-lock.ts', [dir, '1500'], 'locked')
    const before = Date.now()
    const sawHolder = await withLock(dir, async () => existsSync(join(dir, 'holder')))
    expect(sawHolder).toBe(false)
    expect(Date.now() - before).toBeGreaterThan(800)
  })

  it('withLock stops with a message naming the lock while another process holds it', async () => {
    const child = await startChild('hold-lock.ts', [dir, 'forever'], 'locked')
    await expect(withLock(dir, async () => 'ran', { waitMs: 500 })).rejects.toThrow(`.lock: another claimrange run (pid ${child.pid}) is writing`)
  })

  it('withLock never takes over the lock of a live process, however old the lock looks and however busy the process is', async () => {
    const child = await startChild('hold-lock.ts', [dir, 'forever'], 'locked')
    // Stopped, the holder refreshes nothing, as when a long extraction keeps its event loop busy.
    child.kill('SIGSTOP')
    try {
      const hourAgo = new Date(Date.now() - 3600 * 1000)
      await utimes(`${dir}.lock`, hourAgo, hourAgo)
      await utimes(join(`${dir}.lock`, 'owner.json'), hourAgo, hourAgo)
      await expect(withLock(dir, async () => 'ran', { waitMs: 600 })).rejects.toThrow(`another claimrange run (pid ${child.pid})`)
      expect(existsSync(join(dir, 'holder'))).toBe(true)
    } finally {
      child.kill('SIGCONT')
    }
  })

  it('withLock takes over a lock whose pid now belongs to another process (start time differs)', async () => {
    await mkdir(`${dir}.lock`, { recursive: true })
    await writeFile(join(`${dir}.lock`, 'owner.json'), JSON.stringify({ pid: 1, started: 'not-the-start-of-pid-1', host: hostname(), token: 'old' }))
    expect(await withLock(dir, async () => 'ran', { waitMs: 300 })).toBe('ran')
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })

  it('withLock waits for a lock just made without an owner yet, and takes over one left ownerless for over 5 s', async () => {
    await mkdir(`${dir}.lock`, { recursive: true })
    await expect(withLock(dir, async () => 'ran', { waitMs: 300 })).rejects.toThrow('another claimrange run is writing')
    const old = new Date(Date.now() - 6000)
    await utimes(`${dir}.lock`, old, old)
    expect(await withLock(dir, async () => 'ran', { waitMs: 300 })).toBe('ran')
  })

  it('withLock treats a lock owned on another host as held', async () => {
    await mkdir(`${dir}.lock`, { recursive: true })
    await writeFile(join(`${dir}.lock`, 'owner.json'), JSON.stringify({ pid: 999999, started: null, host: 'elsewhere.example', token: 'x' }))
    await expect(withLock(dir, async () => 'ran', { waitMs: 300 })).rejects.toThrow('(pid 999999 on elsewhere.example)')
  })

  it('withLock takes over the lock of a process killed while holding it, at once', async () => {
    const child = await startChild('hold-lock.ts', [dir, 'forever'], 'locked')
    await killed(child)
    expect(existsSync(`${dir}.lock`)).toBe(true)
    const before = Date.now()
    expect(await withLock(dir, async () => 'ran')).toBe('ran')
    expect(Date.now() - before).toBeLessThan(5000)
    expect(existsSync(`${dir}.lock`)).toBe(false)
  }, 30000)
})

describe('extractCorpus under the lock', () => {
  it('extractCorpus twice at once writes the same valid files as one run', async () => {
    const vocabulary = await readVocabulary()
    const sources = join(dir, 'sources')
    await cp(fileURLToPath(new URL('../../sources/', import.meta.url)), sources, { recursive: true })
    const options = (claimsDir: string) => ({ sourcesDir: sources, claimsDir, vocabulary, force: true })
    const [a, b] = await Promise.all([extractCorpus(options(join(dir, 'claims'))), extractCorpus(options(join(dir, 'claims')))])
    expect(a.sources.every((s) => s.status !== 'failed')).toBe(true)
    expect(b.sources.every((s) => s.status !== 'failed')).toBe(true)
    await extractCorpus(options(join(dir, 'alone')))
    const names = (await readdir(join(dir, 'alone'))).filter((n) => n.endsWith('.yaml')).sort()
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      expect(await readFile(join(dir, 'claims', name), 'utf8')).toBe(await readFile(join(dir, 'alone', name), 'utf8'))
    }
  })
})
