/**
 * K3 for imported rows: each checked record is sealed as the roster repository seals it (the ID
 * number encrypted and as its keyed hash, the phone encrypted) into a row of values in the
 * upsert's column order, and upserted by candidate id with one prepared statement bound by
 * position. Sealing and writing are apart so that a file's rows can be sealed on the checking
 * thread while the writing thread only writes (roster-import-pipeline.ts).
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

/** A checked record sealed for the store: its values in ROSTER_POSITIONAL_UPSERT's order. */
export type SealedRosterRow = readonly (string | number)[]

export function sealRosterRecord(protector: FieldProtector, r: RosterRecord): SealedRosterRow {
  const idNumber = normaliseIdNumber(r.idNumber)
  return sealedRow(r, protector.blindIndex(idNumber), protector.encrypt('idNumber', idNumber), protector.encrypt('phone', r.phone))
}

/** sealRosterRecord() for many records, their values encrypted a batch at a time (#8). */
export function sealRosterRecords(protector: FieldProtector, records: readonly RosterRecord[]): SealedRosterRow[] {
  const ids = records.map((r) => normaliseIdNumber(r.idNumber))
  const sealedIds = protector.encryptMany('idNumber', ids)
  const sealedPhones = protector.encryptMany(
    'phone',
    records.map((r) => r.phone),
  )
  return records.map((r, k) => sealedRow(r, protector.blindIndex(ids[k]!), sealedIds[k]!, sealedPhones[k]!))
}

function sealedRow(r: RosterRecord, idNumberHash: string, idNumberSealed: string, phoneSealed: string): SealedRosterRow {
  return [
    r.candidateId,
    r.idType,
    idNumberHash,
    idNumberSealed,
    r.name,
    r.gender,
    phoneSealed,
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
  ]
}

/** Writes sealed rows; a second candidate with the same document is refused (E2). */
export function rosterRowWriter(sqlite: Database.Database): ImportWriter<SealedRosterRow> {
  const upsert = sqlite.prepare(ROSTER_POSITIONAL_UPSERT)
  return {
    write(row) {
      try {
        upsert.run(row)
        return null
      } catch (error) {
        // E2: the (ID type, keyed hash) index is unique: one document, one candidate.
        if (isConstraintViolation(error)) return DUPLICATE_DOCUMENT
        throw error
      }
    },
  }
}

/** Seals and writes on one thread (the central's roster download). */
export function rosterImportWriter(sqlite: Database.Database, protector: FieldProtector): ImportWriter<RosterRecord> {
  const rows = rosterRowWriter(sqlite)
  return { write: (r) => rows.write(sealRosterRecord(protector, r)) }
}
