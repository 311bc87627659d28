// Preloaded by bench/scale.ts into each measured process (`node --import`):
// at exit, write the process's peak resident set size (kB) to the file
// named by CLAIMRANGE_RSS_FILE.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.CLAIMRANGE_RSS_FILE) writeFileSync(process.env.CLAIMRANGE_RSS_FILE, String(process.resourceUsage().maxRSS))
})
