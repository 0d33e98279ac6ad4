import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFieldProtector } from '../../../src-main/protection/field-protector'
import { protectParkedRosterValues } from '../../../src-main/protection/parked-roster-values'
import { migrateToLatest } from '../../../src-main/store/migrate'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'
import { findRosterByDocument } from '../../../src-main/store/roster-repository'
import { migrateUpTo } from './migrate-up-to'

const ID_NUMBER = 'E12345678'
const PHONE = '13800008008'

function columns(store: KioskStore, table: string): string[] {
  return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
}

/** A store as a kiosk of the previous release left it: a cached record with a registration. */
function seedBefore0003(store: KioskStore): void {
  store.sqlite.exec(`
    INSERT INTO roster_records (candidate_id, id_type, id_number, name, gender, phone, school_code, campus_code,
        education_level, schooling_years, enrollment_year, grade, department, major, class_name, student_number,
        remarks, eligible_subject_codes, updated_at)
      VALUES ('C1', '护照', '${ID_NUMBER}', '蓝笑天', '女', '${PHONE}', '12001', '120010', '本科', 4, '16', '11',
        '化学学院', '高分子化学与物理', '1', '00008', '', '1,F', 'T');
    INSERT INTO operators (username, display_name, role, password_hash, created_at)
      VALUES ('demo', '演示操作员', 'operator', 'scrypt$x', 'T');
    INSERT INTO visits (id, operator_id, agreement_version, agreement_accepted_at, candidate_id, started_at)
      VALUES ('v1', 1, '2026H2-1', 'T', 'C1', 'T');
    INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at,
        confirmed_by_operator_id, visit_id)
      VALUES ('C1', '2026H2', '2026H2-1', 'T', 'T', 1, 'v1');
  `)
}

describe('migration 0003-personal-data-protection (K3 at rest)', () => {
  let dir: string
  let store: KioskStore
  const protector = createFieldProtector(Buffer.alloc(32, 3))
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-0003-'))
    store = openDatabase(join(dir, 'kiosk.sqlite'))
    const before = Object.keys((await import('../../../migrations/index')).migrations).filter((m) => m < '0003')
    await migrateUpTo(store.db, before.at(-1)!)
    seedBefore0003(store)
    expect(await migrateToLatest(store.db)).toContain('0003-personal-data-protection')
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('K3: replaces id_number and phone by their hash and ciphertexts, keeping every other column', () => {
    const cols = columns(store, 'roster_records')
    expect(cols).toEqual(expect.arrayContaining(['id_number_hmac', 'id_number_enc', 'phone_enc', 'name', 'student_number']))
    expect(cols).not.toContain('id_number')
    expect(cols).not.toContain('phone')
    expect(store.sqlite.prepare('SELECT candidate_id, id_number_hmac, id_number_enc, phone_enc, name FROM roster_records').all()).toEqual([
      { candidate_id: 'C1', id_number_hmac: 'pending:C1', id_number_enc: '', phone_enc: '', name: '蓝笑天' },
    ])
  })

  it('K3: parks the clear values for the protection step, and keeps registrations pointing at the roster', () => {
    expect(store.sqlite.prepare('SELECT * FROM roster_clear_values').all()).toEqual([{ candidate_id: 'C1', id_number: ID_NUMBER, phone: PHONE }])
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(store.sqlite.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    // The registration still references roster_records: an unknown candidate is refused.
    expect(() =>
      store.sqlite.exec(`INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at)
        VALUES ('C-unknown', '2026H2', 'v', 'T', 'T')`),
    ).toThrow(/FOREIGN KEY/)
  })

  it('K3: the protection step encrypts the parked values, drops them and leaves none in the file or the WAL', async () => {
    expect(await protectParkedRosterValues(store, protector)).toBe(1)
    expect(store.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'roster_clear_values'").all()).toEqual([])
    expect(await findRosterByDocument(store.db, protector, '护照', ID_NUMBER)).toMatchObject({ candidateId: 'C1', idNumber: ID_NUMBER, phone: PHONE })
    await store.close()
    for (const file of ['kiosk.sqlite', 'kiosk.sqlite-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(join(dir, file))
        } catch {
          return Buffer.alloc(0)
        }
      })()
      expect(bytes.includes(ID_NUMBER), file).toBe(false)
      expect(bytes.includes(PHONE), file).toBe(false)
    }
    // Running the step again (the next start) finds nothing to do.
    store = openDatabase(join(dir, 'kiosk.sqlite'))
    expect(await protectParkedRosterValues(store, protector)).toBe(0)
  })

  it('runs on an empty roster as on a fresh install', async () => {
    const fresh = openDatabase(':memory:')
    await migrateToLatest(fresh.db)
    expect(await protectParkedRosterValues(fresh, protector)).toBe(0)
    await fresh.close()
  })
})
