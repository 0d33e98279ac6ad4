/**
 * The candidate's bookings and orders as the central knows them now, written to the store. The
 * central lists active bookings only: a local one it no longer lists has gone there (expired
 * when past its expiry, otherwise cancelled). Applying the same answer twice changes nothing.
 */
import { isExpired } from '../../../src-shared/domain/booking-rules'
import type { Booking, Order } from '../../../src-shared/schemas'
import type { CentralResult } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { listActiveBookings, markBookingsGone, upsertBookings } from '../../store/booking-repository'
import { returnSeats } from '../../store/offering-repository'
import { upsertOrders } from '../../store/order-repository'
import type { KioskDb } from '../../store/schema'
import type { ServiceContext } from '../service-context'

export async function applyCentralBookings(
  db: KioskDb,
  candidateId: string,
  answer: { bookings: readonly Booking[]; orders: readonly Order[] },
  at: Date,
): Promise<void> {
  const listed = new Set(answer.bookings.map((b) => b.id))
  // S4: a row whose local change still waits in the outbox is the outbox's to settle.
  const active = await listActiveBookings(db, candidateId)
  const pending = new Set(active.filter((b) => b.pendingSync).map((b) => b.id))
  const gone = active.filter((b) => !listed.has(b.id) && !pending.has(b.id))
  await upsertBookings(
    db,
    answer.bookings.filter((b) => !pending.has(b.id)),
    at,
  )
  await upsertOrders(db, answer.orders, at)
  for (const b of gone) {
    // B4 past its expiry, B5/B6 otherwise (cancelled online, at another kiosk, by the school).
    const status = isExpired(b, at) ? 'expired' : 'cancelled'
    if ((await markBookingsGone(db, [b.id], status, at)).length === 0) continue
    await returnSeats(db, [b.offeringId], at)
    await appendAudit(db, {
      at,
      operatorId: null,
      candidateId,
      action: status === 'expired' ? 'booking.expire' : 'booking.cancel',
      outcome: 'ok',
      detail: `${b.id}: ${status} at the central`,
    })
  }
}

/** Pulls and applies; a failure leaves the store as it was (the page shows what it has). */
export async function refreshCandidateBookings(ctx: ServiceContext, candidateId: string): Promise<CentralResult<void>> {
  const answer = await ctx.central.listBookings(candidateId)
  if (!answer.ok) return answer
  const at = ctx.clock()
  await ctx.db.transaction().execute((trx) => applyCentralBookings(trx, candidateId, answer.value, at))
  return { ok: true, value: undefined }
}

const refreshedVisits = new WeakSet<object>()

/**
 * The first read of a visit asks the central; later reads use the store. Tried once even when
 * the link is down, so a page polled offline never waits on the network.
 */
export async function refreshOncePerVisit(ctx: ServiceContext, visit: object, candidateId: string): Promise<void> {
  if (refreshedVisits.has(visit)) return
  refreshedVisits.add(visit)
  await refreshCandidateBookings(ctx, candidateId)
}
