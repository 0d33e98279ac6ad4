/**
 * The kiosk store's connection itself (K4), without Kysely: better-sqlite3 with write-ahead
 * logging, fully synced commits, enforced foreign keys and a busy timeout. The pragmas are read
 * back and asserted: a store that silently runs without them (e.g. WAL refused on a network
 * drive) could lose confirmed work on power loss. open-database.ts puts Kysely on top; the import
 * worker uses the connection alone, so its threads start without loading Kysely (#8).
 */
import Database from 'better-sqlite3'

export interface OpenDatabaseOptions {
  /** Path of better-sqlite3's native addon, e.g. the build for Electron's ABI. */
  readonly nativeBinding?: string
  readonly busyTimeoutMs?: number
}

const SYNCHRONOUS_FULL = 2
const IN_MEMORY = ':memory:'

export function openSqliteConnection(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000
  const sqlite = new Database(path, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding })
  try {
    sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    // K3: deleted or overwritten content is zeroed, not left in free pages.
    sqlite.pragma('secure_delete = ON')
    assertPragmas(sqlite, path, busyTimeoutMs)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

function assertPragmas(sqlite: Database.Database, path: string, busyTimeoutMs: number): void {
  // An in-memory database (tests) cannot use WAL; SQLite reports "memory" for it.
  const expectedJournal = path === IN_MEMORY ? 'memory' : 'wal'
  const problems: string[] = []
  const journal = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase()
  if (journal !== expectedJournal) problems.push(`journal_mode is "${journal}", expected "${expectedJournal}"`)
  const synchronous = Number(sqlite.pragma('synchronous', { simple: true }))
  if (synchronous !== SYNCHRONOUS_FULL) problems.push(`synchronous is ${synchronous}, expected ${SYNCHRONOUS_FULL} (FULL)`)
  const foreignKeys = Number(sqlite.pragma('foreign_keys', { simple: true }))
  if (foreignKeys !== 1) problems.push('foreign_keys is off')
  const busyTimeout = Number(sqlite.pragma('busy_timeout', { simple: true }))
  if (busyTimeout !== Math.trunc(busyTimeoutMs)) problems.push(`busy_timeout is ${busyTimeout}, expected ${busyTimeoutMs}`)
  if (problems.length > 0)
    throw new Error(`The local database at ${path} cannot be used safely: ${problems.join('; ')}.`)
}
