/**
 * Booking commit locally: the kiosk's write path for a booking (S1, S4), recordChange as the desk
 * runs it: the provisional booking, its outbox entry and its audit row in ONE transaction (WAL,
 * synchronous=FULL), one booking after another. Baseline: a raw better-sqlite3 prepared insert
 * of the same three rows in one transaction per booking, on an identical store.
 */
import { randomUUID } from 'node:crypto'
import type { Booking } from '../../src-shared/schemas'
import { provisionalBooking } from '../services/booking/booking-actions'
import { createOperator } from '../services/operator-accounts'
import { recordChange } from '../services/sync/desk-change'
import { insertProvisionalBookings } from '../store/booking-repository'
import { benchContext, deadTransport } from './bench-kiosk'
import { BENCH_OFFERING, seedBenchCatalog } from './bench-catalog'
import type { BenchStore } from './bench-store'
import { perSecond } from './bench-stats'

export interface LocalCommitFigures {
  readonly bookings: number
  readonly bookingsPerSecond: number
  readonly rawBookingsPerSecond: number
}

function provisional(i: number, at: Date): Booking {
  return provisionalBooking(BENCH_OFFERING, `B${String(i).padStart(8, '0')}`, at)
}

/** `kiosk` and `floor` are fresh bench stores. */
export async function benchLocalCommit(kiosk: BenchStore, floor: BenchStore, count: number): Promise<LocalCommitFigures> {
  const now = new Date()
  seedBenchCatalog(kiosk, count, now)
  const ctx = benchContext(kiosk, deadTransport, 'bench-token')
  const account = { username: 'bench', password: 'bench-password-1', displayName: '基准操作员', role: 'operator' } as const
  const operatorId = await createOperator(kiosk.store.db, ctx.clock, account, { scryptCost: { N: 1024, r: 8, p: 1 } })
  const operator = { id: operatorId, username: account.username, displayName: account.displayName, role: account.role }
  let t0 = performance.now()
  for (let i = 0; i < count; i++) {
    const booking = provisional(i, ctx.clock())
    await recordChange(ctx, {
      payload: { action: 'booking.create', candidateId: booking.candidateId, offeringIds: [booking.offeringId], localBookingIds: [booking.id] },
      summary: '报考 英语四级笔试（南开大学）',
      operator,
      auditAction: 'booking.create',
      writeLocal: (trx, at) => insertProvisionalBookings(trx, [booking], at),
    })
  }
  const bookingsPerSecond = perSecond(count, performance.now() - t0)

  seedBenchCatalog(floor, count, now)
  const db = floor.store.sqlite
  const insertBooking = db.prepare(
    `insert into bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code, fee_cents, status,
       booked_via, arrangement, created_at, expires_at, updated_at, sync_state)
     values (?, ?, ?, '1', 'written', '12001', '120010', 10, 'unpaid', 'candidate', 'unarranged', ?, ?, ?, 'pending')`,
  )
  const insertOutbox = db.prepare(
    `insert into outbox (candidate_id, action, idempotency_key, payload, summary, operator_id, created_at, next_attempt_at)
     values (?, 'booking.create', ?, ?, ?, null, ?, ?)`,
  )
  const insertAudit = db.prepare(
    `insert into audit_log (at, operator_id, candidate_id, action, outcome, detail) values (?, null, ?, 'booking.create', 'ok', ?)`,
  )
  const commit = db.transaction((b: Booking, at: string) => {
    insertBooking.run(b.id, b.candidateId, b.offeringId, b.createdAt, b.expiresAt, at)
    const payload = JSON.stringify({ action: 'booking.create', candidateId: b.candidateId, offeringIds: [b.offeringId], localBookingIds: [b.id] })
    const id = insertOutbox.run(b.candidateId, `booking.create:${randomUUID()}`, payload, '报考 英语四级笔试（南开大学）', at, at).lastInsertRowid
    insertAudit.run(at, b.candidateId, `outbox #${id}`)
  })
  t0 = performance.now()
  for (let i = 0; i < count; i++) {
    const at = new Date()
    commit(provisional(i, at), at.toISOString())
  }
  const rawBookingsPerSecond = perSecond(count, performance.now() - t0)
  return { bookings: count, bookingsPerSecond, rawBookingsPerSecond }
}
