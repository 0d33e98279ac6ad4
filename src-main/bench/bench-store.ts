/** A fresh kiosk database for a bench run: migrated, WAL, with a data key of its own. */
import { join } from 'node:path'
import { createFieldProtector, newDataKey, type FieldProtector } from '../protection/field-protector'
import { migrateToLatest } from '../store/migrate'
import { openDatabase, type KioskStore } from '../store/open-database'

export interface BenchStore {
  readonly path: string
  readonly store: KioskStore
  readonly dataKey: Buffer
  readonly protector: FieldProtector
}

export async function openBenchStore(dir: string, name: string): Promise<BenchStore> {
  const path = join(dir, name)
  const store = openDatabase(path)
  await migrateToLatest(store.db)
  const dataKey = newDataKey()
  return { path, store, dataKey, protector: createFieldProtector(dataKey) }
}
