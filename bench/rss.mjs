// Preloaded by bench/scale.ts into each measured process (`node --import`):
// at exit, write the process's peak resident set size (kB) and its CPU
// time (user and system, µs, every thread) as JSON to the file named by
// CLAIMRANGE_RSS_FILE.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (!process.env.CLAIMRANGE_RSS_FILE) return
  const usage = process.resourceUsage()
  writeFileSync(process.env.CLAIMRANGE_RSS_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }))
})
