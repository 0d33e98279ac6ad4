import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepAllotments } from '../../../../src-main/services/sync/allotment-keeper'
import { drainOutbox } from '../../../../src-main/services/sync/outbox-courier'
import type { DeskStatus, RegistrationInfo } from '../../../../src-shared/ipc/contract'
import { confirmedVisit, createBookingWorld, info, LAN, OFFERING, value, type BookingWorld } from '../booking/booking-harness'
import { createLink, sqlAll, type Link } from './sync-harness'

const CHEN = { idType: '香港身份证', idNumber: 'A123456(3)', name: '陈嘉欣' } as const

describe('S4: offline, bookings against this kiosk\'s allotment, delivered once when the link returns', () => {
  let world: BookingWorld
  let link: Link
  beforeEach(async () => {
    world = await createBookingWorld()
    link = createLink()
  })
  afterEach(() => world.close())

  it('S4 S2 S5: books offline within the allotment (待同步), never beyond it, and delivers each once on reconnect', async () => {
    const kiosk = await world.kiosk('k-offline', (base) => link.wrap(base))
    const lan = await confirmedVisit(kiosk, LAN)
    await keepAllotments(kiosk.ctx, 1)
    const held = sqlAll(kiosk, `SELECT held FROM allotments WHERE offering_id = ? AND status = 'active'`, OFFERING.en4At120010)
    expect(held).toEqual([{ held: 1 }])

    link.up = false
    expect((await kiosk.central.getCatalog()).ok).toBe(false) // the probe finds the link down
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId: lan, offeringIds: [OFFERING.en4At120010] }))
    expect(booked.bookings.written).toMatchObject([{ subject: { name: '英语四级笔试' }, pendingSync: true, paymentStatus: 'unpaid' }])
    expect(booked.bookings.written[0]!.bookingId).toMatch(/^local-/)
    expect(booked.pendingChanges).toMatchObject([{ action: 'booking.create', summary: expect.stringContaining('报考 英语四级笔试') }])
    // S4: payment needs the link and says so.
    expect(await kiosk.dispatch('startPayment', { visitId: lan, kind: 'written' })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE_UNAVAILABLE', message: expect.stringContaining('离线状态下无法缴费') },
    })
    // S4: the 报名信息 page and the score-report choice work offline.
    expect((await info(kiosk, lan)).bookings.written).toHaveLength(1)
    value(await kiosk.dispatch('saveScoreReportChoices', {
      visitId: lan,
      choices: [{ bookingId: booked.bookings.written[0]!.bookingId, choice: 'electronic' }],
      confirmed: true,
    }))
    value(await kiosk.dispatch('endVisit', { visitId: lan }))

    // The allotment's one seat is taken: the next candidate is refused, nothing is written.
    const visit = value<{ visitId: string }>(await kiosk.dispatch('acceptAgreement', { version: (await import('../../../../src-shared/domain/agreement')).AGREEMENT_VERSION, accepted: true })).visitId
    value(await kiosk.dispatch('lookupEligibility', { visitId: visit, ...CHEN }))
    value(await kiosk.dispatch('confirmRegistration', { visitId: visit, phoneConfirmed: true, recordConfirmed: true }))
    expect(await kiosk.dispatch('bookOfferings', { visitId: visit, offeringIds: [OFFERING.en4At120010] })).toMatchObject({
      ok: false,
      error: { code: 'NO_OFFLINE_SEATS' },
    })
    const status = value<DeskStatus>(await kiosk.dispatch('getDeskStatus', {}))
    expect(status.link).toMatchObject({ state: 'offline', pendingChanges: 3, syncIssues: 0 })

    // Back online: the queue drains, in order per candidate, with retries using the stored keys.
    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })
    const after = value<DeskStatus>(await kiosk.dispatch('getDeskStatus', {}))
    expect(after.link).toMatchObject({ state: 'online', pendingChanges: 0, syncIssues: 0 })
    const central = world.centralRows(`SELECT candidate_id, score_report FROM bookings WHERE offering_id = ? AND status = 'unpaid'`, OFFERING.en4At120010)
    expect(central).toEqual([{ candidate_id: expect.any(String), score_report: 'electronic' }])
    const local = sqlAll(kiosk, `SELECT booking_id AS id, sync_state AS sync, score_report AS score FROM bookings`)
    expect(local).toEqual([{ id: expect.not.stringMatching(/^local-/), sync: 'synced', score: 'electronic' }])
    // S2: each change reached the central under one key, however often it was sent.
    const keys = link.sent.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/bookings')).map((r) => r.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(2)
  })
})
