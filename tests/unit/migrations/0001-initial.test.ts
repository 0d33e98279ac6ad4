import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations/index'
import { migrateUpTo } from './migrate-up-to'
import { openDatabase, type KioskStore } from '../../../src-main/store/open-database'

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../migrations')

function columns(store: KioskStore, table: string): string[] {
  return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
}

function seed(store: KioskStore): void {
  const db = store.sqlite
  db.exec(`
    INSERT INTO exam_sessions (id, name, registration_start, registration_end, is_current, updated_at)
      VALUES ('2026H2', '2026下半年CET考试', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', 1, '2026-09-01T00:00:00Z');
    INSERT INTO subjects (code, name, language, level, kind, sort_order) VALUES ('1', '英语四级笔试', 'en', 4, 'written', 1);
    INSERT INTO subjects (code, name, language, level, kind, sort_order) VALUES ('F', '英语四级口试', 'en', 4, 'oral', 11);
    INSERT INTO schools (code, name, province_code, province_name, updated_at) VALUES ('12001', '南开大学', '12', '天津市', 'T');
    INSERT INTO campuses (code, school_code, name, updated_at) VALUES ('120010', '12001', '南开大学', 'T');
    INSERT INTO offerings (id, subject_code, school_code, campus_code, fee_cents, capacity, seats_left,
        registration_start, registration_end, exam_start, exam_end, updated_at)
      VALUES ('120010-F', 'F', '12001', '120010', 10, 60, 60, 'S', 'E', NULL, NULL, 'T');
    INSERT INTO offering_oral_campuses (offering_id, campus_code) VALUES ('120010-F', '120010');
    INSERT INTO announcements (id, scope, issuer, province_code, school_code, title, body, published_at)
      VALUES ('A-12', 'province', '(12)天津市', '12', NULL, '通知', '正文', 'T');
    INSERT INTO roster_records (candidate_id, id_type, id_number, name, gender, phone, school_code, campus_code,
        education_level, schooling_years, enrollment_year, grade, department, major, class_name, student_number,
        remarks, eligible_subject_codes, updated_at)
      VALUES ('C1', '护照', 'E12345678', '蓝笑天', '女', '13800008008', '12001', '120010', '本科', 4, '16', '11',
        '化学学院', '高分子化学与物理', '1', '00008', '', '1,F', 'T');
    INSERT INTO operators (username, display_name, role, password_hash, created_at)
      VALUES ('demo', '演示操作员', 'operator', 'scrypt$x', 'T');
    INSERT INTO visits (id, operator_id, agreement_version, agreement_accepted_at, candidate_id, started_at)
      VALUES ('v1', 1, '2026H2-1', 'T', 'C1', 'T');
    INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at,
        confirmed_by_operator_id, visit_id)
      VALUES ('C1', '2026H2', '2026H2-1', 'T', 'T', 1, 'v1');
    INSERT INTO audit_log (at, operator_id, candidate_id, action, outcome) VALUES ('T', 1, 'C1', 'registration.confirm', 'ok');
    INSERT INTO meta (key, value) VALUES ('last_sync_at', 'T');
  `)
}

describe('migration 0001-initial', () => {
  let store: KioskStore
  beforeEach(async () => {
    store = openDatabase(':memory:')
    expect(await migrateUpTo(store.db, '0001-initial')).toEqual(['0001-initial'])
  })
  afterEach(() => store.close())

  it('creates every table with the columns the reference data needs', () => {
    expect(columns(store, 'offerings')).toEqual([
      'id', 'subject_code', 'school_code', 'campus_code', 'fee_cents', 'capacity', 'seats_left',
      'registration_start', 'registration_end', 'exam_start', 'exam_end', 'updated_at',
    ])
    expect(columns(store, 'roster_records')).toEqual([
      'candidate_id', 'id_type', 'id_number', 'name', 'gender', 'phone', 'school_code', 'campus_code',
      'education_level', 'schooling_years', 'enrollment_year', 'grade', 'department', 'major', 'class_name',
      'student_number', 'remarks', 'eligible_subject_codes', 'updated_at',
    ])
    expect(columns(store, 'visits')).toEqual([
      'id', 'operator_id', 'agreement_version', 'agreement_accepted_at', 'candidate_id', 'started_at', 'ended_at',
    ])
    expect(columns(store, 'registrations')).toEqual([
      'candidate_id', 'exam_session_id', 'agreement_version', 'agreement_accepted_at', 'confirmed_at',
      'confirmed_by_operator_id', 'visit_id',
    ])
    expect(columns(store, 'operators')).toEqual([
      'id', 'username', 'display_name', 'role', 'password_hash', 'failed_attempts', 'locked_until', 'disabled', 'created_at',
    ])
    expect(columns(store, 'announcements')).toContain('province_code')
    expect(columns(store, 'audit_log')).toEqual(['id', 'at', 'operator_id', 'candidate_id', 'action', 'outcome', 'detail'])
  })

  it('holds seeded data and defaults the counters', () => {
    seed(store)
    expect(store.sqlite.prepare('SELECT failed_attempts, disabled, locked_until FROM operators').get()).toEqual({
      failed_attempts: 0,
      disabled: 0,
      locked_until: null,
    })
    expect(store.sqlite.prepare('SELECT eligible_subject_codes FROM roster_records').get()).toEqual({ eligible_subject_codes: '1,F' })
  })

  it('E2: one roster record per document (id_type, id_number)', () => {
    seed(store)
    expect(() =>
      store.sqlite.exec(`INSERT INTO roster_records SELECT 'C2', id_type, id_number, name, gender, phone, school_code,
        campus_code, education_level, schooling_years, enrollment_year, grade, department, major, class_name,
        student_number, remarks, eligible_subject_codes, updated_at FROM roster_records WHERE candidate_id = 'C1'`),
    ).toThrow(/UNIQUE constraint failed: roster_records.id_type, roster_records.id_number/)
  })

  it('E4: one registration per candidate, only for a known candidate', () => {
    seed(store)
    expect(() =>
      store.sqlite.exec(`INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at,
        confirmed_at) VALUES ('C1', '2026H2', 'v', 'T', 'T')`),
    ).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() =>
      store.sqlite.exec(`INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at,
        confirmed_at) VALUES ('nobody', '2026H2', 'v', 'T', 'T')`),
    ).toThrow(/FOREIGN KEY/)
  })

  it('K2: at most one open visit', () => {
    seed(store)
    expect(() =>
      store.sqlite.exec(`INSERT INTO visits (id, operator_id, agreement_version, agreement_accepted_at, started_at)
        VALUES ('v2', 1, '2026H2-1', 'T', 'T')`),
    ).toThrow(/UNIQUE constraint failed/)
    store.sqlite.exec(`UPDATE visits SET ended_at = 'T2' WHERE id = 'v1'`)
    store.sqlite.exec(`INSERT INTO visits (id, operator_id, agreement_version, agreement_accepted_at, started_at)
      VALUES ('v2', 1, '2026H2-1', 'T', 'T')`)
  })

  it('checks values: strict types, enumerations, non-negative money and seats, one current session', () => {
    seed(store)
    expect(() => store.sqlite.exec(`UPDATE offerings SET fee_cents = 'ten'`)).toThrow(/cannot store TEXT value in INTEGER column/)
    expect(() => store.sqlite.exec(`UPDATE offerings SET seats_left = -1`)).toThrow(/CHECK constraint failed/)
    expect(() => store.sqlite.exec(`UPDATE roster_records SET gender = 'x'`)).toThrow(/CHECK constraint failed/)
    expect(() => store.sqlite.exec(`UPDATE operators SET role = 'root'`)).toThrow(/CHECK constraint failed/)
    expect(() =>
      store.sqlite.exec(`INSERT INTO announcements (id, scope, issuer, school_code, title, body, published_at)
        VALUES ('A-x', 'school', '(12001)南开大学', NULL, 't', 'b', 'T')`),
    ).toThrow(/CHECK constraint failed/)
    expect(() =>
      store.sqlite.exec(`INSERT INTO exam_sessions (id, name, registration_start, registration_end, is_current, updated_at)
        VALUES ('2027H1', 'x', 'S', 'E', 1, 'T')`),
    ).toThrow(/UNIQUE constraint failed/)
    expect(() => store.sqlite.exec(`INSERT INTO operators (username, display_name, role, password_hash, created_at)
      VALUES ('demo', 'x', 'operator', 'h', 'T')`)).toThrow(/UNIQUE constraint failed: operators.username/)
  })

  it('removing an offering removes its oral campus list', () => {
    seed(store)
    store.sqlite.exec(`DELETE FROM offerings WHERE id = '120010-F'`)
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM offering_oral_campuses').get()).toEqual({ n: 0 })
  })

  it('running the migrations again changes nothing', async () => {
    seed(store)
    expect(await migrateUpTo(store.db, '0001-initial')).toEqual([])
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM roster_records').get()).toEqual({ n: 1 })
  })
})

describe('migrations/', () => {
  it('are all imported statically by migrations/index.ts, in file order', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(Object.keys(migrations)).toEqual(files)
  })

  it('are frozen in time: they import nothing but kysely', () => {
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}-.+\.ts$/.test(f))) {
      const imports = [...readFileSync(join(MIGRATIONS_DIR, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1])
      expect(imports, file).toEqual(imports.map(() => 'kysely'))
    }
  })
})
