/**
 * E2/E3: the cached roster (学籍 and 资格科目). A kiosk may cache a province's roster, so writes
 * go in chunks and a lookup is one probe of the (id_type, id_number_hmac) unique index.
 * K3: the ID number and phone are stored only encrypted, the number also as its keyed hash
 * (see protection/field-protector.ts); records leave this module decrypted.
 */
import type { IdType } from '../../src-shared/domain/id-documents'
import { normaliseIdNumber } from '../../src-shared/domain/id-documents'
import type { RosterRecord } from '../../src-shared/schemas'
import type Database from 'better-sqlite3'
import type { FieldProtector } from '../protection/field-protector'
import { findCampus, findSchool } from './catalog-repository'
import { rawConnection } from './open-database'
import { ROSTER_UPDATABLE_COLUMNS } from './roster-columns'
import type { KioskDb, NewRosterRecord, RosterRecordRow } from './schema'

/** 19 columns per row stays far below SQLite's limit of bound parameters per statement. */
const CHUNK = 500

export function toRosterRow(protector: FieldProtector, r: RosterRecord): NewRosterRecord {
  const idNumber = normaliseIdNumber(r.idNumber)
  return {
    candidate_id: r.candidateId,
    id_type: r.idType,
    id_number_hmac: protector.blindIndex(idNumber),
    id_number_enc: protector.encrypt('idNumber', idNumber),
    name: r.name,
    gender: r.gender,
    phone_enc: protector.encrypt('phone', r.phone),
    school_code: r.schoolCode,
    campus_code: r.campusCode,
    education_level: r.educationLevel,
    schooling_years: r.schoolingYears,
    enrollment_year: r.enrollmentYear,
    grade: r.grade,
    department: r.department,
    major: r.major,
    class_name: r.className,
    student_number: r.studentNumber,
    remarks: r.remarks,
    eligible_subject_codes: r.eligibleSubjectCodes.join(','),
    updated_at: r.updatedAt,
  }
}

function fromRow(protector: FieldProtector, row: RosterRecordRow): RosterRecord {
  return {
    candidateId: row.candidate_id,
    idType: row.id_type as IdType,
    idNumber: protector.decrypt('idNumber', row.id_number_enc),
    name: row.name,
    gender: row.gender as RosterRecord['gender'],
    phone: protector.decrypt('phone', row.phone_enc),
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    educationLevel: row.education_level,
    schoolingYears: row.schooling_years,
    enrollmentYear: row.enrollment_year,
    grade: row.grade,
    department: row.department,
    major: row.major,
    className: row.class_name,
    studentNumber: row.student_number,
    remarks: row.remarks,
    eligibleSubjectCodes: row.eligible_subject_codes === '' ? [] : row.eligible_subject_codes.split(','),
    updatedAt: row.updated_at,
  }
}


/**
 * A value sealed again gets a fresh IV, so an unchanged record would be rewritten on every sync;
 * keeping the stored ciphertext when the clear value is the same makes a repeated page a no-op.
 */
async function keepUnchangedCiphertexts(db: KioskDb, protector: FieldProtector, rows: NewRosterRecord[]): Promise<NewRosterRecord[]> {
  const stored = await db
    .selectFrom('roster_records')
    .select(['candidate_id', 'id_number_hmac', 'id_number_enc', 'phone_enc'])
    .where(
      'candidate_id',
      'in',
      rows.map((r) => r.candidate_id),
    )
    .execute()
  if (stored.length === 0) return rows
  const byId = new Map(stored.map((s) => [s.candidate_id, s]))
  return rows.map((row) => {
    const old = byId.get(row.candidate_id)
    if (old === undefined) return row
    const sameNumber = old.id_number_hmac === row.id_number_hmac
    const samePhone = safeDecrypt(protector, old.phone_enc) === protector.decrypt('phone', row.phone_enc)
    return {
      ...row,
      ...(sameNumber ? { id_number_enc: old.id_number_enc } : {}),
      ...(samePhone ? { phone_enc: old.phone_enc } : {}),
    }
  })
}

function safeDecrypt(protector: FieldProtector, sealed: string): string | null {
  try {
    return protector.decrypt('phone', sealed)
  } catch {
    return null
  }
}

/** Inserts or replaces records by candidate id: applying the same page twice changes nothing. */
export async function upsertRosterRecords(db: KioskDb, protector: FieldProtector, records: readonly RosterRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = await keepUnchangedCiphertexts(db, protector, records.slice(i, i + CHUNK).map((r) => toRosterRow(protector, r)))
    await db
      .insertInto('roster_records')
      .values(rows)
      .onConflict((oc) =>
        oc.column('candidate_id').doUpdateSet((eb) => Object.fromEntries(ROSTER_UPDATABLE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute()
  }
}

export async function findRosterByDocument(
  db: KioskDb,
  protector: FieldProtector,
  idType: IdType,
  idNumber: string,
): Promise<RosterRecord | null> {
  const row = await db
    .selectFrom('roster_records')
    .selectAll()
    .where('id_type', '=', idType)
    .where('id_number_hmac', '=', protector.blindIndex(normaliseIdNumber(idNumber)))
    .executeTakeFirst()
  return row === undefined ? null : fromRow(protector, row)
}

/** A roster record with the names of its school and campus (null when the catalog lacks them). */
export interface RosterEntry {
  readonly record: RosterRecord
  readonly schoolName: string | null
  readonly campusName: string | null
}

const ENTRY_BY_DOCUMENT = `select r.*, s.name as school_name, c.name as campus_name from roster_records r
  left join schools s on s.code = r.school_code left join campuses c on c.code = r.campus_code
  where r.id_type = ? and r.id_number_hmac = ?`
const entryStatements = new WeakMap<Database.Database, Database.Statement<[string, string], RosterRecordRow & EntryNames>>()
type EntryNames = { school_name: string | null; campus_name: string | null }

/**
 * E2's lookup as one prepared statement (the keyed-hash probe and the school and campus names
 * in one `get`), issue #8: Kysely's three queries cost the handler path ~30× a raw `get`. It
 * answers exactly what findRosterByDocument + findSchool + findCampus answer, and falls back to
 * them inside a transaction or on a connection it cannot prepare on.
 */
export async function findRosterEntryByDocument(
  db: KioskDb,
  protector: FieldProtector,
  idType: IdType,
  idNumber: string,
): Promise<RosterEntry | null> {
  const raw = rawConnection(db)
  if (raw === undefined || raw.inTransaction) {
    const record = await findRosterByDocument(db, protector, idType, idNumber)
    if (record === null) return null
    const [school, campus] = [await findSchool(db, record.schoolCode), await findCampus(db, record.campusCode)]
    return { record, schoolName: school?.name ?? null, campusName: campus?.name ?? null }
  }
  let statement = entryStatements.get(raw)
  if (statement === undefined) {
    statement = raw.prepare<[string, string], RosterRecordRow & EntryNames>(ENTRY_BY_DOCUMENT)
    entryStatements.set(raw, statement)
  }
  const row = statement.get(idType, protector.blindIndex(normaliseIdNumber(idNumber)))
  if (row === undefined) return null
  return { record: fromRow(protector, row), schoolName: row.school_name, campusName: row.campus_name }
}

export async function findRosterByCandidateId(db: KioskDb, protector: FieldProtector, candidateId: string): Promise<RosterRecord | null> {
  const row = await db.selectFrom('roster_records').selectAll().where('candidate_id', '=', candidateId).executeTakeFirst()
  return row === undefined ? null : fromRow(protector, row)
}

/** E5: a passed CET6 review adds 英语六级笔试 to the cached record's 资格科目 (the central's answer). */
export async function setEligibleSubjectCodes(db: KioskDb, candidateId: string, codes: readonly string[]): Promise<void> {
  await db.updateTable('roster_records').set({ eligible_subject_codes: codes.join(',') }).where('candidate_id', '=', candidateId).execute()
}
