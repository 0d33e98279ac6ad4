/**
 * Opens the kiosk's local store (K4): the connection as sqlite-connection.ts opens it (WAL, fully
 * synced commits, enforced foreign keys, a busy timeout, all asserted), with Kysely on top.
 */
import type Database from 'better-sqlite3'
import { Kysely, type Transaction } from 'kysely'
import type { KioskDatabase } from './schema'
import { KioskSqliteDialect } from './sqlite-dialect'
import { openSqliteConnection, type OpenDatabaseOptions } from './sqlite-connection'

export type { OpenDatabaseOptions } from './sqlite-connection'

export interface KioskStore {
  readonly db: Kysely<KioskDatabase>
  /** The raw connection, for pragmas and tests; application code goes through `db`. */
  readonly sqlite: Database.Database
  close(): Promise<void>
}

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
  const sqlite = openSqliteConnection(path, options)
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
