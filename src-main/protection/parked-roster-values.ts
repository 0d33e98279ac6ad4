/**
 * K3 at rest, the step after migration 0003: rows that were in the roster before the upgrade had
 * their clear ID numbers and phones parked in roster_clear_values (a migration has no key).
 * Before the kiosk serves anything this step encrypts them into roster_records, drops the
 * parking table in the same transaction, then vacuums and truncates the WAL so no free page or
 * log frame keeps a clear value (secure_delete is on as well, see open-database.ts).
 */
import { sql } from 'kysely'
import type { KioskStore } from '../store/open-database'
import type { FieldProtector } from './field-protector'

const PARKING_TABLE = 'roster_clear_values'
const CHUNK = 1000

interface ParkedRow {
  candidate_id: string
  id_number: string
  phone: string
}

async function parkingTableExists(store: KioskStore): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${PARKING_TABLE}`.execute(store.db)
  return Number(rows[0]?.n ?? 0) > 0
}

/** Returns how many records were protected (0 when nothing was parked). */
export async function protectParkedRosterValues(store: KioskStore, protector: FieldProtector): Promise<number> {
  if (!(await parkingTableExists(store))) return 0
  let protectedRows = 0
  await store.db.transaction().execute(async (trx) => {
    let after = ''
    for (;;) {
      const { rows } = await sql<ParkedRow>`
        select candidate_id, id_number, phone from roster_clear_values
        where candidate_id > ${after} order by candidate_id limit ${CHUNK}`.execute(trx)
      if (rows.length === 0) break
      for (const row of rows) {
        await trx
          .updateTable('roster_records')
          .set({
            id_number_hmac: protector.blindIndex(row.id_number),
            id_number_enc: protector.encrypt('idNumber', row.id_number),
            phone_enc: protector.encrypt('phone', row.phone),
          })
          .where('candidate_id', '=', row.candidate_id)
          .execute()
      }
      protectedRows += rows.length
      after = rows[rows.length - 1]!.candidate_id
    }
    await sql`drop table roster_clear_values`.execute(trx)
  })
  scrubFreedPages(store)
  return protectedRows
}

/** Rewrites the file without its free pages and empties the WAL (outside any transaction). */
export function scrubFreedPages(store: KioskStore): void {
  store.sqlite.exec('VACUUM')
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
}
