/**
 * W2 with S3: a promotion (候补成功) the central makes while the candidate is not at the desk
 * reaches the kiosk through the change feed (a waitlist entry now `promoted`, and its booking) or
 * through the candidate's refreshed 报名信息 on a later visit. Either way it is audited once as
 * `waitlist.promoted` and counted by the 日报表, however often the feed repeats the entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DayReport } from '../../../../src-shared/ipc/day-report-views'
import { createDispatch } from '../../../../src-main/ipc/dispatch'
import { createHandlerTable } from '../../../../src-main/ipc/handler-table'
import { Desk } from '../../../../src-main/services/desk'
import { pullChangeFeed } from '../../../../src-main/services/sync/change-feed'
import { silentLogger } from '../../../../src-main/support/logger'
import { confirmedVisit, createBookingWorld, info, LANG, value, type BookingWorld } from '../booking/booking-harness'
import { SUPERVISOR, type TestKiosk } from '../support/test-kiosk'
import { sqlAll, sqlGet } from '../sync/sync-harness'
import { FULL, raiseAsSupervisor, submit } from './waitlist-harness'

function promotedAudit(kiosk: TestKiosk): { operator_id: number | null; candidate_id: string | null; detail: string | null }[] {
  return sqlAll(kiosk, `SELECT operator_id, candidate_id, detail FROM audit_log WHERE action = 'waitlist.promoted' ORDER BY id`) as never
}

function feedCursor(kiosk: TestKiosk): string {
  return sqlGet<{ value: string }>(kiosk, `SELECT value FROM meta WHERE key = 'feed_cursor'`).value
}

async function dayReport(kiosk: TestKiosk): Promise<DayReport> {
  await kiosk.dispatch('signOut', {})
  value(await kiosk.dispatch('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }))
  return value<DayReport>(await kiosk.dispatch('getDayReport', {}))
}

describe('W2 S3: promotions the kiosk learns of after the visit', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('k-desk')
  })
  afterEach(() => world.close())

  /** 郎璐依珊 waits for the full 英语四级笔试 at this desk and leaves; then a seat frees (W2). */
  async function waitAndLeave(): Promise<{ entryId: string; cursor: string }> {
    await pullChangeFeed(kiosk.ctx)
    const cursor = feedCursor(kiosk)
    const visitId = await confirmedVisit(kiosk, LANG)
    const entryId = (await submit(kiosk, visitId, FULL.en4)).waitlist.active[0]!.entryId
    value(await kiosk.dispatch('endVisit', { visitId }))
    await raiseAsSupervisor(await world.kiosk('k-staff'), FULL.en4, 11)
    world.clock.advance(1000)
    return { entryId, cursor }
  }

  it('W2 S3 K1: a promotion learnt through the feed is audited once (system), also when the feed repeats it or main restarts, and the 日报表 counts it', async () => {
    const { entryId, cursor } = await waitAndLeave()
    expect(promotedAudit(kiosk)).toEqual([])

    expect((await pullChangeFeed(kiosk.ctx)).ok).toBe(true)
    const promoted = promotedAudit(kiosk)
    expect(promoted).toEqual([{ operator_id: null, candidate_id: expect.any(String), detail: expect.stringContaining(entryId) }])
    // The promotion's unpaid booking came with it (B4).
    expect(sqlAll(kiosk, `SELECT offering_id, status FROM bookings`)).toEqual([{ offering_id: FULL.en4, status: 'unpaid' }])

    // S3: the same pages again, from the cursor before them: nothing new is audited.
    kiosk.store.sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'feed_cursor'`).run(cursor)
    expect((await pullChangeFeed(kiosk.ctx)).ok).toBe(true)
    expect(promotedAudit(kiosk)).toEqual(promoted)

    // A restarted main (new desk, new handler table, same store) replays the feed and shows the
    // candidate again: still one.
    const restarted = { ...kiosk.ctx, desk: new Desk() }
    const dispatch = createDispatch(createHandlerTable(restarted), silentLogger)
    kiosk.store.sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'feed_cursor'`).run(cursor)
    expect((await pullChangeFeed(restarted)).ok).toBe(true)
    const again = await confirmedVisit({ ...kiosk, ctx: restarted, dispatch }, LANG)
    const view = value<{ waitlist: { finished: { entryId: string; statusLabel: string }[] } }>(
      await dispatch('getRegistrationInfo', { visitId: again }),
    )
    expect(view.waitlist.finished).toEqual([expect.objectContaining({ entryId, statusLabel: '候补成功' })])
    expect(promotedAudit(kiosk)).toEqual(promoted)

    const report = await dayReport({ ...kiosk, dispatch })
    expect(report.waitlist).toEqual({ submitted: 1, cancelled: 0, promoted: 1 })
  })

  it('W2: a promotion first seen on the candidate’s next visit is audited once with the operator; the feed after it adds nothing', async () => {
    const { entryId } = await waitAndLeave()

    const visitId = await confirmedVisit(kiosk, LANG)
    expect((await info(kiosk, visitId)).waitlist.finished).toEqual([expect.objectContaining({ entryId, statusLabel: '候补成功' })])
    await info(kiosk, visitId)
    expect(promotedAudit(kiosk)).toEqual([{ operator_id: kiosk.operatorId, candidate_id: expect.any(String), detail: expect.stringContaining(entryId) }])

    expect((await pullChangeFeed(kiosk.ctx)).ok).toBe(true)
    expect(promotedAudit(kiosk)).toHaveLength(1)
    expect((await dayReport(kiosk)).waitlist.promoted).toBe(1)
  })

  it('W2 S3: a promotion of an entry made at another kiosk is counted there, not here', async () => {
    const other = await world.kiosk('k-other')
    const visitId = await confirmedVisit(other, LANG)
    await submit(other, visitId, FULL.en4)
    await raiseAsSupervisor(await world.kiosk('k-staff'), FULL.en4, 11)
    world.clock.advance(1000)

    expect((await pullChangeFeed(kiosk.ctx)).ok).toBe(true)
    expect((await pullChangeFeed(other.ctx)).ok).toBe(true)
    expect(promotedAudit(kiosk)).toEqual([])
    expect(promotedAudit(other)).toHaveLength(1)
  })
})
