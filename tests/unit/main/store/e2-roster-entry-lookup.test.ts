import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findCampus, findSchool, upsertSchools } from '../../../../src-main/store/catalog-repository'
import type { KioskStore } from '../../../../src-main/store/open-database'
import { findRosterByDocument, findRosterEntryByDocument, upsertRosterRecords } from '../../../../src-main/store/roster-repository'
import { CATALOG, ROSTER, WANG } from '../support/fixtures'
import { openTestStore, TEST_PROTECTOR } from '../support/test-store'

describe('E2/K3: the lookup fast path (one prepared statement) answers as the Kysely queries do', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = await openTestStore()
    await upsertSchools(store.db, CATALOG.schools, new Date('2026-09-01T00:00:00Z'))
    await upsertRosterRecords(store.db, TEST_PROTECTOR, [...ROSTER, { ...WANG, candidateId: 'NO-CAMPUS', idNumber: 'E99999999', idType: '护照', campusCode: '999999' }])
  })
  afterEach(() => store.close())

  async function slowPath(idType: (typeof ROSTER)[number]['idType'], idNumber: string) {
    const record = await findRosterByDocument(store.db, TEST_PROTECTOR, idType, idNumber)
    if (record === null) return null
    return {
      record,
      schoolName: (await findSchool(store.db, record.schoolCode))?.name ?? null,
      campusName: (await findCampus(store.db, record.campusCode))?.name ?? null,
    }
  }

  it('E2: every roster record, found by its document (decrypted, K3), with its school and campus names', async () => {
    for (const r of ROSTER) {
      const fast = await findRosterEntryByDocument(store.db, TEST_PROTECTOR, r.idType, r.idNumber)
      expect(fast).toEqual(await slowPath(r.idType, r.idNumber))
      expect(fast?.schoolName).not.toBeNull()
    }
  })

  it('E2: a campus the catalog lacks gives a null name; an unknown document gives null', async () => {
    expect(await findRosterEntryByDocument(store.db, TEST_PROTECTOR, '护照', 'E99999999')).toMatchObject({ campusName: null })
    expect(await findRosterEntryByDocument(store.db, TEST_PROTECTOR, '护照', 'E00000000')).toBeNull()
    expect(await findRosterEntryByDocument(store.db, TEST_PROTECTOR, WANG.idType === '护照' ? '香港身份证' : '护照', WANG.idNumber)).toBeNull()
  })

  it('while another flow holds a transaction it waits its turn on Kysely: never a read of uncommitted rows', async () => {
    let release: () => void = () => {}
    let started: () => void = () => {}
    const begun = new Promise<void>((resolve) => (started = resolve))
    const held = new Promise<void>((resolve) => (release = resolve))
    const other = store.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('roster_records').set({ name: '未提交的名字' }).where('candidate_id', '=', WANG.candidateId).execute()
        started()
        await held
        throw new Error('rolled back')
      })
      .catch(() => null)
    await begun
    const lookup = findRosterEntryByDocument(store.db, TEST_PROTECTOR, WANG.idType, WANG.idNumber)
    release()
    await other
    expect((await lookup)?.record.name).toBe(WANG.name)
  })
})
