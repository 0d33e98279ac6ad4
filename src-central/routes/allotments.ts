/**
 * S4: seat allotments. A device asks ahead for seats on the offerings of its campuses, so it can
 * book them while the link is down without ever overbooking; it returns what it no longer needs,
 * and the expiry sweep takes back what it forgot. Seats coming back go to waiting entries first (W2).
 */
import type { Database } from 'better-sqlite3'
import { isWindowOpen } from '../../src-shared/domain/booking-rules'
import type { Allotment } from '../../src-shared/central/contract'
import type { AllotmentStore } from '../allotment-store'
import { atomically } from '../atomically'
import type { BookingStore } from '../booking-store'
import { answer, notFound, refuse } from '../reply'
import { defineRoute, type Route } from '../route'
import type { WaitlistPromotion } from '../waitlist-promotion'
import type { WaitlistStore } from '../waitlist-store'
import { OFFERING_NOT_FOUND_MESSAGE } from './bookings'

export const ALLOTMENT_NOT_FOUND_MESSAGE = '没有找到本机的这份预留名额。'

export function allotmentRoutes(
  db: Database,
  bookings: BookingStore,
  allotments: AllotmentStore,
  waitlist: WaitlistStore,
  promotion: WaitlistPromotion,
): Route[] {
  return [
    defineRoute('requestAllotment', ({ device, body, now }) =>
      atomically(db, () => {
        const offering = bookings.offering(body.offeringId, device.schoolCodesJson)
        if (!offering) return notFound(OFFERING_NOT_FOUND_MESSAGE)
        if (!isWindowOpen(offering, now)) return refuse(422, 'WINDOW_CLOSED', '该校区不在报名时间内，不能预留名额。')
        // W2: while anyone waits for the offering, its free seats are theirs, not a kiosk's.
        const grantable = waitlist.firstWaiting(offering.id) === undefined
        const allotment = allotments.topUp(device.kioskId, offering.id, body.seats, grantable, now)
        return answer({ allotment, seats: [bookings.seatCount(offering.id)] })
      }),
    ),

    defineRoute('returnAllotment', ({ device, params, now }) =>
      atomically(db, () => {
        const found = allotments.ownAllotment(params.allotmentId ?? '', device.kioskId)
        if (!found) return notFound(ALLOTMENT_NOT_FOUND_MESSAGE)
        if (allotments.end(found.id, 'returned', now.toISOString())) promotion.promote(found.offeringId, now)
        return answer({
          allotment: allotments.allotment(found.id) as Allotment,
          seats: [bookings.seatCount(found.offeringId)],
        })
      }),
    ),

    defineRoute('listAllotments', ({ device }) => answer({ allotments: allotments.activeOf(device.kioskId) })),
  ]
}
