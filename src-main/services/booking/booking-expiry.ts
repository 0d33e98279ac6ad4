/**
 * B4, B6: the system's own deletions. An unpaid booking is deleted 24 hours after it was made
 * (inclusive, at the exact instant) and its seat returns; a registration left holding nothing is
 * deleted after the grace period. The central is asked first (it expires on its own clock and
 * reports the seats); whatever it cannot be asked about now is still expired locally, because the
 * rule is a matter of time, not of the link. Run at start too, so bookings that expired while
 * the kiosk was off are expired before anyone sees them.
 */
import { isExpired, isRegistrationDue, REGISTRATION_GRACE_MS } from '../../../src-shared/domain/booking-rules'
import { appendAudit, appendAudits } from '../../store/audit-repository'
import {
  countBookingsWithStatus,
  expireDueChunk,
  listCandidatesWithDueUnpaid,
  listDueUnpaidChunk,
  listRegistrationsHoldingNothing,
  markBookingsGone,
  type DueBookingRef,
} from '../../store/booking-repository'
import { returnSeats } from '../../store/offering-repository'
import type { ServiceContext } from '../service-context'
import { refreshCandidateBookings } from './booking-sync'
import { removeLocalRegistration } from './registration-deletion'

export interface ExpiryReport {
  readonly expiredBookings: number
  readonly deletedRegistrations: number
}

/**
 * Issue #8: a sweep of 100,000 due bookings stays well under a second and never holds main for
 * long. Bookings are read lean, a chunk at a time in expiry order, and each chunk is one
 * transaction (its bookings, seats and audit rows together), with the event loop given back
 * between chunks.
 */
const EXPIRY_CHUNK = 2_000
const CANDIDATE_PAGE = 500
/** B6's cut-off is compared as ISO text first (a pre-filter only: the rule decides after). */
const B6_PREFILTER_SLACK_MS = 60_000

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The central expires them on its own clock and says so (audited as it is applied). Once the
 * link is found down, the rest are not waited for (start-up must not hang offline). Returns how
 * many of the due bookings the central's answers expired.
 */
async function askCentralFirst(ctx: ServiceContext, now: Date): Promise<number> {
  let expiredThere = 0
  let after: string | null = null
  for (;;) {
    const candidates = await listCandidatesWithDueUnpaid(ctx.db, now, after, CANDIDATE_PAGE)
    for (const candidateId of candidates) {
      const due = (await listDueUnpaidChunk(ctx.db, now, { candidateId, limit: EXPIRY_CHUNK })).filter((b) => isExpired(b, now))
      if (due.length === 0) continue
      const refreshed = await refreshCandidateBookings(ctx, candidateId)
      expiredThere += await countBookingsWithStatus(ctx.db, due.map((b) => b.id), 'expired')
      if (!refreshed.ok && refreshed.failure.kind === 'retryable') return expiredThere
    }
    if (candidates.length < CANDIDATE_PAGE) return expiredThere
    after = candidates.at(-1) ?? null
  }
}

/** Whatever the central could not be asked about expires here all the same. */
async function expireLocally(ctx: ServiceContext, now: Date): Promise<number> {
  let expired = 0
  let after: DueBookingRef | null = null
  for (;;) {
    const at = ctx.clock()
    const listed = await ctx.db.transaction().execute(async (trx) => {
      // Listed inside the transaction, so the chunk is exactly what it changes.
      const listed = await listDueUnpaidChunk(trx, now, { after, limit: EXPIRY_CHUNK })
      const due = listed.filter((b) => isExpired(b, now))
      if (due.length === 0) return listed
      if (due.length === listed.length) {
        // The usual case: the whole chunk is due, so it is expired in two statements.
        const changed = await expireDueChunk(trx, now, { after, count: due.length }, at)
        if (changed !== due.length) throw new Error(`B4 sweep: ${changed} of ${due.length} bookings changed`)
        await returnSeats(trx, due.map((b) => b.offeringId), at)
        expired += changed
        return listed
      }
      const local = new Set(await markBookingsGone(trx, due.map((b) => b.id), 'expired', at))
      const gone = due.filter((b) => local.has(b.id))
      await returnSeats(trx, gone.map((b) => b.offeringId), at)
      await appendAudits(
        trx,
        gone.map((booking) => ({
          at,
          operatorId: null,
          candidateId: booking.candidateId,
          action: 'booking.expire',
          outcome: 'ok',
          detail: `${booking.id}: unpaid 24 h (created ${booking.createdAt})`,
        })),
      )
      expired += gone.length
      return listed
    })
    if (listed.length === 0) return expired
    after = listed.at(-1) ?? null
    await yieldToEventLoop()
  }
}

async function expireBookings(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock()
  const expiredThere = await askCentralFirst(ctx, now)
  return expiredThere + (await expireLocally(ctx, now))
}

async function deleteEmptyRegistrations(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock()
  const quietSince = new Date(now.getTime() - REGISTRATION_GRACE_MS + B6_PREFILTER_SLACK_MS).toISOString()
  let deleted = 0
  for (const r of await listRegistrationsHoldingNothing(ctx.db, quietSince)) {
    const holdings = { confirmedAt: r.confirmedAt, lastReleasedAt: r.lastReleasedAt, holdsSomething: false }
    if (!isRegistrationDue(holdings, now)) continue
    await ctx.db.transaction().execute(async (trx) => {
      await removeLocalRegistration(trx, r.candidateId)
      await appendAudit(trx, { at: now, operatorId: null, candidateId: r.candidateId, action: 'registration.delete', outcome: 'ok', detail: 'B6: nothing booked' })
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
