/**
 * B4 at scale (issue #8): the sweep works through more due bookings than one chunk holds and
 * still does exactly what the rule says for each one: expired, its seat back (never above the
 * capacity), one audit row; a paid booking, one not yet due and one the rule does not call
 * expired stay as they are.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { benchContext, deadTransport } from '../../../../src-main/bench/bench-kiosk'
import { BENCH_OFFERING_ID } from '../../../../src-main/bench/bench-catalog'
import { openBenchStore, type BenchStore } from '../../../../src-main/bench/bench-store'
import { seedUnpaidBookings } from '../../../../src-main/bench/expiry-bench'
import { runBookingExpiry } from '../../../../src-main/services/booking/booking-expiry'
import { listRegistrationsHoldingNothing, upsertBookings, type RegistrationPage } from '../../../../src-main/store/booking-repository'

const DUE = 4_500
const HOUR = 3_600_000

describe('B4: the expiry sweep over thousands of due bookings', () => {
  let dir: string
  let bench: BenchStore
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-sweep-'))
    bench = await openBenchStore(dir, 'kiosk.sqlite')
  })
  afterEach(async () => {
    await bench.store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  function addBooking(id: string, candidateIndex: number, status: string, createdAt: Date, expiresAt: Date): void {
    bench.store.sqlite
      .prepare(
        `insert into bookings (booking_id, candidate_id, offering_id, subject_code, kind, school_code, campus_code, fee_cents,
           status, booked_via, arrangement, created_at, expires_at, updated_at)
         values (?, ?, ?, '1', 'written', '12001', '120010', 10, ?, 'candidate', 'unarranged', ?, ?, ?)`,
      )
      .run(id, `B${String(candidateIndex).padStart(8, '0')}`, BENCH_OFFERING_ID, status, createdAt.toISOString(), expiresAt.toISOString(), createdAt.toISOString())
  }

  it('B4: every due one is expired with its seat back and one audit row; the others are untouched', async () => {
    const now = new Date()
    seedUnpaidBookings(bench, DUE, now) // capacity DUE, 0 seats left
    addBooking('PAID-1', 0, 'paid', new Date(now.getTime() - 30 * HOUR), new Date(now.getTime() - 6 * HOUR))
    addBooking('FRESH-1', 1, 'unpaid', new Date(now.getTime() - HOUR), new Date(now.getTime() + 23 * HOUR))
    // Its stored expiry has passed but it is not 24 hours old: the rule (createdAt + 24 h) decides.
    addBooking('ODD-1', 2, 'unpaid', new Date(now.getTime() - HOUR), new Date(now.getTime() - 60_000))

    const report = await runBookingExpiry(benchContext(bench, deadTransport, 'token'))

    expect(report.expiredBookings).toBe(DUE)
    const db = bench.store.sqlite
    const byStatus = Object.fromEntries(
      (db.prepare('select status, count(*) as n from bookings group by status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    )
    expect(byStatus).toEqual({ expired: DUE, paid: 1, unpaid: 2 })
    expect(db.prepare(`select status from bookings where booking_id in ('PAID-1', 'FRESH-1', 'ODD-1') order by booking_id`).pluck().all()).toEqual([
      'unpaid',
      'unpaid',
      'paid',
    ])
    const audits = db.prepare(`select candidate_id, detail from audit_log where action = 'booking.expire' and outcome = 'ok' order by id`).all() as {
      candidate_id: string
      detail: string
    }[]
    expect(audits).toHaveLength(DUE)
    expect(new Set(audits.map((a) => a.candidate_id)).size).toBe(DUE)
    expect(audits[0]!.detail).toMatch(/^BX0000000000: unpaid 24 h \(created /)
    // Seats back, capped at the capacity (DUE seats, 0 left before).
    expect(db.prepare('select seats_left, capacity from offerings where id = ?').get(BENCH_OFFERING_ID)).toEqual({ seats_left: DUE, capacity: DUE })
    expect(await runBookingExpiry(benchContext(bench, deadTransport, 'token'))).toEqual({ expiredBookings: 0, deletedRegistrations: 0 })
  })

  it('B4: a booking the central wrote with a +08:00 offset expires at its instant, not by its text', async () => {
    const now = new Date()
    seedUnpaidBookings(bench, 1, now)
    const beijing = (t: Date) => new Date(t.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00')
    const central = (id: string, created: Date) => ({
      id,
      candidateId: 'B00000000',
      offeringId: BENCH_OFFERING_ID,
      subjectCode: '1' as const,
      schoolCode: '12001',
      campusCode: '120010',
      feeCents: 10,
      status: 'unpaid' as const,
      createdAt: beijing(created),
      expiresAt: beijing(new Date(created.getTime() + 24 * HOUR)),
      paidAt: null,
      endedAt: null,
      scoreReport: null,
      arrangement: 'unarranged' as const,
      bookedVia: 'candidate' as const,
      collectiveLocked: false,
      orderNo: null,
    })
    // As text, "…+08:00" sorts after the UTC cut-off although the instant is a day and a minute old.
    await upsertBookings(bench.store.db, [central('OLD-CN', new Date(now.getTime() - 24 * HOUR - 60_000)), central('NEW-CN', new Date(now.getTime() - HOUR))], now)

    const report = await runBookingExpiry(benchContext(bench, deadTransport, 'token'))

    expect(report.expiredBookings).toBe(2) // the seeded one and OLD-CN
    const status = bench.store.sqlite.prepare(`select booking_id, status from bookings where booking_id like '%-CN' order by booking_id`).all()
    expect(status).toEqual([
      { booking_id: 'NEW-CN', status: 'unpaid' },
      { booking_id: 'OLD-CN', status: 'expired' },
    ])
  })

  it('B6: registrations are looked at a page at a time; every page together lists each one holding nothing once', async () => {
    const now = new Date()
    seedUnpaidBookings(bench, 5, now)
    const longAgo = new Date(now.getTime() - 48 * HOUR).toISOString()
    // Four candidates' bookings went two days ago; the third candidate's booking is still unpaid.
    bench.store.sqlite.prepare(`update bookings set status = 'expired', ended_at = ? where booking_id <> 'BX0000000002'`).run(longAgo)
    const quietSince = new Date(now.getTime() - 24 * HOUR).toISOString()

    const pages: string[][] = []
    let after: string | null = null
    do {
      const page: RegistrationPage = await listRegistrationsHoldingNothing(bench.store.db, quietSince, { after, limit: 2 })
      pages.push(page.holdings.map((h) => h.candidateId))
      after = page.next
    } while (after !== null)

    const ids = bench.store.sqlite.prepare('select candidate_id from registrations order by candidate_id').pluck().all() as string[]
    expect(pages).toEqual([[ids[0], ids[1]], [ids[3]], [ids[4]]])
  })
})
