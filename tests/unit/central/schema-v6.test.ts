import { describe, expect, it } from 'vitest'
import { migrateCentralDatabase, openCentralDatabase, schemaVersion } from '../../../src-central/database'
import { seedDemoData } from '../../../src-central/demo-data'
import { SCHEMA_MIGRATIONS } from '../../../src-central/schema-migrations'

const seed = (d: Parameters<typeof seedDemoData>[0]) => seedDemoData(d, new Date('2026-09-01T00:00:00Z'))

describe('central schema migration 6 (stored answers appended)', () => {
  it('S2: migrating a v5 database keeps every stored answer, still one per (device, key), found by its key', () => {
    const { db } = openCentralDatabase(':memory:', { migrations: SCHEMA_MIGRATIONS.filter((m) => m.version <= 5), onCreate: seed })
    try {
      const store = db.prepare(
        `INSERT INTO idempotency_keys (kiosk_id, idempotency_key, request_hash, status, response_body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      store.run('K1', 'booking.create:b', 'h2', 200, '{"n":2}', '2026-09-01T00:00:02.000Z')
      store.run('K1', 'booking.create:a', 'h1', 409, '{"n":1}', '2026-09-01T00:00:01.000Z')
      store.run('K2', 'booking.create:a', 'h3', 200, '{"n":3}', '2026-09-01T00:00:03.000Z')
      expect(migrateCentralDatabase(db)).toMatchObject({ fromVersion: 5, toVersion: 6, created: false })
      expect(schemaVersion(db)).toBe(6)
      const find = db.prepare(`SELECT request_hash AS hash, status, response_body AS body FROM idempotency_keys WHERE kiosk_id = ? AND idempotency_key = ?`)
      expect(find.get('K1', 'booking.create:a')).toEqual({ hash: 'h1', status: 409, body: '{"n":1}' })
      expect(find.get('K1', 'booking.create:b')).toEqual({ hash: 'h2', status: 200, body: '{"n":2}' })
      expect(find.get('K2', 'booking.create:a')).toEqual({ hash: 'h3', status: 200, body: '{"n":3}' })
      // Appended in the order they were first answered.
      expect(db.prepare(`SELECT created_at FROM idempotency_keys ORDER BY rowid`).pluck().all()).toEqual([
        '2026-09-01T00:00:01.000Z',
        '2026-09-01T00:00:02.000Z',
        '2026-09-01T00:00:03.000Z',
      ])
      // Still one answer per device and key (S2), and the age index is back.
      expect(() => store.run('K1', 'booking.create:a', 'h9', 200, '{}', '2026-09-01T00:00:04.000Z')).toThrow(/UNIQUE/)
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'idempotency_keys' AND sql IS NOT NULL`).pluck().all()).toEqual([
        'idempotency_keys_by_age',
      ])
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'idempotency_answers'`).pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  })
})
