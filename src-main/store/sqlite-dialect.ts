/**
 * Kysely's SQLite dialect, telling the migrator that SQLite runs DDL inside transactions (it
 * does; Kysely assumes not). A migration that fails half-way then leaves no half-built schema.
 *
 * It also keeps the connection's prepared statements by SQL text: Kysely prepares every query
 * anew, and preparing costs more than running the small statements the kiosk runs (issue #8,
 * outbox delivery). Kysely runs one query at a time on the one connection, so a cached
 * statement is never in use twice; one still busy (an unfinished stream) is not reused.
 */
import { SqliteAdapter, SqliteDialect, type DialectAdapter, type SqliteDatabase, type SqliteDialectConfig, type SqliteStatement } from 'kysely'

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/** Distinct SQL texts kept at most (queries with `in (…)` lists differ by length); then the cache starts over. */
export const STATEMENT_CACHE_SIZE = 1000

type BusyAware = SqliteStatement & { readonly busy?: boolean }

export function cachingStatements(database: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, BusyAware>()
  return {
    close: () => {
      cache.clear()
      database.close()
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql)
      if (cached !== undefined && cached.busy !== true) return cached
      const stmt = database.prepare(sql) as BusyAware
      if (cached === undefined) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear()
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}

export class KioskSqliteDialect extends SqliteDialect {
  constructor(config: SqliteDialectConfig & { readonly database: SqliteDatabase }) {
    super({ ...config, database: cachingStatements(config.database) })
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}
