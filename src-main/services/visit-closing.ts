/**
 * K2: ends whatever visit is open, in the caller's transaction, with an audit row each. Used
 * when a new candidate's agreement is accepted, at sign-out, and at the end of a visit.
 */
import { appendAudit } from '../store/audit-repository'
import type { KioskDb } from '../store/schema'
import { endOpenVisits } from '../store/visit-repository'

export async function closeOpenVisits(db: KioskDb, at: Date, operatorId: number | null, detail: string): Promise<void> {
  for (const visit of await endOpenVisits(db, at))
    await appendAudit(db, {
      at,
      operatorId: operatorId ?? visit.operator_id,
      candidateId: visit.candidate_id,
      action: 'visit.end',
      outcome: 'ok',
      detail,
    })
}
