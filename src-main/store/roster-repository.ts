/**
 * E2/E3: the cached roster (学籍 and 资格科目). A kiosk may cache a province's roster, so writes
 * go in chunks and a lookup is one probe of the (id_type, id_number) unique index; the number
 * is stored normalised.
 */
import type { IdType } from '../../src-shared/domain/id-documents'
import { normaliseIdNumber } from '../../src-shared/domain/id-documents'
import type { RosterRecord } from '../../src-shared/schemas'
import type { KioskDb, NewRosterRecord, RosterRecordRow } from './schema'

/** 19 columns per row stays far below SQLite's limit of bound parameters per statement. */
const CHUNK = 500

function toRow(r: RosterRecord): NewRosterRecord {
  return {
    candidate_id: r.candidateId,
    id_type: r.idType,
    id_number: normaliseIdNumber(r.idNumber),
    name: r.name,
    gender: r.gender,
    phone: r.phone,
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

function fromRow(row: RosterRecordRow): RosterRecord {
  return {
    candidateId: row.candidate_id,
    idType: row.id_type as IdType,
    idNumber: row.id_number,
    name: row.name,
    gender: row.gender as RosterRecord['gender'],
    phone: row.phone,
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

const UPDATABLE = [
  'id_type',
  'id_number',
  'name',
  'gender',
  'phone',
  'school_code',
  'campus_code',
  'education_level',
  'schooling_years',
  'enrollment_year',
  'grade',
  'department',
  'major',
  'class_name',
  'student_number',
  'remarks',
  'eligible_subject_codes',
  'updated_at',
] as const

/** Inserts or replaces records by candidate id: applying the same page twice changes nothing. */
export async function upsertRosterRecords(db: KioskDb, records: readonly RosterRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = records.slice(i, i + CHUNK).map(toRow)
    await db
      .insertInto('roster_records')
      .values(rows)
      .onConflict((oc) =>
        oc.column('candidate_id').doUpdateSet((eb) => Object.fromEntries(UPDATABLE.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute()
  }
}

export async function findRosterByDocument(db: KioskDb, idType: IdType, idNumber: string): Promise<RosterRecord | null> {
  const row = await db
    .selectFrom('roster_records')
    .selectAll()
    .where('id_type', '=', idType)
    .where('id_number', '=', normaliseIdNumber(idNumber))
    .executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}

export async function findRosterByCandidateId(db: KioskDb, candidateId: string): Promise<RosterRecord | null> {
  const row = await db.selectFrom('roster_records').selectAll().where('candidate_id', '=', candidateId).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}
