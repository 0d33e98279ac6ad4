/**
 * E2/E3 for imported rows: one CSV row of a roster file becomes a RosterRecord only through the
 * same zod schema the central's roster download is checked with, plus the ID-number rule of its
 * type (E2). A refusal names the column and says why in one sentence.
 */
import { checkIdNumber } from '../../src-shared/domain/id-documents'
import { rosterRecordSchema, type RosterRecord } from '../../src-shared/schemas'

/** The header of a roster CSV file: the record's fields; 资格科目 separated by ";". */
export const ROSTER_CSV_COLUMNS = [
  'candidateId',
  'idType',
  'idNumber',
  'name',
  'gender',
  'phone',
  'schoolCode',
  'campusCode',
  'educationLevel',
  'schoolingYears',
  'enrollmentYear',
  'grade',
  'department',
  'major',
  'className',
  'studentNumber',
  'remarks',
  'eligibleSubjectCodes',
  'updatedAt',
] as const

export type RosterCsvRow = Readonly<Record<string, string | undefined>>

export type RowOutcome = { readonly ok: true; readonly record: RosterRecord } | { readonly ok: false; readonly reason: string }

/** Columns missing from a header, so a wrong file is refused before any row is read. */
export function missingRosterColumns(header: readonly string[]): string[] {
  const present = new Set(header.map((h) => h.trim()))
  return ROSTER_CSV_COLUMNS.filter((c) => !present.has(c))
}

function toInput(row: RosterCsvRow): Record<string, unknown> {
  const years = (row.schoolingYears ?? '').trim()
  const subjects = (row.eligibleSubjectCodes ?? '').trim()
  return {
    ...Object.fromEntries(ROSTER_CSV_COLUMNS.map((c) => [c, row[c] ?? ''])),
    schoolingYears: /^\d+$/.test(years) ? Number(years) : years,
    eligibleSubjectCodes: subjects === '' ? [] : subjects.split(';').map((s) => s.trim()),
  }
}

export function parseRosterRow(row: RosterCsvRow): RowOutcome {
  const parsed = rosterRecordSchema.safeParse(toInput(row))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const column = issue?.path[0] === undefined ? '' : String(issue.path[0])
    return { ok: false, reason: `${column} 列的值不符合要求：${row[column] ?? ''}`.trim() }
  }
  const id = checkIdNumber(parsed.data.idType, parsed.data.idNumber)
  if (!id.ok) return { ok: false, reason: `idNumber 列：${id.error.message}` }
  return { ok: true, record: { ...parsed.data, idNumber: id.value } }
}
