import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'
import { migrateUpTo } from './migrate-up-to'

function columns(store: KioskStore, table: string): string[] {
  return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
}

const OUTBOX = `INSERT INTO outbox (candidate_id, action, idempotency_key, payload, summary, operator_id, created_at, next_attempt_at)
  VALUES ('C1', ?, ?, '{}', '报考 英语四级笔试', 1, 'T', 'T')`

describe('migration 0004-sync-outbox (S1–S6)', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = openDatabase(':memory:')
    await migrateUpTo(store.db, '0003-personal-data-protection')
    // A booking the kiosk of the previous release holds: it was the central's answer, so it is in sync.
    store.sqlite.exec(`INSERT INTO bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code,
      fee_cents, status, booked_via, arrangement, created_at, expires_at, updated_at)
      VALUES ('B1', 'C1', '120010-1', '1', 'written', '12001', '120010', 10, 'unpaid', 'candidate', 'unarranged', 'T0', 'T1', 'T0')`)
    expect(await migrateUpTo(store.db, '0004-sync-outbox')).toEqual(['0004-sync-outbox'])
  })
  afterEach(() => store.close())

  it('S4: adds the outbox, allotments and the local→central id map; existing bookings are in sync', () => {
    expect(columns(store, 'outbox')).toEqual([
      'id', 'candidate_id', 'action', 'idempotency_key', 'payload', 'summary', 'operator_id', 'created_at', 'state', 'attempts',
      'next_attempt_at', 'last_error', 'settled_at', 'refusal_code', 'refusal_message', 'acknowledged_at', 'acknowledged_by',
    ])
    expect(columns(store, 'allotments')).toEqual(['id', 'offering_id', 'held', 'used', 'expires_at', 'status', 'updated_at'])
    expect(columns(store, 'booking_id_map')).toEqual(['local_id', 'central_id'])
    expect(store.sqlite.prepare('SELECT booking_id, sync_state FROM bookings').all()).toEqual([{ booking_id: 'B1', sync_state: 'synced' }])
  })

  it('S2: an entry starts pending with no attempts; its idempotency key is unique; actions and states are closed sets', () => {
    store.sqlite.prepare(OUTBOX).run('booking.create', 'k1')
    expect(store.sqlite.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 0 })
    expect(() => store.sqlite.prepare(OUTBOX).run('booking.create', 'k1')).toThrow(/UNIQUE/)
    expect(() => store.sqlite.prepare(OUTBOX).run('order.create', 'k2')).toThrow(/CHECK/)
    expect(() => store.sqlite.prepare(`UPDATE outbox SET state = 'dropped'`).run()).toThrow(/CHECK/)
    expect(() => store.sqlite.prepare(`UPDATE bookings SET sync_state = 'maybe'`).run()).toThrow(/CHECK/)
  })
})
