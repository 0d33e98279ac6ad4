/**
 * W1–W4, S3: the waitlist entries this desk handled (migration 0005), with their status as last
 * heard from the central, at the desk or through the change feed. The queue and its positions
 * stay the central's (the visit's copy lives in waitlist-cache); this table only remembers which
 * entries are this desk's and what became of them.
 */
import type { WaitlistEntry } from '../../src-shared/schemas'
import type { KioskDb } from './schema'

export interface RecordOptions {
  readonly at: Date
  /** true at the desk (an entry submitted, cancelled or listed for the visit); the feed only updates known entries. */
  readonly addNew: boolean
}

/**
 * Records the entries' status; returns those that became 候补成功 (promoted) with this call: a
 * known entry whose status was another one. An entry first heard of already promoted, or heard
 * of again as promoted, is not returned, so each promotion is returned once whatever repeats it.
 */
export async function recordWaitlistEntries(db: KioskDb, entries: readonly WaitlistEntry[], options: RecordOptions): Promise<WaitlistEntry[]> {
  const when = options.at.toISOString()
  const promoted: WaitlistEntry[] = []
  for (const e of entries) {
    const known = await db.selectFrom('waitlist_entries').select(['status', 'booking_id']).where('entry_id', '=', e.id).executeTakeFirst()
    if (known === undefined) {
      if (!options.addNew) continue
      await db
        .insertInto('waitlist_entries')
        .values({
          entry_id: e.id,
          candidate_id: e.candidateId,
          offering_id: e.offeringId,
          status: e.status,
          booking_id: e.bookingId,
          first_seen_at: when,
          updated_at: when,
        })
        .execute()
      continue
    }
    if (known.status === e.status && known.booking_id === e.bookingId) continue
    await db
      .updateTable('waitlist_entries')
      .set({ status: e.status, booking_id: e.bookingId, updated_at: when })
      .where('entry_id', '=', e.id)
      .execute()
    if (e.status === 'promoted' && known.status !== 'promoted') promoted.push(e)
  }
  return promoted
}
