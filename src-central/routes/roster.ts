/**
 * The roster of the device's schools in the current session: paged download for the kiosk's
 * offline cache (S4) and the online eligibility lookup (E2).
 */
import type { Database } from 'better-sqlite3'
import { rosterPageQuerySchema } from '../../src-shared/central/contract'
import { checkIdNumber } from '../../src-shared/domain/id-documents'
import type { CurrentExamSession } from '../current-exam-session'
import { answer, badRequest, notFound } from '../reply'
import { defineRoute, type Route } from '../route'
import { ROSTER_COLUMNS, rosterRecordFromRow, type RosterRow } from '../roster-records'
import { formatZodError } from '../zod-message'

export const LOOKUP_NOT_FOUND_MESSAGE = '未查询到资格信息，请核对证件类型、证件号码和姓名。'

/** Names are compared trimmed, with runs of spaces collapsed and Latin letters upper-cased (passports). */
function comparableName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase()
}

export function rosterRoutes(db: Database, currentExamSession: CurrentExamSession): Route[] {
  // The school filter's column is written `+school_code` so SQLite walks the primary key in
  // candidate_id order and stops after `limit` rows, instead of sorting every record of the schools.
  const page = db.prepare<{ session: string; schools: string; after: string; limit: number }, RosterRow>(
    `SELECT ${ROSTER_COLUMNS} FROM roster_records
     WHERE candidate_id > @after AND exam_session_id = @session
       AND +school_code IN (SELECT value FROM json_each(@schools))
     ORDER BY candidate_id LIMIT @limit`,
  )
  const byDocument = db.prepare<{ session: string; schools: string; idType: string; idNumber: string }, RosterRow>(
    `SELECT ${ROSTER_COLUMNS} FROM roster_records
     WHERE id_type = @idType AND id_number = @idNumber AND exam_session_id = @session
       AND school_code IN (SELECT value FROM json_each(@schools))`,
  )

  return [
    defineRoute('getRosterPage', ({ device, query }) => {
      const parsed = rosterPageQuerySchema.safeParse(Object.fromEntries(query))
      if (!parsed.success) return badRequest(`查询参数不正确：${formatZodError(parsed.error)}`)
      const { after = '', limit } = parsed.data
      const session = currentExamSession()
      if (!session) return answer({ records: [], nextAfter: null })
      // One row more than asked tells whether another page follows.
      const rows = page.all({ session: session.id, schools: device.schoolCodesJson, after, limit: limit + 1 })
      const records = rows.slice(0, limit).map(rosterRecordFromRow)
      const nextAfter = rows.length > limit ? (records.at(-1)?.candidateId ?? null) : null
      return answer({ records, nextAfter })
    }),

    defineRoute('lookupRoster', ({ device, body }) => {
      // E2: the number must have its type's shape; a bad one gets its own message, not a lookup.
      const idNumber = checkIdNumber(body.idType, body.idNumber)
      if (!idNumber.ok) return badRequest(idNumber.error.message)
      const session = currentExamSession()
      if (!session) return notFound(LOOKUP_NOT_FOUND_MESSAGE)
      const name = comparableName(body.name)
      const row = byDocument
        .all({ session: session.id, schools: device.schoolCodesJson, idType: body.idType, idNumber: idNumber.value })
        .find((r) => comparableName(r.name) === name)
      return row ? answer({ record: rosterRecordFromRow(row) }) : notFound(LOOKUP_NOT_FOUND_MESSAGE)
    }),
  ]
}
