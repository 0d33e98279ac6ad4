/**
 * Brings the local store to the latest schema with Kysely's Migrator over the statically
 * imported migrations. The migrator returns results instead of throwing: a failure is turned
 * into an Error naming the migration, so start-up stops instead of running on a half schema.
 */
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely'
import { migrations } from '../../migrations/index'
import type { KioskDatabase } from './schema'

const staticProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
}

/** Returns the names of the migrations applied by this call. */
export async function migrateToLatest(db: Kysely<KioskDatabase>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticProvider })
  // SQLite's procedure for rebuilding a table (0003): foreign keys off outside the transaction,
  // each such migration runs foreign_key_check itself before it commits.
  await sql`pragma foreign_keys = off`.execute(db)
  const { error, results = [] } = await migrator.migrateToLatest().finally(() => sql`pragma foreign_keys = on`.execute(db))
  const failed = results.find((r) => r.status === 'Error')
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? '(before any migration ran)'
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Local database migration ${name} failed: ${reason}`, { cause: error })
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
