import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DayReport } from '../../../../src-shared/ipc/day-report-views'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { confirmedVisit, createBookingWorld, info, LANG, value, type BookingWorld } from '../booking/booking-harness'
import { SUPERVISOR, type TestKiosk } from '../support/test-kiosk'
import { FULL, raiseAsSupervisor, submit } from '../waitlist/waitlist-harness'

describe('W2 in the 日报表: a promotion the desk learns of is counted', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('promotion')
  })
  afterEach(() => world.close())

  it('W2 K1: the 3-s poll that learns of 候补成功 writes waitlist.promoted, and the day report counts it once', async () => {
    const visitId = await confirmedVisit(kiosk, LANG)
    await submit(kiosk, visitId, FULL.en4)
    await raiseAsSupervisor(await world.kiosk('staff'), FULL.en4, 11)

    expect((await info(kiosk, visitId)).waitlist.finished[0]).toMatchObject({ statusLabel: '候补成功' })
    await info(kiosk, visitId) // a second poll learns nothing new
    const promoted = (await listAudit(kiosk.store.db)).filter((a) => a.action === 'waitlist.promoted')
    expect(promoted).toEqual([expect.objectContaining({ operator_id: kiosk.operatorId, outcome: 'ok' })])

    value(await kiosk.dispatch('signOut', {}))
    value(await kiosk.dispatch('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }))
    const report = value<DayReport>(await kiosk.dispatch('getDayReport', {}))
    expect(report.waitlist).toEqual({ submitted: 1, cancelled: 0, promoted: 1 })
    // The promotion's unpaid booking is the candidate's booking of the day.
    expect(report.payments).toMatchObject({ unpaidCount: 1, unpaidCents: 1 })
  })
})
