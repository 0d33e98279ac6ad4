import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'
import { migrateUpTo } from './migrate-up-to'

describe('migration 0006-bookings-by-candidate-ended (B6)', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = openDatabase(':memory:')
    await migrateUpTo(store.db, '0005-waitlist-entries')
    store.sqlite.exec(`INSERT INTO bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code,
      fee_cents, status, booked_via, arrangement, created_at, expires_at, ended_at, updated_at)
      VALUES ('B1', 'C1', '120010-1', '1', 'written', '12001', '120010', 10, 'expired', 'candidate', 'unarranged', 'T0', 'T1', 'T1', 'T1')`)
    expect(await migrateUpTo(store.db, '0006-bookings-by-candidate-ended')).toEqual(['0006-bookings-by-candidate-ended'])
  })
  afterEach(() => store.close())

  it('B6: the candidate index carries status and ended_at and replaces the old one; rows are kept', () => {
    const indexes = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings' AND sql IS NOT NULL ORDER BY name`).pluck().all()
    expect(indexes).toEqual(['bookings_by_candidate_status_ended', 'bookings_unpaid_by_expiry'])
    const columns = store.sqlite.prepare(`PRAGMA index_info(bookings_by_candidate_status_ended)`).all() as { name: string }[]
    expect(columns.map((c) => c.name)).toEqual(['candidate_id', 'status', 'ended_at'])
    expect(store.sqlite.prepare('SELECT booking_id, ended_at FROM bookings').all()).toEqual([{ booking_id: 'B1', ended_at: 'T1' }])
  })

  it('B6: "holds nothing and nothing went within the grace" reads the index alone', () => {
    const plan = store.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT 1 FROM bookings a WHERE a.candidate_id = ? AND (a.status IN ('unpaid', 'paid') OR a.ended_at > ?)`,
      )
      .all('C1', 'T0') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX bookings_by_candidate_status_ended/)
  })
})
