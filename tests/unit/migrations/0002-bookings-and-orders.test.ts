import { Migrator } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations/index'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'

function columns(store: KioskStore, table: string): string[] {
  return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
}

const BOOKING = `INSERT INTO bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code, fee_cents,
  status, booked_via, arrangement, created_at, expires_at, updated_at)
  VALUES (?, 'C1', '120010-1', '1', 'written', '12001', '120010', 10, ?, 'candidate', 'unarranged', 'T0', 'T1', 'T0')`

describe('migration 0002-bookings-and-orders', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = openDatabase(':memory:')
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: () => Promise.resolve(migrations) } })
    // A store at 0001 with a confirmed registration, as a kiosk of the first release leaves it.
    expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined()
    store.sqlite.exec(`
      INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('demo', '演示操作员', 'operator', 'scrypt$x', 'T');
      INSERT INTO audit_log (at, operator_id, candidate_id, action, outcome) VALUES ('T', 1, 'C1', 'registration.confirm', 'ok');
    `)
    const result = await migrator.migrateTo('0002-bookings-and-orders')
    expect(result.error).toBeUndefined()
    expect(result.results?.map((r) => r.migrationName)).toEqual(['0002-bookings-and-orders'])
  })
  afterEach(() => store.close())

  it('B4–B7, P1–P4, S2: adds bookings, orders and central_requests and keeps existing rows', () => {
    expect(columns(store, 'bookings')).toEqual([
      'booking_id', 'candidate_id', 'offering_id', 'subject_code', 'kind', 'school_code', 'campus_code', 'fee_cents', 'status',
      'booked_via', 'arrangement', 'collective_locked', 'score_report', 'created_at', 'expires_at', 'paid_at', 'ended_at',
      'order_no', 'updated_at',
    ])
    expect(columns(store, 'orders')).toContain('refund_reason')
    expect(columns(store, 'central_requests')).toEqual(['idempotency_key', 'action', 'candidate_id', 'target', 'created_at', 'settled_at'])
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 })
  })

  it('refuses a booking status, score report or order status outside the rules', () => {
    store.sqlite.prepare(BOOKING).run('b1', 'unpaid')
    expect(() => store.sqlite.prepare(BOOKING).run('b2', 'deleted')).toThrow(/CHECK/)
    expect(() => store.sqlite.prepare(`UPDATE bookings SET score_report = '纸质' WHERE booking_id = 'b1'`).run()).toThrow(/CHECK/)
    expect(store.sqlite.prepare(`SELECT collective_locked AS locked FROM bookings WHERE booking_id = 'b1'`).get()).toEqual({ locked: 0 })
  })

  it('S2: at most one open idempotency key per change; a settled one leaves room for the next', () => {
    const insert = store.sqlite.prepare(
      `INSERT INTO central_requests (idempotency_key, action, candidate_id, target, created_at, settled_at) VALUES (?, 'booking.create', 'C1', '120010-1', 'T', ?)`,
    )
    insert.run('k1', null)
    expect(() => insert.run('k2', null)).toThrow(/UNIQUE/)
    store.sqlite.prepare(`UPDATE central_requests SET settled_at = 'T2' WHERE idempotency_key = 'k1'`).run()
    expect(() => insert.run('k2', null)).not.toThrow()
  })
})
