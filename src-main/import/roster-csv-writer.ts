/** Writes roster records in the import's CSV shape (the bench and tests build files with it). */
import { stringify } from 'csv-stringify/sync'
import type { RosterRecord } from '../../src-shared/schemas'
import { ROSTER_CSV_COLUMNS } from './roster-csv-row'

export function rosterCsvHeader(): string {
  return stringify([[...ROSTER_CSV_COLUMNS]])
}

export function rosterCsvLines(records: readonly RosterRecord[]): string {
  return stringify(records.map((r) => ROSTER_CSV_COLUMNS.map((c) => (c === 'eligibleSubjectCodes' ? r.eligibleSubjectCodes.join(';') : String(r[c])))))
}

export function rosterCsv(records: readonly RosterRecord[]): string {
  return rosterCsvHeader() + rosterCsvLines(records)
}
