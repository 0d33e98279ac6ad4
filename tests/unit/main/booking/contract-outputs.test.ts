import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { operations, type OperationName } from '../../../../src-shared/ipc/contract'
import type { OrderView } from '../../../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import { BOOKING_OPERATION_NAMES, confirmedVisit, createBookingWorld, OFFERING, type BookingWorld } from './booking-harness'

describe('IPC dispatch of the booking operations, called exactly as the renderer calls them', () => {
  let world: BookingWorld
  beforeEach(async () => {
    world = await createBookingWorld()
  })
  afterEach(() => world.close())

  it('every booking operation succeeds with an output that parses with its contract schema', async () => {
    const kiosk = await world.kiosk('contract')
    const visitId = await confirmedVisit(kiosk)
    const seen = new Set<OperationName>()
    async function call<T>(name: OperationName, input: unknown): Promise<T> {
      const result = await kiosk.dispatch(name, input)
      expect(result, name).toMatchObject({ ok: true })
      const value = (result as { value: unknown }).value
      expect(() => operations[name].output.parse(value), name).not.toThrow()
      seen.add(name)
      return value as T
    }
    await call('getWrittenOfferings', { visitId })
    await call('getOralOfferings', { visitId })
    const booked = await call<RegistrationInfo>('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010, OFFERING.en6At120010] })
    const [first, second] = booked.bookings.written
    await call('cancelBooking', { visitId, bookingId: second!.bookingId })
    await call('saveScoreReportChoices', { visitId, choices: [{ bookingId: first!.bookingId, choice: 'paper' }], confirmed: true })
    await call('getPaymentConfirmation', { visitId, kind: 'written' })
    const order = await call<OrderView>('startPayment', { visitId, kind: 'written' })
    await call('getPaymentStatus', { visitId, orderNo: order.orderNo })
    await call('deleteRegistration', { visitId, confirmed: true })
    expect([...seen].sort()).toEqual([...BOOKING_OPERATION_NAMES].sort())
  })

  it.each([
    ['bookOfferings', { offeringIds: [] }, 'offeringIds'],
    ['cancelBooking', { bookingId: '' }, 'bookingId'],
    ['saveScoreReportChoices', { choices: [{ bookingId: 'b1', choice: 'paper' }], confirmed: false }, 'confirmed'],
    ['saveScoreReportChoices', { choices: [{ bookingId: 'b1', choice: '纸质' }], confirmed: true }, 'choices'],
    ['startPayment', { kind: 'both' }, 'kind'],
    ['getPaymentStatus', { orderNo: 'not-an-order' }, 'orderNo'],
    ['deleteRegistration', {}, 'confirmed'],
  ] as const)('%s with malformed input is INVALID_INPUT naming %#', async (name, input, field) => {
    const kiosk = await world.kiosk('malformed')
    const visitId = await confirmedVisit(kiosk)
    const result = await kiosk.dispatch(name, { visitId, ...input })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(result.ok ? '' : result.error.message).toContain(field)
  })
})
