/**
 * Main's side of 数据导入: starts one worker at a time (a roster or 报考科目信息 CSV, or the central's
 * roster download, whose pages main fetches and hands over one at a time), keeps its progress
 * (rows, rows/s, time left) for the screen to poll, and keeps the last outcome with its refused
 * rows for the error report. Main only passes messages: it never parses, checks or writes rows.
 */
import { Worker } from 'node:worker_threads'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import type { ImportJob, MainMessage, WorkerMessage } from './import-messages'
import { IMPORT_WORKER_LIMITS, locateImportWorker } from './import-worker-location'
import type { DownloadItem, ImportRequest } from './import-run'
import type { ImportOutcome, ImportProgressTick } from './import-session'

export interface ImportWorkerHandle {
  terminate(): Promise<unknown>
  postMessage(message: MainMessage): void
}

/** Starts a worker for the job; it must call onMessage for each message and onExit once. */
export type SpawnImportWorker = (job: ImportJob, onMessage: (m: WorkerMessage) => void, onExit: () => void) => ImportWorkerHandle

export const spawnThreadWorker: SpawnImportWorker = (job, onMessage, onExit) => {
  const worker = new Worker(locateImportWorker(), { workerData: job, resourceLimits: IMPORT_WORKER_LIMITS })
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
  readonly onFinished?: (outcome: ImportOutcome | null, request: ImportRequest) => void
}

export const IDLE_PROGRESS: ImportProgress = {
  state: 'idle',
  what: null,
  source: null,
  rowsDone: 0,
  percent: 0,
  rowsPerSecond: 0,
  secondsLeft: null,
  imported: 0,
  errorCount: 0,
  message: null,
}

type Running = Pick<ImportProgress, 'what' | 'source'>

function describe(request: ImportRequest): Running {
  return { what: request.what, source: request.source.kind }
}

/** A download's size is not known in advance: no percent and no time left, only rows and rows/s. */
function runningProgress(running: Running, tick: ImportProgressTick): ImportProgress {
  const seconds = tick.elapsedMs / 1000
  const known = tick.bytesTotal > 0
  const fraction = known ? Math.min(1, tick.bytesDone / tick.bytesTotal) : 0
  return {
    ...IDLE_PROGRESS,
    ...running,
    state: 'running',
    rowsDone: tick.rowsDone,
    percent: known ? Math.round(fraction * 1000) / 10 : null,
    rowsPerSecond: seconds > 0 ? Math.round(tick.rowsDone / seconds) : 0,
    secondsLeft: fraction > 0 ? Math.max(0, Math.round((seconds * (1 - fraction)) / fraction)) : null,
  }
}

export function finishedMessage(outcome: ImportOutcome, request: ImportRequest): string {
  if (outcome.fileProblem !== null) return `${outcome.fileProblem}本次导入没有保存任何记录。`
  const rows = request.source.kind === 'central' ? '条记录' : '行'
  if (outcome.errorCount > 0)
    return `有${outcome.errorCount}${rows}不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。`
  return request.what === 'roster' ? `已导入${outcome.imported}条考生记录。` : `已导入${outcome.imported}条报考科目信息。`
}

function finishedProgress(outcome: ImportOutcome, request: ImportRequest): ImportProgress {
  const seconds = outcome.elapsedMs / 1000
  return {
    ...describe(request),
    state: outcome.succeeded ? 'succeeded' : 'failed',
    rowsDone: outcome.rows,
    percent: 100,
    rowsPerSecond: seconds > 0 ? Math.round(outcome.rows / seconds) : 0,
    secondsLeft: 0,
    imported: outcome.imported,
    errorCount: outcome.errorCount,
    message: finishedMessage(outcome, request),
  }
}

const CRASHED: ImportProgress = { ...IDLE_PROGRESS, state: 'failed', message: '导入意外中断，本次导入没有保存任何记录，请重新导入。' }

export const DOWNLOAD_LOST = '与报名中心的连接中断，名单没有下载完。'

export class RosterImports {
  private progressNow: ImportProgress = IDLE_PROGRESS
  private lastOutcome: ImportOutcome | null = null
  private lastRequest: ImportRequest | null = null
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

  /** What the last import read (for the error report's name). */
  request(): ImportRequest | null {
    return this.lastRequest
  }

  /** Resolves when the current import (if any) has ended. */
  whenFinished(): Promise<void> {
    return this.finished
  }

  /**
   * False when an import is already running. A download (source `central`) takes its pages from
   * `download`, sent one at a time: the next when the worker has written the last.
   */
  start(request: ImportRequest, download: AsyncIterable<DownloadItem> | null = null): boolean {
    if (this.worker !== null) return false
    this.lastOutcome = null
    this.lastRequest = request
    const running = describe(request)
    this.progressNow = { ...IDLE_PROGRESS, ...running, state: 'running', percent: request.source.kind === 'central' ? null : 0 }
    let outcome: ImportOutcome | null = null
    let settle: () => void = () => {}
    this.finished = new Promise((resolve) => (settle = resolve))
    let taken: () => void = () => {}
    let ended = false
    const job: ImportJob = {
      dbPath: this.options.dbPath,
      dataKey: this.options.dataKey,
      request,
      ...(this.options.nativeBinding === undefined ? {} : { nativeBinding: this.options.nativeBinding }),
    }
    const worker = (this.options.spawn ?? spawnThreadWorker)(
      job,
      (message) => {
        if (message.type === 'progress' && outcome === null) this.progressNow = runningProgress(running, message.tick)
        else if (message.type === 'page-taken') taken()
        else if (message.type === 'done') {
          outcome = message.outcome
          this.lastOutcome = outcome
          this.progressNow = finishedProgress(outcome, request)
        } else if (message.type === 'crashed') this.progressNow = { ...CRASHED, ...running }
      },
      () => {
        ended = true
        taken()
        if (outcome === null && this.progressNow.state === 'running') this.progressNow = CRASHED
        this.worker = null
        this.options.onFinished?.(outcome, request)
        settle()
      },
    )
    this.worker = worker
    if (download !== null)
      void (async () => {
        try {
          for await (const item of download) {
            if (ended) return
            const next = new Promise<void>((resolve) => (taken = resolve))
            worker.postMessage('problem' in item ? { type: 'stop', problem: item.problem } : { type: 'page', records: item.records })
            if ('problem' in item) return
            await next
          }
          if (!ended) worker.postMessage({ type: 'end' })
        } catch {
          if (!ended) worker.postMessage({ type: 'stop', problem: DOWNLOAD_LOST })
        }
      })()
    return true
  }

  /** Quit: an unfinished import is rolled back by SQLite when its connection goes. */
  async dispose(): Promise<void> {
    await this.worker?.terminate()
    await this.finished
  }
}
