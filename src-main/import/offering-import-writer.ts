/**
 * Writes checked 报考科目信息 rows into the local catalog as the catalog sync does (upsert by
 * offering id, the oral campuses replaced), with prepared statements. A row naming a subject, or
 * a campus of that school, that this kiosk's catalog does not know is refused with a sentence
 * rather than left to the foreign keys.
 */
import type Database from 'better-sqlite3'
import type { Offering } from '../../src-shared/schemas'
import type { ImportWriter } from './import-session'

export const UNKNOWN_SUBJECT = 'subjectCode 列：本机的科目目录中没有该科目，请先与报名中心同步。'
export const UNKNOWN_CAMPUS = 'campusCode 列：本机没有该学校的这个校区，请核对学校代码和校区代码，或先与报名中心同步。'

export function offeringImportWriter(sqlite: Database.Database, at: Date): ImportWriter<Offering> {
  const updatedAt = at.toISOString()
  const subject = sqlite.prepare('select 1 from subjects where code = ?').pluck()
  const campusSchool = sqlite.prepare('select school_code from campuses where code = ?').pluck()
  const upsert = sqlite.prepare(`insert into offerings (id, subject_code, school_code, campus_code, fee_cents, capacity, seats_left,
      registration_start, registration_end, exam_start, exam_end, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (id) do update set subject_code = excluded.subject_code, school_code = excluded.school_code,
      campus_code = excluded.campus_code, fee_cents = excluded.fee_cents, capacity = excluded.capacity,
      seats_left = excluded.seats_left, registration_start = excluded.registration_start,
      registration_end = excluded.registration_end, exam_start = excluded.exam_start, exam_end = excluded.exam_end,
      updated_at = excluded.updated_at`)
  const clearOral = sqlite.prepare('delete from offering_oral_campuses where offering_id = ?')
  const addOral = sqlite.prepare('insert into offering_oral_campuses (offering_id, campus_code) values (?, ?) on conflict do nothing')
  return {
    check(o) {
      if (subject.get(o.subjectCode) === undefined) return UNKNOWN_SUBJECT
      if (campusSchool.get(o.campusCode) !== o.schoolCode) return UNKNOWN_CAMPUS
      return null
    },
    write(o) {
      upsert.run(o.id, o.subjectCode, o.schoolCode, o.campusCode, o.feeCents, o.capacity, o.seatsLeft, o.registrationStart,
        o.registrationEnd, o.examStart, o.examEnd, updatedAt)
      clearOral.run(o.id)
      for (const campus of o.oralAllowedCampusCodes) addOral.run(o.id, campus)
      return null
    },
  }
}
