/**
 * W1–W4: waitlist entries (候补). The rules come from src-shared/domain (the same functions the
 * kiosk shows reasons with); this file adds the authority: the queue order is the order the
 * central receives entries (W2), and every freed seat is promoted in the same transaction.
 */
import type { Database } from 'better-sqlite3'
import { checkCanSubmitWaitlist } from '../../src-shared/domain/booking-rules'
import { checkCanCancelWaitlist } from '../../src-shared/domain/waitlist-rules'
import type { WaitlistEntry } from '../../src-shared/schemas'
import { atomically } from '../atomically'
import type { BookingStore } from '../booking-store'
import { ruleRefusal } from '../refusal'
import { answer, badRequest, notFound, refuse } from '../reply'
import { defineRoute, type Route } from '../route'
import type { WaitlistPromotion } from '../waitlist-promotion'
import type { WaitlistStore } from '../waitlist-store'
import { OFFERING_NOT_FOUND_MESSAGE } from './bookings'
import { CANDIDATE_NOT_FOUND_MESSAGE, REGISTRATION_NOT_FOUND_MESSAGE } from './registrations'

export const WAITLIST_ENTRY_NOT_FOUND_MESSAGE = '没有找到这条候补记录，请刷新报名信息。'

export function waitlistRoutes(db: Database, bookings: BookingStore, waitlist: WaitlistStore, promotion: WaitlistPromotion): Route[] {
  return [
    defineRoute('listWaitlist', ({ device, params }) => {
      const candidateId = params.candidateId ?? ''
      if (!bookings.candidate(candidateId, device.schoolCodesJson)) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
      return answer({ entries: waitlist.entriesOf(candidateId) })
    }),

    defineRoute('submitWaitlistEntry', ({ device, body, now }) =>
      atomically(db, () => {
        const candidate = bookings.candidate(body.candidateId, device.schoolCodesJson)
        if (!candidate) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
        if (!bookings.hasRegistration(candidate.candidateId)) return notFound(REGISTRATION_NOT_FOUND_MESSAGE)
        const offering = bookings.offering(body.offeringId, device.schoolCodesJson)
        if (!offering) return notFound(OFFERING_NOT_FOUND_MESSAGE)
        if (offering.schoolCode !== candidate.schoolCode) return refuse(422, 'NOT_ELIGIBLE', '只能候补学籍学校的科目。')
        const allowed = checkCanSubmitWaitlist({
          candidate,
          offering,
          bookings: bookings.activeBookingsOf(candidate.candidateId),
          activeWaitlistSubjectCodes: waitlist.waitingSubjectCodes(candidate.candidateId),
          now,
        })
        if (!allowed.ok) return ruleRefusal(allowed.error)
        const entry = waitlist.insert(candidate.candidateId, offering, device.kioskId, now)
        bookings.holdRegistration(candidate.candidateId)
        return answer({ entry })
      }),
    ),

    defineRoute('cancelWaitlistEntry', ({ device, params, body, now }) =>
      atomically(db, () => {
        if (!bookings.candidate(body.candidateId, device.schoolCodesJson)) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
        const entry = waitlist.entry(params.entryId ?? '')
        if (entry?.candidateId !== body.candidateId) return notFound(WAITLIST_ENTRY_NOT_FOUND_MESSAGE)
        const allowed = checkCanCancelWaitlist(entry, body.reason)
        if (!allowed.ok) return ruleRefusal(allowed.error)
        const at = now.toISOString()
        waitlist.end(entry.id, 'cancelled', at, body.reason)
        bookings.releaseRegistration(entry.candidateId, at)
        return answer({ entry: waitlist.entry(entry.id) as WaitlistEntry })
      }),
    ),

    defineRoute('listWaitlistCounts', ({ device }) => answer({ counts: waitlist.waitingCounts(device.schoolCodesJson) })),

    /** W2 (demo, staff): more seats; the queue is served first, in the same transaction. */
    defineRoute('raiseCapacity', ({ device, params, body, now }) =>
      atomically(db, () => {
        const offering = bookings.offering(params.offeringId ?? '', device.schoolCodesJson)
        if (!offering) return notFound(OFFERING_NOT_FOUND_MESSAGE)
        if (body.capacity <= offering.capacity)
          return badRequest(`新的容量必须大于当前容量 ${offering.capacity}，只能增加容量。`)
        bookings.raiseCapacity(offering.id, body.capacity)
        const promoted = promotion.promote(offering.id, now)
        return answer({ offeringId: offering.id, capacity: body.capacity, seats: [bookings.seatCount(offering.id)], promoted })
      }),
    ),
  ]
}
