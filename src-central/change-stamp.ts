/**
 * S3: feed entries are written by triggers with SQLite's wall clock (a trigger cannot reach the
 * injected clock). The central's own transactions wrap their work in this, so the entries they
 * wrote carry the request's instant, the same one `serverTime` reports (test clocks included).
 * Entries written by another connection keep their wall-clock time.
 */
import type { Database } from 'better-sqlite3'

export type StampChanges = <T>(now: Date, run: () => T) => T

export function changeStamper(db: Database): StampChanges {
  const last = db.prepare<[], number>(`SELECT COALESCE(MAX(seq), 0) FROM changes`).pluck()
  const stamp = db.prepare<[string, number]>(`UPDATE changes SET at = ? WHERE seq > ?`)
  return (now, run) => {
    const mark = last.get() ?? 0
    const result = run()
    stamp.run(now.toISOString(), mark)
    return result
  }
}
