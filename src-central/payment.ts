/**
 * P3/P4: a payment arriving from the payment platform for an order. The order takes at most one
 * payment (a second one is refused, so nobody pays twice); an arriving payment is always recorded:
 * applied to the bookings when they are all still unpaid and active, otherwise flagged for refund
 * with the reason, never silently lost.
 */
import type { Database } from 'better-sqlite3'
import { settlePayment } from '../src-shared/domain/booking-rules'
import type { Order } from '../src-shared/schemas'
import type { BookingStore } from './booking-store'
import type { StampChanges } from './change-stamp'
import type { OrderStore } from './order-store'

export type PaymentOutcome =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'already-paid'; readonly order: Order }
  | { readonly kind: 'closed'; readonly order: Order }
  | { readonly kind: 'paid'; readonly order: Order }
  | { readonly kind: 'refund-required'; readonly order: Order }

export type ReceivePayment = (orderNo: string, now: Date) => PaymentOutcome

export function paymentReceiver(db: Database, bookings: BookingStore, orders: OrderStore, stampChanges: StampChanges): ReceivePayment {
  const notify = db.prepare<[string, string, string]>(
    `INSERT INTO candidate_notifications (candidate_id, kind, order_no, created_at) VALUES (?, 'payment-succeeded', ?, ?)`,
  )
  const settle = (orderNo: string, now: Date): PaymentOutcome => {
    const order = orders.order(orderNo)
    if (!order) return { kind: 'not-found' }
    if (order.status === 'paid' || order.status === 'refund_required') return { kind: 'already-paid', order }
    const at = now.toISOString()
    if (order.status === 'closed' || order.expiresAt <= at) return { kind: 'closed', order }
    const settlement = settlePayment(order.bookingIds, bookings.bookingsOf(order.candidateId), now)
    if (settlement.kind === 'refund') {
      orders.recordPayment(orderNo, order.amountCents, at, settlement.reason)
      return { kind: 'refund-required', order: orders.order(orderNo) as Order }
    }
    for (const id of settlement.bookingIds) bookings.markPaid(id, orderNo, at)
    orders.recordPayment(orderNo, order.amountCents, at, null)
    notify.run(order.candidateId, orderNo, at)
    return { kind: 'paid', order: orders.order(orderNo) as Order }
  }
  const run = db.transaction((orderNo: string, now: Date) => stampChanges(now, () => settle(orderNo, now)))
  return (orderNo, now) => run.immediate(orderNo, now)
}
