import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { captureEffects } from '../../src/cli/effects.ts'
import { main } from '../../src/cli/main.ts'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

describe('claimrange --version', () => {
  for (const flag of ['--version', '-V']) {
    it(`claimrange ${flag} prints the package version and exits 0`, async () => {
      const effects = captureEffects()
      expect(await main([flag], effects)).toBe(0)
      expect(effects.stdout).toEqual([version])
      expect(effects.stderr).toEqual([])
    })
  }

  it('claimrange --help lists --version', async () => {
    const effects = captureEffects()
    expect(await main(['--help'], effects)).toBe(0)
    expect(effects.stdout.join('\n')).toMatch(/-V, --version\s+print the version of claimrange/)
  })
})
