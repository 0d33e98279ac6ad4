/**
 * K5: the main process's clock-driven jobs, owned by the composition root. A job runs every
 * `intervalMs` counted from the end of its previous run, so it never overlaps itself; `runNow`
 * joins a run in flight instead of starting a second. Timers are injectable (tests drive them)
 * and `dispose` stops them and waits for running jobs to finish.
 */
import { describeError, type Logger } from '../support/logger'

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Real timers, unref'd: a pending job never keeps the process alive on its own. */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface JobSpec {
  readonly name: string
  readonly intervalMs: number
  /** A rejection is logged and the job keeps its schedule. */
  readonly run: () => Promise<void>
}

export interface Scheduler {
  add(job: JobSpec): void
  /** Runs the job now (or joins the run in flight); resolves when it is done, never rejects. */
  runNow(name: string): Promise<void>
  dispose(): Promise<void>
}

interface JobState {
  readonly spec: JobSpec
  timer: unknown
  running: Promise<void> | null
}

export function createScheduler(options: { timers?: Timers; logger: Logger }): Scheduler {
  const timers = options.timers ?? realTimers
  const { logger } = options
  const jobs = new Map<string, JobState>()
  let disposed = false

  function schedule(job: JobState): void {
    if (disposed) return
    job.timer = timers.setTimeout(() => void execute(job), job.spec.intervalMs)
  }

  function execute(job: JobState): Promise<void> {
    if (job.running !== null) return job.running
    if (disposed) return Promise.resolve()
    if (job.timer !== undefined) timers.clearTimeout(job.timer)
    job.timer = undefined
    // Started from a resolved promise so even a job that throws synchronously settles later.
    job.running = Promise.resolve()
      .then(() => job.spec.run())
      .catch((error: unknown) => {
        logger.warn(`job ${job.spec.name} failed: ${describeError(error)}`)
      })
      .finally(() => {
        job.running = null
        schedule(job)
      })
    return job.running
  }

  return {
    add(spec) {
      if (disposed) throw new Error('The scheduler has been disposed.')
      if (jobs.has(spec.name)) throw new Error(`A job named ${spec.name} already exists.`)
      const job: JobState = { spec, timer: undefined, running: null }
      jobs.set(spec.name, job)
      schedule(job)
    },
    runNow(name) {
      const job = jobs.get(name)
      if (job === undefined) return Promise.reject(new Error(`No job named ${name}.`))
      return execute(job)
    },
    async dispose() {
      disposed = true
      for (const job of jobs.values()) {
        if (job.timer !== undefined) timers.clearTimeout(job.timer)
        job.timer = undefined
      }
      await Promise.all([...jobs.values()].map((job) => job.running ?? Promise.resolve()))
    },
  }
}
