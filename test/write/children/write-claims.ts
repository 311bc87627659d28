/**
 * Child process for `atomic.test.ts`: rewrites many claims files in rounds,
 * forever, until it is killed. Round `r` gives every file `r + 1` claims, so
 * the parent can tell a complete file of any round from a torn one.
 *
 * Usage: node --import tsx write-claims.ts <dir> <files>
 */
import { join } from 'node:path'
import { writeFileAtomic } from '../../../src/write/atomic.ts'
import { claimsFileFor } from './claims-data.ts'

const [dir, count] = process.argv.slice(2) as [string, string]
const files = Number(count)
for (let round = 1; ; round++) {
  for (let i = 0; i < files; i++) {
    await writeFileAtomic(join(dir, `source-${i}.yaml`), claimsFileFor(i, round))
  }
  if (round === 1) process.stdout.write('writing\n')
}
