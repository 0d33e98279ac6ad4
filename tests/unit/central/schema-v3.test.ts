import { describe, expect, it } from 'vitest'
import { migrateCentralDatabase, openCentralDatabase, schemaVersion } from '../../../src-central/database'
import { seedDemoData } from '../../../src-central/demo-data'
import { SCHEMA_MIGRATIONS } from '../../../src-central/schema-migrations'

describe('central schema migration 3 (waitlist, CET4 scores, CET6 reviews)', () => {
  it('W1/E5: migrating a v2 database keeps its bookings and adds the empty waitlist and review tables', () => {
    const upToV2 = SCHEMA_MIGRATIONS.filter((m) => m.version <= 2)
    const { db } = openCentralDatabase(':memory:', { migrations: upToV2, onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')) })
    try {
      db.prepare(
        `INSERT INTO bookings (id, candidate_id, offering_id, subject_code, fee_fen, status, created_at, expires_at, booked_by_kiosk)
         VALUES ('B1', 'C12001-00008', '120010-1', '1', 10, 'unpaid', '2026-09-01T00:00:00.000Z', '2026-09-02T00:00:00.000Z', 'K')`,
      ).run()
      expect(migrateCentralDatabase(db, { migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 3) })).toMatchObject({ fromVersion: 2, toVersion: 3, created: false })
      expect(schemaVersion(db)).toBe(3)
      expect(db.prepare(`SELECT count(*) FROM bookings`).pluck().get()).toBe(1)
      for (const table of ['waitlist_entries', 'cet4_scores', 'cet6_reviews'])
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
    }
  })

  it('B2/W1: the schema itself refuses a second waiting entry at the same level, and E5 a second review', () => {
    const { db } = openCentralDatabase(':memory:', { onCreate: (d) => seedDemoData(d, new Date('2026-09-01T00:00:00Z')) })
    try {
      const insert = db.prepare(
        `INSERT INTO waitlist_entries (id, candidate_id, offering_id, subject_code, level_key, status, submitted_at, ended_at, submitted_by_kiosk)
         VALUES (?, 'C99301-00037', ?, ?, 'written-4', ?, '2026-09-01T00:00:00.000Z', ?, 'K')`,
      )
      insert.run('W1', '993010-1', '1', 'waiting', null)
      expect(() => insert.run('W2', '993010-3', '3', 'waiting', null)).toThrow(/UNIQUE/)
      insert.run('W3', '993010-3', '3', 'cancelled', '2026-09-01T01:00:00.000Z')
      const review = db.prepare(
        `INSERT INTO cet6_reviews (candidate_id, ticket_number, status, message, submitted_at, submitted_by_kiosk)
         VALUES ('C99301-00037', '993010251100303', 'refused', 'x', '2026-09-01T00:00:00.000Z', 'K')`,
      )
      review.run()
      expect(() => review.run()).toThrow(/UNIQUE|PRIMARY/)
      expect(db.prepare(`SELECT count(*) FROM cet4_scores`).pluck().get()).toBeGreaterThanOrEqual(4)
    } finally {
      db.close()
    }
  })
})
