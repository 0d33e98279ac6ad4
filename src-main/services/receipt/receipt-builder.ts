/**
 * 报名回执: the receipt from the 报名信息 page's own view (so it says exactly what the page says)
 * plus the order numbers of the store. Pure: masking (K3), totals (P2), statuses (B4, B7, R1)
 * and the waitlist (W4) are decided here and tested without a store.
 */
import { expiresAt } from '../../../src-shared/domain/booking-rules'
import { maskIdNumber } from '../../../src-shared/domain/masking'
import type { BookingView } from '../../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import type { ReceiptBooking, ReceiptView } from '../../../src-shared/ipc/receipt-views'
import { receiptNextSteps } from './receipt-next-steps'

export interface ReceiptInput {
  readonly info: RegistrationInfo
  /** The order that covers each booking, by booking id (from the store). */
  readonly orderNoByBooking: ReadonlyMap<string, string | null>
  readonly operatorName: string
  readonly now: Date
}

function toReceiptBooking(b: BookingView, orderNo: string | null): ReceiptBooking {
  return {
    kind: b.kind,
    subject: b.subject,
    school: b.school,
    campus: b.campus,
    feeCents: b.feeCents,
    paymentStatus: b.paymentStatus,
    // B4: 24 hours after it was made (the page's own deadline).
    expiresAt: b.paymentStatus === 'paid' ? null : expiresAt(b.createdAt),
    scoreReport: b.kind === 'written' ? b.scoreReport : null,
    orderNo,
    pendingSync: b.pendingSync,
  }
}

export function buildReceipt(input: ReceiptInput): ReceiptView {
  const { info } = input
  const bookings = [...info.bookings.written, ...info.bookings.oral].map((b) =>
    toReceiptBooking(b, input.orderNoByBooking.get(b.bookingId) ?? null),
  )
  const paidCents = bookings.filter((b) => b.paymentStatus === 'paid').reduce((s, b) => s + b.feeCents, 0)
  const unpaidCents = bookings.filter((b) => b.paymentStatus === 'unpaid').reduce((s, b) => s + b.feeCents, 0)
  const orderNos = [...new Set(bookings.map((b) => b.orderNo).filter((o): o is string => o !== null))]
  const waitlist = [...info.waitlist.active, ...info.waitlist.finished].map((e) => ({
    subject: e.subject,
    school: e.school,
    campus: e.campus,
    statusLabel: e.statusLabel,
    active: e.active,
    submittedAt: e.submittedAt,
    ahead: e.ahead,
  }))
  const c = info.candidate
  return {
    examSessionName: info.examSession.name,
    candidate: {
      name: c.name,
      idType: c.idType,
      // K3: the view is masked already; masking again keeps paper safe if that ever changes.
      idNumberMasked: c.idNumber.includes('****') ? c.idNumber : maskIdNumber(c.idNumber),
      school: c.school,
      campus: c.campus,
      studentNumber: c.studentNumber,
    },
    bookings,
    totals: { paidCents, unpaidCents, totalCents: paidCents + unpaidCents },
    orderNos,
    waitlist,
    waitlistNote: info.waitlist.staleReason,
    nextSteps: receiptNextSteps(bookings, waitlist),
    issuedAt: input.now.toISOString(),
    operatorName: input.operatorName,
  }
}
