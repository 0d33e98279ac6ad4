/**
 * K1: the audit log, one row per change with operator, time and candidate. Details never carry
 * passwords, ID numbers, names or phone numbers: the candidate id is enough to trace a change.
 */
import type { AuditEntryRow, KioskDb } from './schema'

export type AuditAction =
  | 'operator.sign-in'
  | 'operator.sign-out'
  | 'agreement.accept'
  | 'eligibility.lookup'
  | 'registration.confirm'
  | 'booking.create'
  | 'booking.cancel'
  | 'booking.expire'
  | 'score-report.save'
  | 'order.create'
  | 'order.paid'
  | 'order.refund-required'
  | 'registration.delete'
  | 'visit.end'
  | 'candidate.reveal'
  | 'operator.create'
  | 'operator.disable'
  | 'operator.enable'
  | 'operator.password-reset'
  | 'audit.export'
  | 'roster.import'
  | 'offerings.import'
  | 'waitlist.submit'
  | 'waitlist.cancel'
  | 'cet6.review'
  | 'offering.capacity'
  | 'sync.acknowledge'
  | 'sync.feed-reset'
  | 'document.print'
  | 'day-report.export'
  | 'waitlist.promoted'

export type AuditOutcome = 'ok' | 'failed' | 'locked' | 'refused' | 'not-found' | 'unavailable'

export interface AuditEntry {
  readonly at: Date
  readonly operatorId: number | null
  readonly candidateId: string | null
  readonly action: AuditAction
  readonly outcome: AuditOutcome
  readonly detail?: string
}

export async function appendAudit(db: KioskDb, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at.toISOString(),
      operator_id: entry.operatorId,
      candidate_id: entry.candidateId,
      action: entry.action,
      outcome: entry.outcome,
      detail: entry.detail ?? null,
    })
    .execute()
}

/** Rows per insert statement of appendAudits (7 values each, well under SQLite's variable limit). */
const AUDIT_ROWS_PER_INSERT = 500

/** Many rows in a few statements (a sweep's audit), in the order given. */
export async function appendAudits(db: KioskDb, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_INSERT) {
    const rows = entries.slice(i, i + AUDIT_ROWS_PER_INSERT).map((entry) => ({
      at: entry.at.toISOString(),
      operator_id: entry.operatorId,
      candidate_id: entry.candidateId,
      action: entry.action,
      outcome: entry.outcome,
      detail: entry.detail ?? null,
    }))
    await db.insertInto('audit_log').values(rows).execute()
  }
}

/** Oldest first. */
export async function listAudit(db: KioskDb, filter: { candidateId?: string } = {}): Promise<AuditEntryRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id')
  if (filter.candidateId !== undefined) query = query.where('candidate_id', '=', filter.candidateId)
  return query.execute()
}
