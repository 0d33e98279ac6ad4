/**
 * B4 and B6 on the central, the authority: unpaid bookings 24 hours old are expired (their seat
 * returns), orders whose QR code lapsed are closed (P3), and registrations that have held
 * nothing for the grace period are deleted. Idempotent and cheap when there is nothing to do
 * (index probes only), so it runs before every request as well as on its timer: an answer never
 * shows a booking that is already past its expiry, even right after a restart.
 */
import type { Database } from 'better-sqlite3'
import type { BookingStore } from './booking-store'
import type { OrderStore } from './order-store'

export interface SweepOutcome {
  readonly expiredBookingIds: readonly string[]
  readonly closedOrders: number
  readonly deletedRegistrations: readonly string[]
}

export type ExpirySweep = (now: Date) => SweepOutcome

export function expirySweep(db: Database, bookings: BookingStore, orders: OrderStore): ExpirySweep {
  const idleDue = db.prepare<[string], { candidateId: string; holds: number }>(
    `SELECT r.candidate_id AS candidateId,
       EXISTS (SELECT 1 FROM bookings b WHERE b.candidate_id = r.candidate_id AND b.status IN ('unpaid', 'paid')) AS holds
     FROM registrations r WHERE r.idle_due_at IS NOT NULL AND r.idle_due_at <= ? ORDER BY r.idle_due_at`,
  )
  const deleteRegistration = db.prepare<[string]>(`DELETE FROM registrations WHERE candidate_id = ?`)
  const keepRegistration = db.prepare<[string]>(`UPDATE registrations SET idle_due_at = NULL WHERE candidate_id = ?`)
  // Three index probes; the write transaction is opened only when one of them finds work.
  const anythingDue = db.prepare<{ at: string }, number>(
    `SELECT EXISTS (SELECT 1 FROM bookings WHERE status = 'unpaid' AND expires_at <= @at)
         OR EXISTS (SELECT 1 FROM orders WHERE status = 'pending' AND expires_at <= @at)
         OR EXISTS (SELECT 1 FROM registrations WHERE idle_due_at IS NOT NULL AND idle_due_at <= @at)`,
  ).pluck()
  const nothing: SweepOutcome = { expiredBookingIds: [], closedOrders: 0, deletedRegistrations: [] }

  const run = db.transaction((now: Date): SweepOutcome => {
    const at = now.toISOString()
    const expired = bookings.expiredUnpaid(at)
    // The booking ended at its expiry instant, even when the central was off at the time.
    for (const b of expired) bookings.endBooking(b.id, 'expired', b.expiresAt)
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
    return { expiredBookingIds: expired.map((b) => b.id), closedOrders, deletedRegistrations: deleted }
  })
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
