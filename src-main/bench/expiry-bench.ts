/**
 * B4 at scale: the scheduler's expiry job (runBookingExpiry, with its B6 clean-up) over N unpaid
 * bookings made 24 hours and a minute ago, one per candidate, each candidate registered, with the
 * link down (the central is asked first when it answers; offline the kiosk expires on its own).
 * Timed whole, with main's worst event-loop delay while it runs (monitorEventLoopDelay).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { BOOKING_TTL_MS } from '../../src-shared/domain/booking-rules'
import { rosterUpsertSql } from '../import/roster-import-run'
import { runBookingExpiry } from '../services/booking/booking-expiry'
import { toRosterRow } from '../store/roster-repository'
import { benchContext, deadTransport } from './bench-kiosk'
import { BENCH_EXAM_SESSION_ID, BENCH_OFFERING_ID, seedBenchCatalog } from './bench-catalog'
import type { BenchStore } from './bench-store'
import { syntheticCandidate } from './synthetic-roster'

export interface ExpiryFigures {
  readonly bookings: number
  readonly expired: number
  readonly seconds: number
  /** CPU time of the process over the same span (what a loaded machine skews less than wall time). */
  readonly cpuSeconds: number
  readonly worstLoopDelayMs: number
}

export interface RawExpiryFigures {
  readonly seconds: number
  readonly cpuSeconds: number
}

const cpuSecondsSince = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

/**
 * The floor on an identically seeded store: one raw transaction of two prepared statements, the
 * audit rows inserted from the due bookings and the bookings updated; no rules, no chunks.
 */
export function rawExpiry(bench: BenchStore, count: number): RawExpiryFigures {
  const now = new Date()
  seedUnpaidBookings(bench, count, now)
  const db = bench.store.sqlite
  const at = now.toISOString()
  const audit = db.prepare(
    `insert into audit_log (at, operator_id, candidate_id, action, outcome, detail)
     select ?, null, candidate_id, 'booking.expire', 'ok', booking_id from bookings where status = 'unpaid' and expires_at <= ?`,
  )
  const expire = db.prepare(`update bookings set status = 'expired', ended_at = ?, updated_at = ? where status = 'unpaid' and expires_at <= ?`)
  const [t0, c0] = [performance.now(), process.cpuUsage()]
  const changed = db.transaction(() => {
    audit.run(at, at)
    return expire.run(at, at, at).changes
  })()
  const seconds = (performance.now() - t0) / 1000
  const cpuSeconds = cpuSecondsSince(c0)
  if (changed !== count) throw new Error(`bench: raw expiry changed ${changed} of ${count}`)
  return { seconds, cpuSeconds }
}

/** Written raw (a setup, not what is measured): roster rows, registrations, unpaid bookings. */
export function seedUnpaidBookings(bench: BenchStore, count: number, now: Date): void {
  seedBenchCatalog(bench, count, now)
  const db = bench.store.sqlite
  const roster = db.prepare(rosterUpsertSql())
  const registration = db.prepare(
    `insert into registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at)
     values (?, ?, 'bench', ?, ?)`,
  )
  const booking = db.prepare(
    `insert into bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code, fee_cents,
       status, booked_via, arrangement, created_at, expires_at, updated_at)
     values (?, ?, ?, '1', 'written', '12001', '120010', 10, 'unpaid', 'candidate', 'unarranged', ?, ?, ?)`,
  )
  const created = new Date(now.getTime() - BOOKING_TTL_MS - 60_000).toISOString()
  const expires = new Date(now.getTime() - 60_000).toISOString()
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const c = syntheticCandidate(i)
      roster.run(toRosterRow(bench.protector, c))
      registration.run(c.candidateId, BENCH_EXAM_SESSION_ID, created, created)
      booking.run(`BX${String(i).padStart(10, '0')}`, c.candidateId, BENCH_OFFERING_ID, created, expires, created)
    }
  })()
}

export async function benchExpiry(bench: BenchStore, count: number): Promise<ExpiryFigures> {
  seedUnpaidBookings(bench, count, new Date())
  const ctx = benchContext(bench, deadTransport, 'bench-token')
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const [t0, c0] = [performance.now(), process.cpuUsage()]
  const report = await runBookingExpiry(ctx)
  const seconds = (performance.now() - t0) / 1000
  const cpuSeconds = cpuSecondsSince(c0)
  // A loop held by the sweep is recorded when the monitor's timer finally runs.
  await new Promise<void>((resolve) => setTimeout(resolve, 20))
  delay.disable()
  if (report.expiredBookings !== count) throw new Error(`bench: ${report.expiredBookings} of ${count} bookings expired`)
  return { bookings: count, expired: report.expiredBookings, seconds, cpuSeconds, worstLoopDelayMs: delay.max / 1e6 }
}
