/**
 * Orders (P1–P3) and the payments that arrive for them (P4). An order lists its bookings in
 * order_bookings; its payUrl is built from the central's public address when read.
 */
import { randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { Order } from '../src-shared/schemas'
import { PAY_PAGE_PREFIX } from '../src-shared/central/contract'

const ORDER_COLUMNS = `order_no AS orderNo, candidate_id AS candidateId, kind, amount_fen AS amountCents, status, purpose,
  created_at AS createdAt, expires_at AS expiresAt, paid_at AS paidAt, refund_reason AS refundReason`

type OrderRow = Omit<Order, 'bookingIds' | 'payUrl'>

export interface NewOrder {
  readonly candidateId: string
  readonly kind: Order['kind']
  readonly bookingIds: readonly string[]
  readonly amountCents: number
  readonly purpose: string
  readonly createdAt: string
  readonly expiresAt: string
  readonly kioskId: string
}

export interface OrderStore {
  order(orderNo: string): Order | undefined
  /** The order when its candidate belongs to one of the device's schools (`schools` = JSON array). */
  orderScoped(orderNo: string, schools: string): Order | undefined
  ordersOf(candidateId: string): Order[]
  pendingOf(candidateId: string, kind: Order['kind']): Order[]
  refundsFor(schools: string): Order[]
  insert(order: NewOrder): Order
  close(orderNo: string, at: string): void
  /** P3/P4: records the one payment an order can have and the order's resulting status. */
  recordPayment(orderNo: string, amountCents: number, at: string, refundReason: string | null): void
  /** P3: pending orders whose QR code is no longer valid at `now` become closed. */
  closeLapsed(now: string): number
}

/** P3: NEEA ID style, 32 upper-case hex digits. */
export function newOrderNo(): string {
  return randomBytes(16).toString('hex').toUpperCase()
}

export function orderStore(db: Database, publicUrl: () => string): OrderStore {
  const byNo = db.prepare<[string], OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_no = ?`)
  const byNoScoped = db.prepare<{ orderNo: string; schools: string }, OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE order_no = @orderNo
       AND candidate_id IN (SELECT candidate_id FROM roster_records WHERE school_code IN (SELECT value FROM json_each(@schools)))`,
  )
  const ofCandidate = db.prepare<[string], OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE candidate_id = ? ORDER BY created_at DESC, order_no`,
  )
  const pending = db.prepare<[string, string], OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE candidate_id = ? AND kind = ? AND status = 'pending' ORDER BY created_at`,
  )
  const refunds = db.prepare<{ schools: string }, OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE status = 'refund_required'
       AND candidate_id IN (SELECT candidate_id FROM roster_records WHERE school_code IN (SELECT value FROM json_each(@schools)))
     ORDER BY created_at`,
  )
  const bookingIds = db.prepare<[string], string>(
    `SELECT booking_id FROM order_bookings WHERE order_no = ? ORDER BY booking_id`,
  ).pluck()
  const insertOrder = db.prepare(
    `INSERT INTO orders (order_no, candidate_id, kind, amount_fen, status, purpose, created_at, expires_at, created_by_kiosk)
     VALUES (@orderNo, @candidateId, @kind, @amountCents, 'pending', @purpose, @createdAt, @expiresAt, @kioskId)`,
  )
  const insertLine = db.prepare<[string, string]>(`INSERT INTO order_bookings (order_no, booking_id) VALUES (?, ?)`)
  const close = db.prepare<[string, string]>(
    `UPDATE orders SET status = 'closed', closed_at = ? WHERE order_no = ? AND status = 'pending'`,
  )
  const closeLapsed = db.prepare<[string]>(
    `UPDATE orders SET status = 'closed', closed_at = expires_at WHERE status = 'pending' AND expires_at <= ?`,
  )
  const insertPayment = db.prepare(
    `INSERT INTO payments (order_no, amount_fen, received_at, applied, refund_reason)
     VALUES (@orderNo, @amountCents, @at, @applied, @refundReason)`,
  )
  const settle = db.prepare<{ orderNo: string; status: string; at: string; refundReason: string | null }>(
    `UPDATE orders SET status = @status, paid_at = @at, refund_reason = @refundReason WHERE order_no = @orderNo`,
  )

  const complete = (row: OrderRow | undefined): Order | undefined =>
    row && { ...row, bookingIds: bookingIds.all(row.orderNo), payUrl: `${publicUrl()}${PAY_PAGE_PREFIX}/${row.orderNo}` }
  const all = (rows: OrderRow[]): Order[] => rows.map((r) => complete(r) as Order)

  return {
    order: (orderNo) => complete(byNo.get(orderNo)),
    orderScoped: (orderNo, schools) => complete(byNoScoped.get({ orderNo, schools })),
    ordersOf: (candidateId) => all(ofCandidate.all(candidateId)),
    pendingOf: (candidateId, kind) => all(pending.all(candidateId, kind)),
    refundsFor: (schools) => all(refunds.all({ schools })),
    insert(o) {
      const orderNo = newOrderNo()
      insertOrder.run({
        orderNo,
        candidateId: o.candidateId,
        kind: o.kind,
        amountCents: o.amountCents,
        purpose: o.purpose,
        createdAt: o.createdAt,
        expiresAt: o.expiresAt,
        kioskId: o.kioskId,
      })
      for (const id of o.bookingIds) insertLine.run(orderNo, id)
      return complete(byNo.get(orderNo)) as Order
    },
    close: (orderNo, at) => {
      close.run(at, orderNo)
    },
    recordPayment(orderNo, amountCents, at, refundReason) {
      // The primary key of payments refuses a second payment of the same order (P4).
      insertPayment.run({ orderNo, amountCents, at, applied: refundReason === null ? 1 : 0, refundReason })
      settle.run({ orderNo, status: refundReason === null ? 'paid' : 'refund_required', at, refundReason })
    },
    closeLapsed: (now) => closeLapsed.run(now).changes,
  }
}
