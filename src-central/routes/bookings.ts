/**
 * B1–B7, R1: the candidate's bookings. Rules come from src-shared/domain/booking-rules (the same
 * functions the kiosk shows reasons with); this file adds the authority: the seat counter, taken
 * atomically in the request's transaction, so two kiosks never take the last seat twice.
 */
import type { Database } from 'better-sqlite3'
import { checkCanBook, checkCanCancel, checkScoreReportChoice } from '../../src-shared/domain/booking-rules'
import type { Booking, Offering } from '../../src-shared/schemas'
import type { AllotmentStore } from '../allotment-store'
import { atomically } from '../atomically'
import type { BookingStore } from '../booking-store'
import type { OrderStore } from '../order-store'
import { ruleRefusal } from '../refusal'
import { answer, badRequest, notFound, refuse, type RouteOutcome } from '../reply'
import { defineRoute, type Route } from '../route'
import type { WaitlistPromotion } from '../waitlist-promotion'
import type { WaitlistStore } from '../waitlist-store'
import { CANDIDATE_NOT_FOUND_MESSAGE, REGISTRATION_NOT_FOUND_MESSAGE } from './registrations'

export const OFFERING_NOT_FOUND_MESSAGE = '没有这个报考科目，请刷新科目列表后重试。'
export const BOOKING_NOT_FOUND_MESSAGE = '没有找到这条报考记录，请刷新报名信息。'

export function bookingRoutes(
  db: Database,
  bookings: BookingStore,
  orders: OrderStore,
  waitlist: WaitlistStore,
  promotion: WaitlistPromotion,
  allotments: AllotmentStore,
): Route[] {
  /** The booking when it is this candidate's and the candidate is one of the device's. */
  function ownBooking(bookingId: string, candidateId: string, schools: string): RouteOutcome<Booking> {
    if (!bookings.candidate(candidateId, schools)) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
    const booking = bookings.booking(bookingId)
    if (booking?.candidateId !== candidateId) return notFound(BOOKING_NOT_FOUND_MESSAGE)
    return answer(booking)
  }

  return [
    defineRoute('listBookings', ({ device, params }) => {
      const candidateId = params.candidateId ?? ''
      if (!bookings.candidate(candidateId, device.schoolCodesJson)) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
      return answer({ bookings: bookings.activeBookingsOf(candidateId), orders: orders.ordersOf(candidateId) })
    }),

    defineRoute('createBookings', ({ device, body, now }) =>
      atomically(db, () => {
        const candidate = bookings.candidate(body.candidateId, device.schoolCodesJson)
        if (!candidate) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
        if (!bookings.hasRegistration(candidate.candidateId)) return notFound(REGISTRATION_NOT_FOUND_MESSAGE)
        if (new Set(body.offeringIds).size !== body.offeringIds.length) return badRequest('同一个报考科目只能提交一次。')
        const wanted: Offering[] = []
        for (const id of body.offeringIds) {
          const offering = bookings.offering(id, device.schoolCodesJson)
          if (!offering) return notFound(OFFERING_NOT_FOUND_MESSAGE)
          if (offering.schoolCode !== candidate.schoolCode) return refuse(422, 'NOT_ELIGIBLE', '只能报考学籍学校的科目。')
          // S4: the seats this device holds count as available to it (B1 checks seats left).
          const held = body.fromAllotment === true ? (allotments.activeFor(device.kioskId, id)?.held ?? 0) : 0
          wanted.push(held > 0 ? { ...offering, seatsLeft: offering.seatsLeft + held } : offering)
        }
        // B2: active waitlist entries count as bookings at their level.
        const allowed = checkCanBook({
          candidate,
          offerings: wanted,
          bookings: bookings.activeBookingsOf(candidate.candidateId),
          activeWaitlistSubjectCodes: waitlist.waitingSubjectCodes(candidate.candidateId),
          now,
        })
        if (!allowed.ok) return ruleRefusal(allowed.error)
        const created: Booking[] = []
        const drawn: string[] = []
        for (const offering of wanted) {
          // S4: a seat this device holds for the offering first; public seats_left stays as it is.
          if (body.fromAllotment === true && allotments.drawSeat(device.kioskId, offering.id)) drawn.push(offering.id)
          // The counter is the authority: checked and decremented in one statement (B1).
          else if (!bookings.takeSeat(offering.id)) return refuse(409, 'NO_SEATS', '该科目在该校区已无剩余容量。')
          created.push(bookings.insertBooking(candidate.candidateId, offering, device.kioskId, now))
        }
        return answer({
          bookings: created,
          seats: wanted.map((o) => bookings.seatCount(o.id)),
          allotments: drawn.flatMap((id) => allotments.activeFor(device.kioskId, id) ?? []),
        })
      }),
    ),

    // B5: the seat goes back to the pool (not to an allotment), where waiting entries get it first.
    defineRoute('cancelBooking', ({ device, params, body, now }) =>
      atomically(db, () => {
        const own = ownBooking(params.bookingId ?? '', body.candidateId, device.schoolCodesJson)
        if (!own.ok) return own
        const booking = own.value
        const offering = bookings.offering(booking.offeringId, device.schoolCodesJson)
        if (!offering) return notFound(OFFERING_NOT_FOUND_MESSAGE)
        const allowed = checkCanCancel({ booking, offering, bookings: bookings.activeBookingsOf(body.candidateId), now })
        if (!allowed.ok) return ruleRefusal(allowed.error)
        bookings.endBooking(booking.id, 'cancelled', now.toISOString())
        // W1: an oral entry that needed this written booking ends; W2: the seat goes to the first in line.
        promotion.recheckCandidate(booking.candidateId, now)
        promotion.promote(booking.offeringId, now)
        const ended = bookings.booking(booking.id) as Booking
        return answer({ booking: ended, seats: [bookings.seatCount(booking.offeringId)] })
      }),
    ),

    defineRoute('setScoreReport', ({ device, params, body, now }) => {
      const own = ownBooking(params.bookingId ?? '', body.candidateId, device.schoolCodesJson)
      if (!own.ok) return own
      // The kiosk asked both confirmations (R1) before sending; the central records the choice.
      const allowed = checkScoreReportChoice(own.value, body.choice, { paperConfirmed: true, saveConfirmed: true }, now)
      if (!allowed.ok) return ruleRefusal(allowed.error)
      bookings.setScoreReport(own.value.id, body.choice)
      return answer({ booking: bookings.booking(own.value.id) as Booking })
    }),
  ]
}
