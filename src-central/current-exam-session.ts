/** The exam session (考次) kiosks register for now: the one row flagged is_current. */
import type { Database } from 'better-sqlite3'
import type { ExamSession } from '../src-shared/schemas'

export type CurrentExamSession = () => ExamSession | undefined

export function currentExamSessionReader(db: Database): CurrentExamSession {
  const select = db.prepare<[], ExamSession>(
    `SELECT id, name, registration_start AS registrationStart, registration_end AS registrationEnd
     FROM exam_sessions WHERE is_current = 1`,
  )
  return () => select.get()
}
