/**
 * 0005: the waitlist entries this desk has handled (W1–W4, S3).
 *
 * The central alone keeps the queue and its positions; the kiosk keeps, per entry it submitted,
 * cancelled or listed during a visit, the entry's status as last heard (from the desk or the
 * change feed). A change of status to `promoted` (候补成功, W2) is what writes the one
 * `waitlist.promoted` audit row the 日报表 counts, whichever way it arrives and however often.
 *
 * Frozen in time: this file never imports app code and must never change once shipped.
 */
import { sql, type Kysely, type Migration } from 'kysely'

export const waitlistEntriesMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('waitlist_entries')
      .addColumn('entry_id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('offering_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'promoted', 'cancelled', 'failed')`))
      .addColumn('booking_id', 'text')
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`strict, without rowid`)
      .execute()
  },
}
