/**
 * Opens the kiosk's local store (K4): better-sqlite3 with write-ahead logging, fully synced
 * commits, enforced foreign keys and a busy timeout, with Kysely on top. The pragmas are read
 * back and asserted: a store that silently runs without them (e.g. WAL refused on a network
 * drive) could lose confirmed work on power loss.
 */
import Database from 'better-sqlite3'
import { Kysely, type Transaction } from 'kysely'
import type { KioskDatabase } from './schema'
import { KioskSqliteDialect } from './sqlite-dialect'

export interface OpenDatabaseOptions {
  /** Path of better-sqlite3's native addon, e.g. the build for Electron's ABI. */
  readonly nativeBinding?: string
  readonly busyTimeoutMs?: number
}

export interface KioskStore {
  readonly db: Kysely<KioskDatabase>
  /** The raw connection, for pragmas and tests; application code goes through `db`. */
  readonly sqlite: Database.Database
  close(): Promise<void>
}

const SYNCHRONOUS_FULL = 2
const IN_MEMORY = ':memory:'

const RAW = new WeakMap<object, Database.Database>()

/**
 * The better-sqlite3 connection under a store's Kysely instance (not under a transaction's), for
 * the few hot reads that use a prepared statement instead of Kysely (the eligibility lookup).
 */
export function rawConnection(db: object): Database.Database | undefined {
  return RAW.get(db)
}

const HELD = new WeakMap<object, Database.Database>()

/**
 * A transaction of the store's Kysely instance whose `trx` also reaches the raw connection
 * (`heldConnection(trx)`), for hot writes of many rows through one prepared statement (#8: a
 * Kysely VALUES list of an outbox batch's bookings cost ~24 µs a row, the prepared statement
 * ~7). Safe because the transaction holds the one connection: nothing else runs on it until
 * `work` is done.
 */
export function transactionWithConnection<T>(db: Kysely<KioskDatabase>, work: (trx: Transaction<KioskDatabase>) => Promise<T>): Promise<T> {
  const raw = RAW.get(db)
  return db.transaction().execute(async (trx) => {
    if (raw !== undefined) HELD.set(trx, raw)
    try {
      return await work(trx)
    } finally {
      HELD.delete(trx)
    }
  })
}

/** The raw connection under a transaction of `transactionWithConnection`, while it runs; otherwise undefined. */
export function heldConnection(db: object): Database.Database | undefined {
  const raw = HELD.get(db)
  return raw?.inTransaction === true ? raw : undefined
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): KioskStore {
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
  const db = new Kysely<KioskDatabase>({ dialect: new KioskSqliteDialect({ database: sqlite }) })
  RAW.set(db, sqlite)
  let closed = false
  return {
    db,
    sqlite,
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
      // Kysely closes the connection only if it ever opened it.
      if (sqlite.open) sqlite.close()
    },
  }
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
