/**
 * Kysely's SQLite dialect, telling the migrator that SQLite runs DDL inside transactions (it
 * does; Kysely assumes not). A migration that fails half-way then leaves no half-built schema.
 */
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

export class KioskSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}
