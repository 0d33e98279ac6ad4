/**
 * B4 and B6 on the central, the authority: unpaid bookings 24 hours old are expired (their seat
 * returns and goes to the offering's first waiting entry, W2), waiting entries whose window closed
 * end as 候补失败 (W4), orders whose QR code lapsed are closed (P3), and registrations that have held
 * nothing for the grace period are deleted. Idempotent and cheap when there is nothing to do
 * (index probes only), so it runs before every request as well as on its timer: an answer never
 * shows a booking that is already past its expiry, even right after a restart.
 */
import type { Database } from 'better-sqlite3'
import type { AllotmentStore } from './allotment-store'
import type { BookingStore } from './booking-store'
import type { StampChanges } from './change-stamp'
import type { OrderStore } from './order-store'
import type { WaitlistPromotion } from './waitlist-promotion'

export interface SweepOutcome {
  readonly expiredBookingIds: readonly string[]
  readonly closedOrders: number
  readonly deletedRegistrations: readonly string[]
  /** W2: waitlist entries promoted (候补成功) by this run. */
  readonly promotedEntryIds: readonly string[]
  /** W4: waiting entries ended because their registration window closed. */
  readonly closedWaitlistEntries: number
  /** S4: allotments whose lease ran out; their held seats went back to the offering. */
  readonly expiredAllotmentIds: readonly string[]
}

export type ExpirySweep = (now: Date) => SweepOutcome

export function expirySweep(
  db: Database,
  bookings: BookingStore,
  orders: OrderStore,
  waitlist: WaitlistPromotion,
  allotments: AllotmentStore,
  stampChanges: StampChanges,
): ExpirySweep {
  const idleDue = db.prepare<[string], { candidateId: string; holds: number }>(
    `SELECT r.candidate_id AS candidateId,
       (EXISTS (SELECT 1 FROM bookings b WHERE b.candidate_id = r.candidate_id AND b.status IN ('unpaid', 'paid'))
        OR EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.candidate_id = r.candidate_id AND w.status = 'waiting')) AS holds
     FROM registrations r WHERE r.idle_due_at IS NOT NULL AND r.idle_due_at <= ? ORDER BY r.idle_due_at`,
  )
  const deleteRegistration = db.prepare<[string]>(`DELETE FROM registrations WHERE candidate_id = ?`)
  const keepRegistration = db.prepare<[string]>(`UPDATE registrations SET idle_due_at = NULL WHERE candidate_id = ?`)
  // Index probes (the waitlist ones walk only waiting entries); the write transaction is opened
  // only when one of them finds work. The last one catches a seat freed by any path (W2).
  const anythingDue = db.prepare<{ at: string }, number>(
    `SELECT EXISTS (SELECT 1 FROM bookings WHERE status = 'unpaid' AND expires_at <= @at)
         OR EXISTS (SELECT 1 FROM orders WHERE status = 'pending' AND expires_at <= @at)
         OR EXISTS (SELECT 1 FROM registrations WHERE idle_due_at IS NOT NULL AND idle_due_at <= @at)
         OR EXISTS (SELECT 1 FROM allotments WHERE status = 'active' AND expires_at <= @at)
         OR EXISTS (SELECT 1 FROM waitlist_entries w JOIN offerings o ON o.id = w.offering_id
                    WHERE w.status = 'waiting' AND (o.registration_end <= @at OR o.seats_left > 0)
                      AND o.exam_session_id = (SELECT id FROM exam_sessions WHERE is_current = 1))`,
  ).pluck()
  const nothing: SweepOutcome = {
    expiredBookingIds: [],
    closedOrders: 0,
    deletedRegistrations: [],
    promotedEntryIds: [],
    closedWaitlistEntries: 0,
    expiredAllotmentIds: [],
  }

  const run = db.transaction((now: Date): SweepOutcome => stampChanges(now, () => {
    const at = now.toISOString()
    const expired = bookings.expiredUnpaid(at)
    // The booking ended at its expiry instant, even when the central was off at the time.
    for (const b of expired) bookings.endBooking(b.id, 'expired', b.expiresAt)
    // W1: an oral entry whose written booking just expired can no longer succeed.
    for (const candidateId of new Set(expired.map((b) => bookings.booking(b.id)?.candidateId ?? '')))
      if (candidateId !== '') waitlist.recheckCandidate(candidateId, now)
    // S4: seats still held by a lapsed allotment go back to the offering (promoted below, W2).
    const lapsed = allotments.lapsed(at)
    for (const a of lapsed) allotments.end(a.id, 'expired', a.expiresAt)
    // W4 before W2: an entry whose window closed gets no seat; the rest are served in order.
    const closedWaitlistEntries = waitlist.endClosedWindows(now)
    const promoted = waitlist.promoteAll(now)
    const closedOrders = orders.closeLapsed(at)
    const deleted: string[] = []
    for (const r of idleDue.all(at)) {
      // A booking made by another path (e.g. collective) holds it: no deadline while it does.
      if (r.holds === 1) keepRegistration.run(r.candidateId)
      else {
        deleteRegistration.run(r.candidateId)
        deleted.push(r.candidateId)
      }
    }
    return {
      expiredBookingIds: expired.map((b) => b.id),
      closedOrders,
      deletedRegistrations: deleted,
      promotedEntryIds: promoted.map((e) => e.id),
      closedWaitlistEntries,
      expiredAllotmentIds: lapsed.map((a) => a.id),
    }
  }))
  return (now) => (anythingDue.get({ at: now.toISOString() }) === 1 ? run.immediate(now) : nothing)
}

export interface SweepTimer {
  dispose(): void
}

/**
 * Runs the sweep every `intervalMs` with the injected clock. Each run is synchronous, so runs
 * never overlap; the timer does not keep the process alive.
 */
export function startSweepTimer(sweep: ExpirySweep, now: () => Date, intervalMs: number): SweepTimer {
  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false
  const tick = () => {
    if (disposed) return
    try {
      sweep(now())
    } catch (error) {
      console.error('[central] expiry sweep failed:', error instanceof Error ? error.message : error)
    }
    timer = setTimeout(tick, intervalMs)
    timer.unref()
  }
  timer = setTimeout(tick, intervalMs)
  timer.unref()
  return {
    dispose() {
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}
