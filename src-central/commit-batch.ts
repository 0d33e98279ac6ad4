/**
 * Group commit (issue #8). With synchronous=FULL every commit waits for the disk (one fsync of the
 * WAL, milliseconds on ordinary disks), which alone would cap the central at a few hundred
 * commits a second. So requests whose bodies have arrived are handled together: one after
 * another, in arrival order, inside ONE write transaction, each in its own savepoint, and their
 * replies are released only after that transaction has committed: one fsync for the batch.
 *
 * No guarantee is weakened: nothing is answered before it is durable (S1); each request's changes
 * and its stored idempotent answer stay atomic in its savepoint (S2), so a request that fails
 * rolls back alone; requests never interleave (handling stays synchronous). The batch shares one
 * instant, and the B4/B6 sweep runs once at that instant before the batch's first request, so no
 * answer shows a booking past its expiry. If the transaction itself cannot commit, no request of
 * the batch is answered as done.
 *
 * A request that is itself many (POST /v1/batch) may instead run ALONE, in a transaction of its
 * own with no savepoint around it (`submitAlone`): a savepoint copies every page its work first
 * writes, which for a batch of bookings with random ids was a third of their cost (#8). Such a
 * request undoes its own work with `restart()`: the transaction is rolled back and begun again
 * at the same instant, sweep included, so S1 and S2 hold for it exactly as for the others.
 */
import type { Database } from 'better-sqlite3'

/** Requests per transaction at most: bounds how long one batch holds the loop. */
export const MAX_BATCH = 64

/** A request running alone in its transaction: how it undoes everything it has done so far. */
export interface OwnTransaction {
  /** Rolls the transaction back and begins it again at the same instant (the sweep run again). */
  restart(): void
}

interface Pending<T> {
  readonly work: (at: Date, own: OwnTransaction | null) => T
  /** Runs in a transaction of its own, without a savepoint. */
  readonly alone: boolean
  readonly resolve: (value: T) => void
  readonly reject: (error: unknown) => void
}

export interface CommitBatcher {
  /** Runs `work` in the next batch's transaction; resolves once that transaction has committed. */
  submit<T>(work: (at: Date) => T): Promise<T>
  /** Runs `work` in a transaction of its own, without a savepoint; resolves once it has committed. */
  submitAlone<T>(work: (at: Date, own: OwnTransaction) => T): Promise<T>
}

export function commitBatcher(db: Database, now: () => Date, beforeBatch: (at: Date) => void): CommitBatcher {
  const queue: Pending<unknown>[] = []
  let scheduled = false
  const inSavepoint = db.transaction(<T>(work: (at: Date, own: null) => T, at: Date): T => work(at, null))

  function flush(): void {
    scheduled = false
    const batch = queue.splice(0, MAX_BATCH)
    if (queue.length > 0) schedule()
    const at = now()
    // In arrival order: the requests between two that run alone share one transaction.
    let together: Pending<unknown>[] = []
    for (const item of batch) {
      if (!item.alone) {
        together.push(item)
        continue
      }
      runTogether(together, at)
      together = []
      runAlone(item, at)
    }
    runTogether(together, at)
  }

  function runTogether(batch: readonly Pending<unknown>[], at: Date): void {
    if (batch.length === 0) return
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      db.transaction(() => {
        beforeBatch(at)
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: inSavepoint(item.work, at) })
          } catch (error) {
            // SQLite may have ended the whole transaction (e.g. disk full): then nothing stands.
            if (!db.inTransaction) throw error
            outcomes.push({ ok: false, error })
          }
        }
      }).immediate()
    } catch (error) {
      for (const item of batch) item.reject(error)
      return
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) item.resolve(outcome.value)
      else item.reject(outcome.error)
    })
  }

  function runAlone(item: Pending<unknown>, at: Date): void {
    const begin = () => {
      db.exec('BEGIN IMMEDIATE')
      beforeBatch(at)
    }
    const own: OwnTransaction = {
      restart() {
        db.exec('ROLLBACK')
        begin()
      },
    }
    let value: unknown
    try {
      begin()
      value = item.work(at, own)
      db.exec('COMMIT')
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      item.reject(error)
      return
    }
    item.resolve(value)
  }

  function schedule(): void {
    if (scheduled) return
    scheduled = true
    setImmediate(flush)
  }

  function enqueue<T>(work: Pending<T>['work'], alone: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, alone, resolve: resolve as (value: unknown) => void, reject })
      schedule()
    })
  }

  return {
    submit: (work) => enqueue((at) => work(at), false),
    submitAlone: (work) => enqueue((at, own) => work(at, own!), true),
  }
}
