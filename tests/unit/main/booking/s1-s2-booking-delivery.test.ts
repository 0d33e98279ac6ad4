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
    expect(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] })).toMatchObject({
      ok: false,
      error: { code: 'CENTRAL_UNAVAILABLE' },
    })
    // S1: not shown as done: the kiosk stored nothing.
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual({ n: 0 })

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

  it('S1: with the central unreachable a booking is refused with CENTRAL_UNAVAILABLE and nothing changes', async () => {
    const kiosk = await world.kiosk('offline')
    const visitId = await confirmedVisit(kiosk)
    await world.central.close()
    expect(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] })).toEqual({
      ok: false,
      error: { code: 'CENTRAL_UNAVAILABLE', message: '与报名中心的连接已中断，本次操作未完成，请稍后重试。' },
    })
    const rows = kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }
    expect(rows.n).toBe(0)
  })
})
