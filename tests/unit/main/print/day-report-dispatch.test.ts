import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../../../../src-shared/ipc/booking-views'
import type { DayReport, DayReportCsv } from '../../../../src-shared/ipc/day-report-views'
import { appendAudit, listAudit } from '../../../../src-main/store/audit-repository'
import { enqueueChange, markRefused } from '../../../../src-main/store/outbox-repository'
import { runBookingExpiry } from '../../../../src-main/services/booking/booking-expiry'
import { followUpPendingOrders } from '../../../../src-main/services/booking/payment-follow-up'
import { beijingDate } from '../../../../src-main/services/day-report/day-window'
import { confirmedVisit, createBookingWorld, info, OFFERING, payOnPhone, value, WANG, type BookingWorld } from '../booking/booking-harness'
import { OPERATOR, SUPERVISOR, type TestKiosk } from '../support/test-kiosk'

const HOUR = 60 * 60 * 1000

describe('日报表 through dispatch, from a seeded store (K1)', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  let today: string

  async function signInAs(who: { username: string; password: string }): Promise<void> {
    value(await kiosk.dispatch('signOut', {}))
    value(await kiosk.dispatch('signIn', { username: who.username, password: who.password }))
  }

  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('report')
    // A fixed wall-clock hour of today (UTC+8), inside the demo registration window.
    today = beijingDate(world.clock())
    world.clock.set(new Date(`${today}T10:15:00+08:00`).toISOString())

    // 蓝笑天: books 英语四级笔试 and pays it (10:15).
    const lan = await confirmedVisit(kiosk)
    value(await kiosk.dispatch('bookOfferings', { visitId: lan, offeringIds: [OFFERING.en4At120010] }))
    const bookingId = (await info(kiosk, lan)).bookings.written[0]!.bookingId
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId: lan, choices: [{ bookingId, choice: 'electronic' }], confirmed: true }))
    const order = value<OrderView>(await kiosk.dispatch('startPayment', { visitId: lan, kind: 'written' }))
    await payOnPhone(order.payUrl)
    await followUpPendingOrders(kiosk.ctx)
    value(await kiosk.dispatch('endVisit', { visitId: lan }))

    // 王晓明: books 英语六级笔试 at his campus and leaves it unpaid (14:40).
    world.clock.advance(4 * HOUR + 25 * 60_000)
    const wang = await confirmedVisit(kiosk, WANG)
    value(await kiosk.dispatch('bookOfferings', { visitId: wang, offeringIds: ['120011-2'] }))
    value(await kiosk.dispatch('endVisit', { visitId: wang }))

    // What the audit log and the outbox hold besides: a refusal, a waitlist entry and its promotion, sync work.
    const at = world.clock()
    await appendAudit(kiosk.store.db, { at, operatorId: kiosk.operatorId, candidateId: 'c-x', action: 'booking.create', outcome: 'refused', detail: 'central 409 NO_SEATS' })
    await appendAudit(kiosk.store.db, { at, operatorId: kiosk.operatorId, candidateId: 'c-x', action: 'waitlist.submit', outcome: 'ok' })
    await appendAudit(kiosk.store.db, { at, operatorId: kiosk.operatorId, candidateId: 'c-x', action: 'waitlist.promoted', outcome: 'ok' })
    const pending = { action: 'booking.cancel', candidateId: 'c-x', bookingId: 'b-x', previousStatus: 'unpaid' } as const
    await enqueueChange(kiosk.store.db, { payload: pending, summary: '取消报考', operatorId: kiosk.operatorId, at })
    const refused = await enqueueChange(kiosk.store.db, { payload: { ...pending, bookingId: 'b-y' }, summary: '取消报考', operatorId: kiosk.operatorId, at })
    await markRefused(kiosk.store.db, refused, { code: 'NOT_CANCELLABLE', message: '已支付科目不可取消报考。', acknowledgedBy: null }, at)
  })
  afterEach(() => world.close())

  it('K1 K2 B1 P3 W2 S5: today’s visits, bookings by subject and campus, paid/unpaid, waitlist, refusals and sync work', async () => {
    await signInAs(SUPERVISOR)
    const report = value<DayReport>(await kiosk.dispatch('getDayReport', {}))
    expect(report.date).toBe(today)
    expect(report).toMatchObject({
      visits: 2,
      candidatesServed: 2,
      registrationsConfirmed: 2,
      bookingsTotal: 2,
      bookingsBySubject: [
        { subject: { code: '1', name: '英语四级笔试' }, count: 1 },
        { subject: { code: '2', name: '英语六级笔试' }, count: 1 },
      ],
      bookingsByCampus: [
        { school: { code: '12001', name: '南开大学' }, campus: { code: '120010', name: '南开大学' }, count: 1 },
        { school: { code: '12001', name: '南开大学' }, campus: { code: '120011', name: '南开大学本科生八里台校区' }, count: 1 },
      ],
      payments: { paidCount: 1, paidCents: 10, unpaidCount: 1, unpaidCents: 10, endedCount: 0 },
      waitlist: { submitted: 1, cancelled: 0, promoted: 1 },
      refusals: [{ action: 'booking.create', count: 1 }],
      refusalsTotal: 1,
      pendingSyncItems: 1,
      syncIssues: 1,
    })
    expect(report.visitsByHour[10]).toBe(1)
    expect(report.visitsByHour[14]).toBe(1)
    expect(report.visitsByHour.reduce((a, b) => a + b, 0)).toBe(2)
  })

  it('K1: another day is counted apart; a date that does not exist is refused in one sentence', async () => {
    await signInAs(SUPERVISOR)
    const yesterday = beijingDate(new Date(Date.parse(`${today}T12:00:00+08:00`) - 24 * HOUR))
    const other = value<DayReport>(await kiosk.dispatch('getDayReport', { date: yesterday }))
    expect(other).toMatchObject({ date: yesterday, visits: 0, bookingsTotal: 0, refusalsTotal: 0, payments: { paidCents: 0, unpaidCents: 0 } })
    expect(await kiosk.dispatch('getDayReport', { date: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '日期无效，请选择一个存在的日期。' } })
  })

  it('B4: a booking that expired unpaid counts as ended, not as money owed', async () => {
    world.clock.advance(25 * HOUR)
    // The scheduler's B4 sweep, as the office finds it next morning.
    await runBookingExpiry(kiosk.ctx)
    await signInAs(SUPERVISOR)
    const report = value<DayReport>(await kiosk.dispatch('getDayReport', { date: today }))
    expect(report.payments).toEqual({ paidCount: 1, paidCents: 10, unpaidCount: 0, unpaidCents: 0, endedCount: 1 })
  })

  it('K1: the CSV export has every figure, money in yuan, and is audited', async () => {
    await signInAs(SUPERVISOR)
    const csv = value<DayReportCsv>(await kiosk.dispatch('exportDayReport', { date: today }))
    expect(csv.fileName).toBe(`day-report-${today}.csv`)
    const lines = csv.csv.replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('分类,项目,数量,金额(元)')
    expect(lines).toContain(`日期,${today},,`)
    expect(lines).toContain('办理,服务考生人数,2,')
    expect(lines).toContain('报考科目,(1)英语四级笔试,1,')
    expect(lines).toContain('报考校区,(12001)南开大学 — (120011)南开大学本科生八里台校区,1,')
    expect(lines).toContain('支付,已支付,1,0.10')
    expect(lines).toContain('支付,未支付,1,0.10')
    expect(lines).toContain('候补,候补成功,1,')
    expect(lines).toContain('被拒绝的操作,booking.create,1,')
    expect(lines).toContain('同步,待同步,1,')
    expect(lines).toContain('每小时办理次数,10:00,1,')
    expect(csv.rows).toBe(lines.length - 1)
    const audit = (await listAudit(kiosk.store.db)).filter((a) => a.action === 'day-report.export')
    expect(audit).toEqual([expect.objectContaining({ operator_id: kiosk.supervisorId, outcome: 'ok', detail: today })])
  })

  it('K1: an operator is refused the report, its export and its printing', async () => {
    await signInAs(OPERATOR)
    for (const [name, input] of [
      ['getDayReport', {}],
      ['exportDayReport', {}],
      ['printDocument', { document: 'dayReport' }],
    ] as const) {
      expect(await kiosk.dispatch(name, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有主管可以进行此操作，请联系主管。' } })
    }
    await signInAs(SUPERVISOR)
    expect(value(await kiosk.dispatch('printDocument', { document: 'dayReport' }))).toEqual({ printedBy: 'browser' })
  })
})
