/**
 * P1–P4: orders over the candidate's unpaid bookings of one kind, their live status, and the
 * payments staff must refund. Paying happens on the payment page (pay-page.ts), not here.
 */
import type { Database } from 'better-sqlite3'
import { checkOrder, orderExpiresAt } from '../../src-shared/domain/booking-rules'
import { atomically } from '../atomically'
import type { BookingStore } from '../booking-store'
import type { CurrentExamSession } from '../current-exam-session'
import type { OrderStore } from '../order-store'
import { ruleRefusal } from '../refusal'
import { answer, notFound } from '../reply'
import { defineRoute, type Route } from '../route'
import { CANDIDATE_NOT_FOUND_MESSAGE } from './registrations'

export const ORDER_NOT_FOUND_MESSAGE = '没有找到这个支付订单。'

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')
}

export function orderRoutes(
  db: Database,
  bookings: BookingStore,
  orders: OrderStore,
  currentExamSession: CurrentExamSession,
): Route[] {
  return [
    defineRoute('createOrder', ({ device, body, now }) =>
      atomically(db, () => {
        const candidate = bookings.candidate(body.candidateId, device.schoolCodesJson)
        if (!candidate) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
        const plan = checkOrder(body.kind, bookings.activeBookingsOf(candidate.candidateId), now)
        if (!plan.ok) return ruleRefusal(plan.error)
        const at = now.toISOString()
        const pending = orders.pendingOf(candidate.candidateId, body.kind)
        // The QR code already on screen stays valid while it covers exactly what is unpaid.
        const same = pending.find((o) => sameSet(o.bookingIds, plan.value.bookingIds) && o.expiresAt > at)
        if (same) return answer({ order: same })
        // P4: an older order for any of these bookings can no longer be paid.
        for (const o of pending) if (o.bookingIds.some((id) => plan.value.bookingIds.includes(id))) orders.close(o.orderNo, at)
        const order = orders.insert({
          candidateId: candidate.candidateId,
          kind: body.kind,
          bookingIds: plan.value.bookingIds,
          amountCents: plan.value.totalCents,
          purpose: `${currentExamSession()?.name ?? 'CET考试'}报名费`,
          createdAt: at,
          expiresAt: orderExpiresAt(now),
          kioskId: device.kioskId,
        })
        return answer({ order })
      }),
    ),

    defineRoute('getOrder', ({ device, params }) => {
      const order = orders.orderScoped(params.orderNo ?? '', device.schoolCodesJson)
      return order ? answer({ order }) : notFound(ORDER_NOT_FOUND_MESSAGE)
    }),

    defineRoute('listRefunds', ({ device }) => answer({ orders: orders.refundsFor(device.schoolCodesJson) })),
  ]
}
