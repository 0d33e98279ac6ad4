/** How a roster record (E3) is read from roster_records and shaped for the contract. */
import type { RosterRecord } from '../src-shared/schemas'

export const ROSTER_COLUMNS = `candidate_id AS candidateId, id_type AS idType, id_number AS idNumber, name, gender, phone,
  school_code AS schoolCode, campus_code AS campusCode, education_level AS educationLevel,
  schooling_years AS schoolingYears, enrollment_year AS enrollmentYear, grade, department, major,
  class_name AS className, student_number AS studentNumber, remarks,
  eligible_subject_codes AS eligibleSubjectCodes, updated_at AS updatedAt`

export type RosterRow = Omit<RosterRecord, 'eligibleSubjectCodes'> & { eligibleSubjectCodes: string }

export function rosterRecordFromRow(row: RosterRow): RosterRecord {
  return { ...row, eligibleSubjectCodes: JSON.parse(row.eligibleSubjectCodes) as string[] }
}
