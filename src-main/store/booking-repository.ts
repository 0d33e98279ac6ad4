/**
 * B4–B7, R1: the kiosk's copy of the candidate's bookings as the central answered them. Rows are
 * upserted from the central's answers; a booking the central no longer lists as active is marked
 * gone (expired past its expiry, otherwise cancelled) and kept for the record.
 */
import type { Booking } from '../../src-shared/schemas'
import { findSubject } from '../../src-shared/domain/subjects'
import type { BookingRow, KioskDb } from './schema'

export type LocalBooking = Booking

function toBooking(row: BookingRow): LocalBooking {
  return {
    id: row.booking_id,
    candidateId: row.candidate_id,
    offeringId: row.offering_id,
    subjectCode: row.subject_code,
    schoolCode: row.school_code,
    campusCode: row.campus_code,
    feeCents: row.fee_cents,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at ?? row.created_at,
    paidAt: row.paid_at,
    endedAt: row.ended_at,
    scoreReport: row.score_report,
    arrangement: row.arrangement,
    bookedVia: row.booked_via,
    collectiveLocked: row.collective_locked === 1,
    orderNo: row.order_no,
  }
}

export async function upsertBookings(db: KioskDb, bookings: readonly Booking[], at: Date): Promise<void> {
  const updatedAt = at.toISOString()
  for (const b of bookings) {
    const values = {
      candidate_id: b.candidateId,
      offering_id: b.offeringId,
      subject_code: b.subjectCode,
      kind: findSubject(b.subjectCode)?.kind ?? 'written',
      school_code: b.schoolCode,
      campus_code: b.campusCode,
      fee_cents: b.feeCents,
      status: b.status,
      booked_via: b.bookedVia,
      arrangement: b.arrangement,
      collective_locked: b.collectiveLocked ? 1 : 0,
      score_report: b.scoreReport,
      created_at: b.createdAt,
      expires_at: b.expiresAt,
      paid_at: b.paidAt,
      ended_at: b.endedAt,
      order_no: b.orderNo,
      updated_at: updatedAt,
    }
    await db
      .insertInto('bookings')
      .values({ booking_id: b.id, ...values })
      .onConflict((oc) => oc.column('booking_id').doUpdateSet(values))
      .execute()
  }
}

/** The candidate's active bookings (unpaid and paid), oldest first. */
export async function listActiveBookings(db: KioskDb, candidateId: string): Promise<LocalBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', ['unpaid', 'paid'])
    .orderBy('created_at')
    .orderBy('booking_id')
    .execute()
  return rows.map(toBooking)
}

export async function findBooking(db: KioskDb, bookingId: string): Promise<LocalBooking | null> {
  const row = await db.selectFrom('bookings').selectAll().where('booking_id', '=', bookingId).executeTakeFirst()
  return row === undefined ? null : toBooking(row)
}

/** B4: unpaid bookings whose expiry has come (inclusive), across candidates. */
export async function listDueUnpaid(db: KioskDb, now: Date): Promise<LocalBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('status', '=', 'unpaid')
    .where('expires_at', '<=', now.toISOString())
    .orderBy('expires_at')
    .execute()
  return rows.map(toBooking)
}

/** Marks active bookings gone (B4 expired / B5 cancelled); returns the ids that changed. */
export async function markBookingsGone(
  db: KioskDb,
  bookingIds: readonly string[],
  status: 'expired' | 'cancelled',
  at: Date,
): Promise<string[]> {
  if (bookingIds.length === 0) return []
  const changed = await db
    .updateTable('bookings')
    .set({ status, ended_at: at.toISOString(), updated_at: at.toISOString() })
    .where('booking_id', 'in', bookingIds)
    .where('status', 'in', ['unpaid'])
    .returning('booking_id')
    .execute()
  return changed.map((r) => r.booking_id)
}

/** Candidates with any row, for B6 checks. */
export async function hasActiveBookings(db: KioskDb, candidateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .select('booking_id')
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', ['unpaid', 'paid'])
    .executeTakeFirst()
  return row !== undefined
}

/** When the candidate's last booking went (B6 grace), or null. */
export async function lastBookingEndedAt(db: KioskDb, candidateId: string): Promise<string | null> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.max('ended_at').as('last'))
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return (row?.last as string | null | undefined) ?? null
}

/** B6: a deleted registration takes its (unpaid) bookings with it. */
export async function deleteCandidateBookings(db: KioskDb, candidateId: string): Promise<void> {
  await db.deleteFrom('bookings').where('candidate_id', '=', candidateId).execute()
}
