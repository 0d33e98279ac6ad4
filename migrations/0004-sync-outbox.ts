/**
 * 0004: the sync engine's durable state (S1–S6).
 *
 * - `outbox`: every change the desk makes that the central must hear of (registration confirm,
 *   booking create/cancel, score-report choice), written in the same transaction as the local
 *   change it carries, with its idempotency key (S2). Delivered in order per candidate; a final
 *   refusal is kept as `refused` until staff acknowledge it (S6), never deleted.
 * - `allotments`: the seats the central holds for this device (S4), as it last reported them.
 * - `booking_id_map`: a provisional local booking (`local-…`) and the central booking that
 *   replaced it, so later entries that name the local id reach the right booking.
 * - `bookings.sync_state`: `pending` while a local change of the row waits for the central.
 *
 * Frozen in time: this file never imports app code and must never change once shipped.
 */
import { sql, type Kysely, type Migration } from 'kysely'

const strict = sql`strict`

export const syncOutboxMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sql`action in ('registration.confirm', 'booking.create', 'booking.cancel', 'booking.score-report')`),
      )
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('operator_id', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'delivered', 'refused')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('settled_at', 'text')
      .addColumn('refusal_code', 'text')
      .addColumn('refusal_message', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text')
      .modifyEnd(strict)
      .execute()
    // The delivery job reads the oldest pending entry of each candidate.
    await sql`create index outbox_pending_by_candidate on outbox (candidate_id, id) where state = 'pending'`.execute(db)
    await sql`create index outbox_open_issues on outbox (settled_at) where state = 'refused' and acknowledged_at is null`.execute(db)

    await db.schema
      .createTable('allotments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('offering_id', 'text', (c) => c.notNull())
      .addColumn('held', 'integer', (c) => c.notNull().check(sql`held >= 0`))
      .addColumn('used', 'integer', (c) => c.notNull().check(sql`used >= 0`))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'returned', 'expired')`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`strict, without rowid`)
      .execute()
    await db.schema.createIndex('allotments_by_offering').on('allotments').columns(['offering_id', 'status']).execute()

    await db.schema
      .createTable('booking_id_map')
      .addColumn('local_id', 'text', (c) => c.primaryKey())
      .addColumn('central_id', 'text', (c) => c.notNull())
      .modifyEnd(sql`strict, without rowid`)
      .execute()

    await db.schema
      .alterTable('bookings')
      .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced').check(sql`sync_state in ('synced', 'pending')`))
      .execute()
  },
}
