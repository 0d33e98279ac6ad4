/** E4: confirmed registrations. A row is never updated: once saved the record is locked. */
import type { Registration } from '../../src-shared/schemas'
import type { KioskDb, RegistrationRow } from './schema'

export interface LocalRegistration extends Registration {
  /** Null when the confirmation was learned from the central (online, or another kiosk). */
  readonly confirmedByOperatorId: number | null
  readonly visitId: string | null
}

function fromRow(row: RegistrationRow): LocalRegistration {
  return {
    candidateId: row.candidate_id,
    examSessionId: row.exam_session_id,
    agreementVersion: row.agreement_version,
    agreementAcceptedAt: row.agreement_accepted_at,
    confirmedAt: row.confirmed_at,
    confirmedByOperatorId: row.confirmed_by_operator_id,
    visitId: row.visit_id,
  }
}

export async function findRegistration(db: KioskDb, candidateId: string): Promise<LocalRegistration | null> {
  const row = await db.selectFrom('registrations').selectAll().where('candidate_id', '=', candidateId).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}

/** Records the central's confirmation; a second one for the same candidate changes nothing. */
export async function saveRegistration(db: KioskDb, registration: LocalRegistration): Promise<void> {
  await db
    .insertInto('registrations')
    .values({
      candidate_id: registration.candidateId,
      exam_session_id: registration.examSessionId,
      agreement_version: registration.agreementVersion,
      agreement_accepted_at: registration.agreementAcceptedAt,
      confirmed_at: registration.confirmedAt,
      confirmed_by_operator_id: registration.confirmedByOperatorId,
      visit_id: registration.visitId,
    })
    .onConflict((oc) => oc.column('candidate_id').doNothing())
    .execute()
}
