/**
 * K3 for imported rows: each checked record is sealed as the roster repository seals it (the ID
 * number encrypted and as its keyed hash, the phone encrypted) into a row of values in the
 * upsert's column order, and upserted by candidate id with one prepared statement bound by
 * position. For a file the sealing is shared between its two threads (roster-import-pipeline.ts)
 * so that neither waits for the other: the checking thread seals the ID number (its keyed hash
 * and its encryption), and the phone is sealed by whichever thread is ahead (#8).
 */
import type Database from 'better-sqlite3'
import { normaliseIdNumber } from '../../src-shared/domain/id-documents'
import type { RosterRecord } from '../../src-shared/schemas'
import type { FieldProtector } from '../protection/field-protector'
import { ROSTER_UPDATABLE_COLUMNS } from '../store/roster-columns'
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

/** A SealedRosterRow whose phone may still be clear (sealPhones seals it). */
export type IdSealedRosterRow = readonly (string | number)[]

/** Where the phone is in a row of values. */
const PHONE_AT = COLUMNS.indexOf('phone_enc')

export function sealRosterRecord(protector: FieldProtector, r: RosterRecord): SealedRosterRow {
  const idNumber = normaliseIdNumber(r.idNumber)
  return sealedRow(r, protector.blindIndex(idNumber), protector.encrypt('idNumber', idNumber), protector.encrypt('phone', r.phone))
}

/** The checking thread's part: a chunk's ID numbers sealed (checked records hold them normalised, E2). */
export function sealIdNumbers(protector: FieldProtector, records: readonly RosterRecord[]): IdSealedRosterRow[] {
  const sealed = protector.encryptMany('idNumber', records.map((r) => r.idNumber))
  return records.map((r, i) => sealedRow(r, protector.blindIndex(r.idNumber), sealed[i]!, r.phone))
}

/** A chunk's phones sealed in place (the rows are their thread's own copy). */
export function sealPhones(protector: FieldProtector, rows: readonly IdSealedRosterRow[]): readonly SealedRosterRow[] {
  const sealed = protector.encryptMany('phone', rows.map((row) => String(row[PHONE_AT])))
  rows.forEach((row, i) => ((row as (string | number)[])[PHONE_AT] = sealed[i]!))
  return rows
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
