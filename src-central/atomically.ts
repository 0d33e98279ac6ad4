/**
 * Runs a route's changes in a transaction (a savepoint when already inside one) that is rolled
 * back when the route refuses: a refusal half-way through a multi-offering booking leaves no
 * seat taken and no booking written.
 */
import type { Database } from 'better-sqlite3'
import type { RouteOutcome } from './reply'

class Rollback {
  constructor(readonly outcome: RouteOutcome<unknown>) {}
}

type Atomic = (run: () => RouteOutcome<unknown>) => RouteOutcome<unknown>

/** One transaction function per connection (making one per call cost more than a small route's work). */
const transactions = new WeakMap<Database, Atomic>()

export function atomically<T>(db: Database, run: () => RouteOutcome<T>): RouteOutcome<T> {
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
