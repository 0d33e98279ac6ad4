import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSweepTimer } from '../../../src-central/expiry-sweep'
import { startCentralServer } from '../../../src-central/server'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { at, book, bookingsOf, chooseReport, confirm, HOUR, key, LAN, order, pay, seatsLeft } from './booking-harness'

const DAY = 24 * HOUR

describe('central expiry sweep (B4, B6)', () => {
  let h: Harness | undefined
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'central-sweep-'))
  })
  afterEach(async () => {
    await h?.central.close()
    h = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('B4: one millisecond before 24 h the booking holds its seat; at exactly 24 h it is gone and the seat returns', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    at(h, DAY - 1)
    expect((await bookingsOf(h, LAN)).bookings.map((x) => x.id)).toEqual([b.id])
    expect(await seatsLeft(h, '120010-1')).toBe(299)
    at(h, 1)
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expect(await seatsLeft(h, '120010-1')).toBe(300)
    // Cancelling it now says it is gone.
    expectError(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 409, 'BOOKING_GONE')
  })

  it('B4: sweepExpired() expires with the injected clock and reports what it did; a paid booking stays', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, written.id)
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const six = await book(h, LAN, '120010-2')
    expect(h.central.sweepExpired().expiredBookingIds).toEqual([])
    at(h, 3 * DAY)
    expect(h.central.sweepExpired()).toMatchObject({ expiredBookingIds: [six.id], closedOrders: 0, deletedRegistrations: [] })
    expect(h.central.sweepExpired().expiredBookingIds).toEqual([])
    expect((await bookingsOf(h, LAN)).bookings.map((x) => [x.subjectCode, x.status])).toEqual([['1', 'paid']])
  })

  it('B4: a booking that expired while the central was off is expired at start, ended at its expiry instant', async () => {
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    await h.central.close()
    h = undefined
    const later = new Date(T0.getTime() + 3 * DAY)
    const restarted = await startCentralServer({ dbPath: path, now: () => later })
    try {
      const side = new Database(path, { readonly: true })
      const row = side.prepare(`SELECT status, ended_at AS endedAt FROM bookings WHERE id = ?`).get(b.id)
      const seats = side.prepare(`SELECT seats_left FROM offerings WHERE id = '120010-1'`).pluck().get()
      side.close()
      expect(row).toEqual({ status: 'expired', endedAt: new Date(T0.getTime() + DAY).toISOString() })
      expect(seats).toBe(300)
    } finally {
      await restarted.close()
    }
  })

  it('B6: a confirmed registration that never books is deleted 24 h after confirmation, not a millisecond earlier', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    at(h, DAY - 1)
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
    at(h, 1)
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
  })

  it('B6: the grace restarts when its last booking goes; a booking holds it', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    at(h, 2 * HOUR)
    await book(h, LAN, '120010-1')
    at(h, 23 * HOUR) // T0 + 25 h: past the confirmation grace, but the booking holds it
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
    // The booking expired at T0 + 26 h; the registration is due at T0 + 50 h.
    at(h, 25 * HOUR - 1) // T0 + 50 h − 1 ms
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
    at(h, 1)
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
  })

  it('B6: a registration with a paid booking is never deleted by the system', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, written.id)
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    at(h, 30 * DAY)
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
  })

  it('B6: a registration held by a booking made on another path keeps its registration past the deadline', async () => {
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    await confirm(h, LAN)
    const side = new Database(path)
    side
      .prepare(
        `INSERT INTO bookings (id, candidate_id, offering_id, subject_code, fee_fen, status, created_at, expires_at, paid_at,
           booked_via, collective_locked, booked_by_kiosk)
         VALUES ('BCOLL', ?, '120010-1', '1', 10, 'paid', ?, ?, ?, 'collective', 1, 'school')`,
      )
      .run(LAN, T0.toISOString(), new Date(T0.getTime() + DAY).toISOString(), T0.toISOString())
    side.close()
    at(h, 2 * DAY)
    expect(h.central.sweepExpired()).toMatchObject({ expiredBookingIds: [], closedOrders: 0, deletedRegistrations: [] })
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
    expect((await bookingsOf(h, LAN)).bookings).toEqual([expect.objectContaining({ id: 'BCOLL', bookedVia: 'collective', collectiveLocked: true })])
  })

  it('B6: the grace period is configurable', async () => {
    h = await startHarness({ registrationGraceMs: HOUR })
    await confirm(h, LAN)
    at(h, HOUR)
    expect(h.central.sweepExpired().deletedRegistrations).toEqual([LAN])
  })
})

describe('sweep timer (K5 on the central)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('B4: runs the sweep every interval with the injected clock, and not after dispose', () => {
    vi.useFakeTimers()
    const instants: Date[] = []
    let t = 0
    const timer = startSweepTimer(
      (now) => {
        instants.push(now)
        return { expiredBookingIds: [], closedOrders: 0, deletedRegistrations: [], promotedEntryIds: [], closedWaitlistEntries: 0, expiredAllotmentIds: [] }
      },
      () => new Date(++t),
      30_000,
    )
    vi.advanceTimersByTime(90_000)
    expect(instants.map((d) => d.getTime())).toEqual([1, 2, 3])
    timer.dispose()
    vi.advanceTimersByTime(90_000)
    expect(instants).toHaveLength(3)
  })

  it('a failing sweep is logged and the timer keeps going', () => {
    vi.useFakeTimers()
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let calls = 0
    const timer = startSweepTimer(
      () => {
        calls += 1
        throw new Error('disk full')
      },
      () => new Date(0),
      1_000,
    )
    vi.advanceTimersByTime(2_000)
    timer.dispose()
    expect(calls).toBe(2)
    expect(error).toHaveBeenCalledTimes(2)
    error.mockRestore()
  })
})
