/**
 * Runs a route's changes in a transaction (a savepoint when already inside one) that is rolled
 * back when the route refuses: a refusal half-way through a multi-offering booking leaves no
 * seat taken and no booking written.
 */
import type { Database } from 'better-sqlite3'
import type { RouteOutcome } from './reply'

const ROLLBACK = Symbol('rollback')

export function atomically<T>(db: Database, run: () => RouteOutcome<T>): RouteOutcome<T> {
  let refused: RouteOutcome<T> | undefined
  const tx = db.transaction(() => {
    const outcome = run()
    if (!outcome.ok) {
      refused = outcome
      throw ROLLBACK
    }
    return outcome
  })
  try {
    return tx()
  } catch (error) {
    if (error === ROLLBACK && refused) return refused
    throw error
  }
}
