/**
 * P1–P4: 确认报考信息, opening the order whose QR code the candidate scans, and following its
 * status. A booking counts as registered only once the central says its order is paid (S1);
 * paying twice is impossible because the central answers one order per set of unpaid bookings
 * and refuses a second payment, and a late payment is flagged for refund there (P4).
 */
import { checkOrder, scoreReportLabel } from '../../../src-shared/domain/booking-rules'
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import { findSubject } from '../../../src-shared/domain/subjects'
import type { OrderView, PaymentConfirmation } from '../../../src-shared/ipc/booking-views'
import type { Order } from '../../../src-shared/schemas'
import { describeFailure } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { findBooking, listActiveBookings } from '../../store/booking-repository'
import { findCampus } from '../../store/catalog-repository'
import { findOrder, upsertOrders, type LocalOrder } from '../../store/order-repository'
import type { KioskDb } from '../../store/schema'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { requireBookingCandidate } from './booking-candidate'
import { requireSyncedForPayment } from '../sync/online-only'
import { refreshCandidateBookings } from './booking-sync'
import { sendChange } from './central-change'

export const UNKNOWN_ORDER_MESSAGE = '未找到该支付订单，请返回报名信息页面重新支付。'

type Kind = 'written' | 'oral'

export async function getPaymentConfirmation(ctx: ServiceContext, input: { visitId: string; kind: Kind }): Promise<Result<PaymentConfirmation>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId } = found.value
  const synced = await requireSyncedForPayment(ctx, candidateId)
  if (!synced.ok) return synced
  const bookings = await listActiveBookings(ctx.db, candidateId)
  const plan = checkOrder(input.kind, bookings, ctx.clock())
  if (!plan.ok) return plan
  // The name and ID number exactly as main shows them on the info page (masked where it must, K3).
  const info = await buildRegistrationInfo(ctx, candidateId)
  if (!info.ok) return info
  const rows = []
  for (const id of plan.value.bookingIds) {
    const b = bookings.find((x) => x.id === id)
    if (b === undefined) continue
    const campus = await findCampus(ctx.db, b.campusCode)
    rows.push({
      bookingId: b.id,
      campus: { code: b.campusCode, name: campus?.name ?? b.campusCode },
      subjectName: findSubject(b.subjectCode)?.name ?? b.subjectCode,
      feeCents: b.feeCents,
      scoreReportLabel: input.kind === 'written' ? scoreReportLabel(b.scoreReport) : '—',
    })
  }
  return ok({
    name: info.value.candidate.name,
    idNumber: info.value.candidate.idNumber,
    kind: input.kind,
    rows,
    totalCents: plan.value.totalCents,
  })
}

async function toOrderView(db: KioskDb, order: LocalOrder): Promise<OrderView> {
  const names: string[] = []
  for (const id of order.bookingIds) {
    const b = await findBooking(db, id)
    if (b !== null) names.push(findSubject(b.subjectCode)?.name ?? b.subjectCode)
  }
  return {
    orderNo: order.orderNo,
    kind: order.kind,
    purpose: order.purpose,
    amountCents: order.amountCents,
    payUrl: order.payUrl,
    status: order.status,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    subjectNames: names,
    checkedAt: order.checkedAt,
  }
}

export async function startPayment(ctx: ServiceContext, input: { visitId: string; kind: Kind }): Promise<Result<OrderView>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId, operator } = found.value
  const synced = await requireSyncedForPayment(ctx, candidateId)
  if (!synced.ok) return synced
  const plan = checkOrder(input.kind, await listActiveBookings(ctx.db, candidateId), ctx.clock())
  if (!plan.ok) return plan

  const target = `${input.kind}:${[...plan.value.bookingIds].sort().join(',')}`
  const answer = await sendChange(ctx, { action: 'order.create', candidateId, target }, { operatorId: operator.id, action: 'order.create' }, (key) =>
    ctx.central.createOrder({ candidateId, kind: input.kind }, key),
  )
  if (!answer.ok) return answer
  const order = answer.value.order
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertOrders(trx, [order], at)
    await appendAudit(trx, {
      at,
      operatorId: operator.id,
      candidateId,
      action: 'order.create',
      outcome: 'ok',
      detail: `${order.orderNo} ${order.kind} ${order.amountCents} fen`,
    })
  })
  const stored = await findOrder(ctx.db, order.orderNo)
  return stored === null ? fail('NOT_FOUND', UNKNOWN_ORDER_MESSAGE) : ok(await toOrderView(ctx.db, stored))
}

/**
 * P3, P4: applies the central's view of an order. When it turns paid the bookings are pulled
 * again (they are paid now); a payment the central could not apply is flagged for staff.
 * Returns whether anything changed. Used by the payment screen and the scheduler alike.
 */
export async function applyOrderStatus(ctx: ServiceContext, order: Order, operatorId: number | null): Promise<void> {
  const before = await findOrder(ctx.db, order.orderNo)
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertOrders(trx, [order], at)
    if (before?.status === order.status) return
    if (order.status === 'paid' || order.status === 'refund_required')
      await appendAudit(trx, {
        at,
        operatorId,
        candidateId: order.candidateId,
        action: order.status === 'paid' ? 'order.paid' : 'order.refund-required',
        outcome: 'ok',
        detail: order.status === 'paid' ? order.orderNo : `${order.orderNo}: ${order.refundReason ?? ''}`,
      })
  })
  if (before?.status !== order.status && order.status !== 'pending') await refreshCandidateBookings(ctx, order.candidateId)
}

export async function getPaymentStatus(ctx: ServiceContext, input: { visitId: string; orderNo: string }): Promise<Result<OrderView>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const local = await findOrder(ctx.db, input.orderNo)
  if (local === null || local.candidateId !== found.value.candidateId) return fail('NOT_FOUND', UNKNOWN_ORDER_MESSAGE)
  const answer = await ctx.central.getOrder(input.orderNo)
  if (answer.ok) await applyOrderStatus(ctx, answer.value.order, found.value.operator.id)
  else if (answer.failure.kind === 'final') return fail('CENTRAL_REFUSED', answer.failure.message)
  // Unreachable: the last known status, with its checkedAt, is all there is (S5 shows offline).
  else ctx.logger.warn(`order status not refreshed: ${describeFailure(answer.failure)}`)
  const current = await findOrder(ctx.db, input.orderNo)
  return current === null ? fail('NOT_FOUND', UNKNOWN_ORDER_MESSAGE) : ok(await toOrderView(ctx.db, current))
}
