/**
 * W2 on the central, the authority: whenever an offering has a free seat and someone waits, the
 * first waiting entry becomes 候补成功 and a normal unpaid booking (B4, 24 hours to pay) is made
 * for it, in the caller's transaction. An entry whose candidate no longer qualifies (W1 re-checked:
 * e.g. the oral's written booking went) fails with the reason and the seat goes to the next.
 * W4: entries still waiting when their window closes end as 候补失败 (报名结束).
 */
import { checkCanPromote, PROMOTED_REMARK, WINDOW_CLOSED_REMARK } from '../src-shared/domain/waitlist-rules'
import type { Offering, WaitlistEntry } from '../src-shared/schemas'
import type { BookingStore, CandidateRow } from './booking-store'
import type { WaitlistStore } from './waitlist-store'

/** Who the system books a promoted entry as (bookings.booked_by_kiosk). */
export const WAITLIST_BOOKER = 'central-waitlist'

export interface WaitlistPromotion {
  /** W2: fills the offering's free seats from its queue; returns the entries promoted. */
  promote(offeringId: string, now: Date): WaitlistEntry[]
  /** W2: `promote` for every offering with a free seat and someone waiting. */
  promoteAll(now: Date): WaitlistEntry[]
  /** W4: ends waiting entries whose window closed (ended at the window's end); returns how many. */
  endClosedWindows(now: Date): number
  /**
   * W1: after a candidate's booking went, ends their waiting entries that can no longer succeed
   * (an oral entry whose written booking was cancelled or expired), with the reason as remark.
   */
  recheckCandidate(candidateId: string, now: Date): void
}

export function waitlistPromotion(bookings: BookingStore, waitlist: WaitlistStore): WaitlistPromotion {
  /** Why the candidate can no longer have the seat (the failed entry's remark), or null. */
  function promotionRefusal(candidate: CandidateRow, offering: Offering, now: Date): string | null {
    if (!bookings.hasRegistration(candidate.candidateId)) return '报名信息已删除，候补结束。'
    const allowed = checkCanPromote({
      candidate,
      offering,
      bookings: bookings.activeBookingsOf(candidate.candidateId),
      activeWaitlistSubjectCodes: waitlist.waitingSubjectCodes(candidate.candidateId),
      now,
    })
    return allowed.ok ? null : allowed.error.message
  }

  function promote(offeringId: string, now: Date): WaitlistEntry[] {
    const at = now.toISOString()
    const promoted: WaitlistEntry[] = []
    for (;;) {
      const offering = bookings.offeringById(offeringId)
      if (!offering || offering.seatsLeft <= 0) break
      const entry = waitlist.firstWaiting(offeringId)
      if (!entry) break
      const candidate = bookings.candidateById(entry.candidateId)
      const refusal = candidate ? promotionRefusal(candidate, offering, now) : '未找到该考生的资格信息。'
      if (refusal !== null || !candidate) {
        waitlist.end(entry.id, 'failed', at, refusal ?? '')
        bookings.releaseRegistration(entry.candidateId, at)
        continue
      }
      if (!bookings.takeSeat(offeringId)) break
      const booking = bookings.insertBooking(candidate.candidateId, offering, WAITLIST_BOOKER, now)
      waitlist.end(entry.id, 'promoted', at, PROMOTED_REMARK, booking.id)
      const ended = waitlist.entry(entry.id)
      if (ended) promoted.push(ended)
    }
    return promoted
  }

  return {
    promote,
    recheckCandidate(candidateId, now) {
      const candidate = bookings.candidateById(candidateId)
      const at = now.toISOString()
      for (const entry of waitlist.waitingOf(candidateId)) {
        const offering = bookings.offeringById(entry.offeringId)
        if (!candidate || !offering) continue
        const refusal = promotionRefusal(candidate, offering, now)
        if (refusal === null) continue
        waitlist.end(entry.id, 'failed', at, refusal)
        bookings.releaseRegistration(candidateId, at)
      }
    },
    promoteAll: (now) => waitlist.offeringsToPromote().flatMap((offeringId) => promote(offeringId, now)),
    endClosedWindows(now) {
      const due = waitlist.waitingPastWindow(now.toISOString())
      for (const e of due) {
        waitlist.end(e.id, 'failed', e.registrationEnd, WINDOW_CLOSED_REMARK)
        bookings.releaseRegistration(e.candidateId, e.registrationEnd)
      }
      return due.length
    },
  }
}
