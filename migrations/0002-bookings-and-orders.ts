/**
 * 0002: the kiosk's copy of what the central decided about bookings (B1–B7), score-report
 * choices (R1) and payment orders (P1–P4), plus the idempotency keys of changes sent to the
 * central (S2), persisted before sending so a retry reuses the same key.
 *
 * The central is the authority: these rows mirror its answers so the 报名信息 page, the local
 * expiry (B4) and the payment follow-up work from the store. No foreign key points at
 * roster_records, which later migrations rebuild.
 *
 * Frozen in time: this file never imports app code and must never change once shipped.
 */
import { sql, type Kysely, type Migration } from 'kysely'

const strict = sql`strict`
const strictWithoutRowid = sql`strict, without rowid`

export const bookingsAndOrdersMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('bookings')
      .addColumn('booking_id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('offering_id', 'text', (c) => c.notNull())
      .addColumn('subject_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('written', 'oral')`))
      .addColumn('school_code', 'text', (c) => c.notNull())
      .addColumn('campus_code', 'text', (c) => c.notNull())
      .addColumn('fee_cents', 'integer', (c) => c.notNull().check(sql`fee_cents >= 0`))
      // unpaid → paid, or unpaid → expired (B4) / cancelled (B5); gone rows are kept for the record.
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unpaid', 'paid', 'expired', 'cancelled')`))
      .addColumn('booked_via', 'text', (c) => c.notNull().check(sql`booked_via in ('candidate', 'collective')`))
      .addColumn('arrangement', 'text', (c) => c.notNull().check(sql`arrangement in ('unarranged', 'arranged')`))
      .addColumn('collective_locked', 'integer', (c) => c.notNull().defaultTo(0).check(sql`collective_locked in (0, 1)`))
      .addColumn('score_report', 'text', (c) => c.check(sql`score_report in ('paper', 'electronic')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('paid_at', 'text')
      .addColumn('ended_at', 'text')
      // The order that paid it (P3).
      .addColumn('order_no', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(strictWithoutRowid)
      .execute()
    await db.schema.createIndex('bookings_by_candidate').on('bookings').columns(['candidate_id', 'status']).execute()
    // B4: the expiry job scans unpaid bookings by expiry.
    await sql`create index bookings_unpaid_by_expiry on bookings (expires_at) where status = 'unpaid'`.execute(db)

    await db.schema
      .createTable('orders')
      // NEEA ID style: 32 upper-case hex digits, the central's and the platform's order number.
      .addColumn('order_no', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('written', 'oral')`))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
      .addColumn('pay_url', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'paid', 'closed', 'refund_required')`))
      // Booking ids joined by ','.
      .addColumn('booking_ids', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('paid_at', 'text')
      .addColumn('checked_at', 'text', (c) => c.notNull())
      // P4 (refund_required): paid for bookings that had gone; staff must refund it.
      .addColumn('refund_reason', 'text')
      .modifyEnd(strictWithoutRowid)
      .execute()
    await db.schema.createIndex('orders_by_candidate').on('orders').columns(['candidate_id', 'status']).execute()

    // S2: the key of a change is written before the change is sent; an unsettled key for the
    // same change is reused by the retry, so the central answers it once.
    await db.schema
      .createTable('central_requests')
      .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('settled_at', 'text')
      .modifyEnd(strict)
      .execute()
    await sql`create unique index central_requests_one_open on central_requests (action, candidate_id, target) where settled_at is null`.execute(
      db,
    )
  },
}
