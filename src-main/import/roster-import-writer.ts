/**
 * K3 for imported rows: each checked record is sealed as the roster repository seals it (the ID
 * number encrypted and as its keyed hash, the phone encrypted) and upserted by candidate id with
 * one prepared statement bound by position (no row object per record).
 */
import type Database from 'better-sqlite3'
import { normaliseIdNumber } from '../../src-shared/domain/id-documents'
import type { RosterRecord } from '../../src-shared/schemas'
import type { FieldProtector } from '../protection/field-protector'
import { ROSTER_UPDATABLE_COLUMNS } from '../store/roster-repository'
import { isConstraintViolation, type ImportWriter } from './import-session'

export const DUPLICATE_DOCUMENT = '该证件号码已属于另一位考生（与文件中或已有的名单重复）。'

/** The roster_records columns, in the order the values are bound. */
const COLUMNS = ['candidate_id', ...ROSTER_UPDATABLE_COLUMNS] as const

export const ROSTER_POSITIONAL_UPSERT = `insert into roster_records (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})
  on conflict (candidate_id) do update set ${COLUMNS.filter((c) => c !== 'candidate_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`

export function rosterImportWriter(sqlite: Database.Database, protector: FieldProtector): ImportWriter<RosterRecord> {
  const upsert = sqlite.prepare(ROSTER_POSITIONAL_UPSERT)
  return {
    write(r) {
      const idNumber = normaliseIdNumber(r.idNumber)
      try {
        upsert.run(
        r.candidateId,
        r.idType,
        protector.blindIndex(idNumber),
        protector.encrypt('idNumber', idNumber),
        r.name,
        r.gender,
        protector.encrypt('phone', r.phone),
        r.schoolCode,
        r.campusCode,
        r.educationLevel,
        r.schoolingYears,
        r.enrollmentYear,
        r.grade,
        r.department,
        r.major,
        r.className,
        r.studentNumber,
        r.remarks,
        r.eligibleSubjectCodes.join(','),
        r.updatedAt,
        )
        return null
      } catch (error) {
        // E2: the (ID type, keyed hash) index is unique: one document, one candidate.
        if (isConstraintViolation(error)) return DUPLICATE_DOCUMENT
        throw error
      }
    },
  }
}
