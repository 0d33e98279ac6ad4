import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { WrittenOfferingsPage } from '../../../../src-shared/ipc/booking-views'
import { createKioskServices, type KioskServices } from '../../../../src-main/app/kiosk-services'
import { runBookingExpiry } from '../../../../src-main/services/booking/booking-expiry'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { silentLogger } from '../../../../src-main/support/logger'
import { createTestClock } from '../support/test-clock'
import type { TestKiosk } from '../support/test-kiosk'
import { confirmedVisit, createBookingWorld, info, LAN, OFFERING, value, type BookingWorld } from './booking-harness'

const DAY = 24 * 60 * 60 * 1000

describe('B4/B6: the system deletes unpaid bookings after 24 hours (injected clock)', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('expiry')
    visitId = await confirmedVisit(kiosk)
  })
  afterEach(() => world.close())

  async function seatsLabel(): Promise<string | undefined> {
    const page = value<WrittenOfferingsPage>(await kiosk.dispatch('getWrittenOfferings', { visitId }))
    return page.groups[0]!.options.find((o) => o.offeringId === OFFERING.en6At120010)?.seatsLabel
  }

  it('B4: unpaid at 24 h minus 1 ms, deleted at exactly 24 h, with its seat back and an audit row', async () => {
    world.setSeatsLeft(OFFERING.en6At120010, 1)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en6At120010] }))
    expect(await seatsLabel()).toBe('无')

    world.clock.advance(DAY - 1)
    expect(await runBookingExpiry(kiosk.ctx)).toMatchObject({ expiredBookings: 0 })
    expect((await info(kiosk, visitId)).bookings.written).toHaveLength(1)

    world.clock.advance(1)
    expect(await runBookingExpiry(kiosk.ctx)).toMatchObject({ expiredBookings: 1 })
    const after = await info(kiosk, visitId)
    expect(after.bookings.written).toEqual([])
    expect(await seatsLabel()).toBe('有')
    const expiries = (await listAudit(kiosk.store.db)).filter((a) => a.action === 'booking.expire')
    expect(expiries).toHaveLength(1)
    expect(expiries[0]).toMatchObject({ operator_id: null, candidate_id: after.candidate.candidateId, outcome: 'ok' })
  })

  it('B4: expired locally even when the central cannot be reached (the rule is about time)', async () => {
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    await world.central.close()
    world.clock.advance(DAY)
    expect(await runBookingExpiry(kiosk.ctx)).toMatchObject({ expiredBookings: 1 })
    expect((await info(kiosk, visitId)).bookings.written).toEqual([])
  })

  it('B5: an unpaid booking is cancelled inside the window; its seat returns; audited', async () => {
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    const id = booked.bookings.written[0]!.bookingId
    expect(booked.bookings.written[0]!.cancel).toEqual({ allowed: true, reason: null })
    const cancelled = value<RegistrationInfo>(await kiosk.dispatch('cancelBooking', { visitId, bookingId: id }))
    expect(cancelled.bookings.written).toEqual([])
    expect(await kiosk.dispatch('cancelBooking', { visitId, bookingId: id })).toMatchObject({ ok: false, error: { code: 'BOOKING_GONE' } })
    expect((await listAudit(kiosk.store.db)).map((a) => `${a.action}:${a.outcome}`)).toContain('booking.cancel:ok')
  })

  it('B6: staff delete a registration with nothing paid; the candidate must confirm again', async () => {
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    value(await kiosk.dispatch('deleteRegistration', { visitId, confirmed: true }))
    expect(await kiosk.dispatch('getRegistrationInfo', { visitId })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
    expect((await listAudit(kiosk.store.db)).map((a) => `${a.action}:${a.outcome}`)).toContain('registration.delete:ok')
  })

  it('B6: a registration left with nothing is deleted by the system after the 24-hour grace', async () => {
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    value(await kiosk.dispatch('cancelBooking', { visitId, bookingId: booked.bookings.written[0]!.bookingId }))
    world.clock.advance(DAY - 1)
    expect(await runBookingExpiry(kiosk.ctx)).toMatchObject({ deletedRegistrations: 0 })
    world.clock.advance(1)
    expect(await runBookingExpiry(kiosk.ctx)).toMatchObject({ deletedRegistrations: 1 })
    expect(await kiosk.dispatch('getRegistrationInfo', { visitId })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
  })
})

describe('B4: a booking that expired while the kiosk was off is expired at start', () => {
  let dataDir: string
  const running: KioskServices[] = []
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-restart-'))
  })
  afterEach(async () => {
    for (const s of running.splice(0)) await s.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined }

  async function start(clock: () => Date): Promise<KioskServices> {
    const services = await createKioskServices(
      { dataDir, centralUrl: null, deviceToken: null, kioskId: 'restart', now: clock },
      { logger: silentLogger, timers: noTimers },
    )
    running.push(services)
    return services
  }

  function bookingStatuses(): string[] {
    const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true })
    const rows = db.prepare('SELECT status FROM bookings').all() as { status: string }[]
    db.close()
    return rows.map((r) => r.status)
  }

  it('B4 K5: the start-up run expires it before anyone asks', async () => {
    const clock = createTestClock(new Date().toISOString())
    const first = await start(clock)
    value(await first.dispatch('signIn', { username: 'demo', password: 'demo1234' }))
    const { visitId } = value<{ visitId: string }>(await first.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true }))
    value(await first.dispatch('lookupEligibility', { visitId, ...LAN }))
    value(await first.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }))
    value(await first.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    await first.dispose()
    running.splice(0)
    expect(bookingStatuses()).toEqual(['unpaid'])

    clock.advance(DAY + 60_000) // the kiosk was off for a day
    await start(clock)
    expect(bookingStatuses()).toEqual(['expired'])
  })
})
