/**
 * Runs a route's changes in a transaction (a savepoint when already inside one) that is rolled
 * back when the route refuses: a refusal half-way through a multi-offering booking leaves no
 * seat taken and no booking written.
 *
 * Inside `withoutSavepoints` (a batch's first pass, see router.ts) the route runs directly and a
 * refusal throws `SavepointNeeded` instead: the caller undoes the whole pass and runs it again
 * item by item, each in its own savepoint.
 */
import type { Database } from 'better-sqlite3'
import type { RouteOutcome } from './reply'

class Rollback {
  constructor(readonly outcome: RouteOutcome<unknown>) {}
}

/** A refusal (or failure) inside `withoutSavepoints`: only a savepoint could undo it alone. */
export class SavepointNeeded extends Error {
  constructor() {
    super('a request was refused in a pass without savepoints')
  }
}

type Atomic = (run: () => RouteOutcome<unknown>) => RouteOutcome<unknown>

/** One transaction function per connection (making one per call cost more than a small route's work). */
const transactions = new WeakMap<Database, Atomic>()
const savepointFree = new WeakSet<Database>()

/**
 * Runs `work` with `atomically` taking no savepoints on this connection (each costs a copy of
 * every page its route writes). The caller must run `work` in a savepoint of its own and undo it
 * whole on any exception, `SavepointNeeded` included.
 */
export function withoutSavepoints<T>(db: Database, work: () => T): T {
  savepointFree.add(db)
  try {
    return work()
  } finally {
    savepointFree.delete(db)
  }
}

export function isSavepointFree(db: Database): boolean {
  return savepointFree.has(db)
}

export function atomically<T>(db: Database, run: () => RouteOutcome<T>): RouteOutcome<T> {
  if (savepointFree.has(db)) {
    const outcome = run()
    if (!outcome.ok) throw new SavepointNeeded()
    return outcome
  }
  let tx = transactions.get(db)
  if (tx === undefined) {
    tx = db.transaction((work: () => RouteOutcome<unknown>) => {
      const outcome = work()
      if (!outcome.ok) throw new Rollback(outcome)
      return outcome
    })
    transactions.set(db, tx)
  }
  try {
    return tx(run) as RouteOutcome<T>
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as RouteOutcome<T>
    throw error
  }
}
