/** A fresh, migrated in-memory store. */
import { migrateToLatest } from '../../../../src-main/store/migrate'
import { openDatabase, type KioskStore } from '../../../../src-main/store/open-database'
import { createFieldProtector } from '../../../../src-main/protection/field-protector'

/** K3: a fixed data key for tests; the kiosk draws a random one and keeps it wrapped. */
export const TEST_PROTECTOR = createFieldProtector(Buffer.alloc(32, 7))

export async function openTestStore(): Promise<KioskStore> {
  const store = openDatabase(':memory:')
  await migrateToLatest(store.db)
  return store
}

export const ALL_TABLES = [
  'exam_sessions',
  'subjects',
  'schools',
  'campuses',
  'offerings',
  'offering_oral_campuses',
  'announcements',
  'roster_records',
  'operators',
  'visits',
  'registrations',
  'audit_log',
  'meta',
] as const

/** Row counts of every table, to show an operation changed nothing. */
export function countRows(store: KioskStore): Record<string, number> {
  return Object.fromEntries(
    ALL_TABLES.map((t) => [t, (store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  )
}
