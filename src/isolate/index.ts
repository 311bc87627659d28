export { extractSource, stopWorkers, workerUrl, type IsolatedResult, type IsolateOptions } from './extract.ts'
