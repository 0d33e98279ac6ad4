/**
 * Main's side of the roster import: starts one worker at a time, keeps its progress (rows,
 * rows/s, time left) for the 数据导入 screen to poll, and keeps the last outcome with its
 * refused rows for the error report. Main only receives messages: it never parses or writes.
 */
import { Worker } from 'node:worker_threads'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import type { ImportJob, WorkerMessage } from './import-messages'
import { locateImportWorker } from './import-worker-location'
import type { ImportOutcome, ImportProgressTick, ImportSource } from './roster-import-run'

export interface ImportWorkerHandle {
  terminate(): Promise<unknown>
}

/** Starts a worker for the job; it must call onMessage for each message and onExit once. */
export type SpawnImportWorker = (job: ImportJob, onMessage: (m: WorkerMessage) => void, onExit: () => void) => ImportWorkerHandle

export const spawnThreadWorker: SpawnImportWorker = (job, onMessage, onExit) => {
  const worker = new Worker(locateImportWorker(), { workerData: job })
  worker.on('message', onMessage)
  worker.on('error', () => onMessage({ type: 'crashed', message: 'worker error' }))
  worker.on('exit', onExit)
  return worker
}

export interface RosterImportsOptions {
  readonly dbPath: string
  readonly nativeBinding?: string
  readonly dataKey: Uint8Array
  readonly spawn?: SpawnImportWorker
  readonly onFinished?: (outcome: ImportOutcome | null) => void
}

export const IDLE_PROGRESS: ImportProgress = {
  state: 'idle',
  rowsDone: 0,
  percent: 0,
  rowsPerSecond: 0,
  secondsLeft: null,
  imported: 0,
  errorCount: 0,
  message: null,
}

function runningProgress(tick: ImportProgressTick): ImportProgress {
  const seconds = tick.elapsedMs / 1000
  const fraction = tick.bytesTotal === 0 ? 0 : Math.min(1, tick.bytesDone / tick.bytesTotal)
  return {
    ...IDLE_PROGRESS,
    state: 'running',
    rowsDone: tick.rowsDone,
    percent: Math.round(fraction * 1000) / 10,
    rowsPerSecond: seconds > 0 ? Math.round(tick.rowsDone / seconds) : 0,
    secondsLeft: fraction > 0 ? Math.max(0, Math.round((seconds * (1 - fraction)) / fraction)) : null,
  }
}

export function finishedMessage(outcome: ImportOutcome): string {
  if (outcome.fileProblem !== null) return `${outcome.fileProblem}本次导入没有保存任何记录。`
  if (outcome.errorCount > 0)
    return `有${outcome.errorCount}行不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。`
  return `已导入${outcome.imported}条考生记录。`
}

function finishedProgress(outcome: ImportOutcome): ImportProgress {
  const seconds = outcome.elapsedMs / 1000
  return {
    state: outcome.succeeded ? 'succeeded' : 'failed',
    rowsDone: outcome.rows,
    percent: 100,
    rowsPerSecond: seconds > 0 ? Math.round(outcome.rows / seconds) : 0,
    secondsLeft: 0,
    imported: outcome.imported,
    errorCount: outcome.errorCount,
    message: finishedMessage(outcome),
  }
}

const CRASHED: ImportProgress = { ...IDLE_PROGRESS, state: 'failed', message: '导入意外中断，本次导入没有保存任何记录，请重新导入。' }

export class RosterImports {
  private progressNow: ImportProgress = IDLE_PROGRESS
  private lastOutcome: ImportOutcome | null = null
  private worker: ImportWorkerHandle | null = null
  private finished: Promise<void> = Promise.resolve()

  constructor(private readonly options: RosterImportsOptions) {}

  get running(): boolean {
    return this.worker !== null
  }

  progress(): ImportProgress {
    return this.progressNow
  }

  outcome(): ImportOutcome | null {
    return this.lastOutcome
  }

  /** Resolves when the current import (if any) has ended. */
  whenFinished(): Promise<void> {
    return this.finished
  }

  /** False when an import is already running. */
  start(source: ImportSource): boolean {
    if (this.worker !== null) return false
    this.lastOutcome = null
    this.progressNow = { ...IDLE_PROGRESS, state: 'running' }
    let outcome: ImportOutcome | null = null
    let settle: () => void = () => {}
    this.finished = new Promise((resolve) => (settle = resolve))
    const job: ImportJob = {
      dbPath: this.options.dbPath,
      dataKey: this.options.dataKey,
      source,
      ...(this.options.nativeBinding === undefined ? {} : { nativeBinding: this.options.nativeBinding }),
    }
    this.worker = (this.options.spawn ?? spawnThreadWorker)(
      job,
      (message) => {
        if (message.type === 'progress' && outcome === null) this.progressNow = runningProgress(message.tick)
        else if (message.type === 'done') {
          outcome = message.outcome
          this.lastOutcome = outcome
          this.progressNow = finishedProgress(outcome)
        } else if (message.type === 'crashed') this.progressNow = CRASHED
      },
      () => {
        if (outcome === null && this.progressNow.state === 'running') this.progressNow = CRASHED
        this.worker = null
        this.options.onFinished?.(outcome)
        settle()
      },
    )
    return true
  }

  /** Quit: an unfinished import is rolled back by SQLite when its connection goes. */
  async dispose(): Promise<void> {
    await this.worker?.terminate()
    await this.finished
  }
}
