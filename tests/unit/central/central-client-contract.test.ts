import { afterEach, describe, expect, it } from 'vitest'
import { createCentralClient, type CentralClient } from '../../../src-main/central/central-client'
import { createFetchTransport } from '../../../src-main/central/central-transport'
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import { LAN } from './booking-harness'
import { startHarness, type Harness } from './central-harness'

/** The kiosk's own central client (what the sync engine uses) against the real reference central over 127.0.0.1. */
describe('kiosk central client against the reference central (contract test)', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  function client(token: string): CentralClient {
    return createCentralClient({ transport: createFetchTransport(h.central.url), deviceToken: token, clock: () => h.clock.now })
  }

  function value<T>(result: { ok: true; value: T } | { ok: false; failure: unknown }): T {
    if (!result.ok) throw new Error(`central call failed: ${JSON.stringify(result.failure)}`)
    return result.value
  }

  it('S3/S4: catalog cursor, allotment request, booking fromAllotment, feed and return round-trip through the client', async () => {
    h = await startHarness()
    const kiosk = client(h.bothToken)
    const cursor = value(await kiosk.getCatalog()).feedCursor
    value(await kiosk.confirmRegistration({ candidateId: LAN, agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: h.clock.now.toISOString() }, 'c-1'))

    const granted = value(await kiosk.requestAllotment({ offeringId: '120010-1', seats: 3 }, 'a-1'))
    expect(granted.allotment).toMatchObject({ offeringId: '120010-1', held: 3, used: 0, status: 'active' })
    expect(value(await kiosk.listAllotments()).allotments).toEqual([granted.allotment])

    const booked = value(await kiosk.createBookings({ candidateId: LAN, offeringIds: ['120010-1'], fromAllotment: true }, 'b-1'))
    expect(booked.allotments).toEqual([expect.objectContaining({ id: granted.allotment.id, held: 2, used: 1 })])
    // S2: the retry of the same key is the same answer, not a second seat.
    expect(value(await kiosk.createBookings({ candidateId: LAN, offeringIds: ['120010-1'], fromAllotment: true }, 'b-1'))).toEqual(booked)

    const page = value(await kiosk.listChanges(cursor, 100))
    expect(page.hasMore).toBe(false)
    expect(page.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['registration', 'allotment', 'seats', 'booking']))
    expect(value(await kiosk.listChanges(page.nextAfter)).changes).toEqual([])
    expect(value(await kiosk.listChanges(null, 1)).hasMore).toBe(true)

    const back = value(await kiosk.returnAllotment(granted.allotment.id, 'r-1'))
    expect(back.allotment).toMatchObject({ status: 'returned', held: 0, used: 1 })
    expect(back.seats).toEqual([{ offeringId: '120010-1', seatsLeft: 299 }])
    expect(value(await kiosk.listAllotments()).allotments).toEqual([])
  })

  it('S4/S6: the central refusing an allotment reaches the client as a final failure with its code and message', async () => {
    h = await startHarness()
    const other = client(h.nankaiToken)
    const granted = value(await client(h.bothToken).requestAllotment({ offeringId: '120010-1', seats: 1 }, 'a-1'))
    expect(await other.returnAllotment(granted.allotment.id, 'r-1')).toEqual({
      ok: false,
      failure: { kind: 'final', status: 404, code: 'NOT_FOUND', message: '没有找到本机的这份预留名额。' },
    })
    expect(await other.requestAllotment({ offeringId: '120010-1', seats: 21 }, 'a-2')).toMatchObject({
      ok: false,
      failure: { kind: 'final', status: 0, code: 'BAD_REQUEST' },
    })
  })
})
