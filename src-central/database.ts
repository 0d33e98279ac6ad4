/**
 * Opens the central SQLite database and brings its schema up to date. All pending migrations,
 * the user_version bump and (for a new database) the first-run seed run in ONE transaction, so a
 * crash leaves either the old schema or the complete new one.
 */
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { SCHEMA_MIGRATIONS, type SchemaMigration } from './schema-migrations'

export interface MigrationOutcome {
  readonly fromVersion: number
  readonly toVersion: number
  /** True when the database had no schema at all before this open. */
  readonly created: boolean
}

export interface OpenCentralDatabaseOptions {
  /** Runs inside the migration transaction, only when the database is new. */
  readonly onCreate?: (db: Db) => void
  readonly migrations?: readonly SchemaMigration[]
}

export interface OpenedCentralDatabase {
  readonly db: Db
  readonly migration: MigrationOutcome
}

export function openCentralDatabase(path: string, options: OpenCentralDatabaseOptions = {}): OpenedCentralDatabase {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    // Every answer the kiosk sees as done must survive a power cut (S1).
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Savepoint and statement journals in memory: every request runs in savepoints (group commit,
    // S2), and with the build's default (files) each first write of a page in one cost a file
    // write. These journals only undo a savepoint in this process; crash recovery is the WAL's.
    db.pragma('temp_store = MEMORY')
    // The CLI may issue tokens while the server runs on the same file.
    db.pragma('busy_timeout = 5000')
    const migration = migrateCentralDatabase(db, options)
    return { db, migration }
  } catch (error) {
    db.close()
    throw error
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrateCentralDatabase(db: Db, options: OpenCentralDatabaseOptions = {}): MigrationOutcome {
  const migrations = options.migrations ?? SCHEMA_MIGRATIONS
  const latest = migrations.at(-1)?.version ?? 0
  return db.transaction((): MigrationOutcome => {
    const fromVersion = schemaVersion(db)
    if (fromVersion > latest)
      throw new Error(`central database schema version ${fromVersion} is newer than this build (${latest})`)
    for (const migration of migrations) {
      if (migration.version <= fromVersion) continue
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
    const created = fromVersion === 0
    if (created) options.onCreate?.(db)
    return { fromVersion, toVersion: latest, created }
  }).immediate()
}
