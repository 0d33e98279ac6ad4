/**
 * Booking, cancellation, score-report, order and payment rules B1–B7, R1, P1–P4 (SPEC §3), free
 * of any runtime: callers pass plain data and the instant `now`. The central service applies them
 * as the authority; the kiosk applies the same functions to say why a row is unavailable.
 *
 * Times are ISO 8601 strings (or Dates); every comparison is on epoch milliseconds.
 */
import type { Booking, Offering } from '../schemas'
import { findSubject, type Subject, type SubjectKind } from './subjects'
import { reasonText, refuse, type ReasonRef } from './reasons'
import { fail, ok, type ErrorCode, type Result } from './result'

export const HOUR_MS = 60 * 60 * 1000
/** B4: an unpaid booking is deleted 24 hours after it was made. */
export const BOOKING_TTL_MS = 24 * HOUR_MS
/** B6: default grace before a registration left with nothing is deleted. */
export const REGISTRATION_GRACE_MS = 24 * HOUR_MS
/** P3: how long an order's QR code is valid (never beyond its bookings' expiry). */
export const ORDER_TTL_MS = 2 * HOUR_MS

export type BookingStatus = 'unpaid' | 'paid' | 'cancelled' | 'expired'
export type ScoreReportChoice = 'paper' | 'electronic'
export type Instant = string | Date

/** What the rules need to know about a candidate (E3). */
export interface CandidateFacts {
  readonly campusCode: string
  readonly eligibleSubjectCodes: readonly string[]
}

/** What the rules need to know about an offering; the schemas' `Offering` fits. */
export interface OfferingFacts {
  readonly id: string
  readonly subjectCode: string
  readonly campusCode: string
  readonly feeCents: number
  readonly seatsLeft: number
  readonly registrationStart: string
  readonly registrationEnd: string
  readonly examStart: string | null
  readonly oralAllowedCampusCodes: readonly string[]
}

/** What the rules need to know about a booking; the schemas' `Booking` fits. */
export interface BookingFacts {
  readonly id: string
  readonly offeringId: string
  readonly subjectCode: string
  readonly feeCents: number
  readonly status: BookingStatus
  readonly createdAt: string
  readonly collectiveLocked: boolean
  readonly scoreReport: ScoreReportChoice | null
}

function ms(t: Instant): number {
  return typeof t === 'string' ? Date.parse(t) : t.getTime()
}

function subjectOf(code: string): Subject {
  const subject = findSubject(code)
  if (!subject) throw new Error(`unknown subject code ${code}`)
  return subject
}

/** B4: the instant an unpaid booking made at `createdAt` expires (exactly 24 hours later). */
export function expiresAt(createdAt: Instant): string {
  return new Date(ms(createdAt) + BOOKING_TTL_MS).toISOString()
}

/**
 * B1, B4: a booking just made of an offering, as the central stores it and the kiosk's
 * provisional copy shows it: unpaid, due 24 hours after `createdAt`, no report choice yet.
 */
export function newUnpaidBooking(
  id: string,
  candidateId: string,
  offering: Pick<Offering, 'id' | 'subjectCode' | 'schoolCode' | 'campusCode' | 'feeCents'>,
  createdAt: string,
): Booking {
  return {
    id,
    candidateId,
    offeringId: offering.id,
    subjectCode: offering.subjectCode,
    schoolCode: offering.schoolCode,
    campusCode: offering.campusCode,
    feeCents: offering.feeCents,
    status: 'unpaid',
    createdAt,
    expiresAt: expiresAt(createdAt),
    paidAt: null,
    endedAt: null,
    scoreReport: null,
    arrangement: 'unarranged',
    bookedVia: 'candidate',
    collectiveLocked: false,
    orderNo: null,
  }
}

/** B4: an unpaid booking is expired from the instant it turns 24 hours old (inclusive). */
export function isExpired(booking: Pick<BookingFacts, 'status' | 'createdAt'>, now: Instant): boolean {
  if (booking.status === 'expired') return true
  return booking.status === 'unpaid' && ms(now) >= ms(booking.createdAt) + BOOKING_TTL_MS
}

/**
 * B4 as a bound a store can query: at `now`, an unpaid booking is expired exactly when its
 * createdAt (as canonical UTC ISO text) is at or before this instant, which is what isExpired says.
 */
export function expiredIfCreatedBy(now: Instant): string {
  return new Date(ms(now) - BOOKING_TTL_MS).toISOString()
}

/** A booking that holds a seat now: paid, or unpaid and not yet expired. */
export function isActive(booking: Pick<BookingFacts, 'status' | 'createdAt'>, now: Instant): boolean {
  return booking.status === 'paid' || (booking.status === 'unpaid' && !isExpired(booking, now))
}

/** The +08:00 wall-clock minute of an instant, as the seeds print it: "2022-08-31 11:12". */
export function formatBeijingMinute(t: Instant): string {
  const iso = new Date(ms(t) + 8 * HOUR_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** B4/B7: the payment-status cell of a booking, in the seeds' words. */
export function paymentStatusLabel(booking: Pick<BookingFacts, 'status' | 'createdAt'>): string {
  if (booking.status === 'paid') return '已支付'
  return `未支付 (${formatBeijingMinute(expiresAt(booking.createdAt))}后随时会被系统删除)`
}

/** B1: inside the campus's registration window: start ≤ now < end. */
export function isWindowOpen(offering: Pick<OfferingFacts, 'registrationStart' | 'registrationEnd'>, now: Instant): boolean {
  const t = ms(now)
  return t >= ms(offering.registrationStart) && t < ms(offering.registrationEnd)
}

export interface AvailabilityInput {
  readonly candidate: CandidateFacts
  readonly offering: OfferingFacts
  /** The candidate's bookings (any status; inactive ones are ignored). */
  readonly bookings: readonly BookingFacts[]
  /** Subject codes of the candidate's active waitlist entries (正在候补); they count for B2. */
  readonly activeWaitlistSubjectCodes?: readonly string[]
  readonly now: Instant
}

export interface OfferingAvailability {
  readonly bookable: boolean
  /** Null when bookable. NO_SEATS is always the last check: only then may a waitlist apply (W1). */
  readonly code: ErrorCode | null
  /** One sentence a candidate understands; null when bookable. */
  readonly reason: string | null
  /** The reason as a code with its subjects (REASON_TEMPLATES); absent when bookable. */
  readonly reasonRef?: ReasonRef
  /** 剩余容量 as the list shows it. */
  readonly seats: '有' | '无'
  /** W1 候补状态: 可以候补 when the offering is full and the candidate may submit a waitlist entry for it. */
  readonly waitlist: '可以候补' | null
}

function refusal(
  code: NonNullable<OfferingAvailability['code']>,
  reason: ReasonRef,
  seats: OfferingAvailability['seats'],
): Omit<OfferingAvailability, 'waitlist'> {
  return { bookable: false, code, reason: reasonText(reason), reasonRef: reason, seats }
}


/** B1, B2, B3 (and W1's 可以候补): whether the candidate can book this offering now, and if not, why. */
export function offeringAvailability(input: AvailabilityInput): OfferingAvailability {
  const availability = bookingAvailability(input)
  const waitlist = availability.seats === '无' && checkCanSubmitWaitlist(input).ok ? '可以候补' : null
  return { ...availability, waitlist }
}

function bookingAvailability(input: AvailabilityInput): Omit<OfferingAvailability, 'waitlist'> {
  const { candidate, offering, now } = input
  const subject = subjectOf(offering.subjectCode)
  const seats = offering.seatsLeft > 0 ? '有' : '无'
  const active = input.bookings.filter((b) => isActive(b, now))
  const own = { subject: subject.code }

  if (active.some((b) => b.subjectCode === subject.code)) return refusal('ALREADY_BOOKED', { code: 'alreadyBooked', ...own }, seats)
  if (!candidate.eligibleSubjectCodes.includes(subject.code)) return refusal('NOT_ELIGIBLE', { code: 'notEligible', ...own }, seats)
  if (offering.examStart === null) return refusal('EXAM_TIME_NOT_SET', { code: 'examTimeNotSet', ...own }, seats)
  if (!isWindowOpen(offering, now))
    return refusal('WINDOW_CLOSED', { code: ms(now) < ms(offering.registrationStart) ? 'windowNotOpen' : 'windowClosed' }, seats)
  if (offering.feeCents <= 0) return refusal('FEE_NOT_SET', { code: 'feeNotSet', ...own }, seats)

  if (subject.kind === 'written') {
    // B2: one written subject per level, English and other languages together; waitlist counts.
    const sameLevel = active.find((b) => isWrittenAtLevel(b.subjectCode, subject.level))
    if (sameLevel) return refusal('LEVEL_TAKEN', { code: 'levelBooked', ...own, other: sameLevel.subjectCode }, seats)
    const waiting = (input.activeWaitlistSubjectCodes ?? []).find((c) => isWrittenAtLevel(c, subject.level))
    if (waiting !== undefined) return refusal('LEVEL_TAKEN', { code: 'levelWaiting', ...own, other: waiting }, seats)
  } else {
    // B2/W1: an active waitlist entry for this oral subject holds it.
    if ((input.activeWaitlistSubjectCodes ?? []).includes(subject.code)) return refusal('LEVEL_TAKEN', { code: 'oralWaiting', ...own }, seats)
    // B3: the same-level written subject booked AND paid; the campus allowed for the candidate.
    const written = sameLevelWrittenCode(subject)
    if (!active.some((b) => b.subjectCode === written && b.status === 'paid'))
      return refusal('WRITTEN_NOT_PAID', { code: 'writtenNotPaid', ...own, other: written }, seats)
    if (!offering.oralAllowedCampusCodes.includes(candidate.campusCode))
      return refusal('CAMPUS_NOT_ALLOWED', { code: 'campusNotAllowed', ...own }, seats)
  }

  if (offering.seatsLeft <= 0) return refusal('NO_SEATS', { code: 'noSeats', ...own }, seats)
  return { bookable: true, code: null, reason: null, seats }
}

/**
 * W1 (with B1, B2, B3): whether the candidate may submit a waitlist entry (提交候补) for this
 * offering now. Only a full offering is waited for; one entry per level, and an active booking at
 * that level counts (B2); an oral waitlist needs the same-level written subject booked (paid or
 * not), where booking the oral itself needs it paid.
 */
export function checkCanSubmitWaitlist(input: AvailabilityInput): Result<void> {
  const { candidate, offering, now } = input
  const subject = subjectOf(offering.subjectCode)
  const own = { subject: subject.code }
  const active = input.bookings.filter((b) => isActive(b, now))
  const waiting = input.activeWaitlistSubjectCodes ?? []

  if (active.some((b) => b.subjectCode === subject.code)) return refuse('ALREADY_BOOKED', { code: 'waitlistAlreadyBooked', ...own })
  if (waiting.includes(subject.code)) return refuse('LEVEL_TAKEN', { code: 'waitlistAlreadyWaiting', ...own })
  if (!candidate.eligibleSubjectCodes.includes(subject.code)) return refuse('NOT_ELIGIBLE', { code: 'notEligible', ...own })
  if (offering.examStart === null) return refuse('EXAM_TIME_NOT_SET', { code: 'waitlistExamTimeNotSet', ...own })
  if (!isWindowOpen(offering, now))
    return refuse('WINDOW_CLOSED', { code: ms(now) < ms(offering.registrationStart) ? 'waitlistWindowNotOpen' : 'waitlistWindowClosed' })
  if (offering.feeCents <= 0) return refuse('FEE_NOT_SET', { code: 'waitlistFeeNotSet', ...own })

  if (subject.kind === 'written') {
    const sameLevel = active.find((b) => isWrittenAtLevel(b.subjectCode, subject.level))
    if (sameLevel) return refuse('LEVEL_TAKEN', { code: 'waitlistLevelBooked', ...own, other: sameLevel.subjectCode })
    const other = waiting.find((c) => isWrittenAtLevel(c, subject.level))
    if (other !== undefined) return refuse('LEVEL_TAKEN', { code: 'waitlistLevelWaiting', ...own, other })
  } else {
    const written = sameLevelWrittenCode(subject)
    if (!active.some((b) => b.subjectCode === written))
      return refuse('WRITTEN_NOT_BOOKED', { code: 'waitlistWrittenNotBooked', ...own, other: written })
    if (!offering.oralAllowedCampusCodes.includes(candidate.campusCode)) return refuse('CAMPUS_NOT_ALLOWED', { code: 'campusNotAllowed', ...own })
  }

  if (offering.seatsLeft > 0) return refuse('SEATS_AVAILABLE', { code: 'seatsAvailable', ...own })
  return ok(undefined)
}

function isWrittenAtLevel(code: string, level: number): boolean {
  const s = findSubject(code)
  return s !== undefined && s.kind === 'written' && s.level === level
}

/** B3: 1 for F, 2 for S. */
export function sameLevelWrittenCode(oral: Pick<Subject, 'level'>): string {
  return oral.level === 4 ? '1' : '2'
}

export interface BookInput {
  readonly candidate: CandidateFacts
  /** The offerings asked for in one submission (提交). */
  readonly offerings: readonly OfferingFacts[]
  readonly bookings: readonly BookingFacts[]
  readonly activeWaitlistSubjectCodes?: readonly string[]
  readonly now: Instant
}

/**
 * B1–B3 for one submission of several offerings: each is checked as if the ones before it in
 * the same submission were already booked, so two level-4 written subjects at once are refused.
 */
export function checkCanBook(input: BookInput): Result<void> {
  if (input.offerings.length === 0) return fail('INVALID_INPUT', '请至少选择一个报考科目。')
  const pending: BookingFacts[] = [...input.bookings]
  for (const offering of input.offerings) {
    const availability = offeringAvailability({ ...input, offering, bookings: pending })
    if (!availability.bookable && availability.code !== null && availability.reason !== null)
      return fail(availability.code, availability.reason)
    pending.push({
      id: `pending-${offering.id}`,
      offeringId: offering.id,
      subjectCode: offering.subjectCode,
      feeCents: offering.feeCents,
      status: 'unpaid',
      createdAt: new Date(ms(input.now)).toISOString(),
      collectiveLocked: false,
      scoreReport: null,
    })
  }
  return ok(undefined)
}

export interface CancelInput {
  readonly booking: BookingFacts
  /** The booking's offering, for its registration window. */
  readonly offering: Pick<OfferingFacts, 'registrationStart' | 'registrationEnd'>
  /** All the candidate's bookings (to see a same-level oral). */
  readonly bookings: readonly BookingFacts[]
  readonly now: Instant
}

/** B5: whether an unpaid booking can be cancelled now, and if not, why. */
export function checkCanCancel(input: CancelInput): Result<void> {
  const { booking, now } = input
  if (booking.status === 'paid') return refuse('PAID_NOT_CANCELLABLE', { code: 'paidNotCancellable' })
  if (!isActive(booking, now)) return refuse('BOOKING_GONE', { code: 'bookingGone' })
  if (!isWindowOpen(input.offering, now)) return refuse('WINDOW_CLOSED', { code: 'cancelWindowClosed' })
  if (booking.collectiveLocked) return refuse('COLLECTIVE_LOCKED', { code: 'collectiveLocked' })
  const subject = subjectOf(booking.subjectCode)
  if (subject.kind === 'written') {
    const oral = input.bookings.find(
      (b) => b.id !== booking.id && isActive(b, now) && findSubject(b.subjectCode)?.kind === 'oral' && findSubject(b.subjectCode)?.level === subject.level,
    )
    if (oral) return refuse('ORAL_DEPENDS', { code: 'oralDepends', subject: subject.code, other: oral.subjectCode })
  }
  return ok(undefined)
}

export interface ScoreReportAnswers {
  /** After choosing 纸质: the candidate confirmed they will collect it at school. */
  readonly paperConfirmed: boolean
  /** "确认继续保存?" answered yes. */
  readonly saveConfirmed: boolean
}

/** R1: a choice for a written booking, confirmed twice (纸质 prompt, then the save prompt). */
export function checkScoreReportChoice(
  booking: BookingFacts,
  choice: ScoreReportChoice,
  answers: ScoreReportAnswers,
  now: Instant,
): Result<void> {
  if (!isActive(booking, now)) return fail('BOOKING_GONE', '该报考科目已被取消或已超时删除。')
  if (subjectOf(booking.subjectCode).kind !== 'written') return fail('NOT_WRITTEN', '只有笔试科目需要选择成绩报告单。')
  if (choice === 'paper' && !answers.paperConfirmed)
    return fail('CONFIRMATION_REQUIRED', '请确认需要纸质成绩报告单，并在考试结束后按学校规定领取。')
  if (!answers.saveConfirmed) return fail('CONFIRMATION_REQUIRED', '提交前请确认成绩报告单/证书申请信息。')
  return ok(undefined)
}

/** R1: the seeds' wording of a choice: 纸质 / 电子 (certificates for other languages). */
export function scoreReportLabel(choice: ScoreReportChoice | null): string {
  if (choice === null) return '未选择'
  return choice === 'paper' ? '纸质' : '电子'
}

export interface OrderPlan {
  readonly kind: SubjectKind
  readonly bookingIds: readonly string[]
  readonly totalCents: number
}

/**
 * P1, P2, R1: the bookings an order of `kind` covers (every active unpaid booking of that kind),
 * or why none can be paid now. Written subjects are paid before oral.
 */
export function checkOrder(kind: SubjectKind, bookings: readonly BookingFacts[], now: Instant): Result<OrderPlan> {
  const unpaid = bookings.filter((b) => b.status === 'unpaid' && isActive(b, now))
  const ofKind = unpaid.filter((b) => subjectOf(b.subjectCode).kind === kind)
  if (ofKind.length === 0) return refuse('NOTHING_TO_PAY', { code: kind === 'written' ? 'nothingToPayWritten' : 'nothingToPayOral' })
  if (kind === 'written') {
    const missing = ofKind.find((b) => b.scoreReport === null)
    if (missing) return refuse('SCORE_REPORT_REQUIRED', { code: 'scoreReportRequired', subject: missing.subjectCode })
  } else {
    if (unpaid.some((b) => subjectOf(b.subjectCode).kind === 'written')) return refuse('WRITTEN_NOT_PAID', { code: 'writtenFirst' })
    for (const oral of ofKind) {
      const written = sameLevelWrittenCode(subjectOf(oral.subjectCode))
      if (!bookings.some((b) => b.subjectCode === written && b.status === 'paid'))
        return refuse('WRITTEN_NOT_PAID', { code: 'payWrittenFirst', subject: oral.subjectCode, other: written })
    }
  }
  const totalCents = ofKind.reduce((sum, b) => sum + b.feeCents, 0)
  if (totalCents <= 0) return refuse('FEE_NOT_SET', { code: 'orderFeeNotSet' })
  return ok({ kind, bookingIds: ofKind.map((b) => b.id), totalCents })
}

/**
 * P3: the payment platform keeps an order's QR code valid ORDER_TTL_MS. It is deliberately not
 * cut short by its bookings' expiry: the platform does not know about bookings, so a payment may
 * still arrive after a booking went, and P4 then flags it for refund.
 */
export function orderExpiresAt(createdAt: Instant): string {
  return new Date(ms(createdAt) + ORDER_TTL_MS).toISOString()
}

/** P3: NEEA ID style order numbers: 32 upper-case hex digits. */
export const ORDER_NO_PATTERN = /^[0-9A-F]{32}$/

export type PaymentSettlement =
  | { readonly kind: 'apply'; readonly bookingIds: readonly string[] }
  | { readonly kind: 'refund'; readonly reason: string }

/**
 * P4: what a payment that arrives for an order does. It marks the order's bookings paid only
 * when every one of them is still unpaid and active; otherwise (expired, cancelled, or already
 * paid through another order) the money is recorded as needing a refund, never lost and never
 * applied twice. A second payment of the same order is refused before it gets here.
 */
export function settlePayment(orderBookingIds: readonly string[], bookings: readonly BookingFacts[], now: Instant): PaymentSettlement {
  const byId = new Map(bookings.map((b) => [b.id, b]))
  for (const id of orderBookingIds) {
    const b = byId.get(id)
    if (!b || b.status === 'cancelled') return { kind: 'refund', reason: '支付到达时报考科目已被取消，需退款。' }
    if (b.status === 'paid') return { kind: 'refund', reason: '报考科目已通过其他订单支付，本次支付需退款。' }
    if (isExpired(b, now)) return { kind: 'refund', reason: '支付到达时报考科目已超时被系统删除，需退款。' }
  }
  return { kind: 'apply', bookingIds: [...orderBookingIds] }
}

/** B6: staff may delete a registration only when nothing is paid. */
export function checkCanDeleteRegistration(bookings: readonly Pick<BookingFacts, 'status'>[]): Result<void> {
  return bookings.some((b) => b.status === 'paid')
    ? refuse('HAS_PAID_BOOKINGS', { code: 'hasPaidBookings' })
    : ok(undefined)
}

export interface RegistrationHoldings {
  readonly confirmedAt: string
  /** When its last booking or waitlist entry went (cancelled, expired); null if never. */
  readonly lastReleasedAt: string | null
  /** True while it holds any active booking or active waitlist entry. */
  readonly holdsSomething: boolean
}

/**
 * B6: when a registration left with nothing is deleted by the system: the grace period after
 * confirmation or after its last booking/entry went, whichever is later. Null while it holds
 * something.
 */
export function registrationDeletionDueAt(r: RegistrationHoldings, graceMs = REGISTRATION_GRACE_MS): string | null {
  if (r.holdsSomething) return null
  const from = Math.max(ms(r.confirmedAt), r.lastReleasedAt === null ? 0 : ms(r.lastReleasedAt))
  return new Date(from + graceMs).toISOString()
}

/** B6: true once the grace has run out (inclusive at the exact instant). */
export function isRegistrationDue(r: RegistrationHoldings, now: Instant, graceMs = REGISTRATION_GRACE_MS): boolean {
  const due = registrationDeletionDueAt(r, graceMs)
  return due !== null && ms(now) >= ms(due)
}
