/** A rule's refusal (a kiosk-side AppError) as the central's HTTP failure, with the status the contract gives its code. */
import { BOOKING_REFUSAL_STATUS, type BookingRefusalCode } from '../src-shared/domain/booking-refusals'
import type { AppError } from '../src-shared/domain/result'
import { badRequest, notEligible, refuse } from './reply'

function isBookingRefusal(code: string): code is BookingRefusalCode {
  return Object.hasOwn(BOOKING_REFUSAL_STATUS, code)
}

export function ruleRefusal(error: AppError): ReturnType<typeof refuse> {
  if (isBookingRefusal(error.code)) return refuse(BOOKING_REFUSAL_STATUS[error.code], error.code, error.message)
  if (error.code === 'NOT_ELIGIBLE') return notEligible(error.message)
  return badRequest(error.message)
}
