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

/** The zod schema, then the ID rule of its type (E2); `shown` gives a refused column's value. */
export function checkRosterInput(input: unknown, shown: (column: string) => string): RowOutcome {
  const parsed = rosterRecordSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const column = issue?.path[0] === undefined ? '' : String(issue.path[0])
    return { ok: false, reason: `${column} 列的值不符合要求：${shown(column)}`.trim() }
  }
  const id = checkIdNumber(parsed.data.idType, parsed.data.idNumber)
  if (!id.ok) return { ok: false, reason: `idNumber 列：${id.error.message}` }
  // zod's output is a fresh object: the normalised number is put in place, not copied (#8).
  parsed.data.idNumber = id.value
  return { ok: true, record: parsed.data }
}

export function parseRosterRow(row: RosterCsvRow): RowOutcome {
  return checkRosterInput(toInput(row), (column) => row[column] ?? '')
}

/** A record of the central's roster download, checked exactly as an imported row is. */
export function checkDownloadedRecord(value: unknown): RowOutcome {
  const shown = (column: string) => {
    const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[column] : undefined
    return typeof v === 'string' || typeof v === 'number' ? String(v) : ''
  }
  return checkRosterInput(value, shown)
}

/**
 * For a file's header: turns each row's cells into a checked record without building an object
 * per row first (the bench's million rows). Columns may come in any order; extra ones are ignored.
 */
export function rosterCellsReader(header: readonly string[]): (cells: readonly string[]) => RowOutcome {
  const at = ROSTER_CSV_COLUMNS.map((c) => header.indexOf(c))
  const [years, subjects] = [ROSTER_CSV_COLUMNS.indexOf('schoolingYears'), ROSTER_CSV_COLUMNS.indexOf('eligibleSubjectCodes')]
  return (cells) => {
    const input: Record<string, unknown> = {}
    for (let i = 0; i < ROSTER_CSV_COLUMNS.length; i++) input[ROSTER_CSV_COLUMNS[i]!] = cells[at[i]!] ?? ''
    const y = (cells[at[years]!] ?? '').trim()
    input.schoolingYears = /^\d+$/.test(y) ? Number(y) : y
    const s = (cells[at[subjects]!] ?? '').trim()
    input.eligibleSubjectCodes = s === '' ? [] : s.split(';').map((code) => code.trim())
    return checkRosterInput(input, (column) => {
      const k = ROSTER_CSV_COLUMNS.indexOf(column as (typeof ROSTER_CSV_COLUMNS)[number])
      return k < 0 ? '' : (cells[at[k]!] ?? '')
    })
  }
}
