import { describe, expect, it } from 'vitest'
import { createScheduler, type Timers } from '../../../../src-main/app/scheduler'
import { silentLogger } from '../../../../src-main/support/logger'

/** Timers driven by hand: `fire()` runs every due callback. */
function manualTimers() {
  let now = 0
  let nextId = 1
  const pending = new Map<number, { at: number; callback: () => void }>()
  const timers: Timers & { advance(ms: number): void; pending(): number } = {
    setTimeout(callback, ms) {
      const id = nextId++
      pending.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout(handle) {
      pending.delete(handle as number)
    },
    advance(ms) {
      now += ms
      for (const [id, t] of [...pending]) if (t.at <= now) {
        pending.delete(id)
        t.callback()
      }
    },
    pending: () => pending.size,
  }
  return timers
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('K5 scheduler', () => {
  it('runs a job every interval, counted from the end of the previous run', async () => {
    const timers = manualTimers()
    const scheduler = createScheduler({ timers, logger: silentLogger })
    let runs = 0
    scheduler.add({ name: 'sync', intervalMs: 1000, run: async () => void runs++ })
    timers.advance(999)
    expect(runs).toBe(0)
    timers.advance(1)
    await tick()
    expect(runs).toBe(1)
    timers.advance(1000)
    await tick()
    expect(runs).toBe(2)
    await scheduler.dispose()
  })

  it('never overlaps a job with itself: runNow joins the run in flight', async () => {
    const timers = manualTimers()
    const scheduler = createScheduler({ timers, logger: silentLogger })
    const gate = deferred()
    let started = 0
    scheduler.add({ name: 'sync', intervalMs: 1000, run: async () => { started++; await gate.promise } })
    const a = scheduler.runNow('sync')
    const b = scheduler.runNow('sync')
    await tick()
    timers.advance(5000) // no timer is pending while it runs
    await tick()
    expect(started).toBe(1)
    gate.resolve()
    await Promise.all([a, b])
    expect(timers.pending()).toBe(1)
    await scheduler.dispose()
  })

  it('a failing job is logged and keeps its schedule; runNow never rejects', async () => {
    const timers = manualTimers()
    const lines: string[] = []
    const scheduler = createScheduler({ timers, logger: { ...silentLogger, warn: (m) => lines.push(m) } })
    let runs = 0
    scheduler.add({ name: 'sync', intervalMs: 10, run: () => { runs++; throw new Error('boom') } })
    await expect(scheduler.runNow('sync')).resolves.toBeUndefined()
    timers.advance(10)
    await tick()
    expect(runs).toBe(2)
    expect(lines[0]).toMatch(/job sync failed: Error: boom/)
    await scheduler.dispose()
  })

  it('dispose stops the timers and waits for the running job to finish', async () => {
    const timers = manualTimers()
    const scheduler = createScheduler({ timers, logger: silentLogger })
    const gate = deferred()
    let finished = false
    scheduler.add({ name: 'sync', intervalMs: 1000, run: async () => { await gate.promise; finished = true } })
    void scheduler.runNow('sync')
    await tick()
    const disposed = scheduler.dispose()
    let done = false
    void disposed.then(() => (done = true))
    await tick()
    expect(done).toBe(false)
    gate.resolve()
    await disposed
    expect(finished).toBe(true)
    expect(timers.pending()).toBe(0)
    expect(() => scheduler.add({ name: 'x', intervalMs: 1, run: async () => {} })).toThrow(/disposed/)
  })
})
