import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { operations, type OperationName } from '../../../../src-shared/ipc/contract'
import { confirmedVisit, createBookingWorld, LANG, type BookingWorld } from '../booking/booking-harness'
import { SUPERVISOR } from '../support/test-kiosk'
import { FULL, WAITLIST_OPERATION_NAMES } from './waitlist-harness'

describe('W1–W4, E5: every waitlist and review operation answers on contract', () => {
  let world: BookingWorld
  beforeEach(async () => {
    world = await createBookingWorld()
  })
  afterEach(() => world.close())

  it('each operation succeeds with an output that parses with its contract schema', async () => {
    const kiosk = await world.kiosk('contract')
    const seen = new Set<OperationName>()
    async function call(name: OperationName, input: unknown): Promise<unknown> {
      const result = await kiosk.dispatch(name, input)
      expect(result, name).toMatchObject({ ok: true })
      expect(() => operations[name].output.parse((result as { value: unknown }).value), name).not.toThrow()
      seen.add(name)
      return (result as { value: unknown }).value
    }
    const visitId = await confirmedVisit(kiosk, LANG)
    const page = (await call('submitWaitlist', { visitId, offeringId: FULL.en4, confirmed: true })) as {
      waitlist: { active: { entryId: string }[] }
    }
    await call('cancelWaitlist', { visitId, entryId: page.waitlist.active[0]!.entryId, reason: '其他' })
    await call('getCet6Review', { visitId })
    await call('submitCet6Review', { visitId, ticketNumber: '993010251100303' })
    await call('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password })
    await call('listOfferingCapacity', {})
    await call('raiseOfferingCapacity', { offeringId: FULL.en4, capacity: 11 })
    expect([...seen].filter((n) => n !== 'signIn').sort()).toEqual([...WAITLIST_OPERATION_NAMES].sort())
  })
})
