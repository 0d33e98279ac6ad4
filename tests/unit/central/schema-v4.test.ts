import { describe, expect, it } from 'vitest'
import { migrateCentralDatabase, openCentralDatabase, schemaVersion } from '../../../src-central/database'
import { seedDemoData } from '../../../src-central/demo-data'
import { SCHEMA_MIGRATIONS } from '../../../src-central/schema-migrations'

const seed = (d: Parameters<typeof seedDemoData>[0]) => seedDemoData(d, new Date('2026-09-01T00:00:00Z'))

describe('central schema migration 4 (allotments, change feed)', () => {
  it('S3/S4: migrating a v3 database keeps its bookings, adds empty allotments and feed, and later changes are fed', () => {
    const { db } = openCentralDatabase(':memory:', { migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 3), onCreate: seed })
    try {
      db.prepare(
        `INSERT INTO bookings (id, candidate_id, offering_id, subject_code, fee_fen, status, created_at, expires_at, booked_by_kiosk)
         VALUES ('B1', 'C12001-00008', '120010-1', '1', 10, 'unpaid', '2026-09-01T00:00:00.000Z', '2026-09-02T00:00:00.000Z', 'K')`,
      ).run()
      expect(migrateCentralDatabase(db, { migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 4) })).toMatchObject({ fromVersion: 3, toVersion: 4, created: false })
      expect(schemaVersion(db)).toBe(4)
      expect(db.prepare(`SELECT count(*) FROM bookings`).pluck().get()).toBe(1)
      expect(db.prepare(`SELECT count(*) FROM allotments`).pluck().get()).toBe(0)
      expect(db.prepare(`SELECT count(*) FROM changes`).pluck().get()).toBe(0)
      db.prepare(`UPDATE bookings SET status = 'cancelled', ended_at = '2026-09-01T01:00:00.000Z' WHERE id = 'B1'`).run()
      db.prepare(`UPDATE offerings SET seats_left = seats_left - 1 WHERE id = '120010-1'`).run()
      expect(db.prepare(`SELECT kind, entity_key AS entityKey, school_code AS schoolCode FROM changes ORDER BY seq`).all()).toEqual([
        { kind: 'booking', entityKey: 'B1', schoolCode: '12001' },
        { kind: 'seats', entityKey: '120010-1', schoolCode: '12001' },
      ])
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
    }
  })

  it('S4: the schema itself refuses a second active allotment per device and offering, negative seats and held seats after the end', () => {
    const { db } = openCentralDatabase(':memory:', { onCreate: seed })
    try {
      const insert = db.prepare(
        `INSERT INTO allotments (id, kiosk_id, offering_id, held, used, status, created_at, expires_at, ended_at)
         VALUES (?, 'K', '120010-1', ?, 0, ?, '2026-09-01T00:00:00.000Z', '2026-09-01T02:00:00.000Z', ?)`,
      )
      insert.run('A1', 2, 'active', null)
      expect(() => insert.run('A2', 1, 'active', null)).toThrow(/UNIQUE/)
      expect(() => insert.run('A3', -1, 'returned', '2026-09-01T01:00:00.000Z')).toThrow(/CHECK/)
      expect(() => insert.run('A4', 1, 'returned', '2026-09-01T01:00:00.000Z')).toThrow(/CHECK/)
      insert.run('A5', 0, 'expired', '2026-09-01T02:00:00.000Z')
      // Allotment entries are scoped to their device.
      expect(db.prepare(`SELECT DISTINCT kiosk_id FROM changes WHERE kind = 'allotment'`).pluck().all()).toEqual(['K'])
    } finally {
      db.close()
    }
  })
})
