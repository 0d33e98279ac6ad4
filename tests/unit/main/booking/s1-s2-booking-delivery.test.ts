import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CentralRequest, CentralTransport } from '../../../../src-main/central/central-transport'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import { confirmedVisit, createBookingWorld, OFFERING, value, type BookingWorld } from './booking-harness'

describe('S1/S2: bookings reach the central once, and only its yes counts', () => {
  let world: BookingWorld
  beforeEach(async () => {
    world = await createBookingWorld()
  })
  afterEach(() => world.close())

  it('S2 B1: the answer to a booking is lost; the retry reuses the persisted key and books once', async () => {
    const sent: CentralRequest[] = []
    let loseNextBookingAnswer = false
    const lossy = (base: CentralTransport): CentralTransport => async (request) => {
      const response = await base(request)
      if (request.path === '/v1/bookings') {
        sent.push(request)
        if (loseNextBookingAnswer) {
          loseNextBookingAnswer = false
          throw new TypeError('fetch failed') // delivered, but the answer never came back
        }
      }
      return response
    }
    const kiosk = await world.kiosk('lossy', lossy)
    const visitId = await confirmedVisit(kiosk)

    loseNextBookingAnswer = true
    const lost = await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] })
    expect(lost).toMatchObject({ ok: false, error: { code: 'SYNC_PENDING' } })
    // S1: not shown as done: no booking is stored; the change waits in the outbox (待同步).
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual({ n: 0 })
    expect(kiosk.store.sqlite.prepare(`SELECT action, state FROM outbox WHERE action = 'booking.create'`).all()).toEqual([
      { action: 'booking.create', state: 'pending' },
    ])

    const retried = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    expect(retried.bookings.written).toHaveLength(1)
    expect(sent).toHaveLength(2)
    expect(sent[0]!.headers['idempotency-key']).toBe(sent[1]!.headers['idempotency-key'])

    // A new change after the answer gets a new key (cancel, then book again: a second booking).
    value(await kiosk.dispatch('cancelBooking', { visitId, bookingId: retried.bookings.written[0]!.bookingId }))
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    expect(sent).toHaveLength(3)
    expect(sent[2]!.headers['idempotency-key']).not.toBe(sent[0]!.headers['idempotency-key'])
  })

  it('S1/S4: offline, a booking no allotment seat backs is refused (NO_OFFLINE_SEATS) and nothing is written', async () => {
    const kiosk = await world.kiosk('offline')
    const visitId = await confirmedVisit(kiosk)
    await world.central.close()
    // The link is found down (the feed probe's job in production).
    expect((await kiosk.central.getCatalog()).ok).toBe(false)
    expect(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] })).toEqual({
      ok: false,
      error: { code: 'NO_OFFLINE_SEATS', message: '当前与报名中心的连接已中断，本机没有该科目的预留名额，请在连接恢复后再报考。' },
    })
    const count = (table: string) => (kiosk.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('bookings')).toBe(0)
    expect(count(`outbox WHERE action = 'booking.create'`)).toBe(0)
  })
})
