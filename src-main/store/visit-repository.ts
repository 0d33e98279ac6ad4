/** E1/K2: visits, one candidate at a time; a visit starts when the agreement is accepted. */
import type { KioskDb, NewVisit, VisitRow } from './schema'

export async function insertVisit(db: KioskDb, visit: NewVisit): Promise<void> {
  await db.insertInto('visits').values(visit).execute()
}

export async function findVisit(db: KioskDb, id: string): Promise<VisitRow | null> {
  return (await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

/** Ends every open visit (normally at most one); returns what was ended, for the audit log. */
export async function endOpenVisits(db: KioskDb, endedAt: Date): Promise<VisitRow[]> {
  return db
    .updateTable('visits')
    .set({ ended_at: endedAt.toISOString() })
    .where('ended_at', 'is', null)
    .returningAll()
    .execute()
}

export async function setVisitCandidate(db: KioskDb, id: string, candidateId: string): Promise<void> {
  await db.updateTable('visits').set({ candidate_id: candidateId }).where('id', '=', id).execute()
}
