/**
 * W2 on the kiosk: a promotion (候补成功) of an entry this desk handled is written to the audit log
 * once, as `waitlist.promoted` (the 日报表 counts it), whether the desk learns of it from the
 * visit's refreshed waitlist or from the change feed (S3), however often either repeats it
 * (a replayed feed page, a restart): the status change is recorded with the audit row, in the
 * caller's transaction. Entries this desk never handled (submitted online or at another kiosk)
 * are not counted here, so a promotion is not counted by every kiosk of the school.
 */
import type { WaitlistEntry } from '../../../src-shared/schemas'
import { appendAudits } from '../../store/audit-repository'
import type { KioskDb } from '../../store/schema'
import { recordWaitlistEntries } from '../../store/waitlist-entry-repository'

export interface HeardFrom {
  readonly at: Date
  /** The operator at the desk; null when the change feed brought it (the system). */
  readonly operatorId: number | null
  /** true at the desk: entries not known yet become this desk's. */
  readonly addNew: boolean
}

/** Records the entries as heard; audits each promotion once. Returns the promotions audited now. */
export async function noteWaitlistEntries(db: KioskDb, entries: readonly WaitlistEntry[], heard: HeardFrom): Promise<WaitlistEntry[]> {
  const promoted = await recordWaitlistEntries(db, entries, { at: heard.at, addNew: heard.addNew })
  await appendAudits(
    db,
    promoted.map((e) => ({
      at: heard.at,
      operatorId: heard.operatorId,
      candidateId: e.candidateId,
      action: 'waitlist.promoted' as const,
      outcome: 'ok' as const,
      detail: `${e.id} (${e.offeringId}) → ${e.bookingId ?? '?'}`,
    })),
  )
  return promoted
}
