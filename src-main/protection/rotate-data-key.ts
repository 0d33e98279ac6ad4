/**
 * K3 at rest: key rotation. A new data key is drawn, every protected value is decrypted under the
 * old key and sealed again under the new one, and the new wrapped key replaces the old, all in
 * one transaction: a rotation cut short leaves the store as it was.
 */
import type { KioskStore } from '../store/open-database'
import { loadOrCreateDataKey, storeDataKey } from './data-key-store'
import { createFieldProtector, newDataKey } from './field-protector'
import type { KeyWrapper } from './key-wrapper'
import { scrubFreedPages } from './parked-roster-values'

const CHUNK = 1000

/** Returns how many roster records were re-encrypted. */
export async function rotateDataKey(store: KioskStore, wrapper: KeyWrapper): Promise<number> {
  const oldProtector = createFieldProtector(await loadOrCreateDataKey(store.db, wrapper))
  const newKey = newDataKey()
  const newProtector = createFieldProtector(newKey)
  let count = 0
  await store.db.transaction().execute(async (trx) => {
    let after = ''
    for (;;) {
      const rows = await trx
        .selectFrom('roster_records')
        .select(['candidate_id', 'id_number_enc', 'phone_enc'])
        .where('candidate_id', '>', after)
        .orderBy('candidate_id')
        .limit(CHUNK)
        .execute()
      if (rows.length === 0) break
      for (const row of rows) {
        const idNumber = oldProtector.decrypt('idNumber', row.id_number_enc)
        const phone = oldProtector.decrypt('phone', row.phone_enc)
        await trx
          .updateTable('roster_records')
          .set({
            id_number_hmac: newProtector.blindIndex(idNumber),
            id_number_enc: newProtector.encrypt('idNumber', idNumber),
            phone_enc: newProtector.encrypt('phone', phone),
          })
          .where('candidate_id', '=', row.candidate_id)
          .execute()
      }
      count += rows.length
      after = rows[rows.length - 1]!.candidate_id
    }
    await storeDataKey(trx, wrapper, newKey)
  })
  scrubFreedPages(store)
  return count
}
