import type { Command } from 'commander'
import type { Effects } from './effects.ts'
import { registerConsensus } from './consensus.ts'
import { registerBuild } from './build.ts'
import { registerServe } from './serve.ts'
import { registerExtract } from './extract.ts'
import { registerCheck } from './check.ts'
import { registerStart } from './start.ts'
import { registerAdd } from './add.ts'
import { registerEval } from './eval.ts'
import { registerDiff } from './diff.ts'

/**
 * A command registers itself on the program. `setExit` raises the exit code
 * (problems found) without throwing.
 */
export type Register = (program: Command, effects: Effects, setExit: (code: number) => void) => void

/** Every command of the CLI, one module each. */
export const commands: Register[] = [registerStart, registerExtract, registerCheck, registerBuild, registerServe, registerConsensus, registerAdd, registerEval, registerDiff]
