/**
 * 报考科目信息 from a CSV file: one row per offering (a subject at a campus), checked with the
 * shared offeringSchema (the same one the central's catalog is checked with) and the catalog's own
 * sense: seats left within the capacity, the registration window in order. Oral offerings list
 * the campuses whose students may book them (B3), separated by ";".
 */
import { offeringSchema, type Offering } from '../../src-shared/schemas'
import type { RowOutcome } from './import-session'

export const OFFERING_CSV_COLUMNS = [
  'id',
  'subjectCode',
  'schoolCode',
  'campusCode',
  'feeCents',
  'capacity',
  'seatsLeft',
  'registrationStart',
  'registrationEnd',
  'examStart',
  'examEnd',
  'oralAllowedCampusCodes',
] as const

type Column = (typeof OFFERING_CSV_COLUMNS)[number]
const WHOLE_NUMBERS: readonly Column[] = ['feeCents', 'capacity', 'seatsLeft']
const OPTIONAL_TIMES: readonly Column[] = ['examStart', 'examEnd']

export function missingColumns(expected: readonly string[], header: readonly string[]): string[] {
  const present = new Set(header.map((h) => h.trim()))
  return expected.filter((c) => !present.has(c))
}

export function offeringCellsReader(header: readonly string[]): (cells: readonly string[]) => RowOutcome<Offering> {
  const at = new Map(OFFERING_CSV_COLUMNS.map((c) => [c, header.indexOf(c)]))
  return (cells) => {
    const cell = (c: Column) => (cells[at.get(c)!] ?? '').trim()
    const input: Record<string, unknown> = {}
    for (const c of OFFERING_CSV_COLUMNS) input[c] = cell(c)
    for (const c of WHOLE_NUMBERS) if (/^\d+$/.test(cell(c))) input[c] = Number(cell(c))
    for (const c of OPTIONAL_TIMES) if (cell(c) === '') input[c] = null
    const campuses = cell('oralAllowedCampusCodes')
    input.oralAllowedCampusCodes = campuses === '' ? [] : campuses.split(';').map((s) => s.trim())
    const parsed = offeringSchema.safeParse(input)
    if (!parsed.success) {
      const column = String(parsed.error.issues[0]?.path[0] ?? '')
      const value = OFFERING_CSV_COLUMNS.includes(column as Column) ? cell(column as Column) : ''
      return { ok: false, reason: `${column} 列的值不符合要求：${value}`.trim() }
    }
    const o = parsed.data
    if (o.seatsLeft > o.capacity) return { ok: false, reason: 'seatsLeft 列：剩余容量不能大于容量。' }
    if (Date.parse(o.registrationStart) >= Date.parse(o.registrationEnd))
      return { ok: false, reason: 'registrationEnd 列：报名结束时间必须晚于报名开始时间。' }
    if (o.examStart !== null && o.examEnd !== null && Date.parse(o.examStart) > Date.parse(o.examEnd))
      return { ok: false, reason: 'examEnd 列：考试结束时间不能早于考试开始时间。' }
    return { ok: true, record: o }
  }
}
