/** P1–P4: the kiosk's copy of the candidate's payment orders as the central answered them. */
import type { Order } from '../../src-shared/schemas'
import type { KioskDb, OrderRow } from './schema'

export interface LocalOrder extends Order {
  /** When the kiosk last heard this order's status from the central. */
  readonly checkedAt: string
}

function toOrder(row: OrderRow): LocalOrder {
  return {
    orderNo: row.order_no,
    candidateId: row.candidate_id,
    kind: row.kind,
    bookingIds: row.booking_ids === '' ? [] : row.booking_ids.split(','),
    amountCents: row.amount_cents,
    status: row.status,
    purpose: row.purpose,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    payUrl: row.pay_url,
    refundReason: row.refund_reason,
    checkedAt: row.checked_at,
  }
}

export async function upsertOrders(db: KioskDb, orders: readonly Order[], at: Date): Promise<void> {
  const checkedAt = at.toISOString()
  for (const o of orders) {
    const values = {
      candidate_id: o.candidateId,
      kind: o.kind,
      purpose: o.purpose,
      amount_cents: o.amountCents,
      pay_url: o.payUrl,
      status: o.status,
      booking_ids: o.bookingIds.join(','),
      created_at: o.createdAt,
      expires_at: o.expiresAt,
      paid_at: o.paidAt,
      checked_at: checkedAt,
      refund_reason: o.refundReason,
    }
    await db
      .insertInto('orders')
      .values({ order_no: o.orderNo, ...values })
      .onConflict((oc) => oc.column('order_no').doUpdateSet(values))
      .execute()
  }
}

export async function findOrder(db: KioskDb, orderNo: string): Promise<LocalOrder | null> {
  const row = await db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst()
  return row === undefined ? null : toOrder(row)
}

/** Orders still waiting for payment (P3 follow-up), oldest first. */
export async function listPendingOrders(db: KioskDb, candidateId?: string): Promise<LocalOrder[]> {
  let query = db.selectFrom('orders').selectAll().where('status', '=', 'pending').orderBy('created_at')
  if (candidateId !== undefined) query = query.where('candidate_id', '=', candidateId)
  return (await query.execute()).map(toOrder)
}

/** P4: the candidate's orders whose payment must be refunded. */
export async function listRefundOrders(db: KioskDb, candidateId: string): Promise<LocalOrder[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .where('status', '=', 'refund_required')
    .orderBy('created_at')
    .execute()
  return rows.map(toOrder)
}

export async function deleteCandidateOrders(db: KioskDb, candidateId: string): Promise<void> {
  await db.deleteFrom('orders').where('candidate_id', '=', candidateId).where('status', '!=', 'refund_required').execute()
}
