import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepAllotments } from '../../../../src-main/services/sync/allotment-keeper'
import { pullChangeFeed } from '../../../../src-main/services/sync/change-feed'
import { confirmedVisit, createBookingWorld, info, OFFERING, value, WANG, type BookingWorld } from '../booking/booking-harness'
import type { TestKiosk } from '../support/test-kiosk'
import { sqlAll, sqlGet } from './sync-harness'

function snapshot(kiosk: TestKiosk): unknown {
  return {
    offerings: sqlAll(kiosk, 'SELECT id, seats_left, capacity FROM offerings ORDER BY id'),
    bookings: sqlAll(kiosk, 'SELECT booking_id, candidate_id, offering_id, status, score_report, sync_state FROM bookings ORDER BY booking_id'),
    registrations: sqlAll(kiosk, 'SELECT candidate_id, confirmed_at FROM registrations ORDER BY candidate_id'),
    allotments: sqlAll(kiosk, 'SELECT id, offering_id, held, used, status FROM allotments ORDER BY id'),
  }
}

describe('S3: the change feed, pulled by cursor and applied idempotently', () => {
  let world: BookingWorld
  beforeEach(async () => {
    world = await createBookingWorld()
  })
  afterEach(() => world.close())

  it('S3 S5: learns seats, bookings and registrations made elsewhere; applying the same pages twice changes nothing', async () => {
    const kiosk = await world.kiosk('k-feed')
    const startCursor = sqlGet<{ value: string }>(kiosk, `SELECT value FROM meta WHERE key = 'feed_cursor'`).value
    const before = sqlGet<{ seats: number }>(kiosk, 'SELECT seats_left AS seats FROM offerings WHERE id = ?', OFFERING.en4At120010).seats

    // Another kiosk registers and books a candidate; this kiosk also holds an allotment.
    const other = await world.kiosk('k-elsewhere')
    const visitId = await confirmedVisit(other, WANG)
    value(await other.dispatch('bookOfferings', { visitId, offeringIds: ['120011-1'] }))
    await keepAllotments(kiosk.ctx, 1)

    world.clock.advance(1000)
    const pulled = await pullChangeFeed(kiosk.ctx)
    expect(pulled).toMatchObject({ ok: true, value: { complete: true } })
    expect(sqlAll(kiosk, 'SELECT candidate_id, offering_id, status FROM bookings')).toEqual([
      { candidate_id: expect.any(String), offering_id: '120011-1', status: 'unpaid' },
    ])
    expect(sqlAll(kiosk, 'SELECT count(*) AS n FROM registrations')).toEqual([{ n: 1 }])
    // Its own allotment seats are out of the public count, and back in what the kiosk offers (S4).
    expect(sqlGet<{ seats: number }>(kiosk, 'SELECT seats_left AS seats FROM offerings WHERE id = ?', OFFERING.en4At120010).seats).toBe(before - 1)
    expect(sqlAll(kiosk, `SELECT offering_id, held FROM allotments WHERE offering_id = ?`, OFFERING.en4At120010)).toEqual([
      { offering_id: OFFERING.en4At120010, held: 1 },
    ])
    expect(sqlGet<{ value: string }>(kiosk, `SELECT value FROM meta WHERE key = 'last_sync_at'`).value).toBe(world.clock().toISOString())

    const once = snapshot(kiosk)
    kiosk.store.sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'feed_cursor'`).run(startCursor)
    expect((await pullChangeFeed(kiosk.ctx)).ok).toBe(true)
    expect(snapshot(kiosk)).toEqual(once)
  })

  it('S3: a cursor the central cannot go on from (a recreated central, or older than its retention) restarts the feed from a snapshot, audited', async () => {
    const kiosk = await world.kiosk('k-reset')
    const visitId = await confirmedVisit(kiosk, WANG)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: ['120011-1'] }))
    const [bookingId] = sqlAll(kiosk, `SELECT booking_id FROM bookings`).map((r) => (r as { booking_id: string }).booking_id)

    // While this kiosk is away, another cancels the booking and seats change; this kiosk's
    // cursor is one the central does not know (as after the central's database was recreated).
    const other = await world.kiosk('k-other')
    const otherVisit = await confirmedVisit(other, WANG)
    await info(other, otherVisit) // the visit's first read asks the central for the candidate's bookings
    value(await other.dispatch('cancelBooking', { visitId: otherVisit, bookingId: bookingId! }))
    world.setSeatsLeft(OFFERING.en4At120010, 7)
    kiosk.store.sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'feed_cursor'`).run('0123456789abcdef.3')

    world.clock.advance(1000)
    expect(await pullChangeFeed(kiosk.ctx)).toMatchObject({ ok: true })

    const catalog = await kiosk.ctx.central.getCatalog()
    if (!catalog.ok) throw new Error('the central answered no catalog')
    const catalogCursor = catalog.value.feedCursor
    expect(sqlGet<{ value: string }>(kiosk, `SELECT value FROM meta WHERE key = 'feed_cursor'`).value).toBe(catalogCursor)
    expect(sqlGet<{ seats: number }>(kiosk, 'SELECT seats_left AS seats FROM offerings WHERE id = ?', OFFERING.en4At120010).seats).toBe(7)
    expect(sqlAll(kiosk, 'SELECT booking_id, status FROM bookings')).toEqual([{ booking_id: bookingId, status: 'cancelled' }])
    expect(sqlAll(kiosk, `SELECT action, outcome FROM audit_log WHERE action = 'sync.feed-reset'`)).toEqual([{ action: 'sync.feed-reset', outcome: 'ok' }])

    // From there on the feed goes on as usual, and no second restart happens.
    world.setSeatsLeft(OFFERING.en4At120010, 5)
    expect(await pullChangeFeed(kiosk.ctx)).toMatchObject({ ok: true, value: { complete: true } })
    expect(sqlGet<{ seats: number }>(kiosk, 'SELECT seats_left AS seats FROM offerings WHERE id = ?', OFFERING.en4At120010).seats).toBe(5)
    expect(sqlAll(kiosk, `SELECT count(*) AS n FROM audit_log WHERE action = 'sync.feed-reset'`)).toEqual([{ n: 1 }])
  })
})
