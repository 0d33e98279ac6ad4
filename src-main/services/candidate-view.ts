/**
 * E3: what the kiosk shows of a roster record: subjects by name; K3: the ID number and phone
 * masked (revealCandidateField gives a full value on purpose, audited).
 */
import { maskIdNumber, maskPhone } from '../../src-shared/domain/masking'
import { findSubject } from '../../src-shared/domain/subjects'
import type { CandidateView } from '../../src-shared/ipc/contract'
import type { RosterRecord } from '../../src-shared/schemas'
import { findCampus, findSchool } from '../store/catalog-repository'
import type { KioskDb } from '../store/schema'

export async function toCandidateView(db: KioskDb, record: RosterRecord, confirmedAt: string | null): Promise<CandidateView> {
  const school = await findSchool(db, record.schoolCode)
  const campus = await findCampus(db, record.campusCode)
  return candidateViewWithNames(record, school?.name ?? null, campus?.name ?? null, confirmedAt)
}

/** The view when the school and campus names are already known (null: the catalog lacks them, the code is shown). */
export function candidateViewWithNames(
  record: RosterRecord,
  schoolName: string | null,
  campusName: string | null,
  confirmedAt: string | null,
): CandidateView {
  return {
    candidateId: record.candidateId,
    name: record.name,
    gender: record.gender,
    idType: record.idType,
    idNumber: maskIdNumber(record.idNumber),
    phoneMasked: maskPhone(record.phone),
    school: { code: record.schoolCode, name: schoolName ?? record.schoolCode },
    campus: { code: record.campusCode, name: campusName ?? record.campusCode },
    educationLevel: record.educationLevel,
    schoolingYears: record.schoolingYears,
    enrollmentYear: record.enrollmentYear,
    grade: record.grade,
    department: record.department,
    major: record.major,
    className: record.className,
    studentNumber: record.studentNumber,
    remarks: record.remarks,
    eligibleSubjects: record.eligibleSubjectCodes.flatMap((code) => {
      const subject = findSubject(code)
      return subject === undefined ? [] : [{ code: subject.code, name: subject.name }]
    }),
    confirmedAt,
  }
}
