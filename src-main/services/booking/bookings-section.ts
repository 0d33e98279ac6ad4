/**
 * B4–B7, P1–P4: the booking part of the 报名信息 page, from the store. Every yes/no on it
 * (取消, 支付) is decided here with the shared rules, with the reason when it is no.
 */
import { checkCanCancel, checkOrder } from '../../../src-shared/domain/booking-rules'
import { findSubject } from '../../../src-shared/domain/subjects'
import type { BookingSummary, BookingsSection, BookingView } from '../../../src-shared/ipc/booking-views'
import { listActiveBookings, type LocalBooking } from '../../store/booking-repository'
import { findCampus, findSchool } from '../../store/catalog-repository'
import { findOfferings } from '../../store/offering-repository'
import { listPendingOrders, listRefundOrders } from '../../store/order-repository'
import type { KioskDb } from '../../store/schema'
import { permissionFrom, refusedFor } from './permission'

function statusLabel(bookings: readonly LocalBooking[]): string | null {
  if (bookings.length === 0) return null
  const paid = bookings.filter((b) => b.status === 'paid').length
  if (paid === 0) return '全未支付'
  return paid === bookings.length ? '全部已支付' : '部分未支付'
}

function summary(kind: 'written' | 'oral', ofKind: readonly LocalBooking[], all: readonly LocalBooking[], now: Date): BookingSummary {
  const sum = (status: 'paid' | 'unpaid') => ofKind.filter((b) => b.status === status).reduce((s, b) => s + b.feeCents, 0)
  return {
    paidCents: sum('paid'),
    unpaidCents: sum('unpaid'),
    statusLabel: statusLabel(ofKind),
    pay: permissionFrom(checkOrder(kind, all, now)),
  }
}

async function codeName(db: KioskDb, kind: 'school' | 'campus', code: string): Promise<{ code: string; name: string }> {
  const found = kind === 'school' ? await findSchool(db, code) : await findCampus(db, code)
  return { code, name: found?.name ?? code }
}

export async function toBookingViews(db: KioskDb, bookings: readonly LocalBooking[], now: Date): Promise<BookingView[]> {
  const offerings = new Map((await findOfferings(db, bookings.map((b) => b.offeringId))).map((o) => [o.id, o]))
  const views: BookingView[] = []
  for (const b of bookings) {
    const subject = findSubject(b.subjectCode)
    const offering = offerings.get(b.offeringId)
    // Without the offering's window the kiosk cannot say yes; the central would decide anyway.
    const cancel = offering
      ? permissionFrom(checkCanCancel({ booking: b, offering, bookings, now }))
      : refusedFor({ code: 'offeringNotSynced' })
    views.push({
      bookingId: b.id,
      subject: { code: b.subjectCode, name: subject?.name ?? b.subjectCode },
      kind: subject?.kind ?? 'written',
      feeCents: b.feeCents,
      paymentStatus: b.status === 'paid' ? 'paid' : 'unpaid',
      expiresAt: b.status === 'paid' ? null : b.expiresAt,
      arrangementStatus: b.arrangement,
      bookedVia: b.bookedVia,
      school: await codeName(db, 'school', b.schoolCode),
      campus: await codeName(db, 'campus', b.campusCode),
      scoreReport: b.scoreReport,
      cancel,
      createdAt: b.createdAt,
      pendingSync: b.pendingSync,
    })
  }
  return views
}

export async function buildBookingsSection(db: KioskDb, candidateId: string, now: Date): Promise<BookingsSection> {
  const bookings = await listActiveBookings(db, candidateId)
  const written = bookings.filter((b) => findSubject(b.subjectCode)?.kind === 'written')
  const oral = bookings.filter((b) => findSubject(b.subjectCode)?.kind === 'oral')
  const open = (await listPendingOrders(db, candidateId)).filter((o) => Date.parse(o.expiresAt) > now.getTime()).at(-1)
  const refunds = await listRefundOrders(db, candidateId)
  return {
    written: await toBookingViews(db, written, now),
    oral: await toBookingViews(db, oral, now),
    writtenSummary: summary('written', written, bookings, now),
    oralSummary: summary('oral', oral, bookings, now),
    openOrderNo: open?.orderNo ?? null,
    refunds: refunds.map((o) => ({
      orderNo: o.orderNo,
      amountCents: o.amountCents,
      reason: o.refundReason ?? '支付到达时报考科目已不存在，需退款。',
      at: o.paidAt ?? o.createdAt,
    })),
  }
}
