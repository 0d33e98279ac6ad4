/**
 * B4, B6: the system's own deletions. An unpaid booking is deleted 24 hours after it was made
 * (inclusive, at the exact instant) and its seat returns; a registration left holding nothing is
 * deleted after the grace period. The central is asked first (it expires on its own clock and
 * reports the seats); whatever it cannot be asked about now is still expired locally, because the
 * rule is a matter of time, not of the link. Run at start too, so bookings that expired while
 * the kiosk was off are expired before anyone sees them.
 */
import { expiredIfCreatedBy, isExpired, isRegistrationDue, REGISTRATION_GRACE_MS } from '../../../src-shared/domain/booking-rules'
import { appendAudit } from '../../store/audit-repository'
import {
  countBookingsWithStatus,
  expireDueChunk,
  listCandidatesWithDueUnpaid,
  listDueUnpaidChunk,
  listRegistrationsHoldingNothing,
  type RegistrationPage,
} from '../../store/booking-repository'
import type { ServiceContext } from '../service-context'
import { refreshCandidateBookings } from './booking-sync'
import { removeLocalRegistration } from './registration-deletion'

export interface ExpiryReport {
  readonly expiredBookings: number
  readonly deletedRegistrations: number
}

/**
 * Issue #8: a sweep of 100,000 due bookings at once (a kiosk back after days off) stays near a
 * second and never holds main for long. Each chunk is one transaction of a few statements (its
 * bookings, seats and audit rows together, no row read into JavaScript), with the event loop
 * given back between chunks.
 */
const EXPIRY_CHUNK = { first: 2_000, min: 500, max: 20_000 }
/**
 * How long one chunk may hold main. Every commit waits for the disk (synchronous=FULL), so the
 * fewer chunks the faster the sweep: each next chunk is sized from the last one's pace to take
 * about this long.
 */
const CHUNK_TARGET_MS = 40
const CANDIDATE_PAGE = 500
/** B6 looks at this many registrations at a time, giving the loop back between pages (~10 ms each at 100,000). */
const B6_PAGE = 20_000
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
      const due = (await listDueUnpaidChunk(ctx.db, now, { candidateId, limit: EXPIRY_CHUNK.max })).filter((b) => isExpired(b, now))
      if (due.length === 0) continue
      const refreshed = await refreshCandidateBookings(ctx, candidateId)
      expiredThere += await countBookingsWithStatus(ctx.db, due.map((b) => b.id), 'expired')
      if (!refreshed.ok && refreshed.failure.kind === 'retryable') return expiredThere
    }
    if (candidates.length < CANDIDATE_PAGE) return expiredThere
    after = candidates.at(-1) ?? null
  }
}

/**
 * Whatever the central could not be asked about expires here all the same: a chunk per
 * transaction, chosen by the rule's own bound (expiredIfCreatedBy), with the loop given back
 * between chunks.
 */
async function expireLocally(ctx: ServiceContext, now: Date): Promise<number> {
  const due = { now, createdBy: expiredIfCreatedBy(now) }
  let expired = 0
  let size = EXPIRY_CHUNK.first
  for (;;) {
    const at = ctx.clock()
    const started = performance.now()
    const changed = await ctx.db.transaction().execute((trx) => expireDueChunk(trx, due, size, at))
    expired += changed
    if (changed < size) return expired
    const pace = size / Math.max(1, performance.now() - started)
    size = Math.min(EXPIRY_CHUNK.max, Math.max(EXPIRY_CHUNK.min, Math.round(pace * CHUNK_TARGET_MS)))
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
  let after: string | null = null
  do {
    const page: RegistrationPage = await listRegistrationsHoldingNothing(ctx.db, quietSince, { after, limit: B6_PAGE })
    for (const r of page.holdings) {
      const holdings = { confirmedAt: r.confirmedAt, lastReleasedAt: r.lastReleasedAt, holdsSomething: false }
      if (!isRegistrationDue(holdings, now)) continue
      await ctx.db.transaction().execute(async (trx) => {
        await removeLocalRegistration(trx, r.candidateId)
        await appendAudit(trx, { at: now, operatorId: null, candidateId: r.candidateId, action: 'registration.delete', outcome: 'ok', detail: 'B6: nothing booked' })
      })
      deleted++
    }
    after = page.next
    if (after !== null) await yieldToEventLoop()
  } while (after !== null)
  return deleted
}

export async function runBookingExpiry(ctx: ServiceContext): Promise<ExpiryReport> {
  const expiredBookings = await expireBookings(ctx)
  const deletedRegistrations = await deleteEmptyRegistrations(ctx)
  return { expiredBookings, deletedRegistrations }
}
