/** The exam session (考次) the central currently registers for, mirrored locally. */
import type { ExamSession } from '../../src-shared/schemas'
import type { ExamSessionRow, KioskDb } from './schema'

function fromRow(row: ExamSessionRow): ExamSession {
  return {
    id: row.id,
    name: row.name,
    registrationStart: row.registration_start,
    registrationEnd: row.registration_end,
  }
}

/** Stores the session and makes it the current one. */
export async function saveCurrentExamSession(db: KioskDb, session: ExamSession, at: Date): Promise<void> {
  await db.updateTable('exam_sessions').set({ is_current: 0 }).where('id', '!=', session.id).execute()
  const values = {
    name: session.name,
    registration_start: session.registrationStart,
    registration_end: session.registrationEnd,
    is_current: 1,
    updated_at: at.toISOString(),
  }
  await db
    .insertInto('exam_sessions')
    .values({ id: session.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
}

export async function findCurrentExamSession(db: KioskDb): Promise<ExamSession | null> {
  const row = await db.selectFrom('exam_sessions').selectAll().where('is_current', '=', 1).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}

export async function findExamSession(db: KioskDb, id: string): Promise<ExamSession | null> {
  const row = await db.selectFrom('exam_sessions').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}
