import { describe, expect, it } from 'vitest'
import { migrateCentralDatabase, openCentralDatabase, schemaVersion } from '../../../src-central/database'
import { seedDemoData } from '../../../src-central/demo-data'
import { SCHEMA_MIGRATIONS } from '../../../src-central/schema-migrations'

describe('central schema migration 2 (bookings, orders, payments)', () => {
  it('B6: migrating a v1 database keeps registrations and gives each an idle deadline 24 h after confirmation', () => {
    const v1 = SCHEMA_MIGRATIONS.filter((m) => m.version === 1)
    const { db } = openCentralDatabase(':memory:', {
      migrations: v1,
      onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')),
    })
    try {
      expect(schemaVersion(db)).toBe(1)
      db.prepare(
        `INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at, confirmed_by_kiosk)
         VALUES ('C12001-00008', '2026H2', 'v1', '2026-09-01T01:00:00.000Z', '2026-09-01T01:02:03.456Z', 'K')`,
      ).run()
      const outcome = migrateCentralDatabase(db, { migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 2) })
      expect(outcome).toMatchObject({ fromVersion: 1, toVersion: 2, created: false })
      expect(db.prepare(`SELECT idle_due_at FROM registrations`).pluck().get()).toBe('2026-09-02T01:02:03.456Z')
      for (const table of ['bookings', 'orders', 'order_bookings', 'payments', 'candidate_notifications'])
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
    }
  })

  it('B1/P4: the schema itself refuses a second active booking of a subject and a second payment of an order', () => {
    const { db } = openCentralDatabase(':memory:', { onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')) })
    try {
      const insert = db.prepare(
        `INSERT INTO bookings (id, candidate_id, offering_id, subject_code, fee_fen, status, created_at, expires_at, booked_by_kiosk)
         VALUES (?, 'C12001-00008', '120010-1', '1', 10, ?, '2026-09-01T00:00:00.000Z', '2026-09-02T00:00:00.000Z', 'K')`,
      )
      insert.run('B1', 'unpaid')
      expect(() => insert.run('B2', 'paid')).toThrow(/UNIQUE/)
      insert.run('B3', 'cancelled')
      db.prepare(
        `INSERT INTO orders (order_no, candidate_id, kind, amount_fen, status, purpose, created_at, expires_at, created_by_kiosk)
         VALUES ('O', 'C12001-00008', 'written', 10, 'pending', 'x', 'a', 'b', 'K')`,
      ).run()
      const payment = db.prepare(`INSERT INTO payments (order_no, amount_fen, received_at, applied) VALUES ('O', 10, 'a', 1)`)
      payment.run()
      expect(() => payment.run()).toThrow(/UNIQUE|PRIMARY/)
    } finally {
      db.close()
    }
  })
})
