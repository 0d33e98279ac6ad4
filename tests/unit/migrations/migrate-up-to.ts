/**
 * Migrates a store up to and including one migration, as a store of that age would be, so a
 * migration's test can seed data the way it found it.
 */
import { Migrator, sql, type Kysely } from 'kysely'
import { migrations } from '../../../migrations/index'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateUpTo(db: Kysely<any>, last: string): Promise<string[]> {
  const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last))
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(upTo) } })
  // As migrateToLatest runs them: foreign keys off around the migrations.
  await sql`pragma foreign_keys = off`.execute(db)
  const { error, results = [] } = await migrator.migrateToLatest().finally(() => sql`pragma foreign_keys = on`.execute(db))
  if (error !== undefined) throw error
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
