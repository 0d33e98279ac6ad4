import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCentralClient } from '../../../../src-main/central/central-client'
import { createFetchTransport } from '../../../../src-main/central/central-transport'
import type { ServiceContext } from '../../../../src-main/services/service-context'
import { keepAllotments } from '../../../../src-main/services/sync/allotment-keeper'
import { backoffDelayMs } from '../../../../src-main/services/sync/backoff'
import { drainOutbox } from '../../../../src-main/services/sync/outbox-courier'
import { Desk } from '../../../../src-main/services/desk'
import type { DeskStatus, RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { SyncIssue } from '../../../../src-shared/ipc/sync-views'
import { confirmedVisit, createBookingWorld, LAN, OFFERING, value, type BookingWorld } from '../booking/booking-harness'
import type { TestKiosk } from '../support/test-kiosk'
import { createLink, type Link, losingFirstAnswer, sqlAll, sqlGet } from './sync-harness'

const EN4 = OFFERING.en4At120010

function bookingKeys(link: Link): string[] {
  return link.sent.filter((r) => r.method === 'POST' && r.path === '/v1/bookings').map((r) => r.headers['idempotency-key']!)
}

async function goOffline(kiosk: TestKiosk, link: Link): Promise<void> {
  link.up = false
  expect((await kiosk.central.getCatalog()).ok).toBe(false) // the feed probe's finding, in production
}

describe('S1/S2/S6: the outbox delivers each change once, in order, and never drops a refusal', () => {
  let world: BookingWorld
  let link: Link
  beforeEach(async () => {
    world = await createBookingWorld()
    link = createLink()
  })
  afterEach(() => world.close())

  it('S2: backoff is capped exponential with full jitter: a random wait in [0, min(cap, base·2^attempts)]', () => {
    expect(backoffDelayMs(1, { random: () => 0 })).toBe(0)
    expect(backoffDelayMs(1, { random: () => 0.999999 })).toBe(1999)
    expect(backoffDelayMs(3, { random: () => 0.5 })).toBe(4000)
    expect(backoffDelayMs(10, { random: () => 0.999999 })).toBe(59_999) // capped at 60 s
    expect(backoffDelayMs(500, { random: () => 0.5 })).toBe(30_000)
    for (let attempts = 1; attempts < 12; attempts++) {
      const wait = backoffDelayMs(attempts)
      expect(wait).toBeGreaterThanOrEqual(0)
      expect(wait).toBeLessThan(Math.min(60_000, 1000 * 2 ** attempts))
    }
  })

  it('S2 S5: a change that finds no answer stays pending, waits out its backoff, then is delivered once under its one key', async () => {
    const kiosk = await world.kiosk('k-retry', (base) => link.wrap(base))
    const visitId = await confirmedVisit(kiosk, LAN)
    await keepAllotments(kiosk.ctx, 1)
    await goOffline(kiosk, link)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4] }))

    const backoff = { random: () => 0.5 }
    await drainOutbox(kiosk.ctx, { backoff })
    const entry = () => sqlGet<{ state: string; attempts: number; next: string; error: string }>(
      kiosk,
      `SELECT state, attempts, next_attempt_at AS next, last_error AS error FROM outbox WHERE action = 'booking.create'`,
    )
    expect(entry()).toMatchObject({ state: 'pending', attempts: 1, error: '网络中断' })
    expect(Date.parse(entry().next) - kiosk.clock().getTime()).toBe(1000) // 0.5 × min(60 s, 1 s × 2¹)

    link.up = true
    await drainOutbox(kiosk.ctx, { backoff }) // still inside its backoff: not sent
    expect(bookingKeys(link)).toHaveLength(0)
    world.clock.advance(1000)
    await drainOutbox(kiosk.ctx, { backoff })
    expect(entry()).toMatchObject({ state: 'delivered', attempts: 2 })
    await drainOutbox(kiosk.ctx, { force: true })
    expect(bookingKeys(link)).toHaveLength(1)
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings WHERE offering_id = ?`, EN4)).toEqual([{ n: 1 }])
    const status = value<DeskStatus>(await kiosk.dispatch('getDeskStatus', {}))
    expect(status.link).toMatchObject({ pendingChanges: 0, syncIssues: 0 })
  })

  it('S6: a late refusal undoes the provisional booking, refuses what depended on it, and is listed until staff acknowledge it', async () => {
    const kiosk = await world.kiosk('k-refused', (base) => link.wrap(base))
    const visitId = await confirmedVisit(kiosk, LAN)
    await keepAllotments(kiosk.ctx, 1)
    await goOffline(kiosk, link)
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4] }))
    const localId = booked.bookings.written[0]!.bookingId
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: localId, choice: 'paper' }], confirmed: true }))

    // Meanwhile the candidate books the same subject at another kiosk (online).
    const other = await world.kiosk('k-other')
    const otherVisit = await confirmedVisit(other, LAN)
    value(await other.dispatch('bookOfferings', { visitId: otherVisit, offeringIds: [OFFERING.en4At120010] }))

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })
    // The central's answer stands: the kiosk shows the booking made elsewhere, not its own.
    const rows = sqlAll(kiosk, `SELECT booking_id AS id, sync_state AS sync, score_report AS score FROM bookings WHERE status = 'unpaid'`)
    expect(rows).toEqual([{ id: expect.not.stringMatching(/^local-/), sync: 'synced', score: null }])
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings WHERE offering_id = ? AND status = 'unpaid'`, EN4)).toEqual([{ n: 1 }])

    const issues = value<SyncIssue[]>(await kiosk.dispatch('listSyncIssues', {}))
    expect(issues).toMatchObject([
      { action: 'booking.score-report', candidateName: '蓝*天', code: 'DEPENDS_ON_REFUSED', reason: '该报考科目未被报名中心接受，此项变更随之取消。' },
      { action: 'booking.create', candidateName: '蓝*天', summary: expect.stringContaining('英语四级笔试'), acknowledgedAt: null },
    ])
    expect(issues[1]!.code).toMatch(/ALREADY_BOOKED|LEVEL_TAKEN/)
    expect(issues[1]!.reason).not.toBe('')
    expect(value<DeskStatus>(await kiosk.dispatch('getDeskStatus', {})).link).toMatchObject({ pendingChanges: 0, syncIssues: 2 })

    const acknowledged = value<SyncIssue>(await kiosk.dispatch('acknowledgeSyncIssue', { id: issues[1]!.id }))
    expect(acknowledged).toMatchObject({ acknowledgedBy: '张老师', acknowledgedAt: expect.any(String) })
    expect(value<DeskStatus>(await kiosk.dispatch('getDeskStatus', {})).link.syncIssues).toBe(1)
    expect(value<SyncIssue[]>(await kiosk.dispatch('listSyncIssues', {}))).toHaveLength(1)
    expect(value<SyncIssue[]>(await kiosk.dispatch('listSyncIssues', { includeAcknowledged: true }))).toHaveLength(2)
    expect(sqlAll(kiosk, `SELECT action, outcome FROM audit_log WHERE action = 'sync.acknowledge'`)).toEqual([
      { action: 'sync.acknowledge', outcome: 'ok' },
    ])
    expect(await kiosk.dispatch('acknowledgeSyncIssue', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('S1 S4: changes of one candidate reach the central in the order they were made (a cancel after its offline booking)', async () => {
    const kiosk = await world.kiosk('k-order', (base) => link.wrap(base))
    const visitId = await confirmedVisit(kiosk, LAN)
    await keepAllotments(kiosk.ctx, 1)
    await goOffline(kiosk, link)
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4] }))
    const cancelled = value<RegistrationInfo>(await kiosk.dispatch('cancelBooking', { visitId, bookingId: booked.bookings.written[0]!.bookingId }))
    expect(cancelled.bookings.written).toEqual([])
    expect(cancelled.pendingChanges.map((c) => c.action)).toEqual(['booking.create', 'booking.cancel'])

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })
    const paths = link.sent.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/bookings')).map((r) => r.path.replace(/\/v1\/bookings\/[^/]+\//, '/v1/bookings/:id/'))
    expect(paths).toEqual(['/v1/bookings', '/v1/bookings/:id/cancel'])
    expect(world.centralRows(`SELECT status FROM bookings WHERE offering_id = ?`, EN4)).toEqual([{ status: 'cancelled' }])
    expect(sqlAll(kiosk, `SELECT status, sync_state AS sync FROM bookings`)).toEqual([{ status: 'cancelled', sync: 'synced' }])
    expect(sqlAll(kiosk, `SELECT state FROM outbox WHERE action LIKE 'booking.%' ORDER BY id`)).toEqual([
      { state: 'delivered' },
      { state: 'delivered' },
    ])
  })

  it('S2: after a restart a change whose answer was lost is sent again under the same key; the central holds one booking', async () => {
    const lossy = losingFirstAnswer(link, '/v1/bookings')
    const kiosk = await world.kiosk('k-restart', lossy)
    const visitId = await confirmedVisit(kiosk, LAN)
    expect(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4] })).toMatchObject({ ok: false, error: { code: 'SYNC_PENDING' } })

    // The process restarts: a new central client and desk over the same store.
    const token = world.central.issueDeviceToken('k-restart', ['12001', '99301'])
    const restarted: ServiceContext = {
      ...kiosk.ctx,
      desk: new Desk(),
      central: createCentralClient({ transport: link.wrap(createFetchTransport(world.central.url)), deviceToken: token, clock: world.clock }),
    }
    await drainOutbox(restarted, { force: true })
    const keys = bookingKeys(link)
    expect(keys).toHaveLength(2)
    expect(new Set(keys).size).toBe(1)
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings WHERE offering_id = ?`, EN4)).toEqual([{ n: 1 }])
    expect(sqlAll(kiosk, `SELECT count(*) AS n FROM bookings WHERE status = 'unpaid'`)).toEqual([{ n: 1 }])
    expect(sqlAll(kiosk, `SELECT state FROM outbox WHERE action = 'booking.create'`)).toEqual([{ state: 'delivered' }])
  })
})
