/**
 * The codes a booking, cancellation, score-report choice, order or payment can be refused with
 * (B1–B7, R1, P1–P4), a waitlist entry (W1–W4) or a CET6 review (E5). Shared by the kiosk's Result errors and the central's HTTP errors, so a
 * refusal keeps its meaning across both boundaries. This file imports nothing: result.ts and the
 * central contract both build on it.
 */
export const BOOKING_REFUSAL_CODES = [
  /** B1/B3: the same subject is already booked (unpaid or paid). */
  'ALREADY_BOOKED',
  /** B1: the offering has no exam time set. */
  'EXAM_TIME_NOT_SET',
  /** B1/B5: now is outside the campus's registration window. */
  'WINDOW_CLOSED',
  /** B1: the fee is not set (0). */
  'FEE_NOT_SET',
  /** B2: a written subject (or active waitlist entry) at this level already exists. */
  'LEVEL_TAKEN',
  /** B3/P1: the same-level written subject is not booked and paid (or written must be paid first). */
  'WRITTEN_NOT_PAID',
  /** B3: the school does not allow the candidate's campus to take oral at this campus. */
  'CAMPUS_NOT_ALLOWED',
  /** B1: no seats left (the row may offer 可以候补). */
  'NO_SEATS',
  /** B4/B5: the booking was cancelled or has expired and is gone. */
  'BOOKING_GONE',
  /** B5: a paid booking can never be cancelled. */
  'PAID_NOT_CANCELLABLE',
  /** B5: locked by collective payment (集体缴费锁定). */
  'COLLECTIVE_LOCKED',
  /** B5: a written subject cannot be cancelled while the same-level oral is booked. */
  'ORAL_DEPENDS',
  /** R1/P2: a written booking has no score-report choice yet. */
  'SCORE_REPORT_REQUIRED',
  /** R1: the choice applies to written bookings only. */
  'NOT_WRITTEN',
  /** P1: nothing unpaid of this kind to pay. */
  'NOTHING_TO_PAY',
  /** P4: the order (or booking) is already paid; paying twice is impossible. */
  'ALREADY_PAID',
  /** B6: the registration holds a paid booking and cannot be deleted. */
  'HAS_PAID_BOOKINGS',
  /** W1: the offering still has seats: book it instead of waiting. */
  'SEATS_AVAILABLE',
  /** W1: an oral waitlist needs the same-level written subject booked. */
  'WRITTEN_NOT_BOOKED',
  /** W3: the waitlist entry is no longer waiting (promoted, cancelled or ended). */
  'WAITLIST_GONE',
  /** E5: the candidate already submitted their one CET6 review. */
  'REVIEW_ALREADY_SUBMITTED',
  /** E5: the candidate is already eligible for 英语六级笔试. */
  'ALREADY_CET6_ELIGIBLE',
  /** E5: the 准考证号 is not 15 digits. */
  'TICKET_FORMAT',
] as const

export type BookingRefusalCode = (typeof BOOKING_REFUSAL_CODES)[number]

/**
 * The HTTP status the central answers each refusal with: 409 when the state of the world
 * (seats, other bookings, payments) is in the way, 422 when the request can never succeed as asked.
 */
export const BOOKING_REFUSAL_STATUS: Readonly<Record<BookingRefusalCode, 409 | 422>> = {
  ALREADY_BOOKED: 409,
  EXAM_TIME_NOT_SET: 422,
  WINDOW_CLOSED: 422,
  FEE_NOT_SET: 422,
  LEVEL_TAKEN: 409,
  WRITTEN_NOT_PAID: 409,
  CAMPUS_NOT_ALLOWED: 422,
  NO_SEATS: 409,
  BOOKING_GONE: 409,
  PAID_NOT_CANCELLABLE: 409,
  COLLECTIVE_LOCKED: 409,
  ORAL_DEPENDS: 409,
  SCORE_REPORT_REQUIRED: 422,
  NOT_WRITTEN: 422,
  NOTHING_TO_PAY: 409,
  ALREADY_PAID: 409,
  HAS_PAID_BOOKINGS: 409,
  SEATS_AVAILABLE: 409,
  WRITTEN_NOT_BOOKED: 409,
  WAITLIST_GONE: 409,
  REVIEW_ALREADY_SUBMITTED: 409,
  ALREADY_CET6_ELIGIBLE: 409,
  TICKET_FORMAT: 422,
}
