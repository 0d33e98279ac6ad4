/**
 * B4, B6: the system's own deletions. An unpaid booking is deleted 24 hours after it was made
 * (inclusive, at the exact instant) and its seat returns; a registration left holding nothing is
 * deleted after the grace period. The central is asked first (it expires on its own clock and
 * reports the seats); whatever it cannot be asked about now is still expired locally, because the
 * rule is a matter of time, not of the link. Run at start too, so bookings that expired while
 * the kiosk was off are expired before anyone sees them.
 */
import { isExpired, isRegistrationDue } from '../../../src-shared/domain/booking-rules'
import { appendAudit } from '../../store/audit-repository'
import { findBooking, hasActiveBookings, lastBookingEndedAt, listDueUnpaid, markBookingsGone } from '../../store/booking-repository'
import { returnSeats } from '../../store/offering-repository'
import type { ServiceContext } from '../service-context'
import { refreshCandidateBookings } from './booking-sync'
import { removeLocalRegistration } from './registration-deletion'

export interface ExpiryReport {
  readonly expiredBookings: number
  readonly deletedRegistrations: number
}

async function expireBookings(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock()
  const due = (await listDueUnpaid(ctx.db, now)).filter((b) => isExpired(b, now))
  if (due.length === 0) return 0
  // The central expires them on its own clock and says so (audited as it is applied).
  // Once the link is found down, the rest are not waited for (start-up must not hang offline).
  for (const candidateId of new Set(due.map((b) => b.candidateId))) {
    const refreshed = await refreshCandidateBookings(ctx, candidateId)
    if (!refreshed.ok && refreshed.failure.kind === 'retryable') break
  }
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    // Whatever the central could not be asked about expires here all the same.
    const local = await markBookingsGone(trx, due.map((b) => b.id), 'expired', at)
    for (const booking of due.filter((b) => local.includes(b.id))) {
      await returnSeats(trx, [booking.offeringId], at)
      await appendAudit(trx, {
        at,
        operatorId: null,
        candidateId: booking.candidateId,
        action: 'booking.expire',
        outcome: 'ok',
        detail: `${booking.id}: unpaid 24 h (created ${booking.createdAt})`,
      })
    }
  })
  let expired = 0
  for (const booking of due) if ((await findBooking(ctx.db, booking.id))?.status === 'expired') expired++
  return expired
}

async function deleteEmptyRegistrations(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock()
  const registrations = await ctx.db.selectFrom('registrations').select(['candidate_id', 'confirmed_at']).execute()
  let deleted = 0
  for (const r of registrations) {
    if (await hasActiveBookings(ctx.db, r.candidate_id)) continue
    const holdings = { confirmedAt: r.confirmed_at, lastReleasedAt: await lastBookingEndedAt(ctx.db, r.candidate_id), holdsSomething: false }
    if (!isRegistrationDue(holdings, now)) continue
    await ctx.db.transaction().execute(async (trx) => {
      await removeLocalRegistration(trx, r.candidate_id)
      await appendAudit(trx, { at: now, operatorId: null, candidateId: r.candidate_id, action: 'registration.delete', outcome: 'ok', detail: 'B6: nothing booked' })
    })
    deleted++
  }
  return deleted
}

export async function runBookingExpiry(ctx: ServiceContext): Promise<ExpiryReport> {
  const expiredBookings = await expireBookings(ctx)
  const deletedRegistrations = await deleteEmptyRegistrations(ctx)
  return { expiredBookings, deletedRegistrations }
}
