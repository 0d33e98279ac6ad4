/**
 * The roster CSV import (run-import.ts does the work) and the named upsert the bench's raw
 * baseline writes with. Kept as the roster's entry point for the bench and tests.
 */
import type Database from 'better-sqlite3'
import type { FieldProtector } from '../protection/field-protector'
import { toRosterRow } from '../store/roster-repository'
import type { CsvSource } from './csv-source'
import type { ImportOutcome, ImportProgressTick } from './import-session'
import { runImport } from './import-run'

export type { ImportSource } from './import-run'
export type { ImportOutcome, ImportProgressTick, RowRefusal } from './import-session'
export { MAX_KEPT_REFUSALS } from './import-session'

const COLUMNS = Object.keys(
  toRosterRow({ encrypt: () => '', encryptMany: () => [], decrypt: () => '', blindIndex: () => '' }, parseSample()),
) as (keyof ReturnType<typeof toRosterRow>)[]

function parseSample() {
  return {
    candidateId: 'x',
    idType: '护照' as const,
    idNumber: 'x',
    name: 'x',
    gender: '男' as const,
    phone: '',
    schoolCode: 'x',
    campusCode: 'x',
    educationLevel: '',
    schoolingYears: 4,
    enrollmentYear: '',
    grade: '',
    department: '',
    major: '',
    className: '',
    studentNumber: '',
    remarks: '',
    eligibleSubjectCodes: [],
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

/** The upsert by candidate id with named parameters (the bench's raw baseline binds row objects). */
export function rosterUpsertSql(): string {
  const updates = COLUMNS.filter((c) => c !== 'candidate_id').map((c) => `${c} = excluded.${c}`)
  return `insert into roster_records (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})
    on conflict (candidate_id) do update set ${updates.join(', ')}`
}

export function runRosterImport(
  sqlite: Database.Database,
  protector: FieldProtector,
  source: CsvSource,
  onProgress: (tick: ImportProgressTick) => void = () => {},
): Promise<ImportOutcome> {
  return runImport(sqlite, protector, { what: 'roster', source, at: new Date(0).toISOString() }, onProgress)
}
