import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'
import { computeConsensus } from '../../src/consensus/compute.ts'
import { voiceClaim } from '../../src/report/cells.ts'
import { formatConsensusMarkdown } from '../../src/report/markdown.ts'
import { claim, file } from '../consensus/helpers.ts'

const site = fileURLToPath(new URL('../web/fixtures/site/', import.meta.url))

describe('formatConsensusMarkdown', () => {
  const corrected = claim({
    id: 'pool',
    wait: [24, 24],
    review: { status: 'corrected', by: 'Mia', corrected: { wait: { min: 24, max: 24, text: '90 minutes' } } }
  })
  corrected.wait = { min: 1.5, max: 1.5, text: '90 minutes' }
  const report = computeConsensus([file('a', [corrected]), file('b', [claim({ wait: [48, 48] })])])

  it('formatConsensusMarkdown(report, {sources}) lists every source with its title and address', () => {
    const text = formatConsensusMarkdown(report, {
      sources: [
        { id: 'b', title: 'Second *guide*', url: null },
        { id: 'a', title: 'Pool rules', url: 'https://example.org/pool rules' }
      ]
    })
    const section = text.slice(text.indexOf('## Sources'), text.indexOf('## swimming'))
    expect(section).toBe(
      '## Sources\n\n- **Pool rules** — <https://example.org/pool%20rules> (`a`)\n- **Second \\*guide\\*** — no address given (`b`)\n\n'
    )
  })

  it('a corrected wait reads as the editor\'s, with the source\'s own words', () => {
    expect(formatConsensusMarkdown(report)).toContain('| a | avoid | 24 h (corrected by an editor; the source says “90 minutes”) |')
  })
})

describe('voiceClaim', () => {
  it('voiceClaim of an avoid voice with no number quotes one of its avoid claims, never its allowed one', () => {
    const report = computeConsensus([
      file('s', [
        claim({ id: 'usual', stance: 'allowed', wait: [0, 0], quote: 'You can sweat as usual.' }),
        claim({ id: 'best', stance: 'avoid', wait: null, quote: 'It is best avoided.' }),
        claim({ id: 'never', stance: 'avoid', wait: null, quote: 'Never do it.' })
      ])
    ])
    const voice = report.topics[0]!.voiceList[0]!
    expect(voice.stance).toBe('avoid')
    expect(voiceClaim(report, voice)?.quote).toBe('It is best avoided.')
  })
})

describe('claimrange consensus --markdown --sources', () => {
  it('names the sources by their front matter title and url', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimrange-md-'))
    try {
      const effects = captureEffects()
      const out = join(dir, 'report.md')
      expect(await main(['consensus', '--claims', join(site, 'claims'), '--sources', join(site, 'sources'), '--markdown', out], effects)).toBe(0)
      const text = await readFile(out, 'utf8')
      expect(text).toContain('- **Clinic aftercare guide** — <https://clinic.example/aftercare> (`clinic-guide`)')
      expect(text).toContain("- **A dermatologist's blog** — no address given (`derm-blog`)")
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
