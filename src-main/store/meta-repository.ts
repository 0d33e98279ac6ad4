/** Small key/value facts about the store, e.g. when the last sync succeeded. */
import type { KioskDb } from './schema'

export const META_KEYS = {
  lastSyncAt: 'last_sync_at',
  /** Roster pages are pulled a slice per run; the next run resumes after this candidate id. */
  rosterCursor: 'roster_cursor',
  /** S3: the change feed's position: the next pull asks for changes after it. */
  feedCursor: 'feed_cursor',
  /** K3: the data key, wrapped by the KeyWrapper named in dataKeyWrapper (never in clear). */
  dataKeyWrapped: 'data_key_wrapped',
  dataKeyWrapper: 'data_key_wrapper',
} as const

export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS]

export async function getMeta(db: KioskDb, key: MetaKey): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function setMeta(db: KioskDb, key: MetaKey, value: string | null): Promise<void> {
  if (value === null) {
    await db.deleteFrom('meta').where('key', '=', key).execute()
    return
  }
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
