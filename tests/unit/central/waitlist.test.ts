import { afterEach, describe, expect, it } from 'vitest'
import { PROMOTED_REMARK, WINDOW_CLOSED_REMARK } from '../../../src-shared/domain/waitlist-rules'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { at, book, bookCall, bookingsOf, confirm, HOUR, key, seatsLeft } from './booking-harness'
import {
  cancelWaitCall,
  CHEN,
  DAY,
  EN4_FULL,
  entriesOf,
  LANG,
  ORAL4_FULL,
  raise,
  raiseCall,
  wait,
  waitCall,
  XU,
} from './waitlist-harness'

describe('central waitlist (W1–W4)', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  async function start(): Promise<void> {
    h = await startHarness()
    await confirm(h, LANG)
    await confirm(h, XU)
  }

  it('W1/W4: a full offering takes an entry: 正在候补 with its queue position, listed for the candidate', async () => {
    await start()
    const entry = await wait(h, LANG, EN4_FULL)
    expect(entry).toMatchObject({
      candidateId: LANG,
      offeringId: EN4_FULL,
      subjectCode: '1',
      schoolCode: '99301',
      campusCode: '993010',
      status: 'waiting',
      submittedAt: T0.toISOString(),
      endedAt: null,
      remark: null,
      ahead: 0,
      bookingId: null,
    })
    expect(await entriesOf(h, LANG)).toEqual([entry])
  })

  it('W2: entries are served first come first served per offering: the queue position follows the receive order', async () => {
    await start()
    const first = await wait(h, XU, EN4_FULL)
    at(h, 1000)
    const second = await wait(h, LANG, EN4_FULL)
    expect(first.ahead).toBe(0)
    expect(second.ahead).toBe(1)
    const promoted = await raise(h, EN4_FULL, 11)
    expect(promoted.promoted.map((e) => e.candidateId)).toEqual([XU])
    expect((await entriesOf(h, LANG))[0]).toMatchObject({ status: 'waiting', ahead: 0 })
  })

  it('W1: an offering with seats left is booked, not waited for', async () => {
    h = await startHarness()
    await confirm(h, CHEN)
    expectError(await waitCall(h, CHEN, '120010-1'), 409, 'SEATS_AVAILABLE')
  })

  it('W1/B2: one entry per level: a second written entry at level 4 and booking at that level are refused', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    expect(expectError(await waitCall(h, LANG, EN4_FULL), 409, 'LEVEL_TAKEN').message).toContain('已在候补英语四级笔试')
    expectError(await waitCall(h, LANG, '993010-3'), 409, 'LEVEL_TAKEN')
    expectError(await bookCall(h, LANG, ['993010-3']), 409, 'LEVEL_TAKEN')
    expect(await entriesOf(h, LANG)).toHaveLength(1)
  })

  it('S2/W1: the same Idempotency-Key never makes a second entry', async () => {
    await start()
    const k = key()
    const first = expectAnswer(await waitCall(h, LANG, EN4_FULL, k), 'submitWaitlistEntry')
    const again = await waitCall(h, LANG, EN4_FULL, k)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(expectAnswer(again, 'submitWaitlistEntry').entry.id).toBe(first.entry.id)
    expect(await entriesOf(h, LANG)).toHaveLength(1)
  })

  it('W1: an oral waitlist needs the same-level written subject booked (unpaid is enough)', async () => {
    await start()
    expect(expectError(await waitCall(h, LANG, ORAL4_FULL), 409, 'WRITTEN_NOT_BOOKED').message).toBe(
      '请先报考英语四级笔试，再提交英语四级口试候补。',
    )
    await wait(h, LANG, EN4_FULL)
    await raise(h, EN4_FULL, 11)
    const oral = await wait(h, LANG, ORAL4_FULL)
    expect(oral).toMatchObject({ subjectCode: 'F', status: 'waiting', ahead: 0 })
  })

  it('W2: raising capacity promotes the first entry at once: 候补成功 and an unpaid booking with 24 h to pay', async () => {
    await start()
    const entry = await wait(h, LANG, EN4_FULL)
    at(h, HOUR)
    const raised = await raise(h, EN4_FULL, 11)
    expect(raised.seats).toEqual([{ offeringId: EN4_FULL, seatsLeft: 0 }])
    const promotedAt = new Date(T0.getTime() + HOUR)
    const [promoted] = raised.promoted
    expect(promoted).toMatchObject({ id: entry.id, status: 'promoted', remark: PROMOTED_REMARK, ahead: null, endedAt: promotedAt.toISOString() })
    const { bookings } = await bookingsOf(h, LANG)
    expect(bookings).toEqual([
      expect.objectContaining({
        id: promoted?.bookingId,
        offeringId: EN4_FULL,
        status: 'unpaid',
        createdAt: promotedAt.toISOString(),
        expiresAt: new Date(promotedAt.getTime() + 24 * HOUR).toISOString(),
      }),
    ])
    expect(await seatsLeft(h, EN4_FULL)).toBe(0)
  })

  it('W2: raising capacity with nobody waiting leaves the seats free; lowering is refused', async () => {
    await start()
    expect((await raise(h, EN4_FULL, 12)).seats).toEqual([{ offeringId: EN4_FULL, seatsLeft: 2 }])
    expectError(await raiseCall(h, EN4_FULL, 12), 400, 'BAD_REQUEST')
  })

  it('W1/B4: an oral entry ends when the written booking it needed expires unpaid', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    await raise(h, EN4_FULL, 11)
    await wait(h, LANG, ORAL4_FULL)
    at(h, 24 * HOUR)
    h.central.sweepExpired()
    expect((await entriesOf(h, LANG)).map((e) => [e.subjectCode, e.status])).toEqual([
      ['1', 'promoted'],
      ['F', 'failed'],
    ])
  })

  it('W2/B4: when a promoted booking expires unpaid, its seat goes to the next entry', async () => {
    await start()
    await wait(h, XU, EN4_FULL)
    await wait(h, LANG, EN4_FULL)
    await raise(h, EN4_FULL, 11)
    at(h, 24 * HOUR)
    const swept = h.central.sweepExpired()
    expect(swept.expiredBookingIds).toHaveLength(1)
    expect(swept.promotedEntryIds).toHaveLength(1)
    expect((await entriesOf(h, LANG))[0]).toMatchObject({ status: 'promoted' })
    const { bookings } = await bookingsOf(h, LANG)
    expect(bookings).toEqual([expect.objectContaining({ offeringId: EN4_FULL, status: 'unpaid', createdAt: h.clock.now.toISOString() })])
    expect((await bookingsOf(h, XU)).bookings).toEqual([])
  })

  it('W2/B5: cancelling a booking gives its seat to the first entry in the same answer', async () => {
    await start()
    await wait(h, XU, EN4_FULL)
    await wait(h, LANG, EN4_FULL)
    const [xuPromoted] = (await raise(h, EN4_FULL, 11)).promoted
    const cancelled = expectAnswer(
      await call(h, `/v1/bookings/${xuPromoted?.bookingId}/cancel`, { body: { candidateId: XU }, idempotencyKey: key() }),
      'cancelBooking',
    )
    expect(cancelled.seats).toEqual([{ offeringId: EN4_FULL, seatsLeft: 0 }])
    expect((await entriesOf(h, LANG))[0]).toMatchObject({ status: 'promoted' })
  })

  it('W3: 取消候补 with a reason makes the entry 考生取消 with the reason as remark; re-submitting goes to the back', async () => {
    await start()
    const mine = await wait(h, LANG, EN4_FULL)
    at(h, 1000)
    await wait(h, XU, EN4_FULL)
    const cancelled = expectAnswer(await cancelWaitCall(h, LANG, mine.id, '时间冲突'), 'cancelWaitlistEntry').entry
    expect(cancelled).toMatchObject({ status: 'cancelled', remark: '时间冲突', ahead: null })
    expect((await entriesOf(h, XU))[0]?.ahead).toBe(0)
    expectError(await cancelWaitCall(h, LANG, mine.id, '时间冲突'), 409, 'WAITLIST_GONE')
    at(h, 1000)
    const again = await wait(h, LANG, EN4_FULL)
    expect(again.ahead).toBe(1)
    expect((await raise(h, EN4_FULL, 11)).promoted.map((e) => e.candidateId)).toEqual([XU])
    expect((await entriesOf(h, LANG)).map((e) => [e.status, e.remark])).toEqual([
      ['cancelled', '时间冲突'],
      ['waiting', null],
    ])
  })

  it('W3: a reason outside the list is refused and the entry keeps waiting', async () => {
    await start()
    const mine = await wait(h, LANG, EN4_FULL)
    expectError(await cancelWaitCall(h, LANG, mine.id, '不想考了'), 400, 'BAD_REQUEST')
    expectError(await cancelWaitCall(h, XU, mine.id, '其他'), 404, 'NOT_FOUND')
    expect((await entriesOf(h, LANG))[0]?.status).toBe('waiting')
  })

  it('W4: when the registration window closes, waiting entries end as 候补失败 with 报名结束', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    const catalog = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    const end = catalog.offerings.find((o) => o.id === EN4_FULL)?.registrationEnd ?? ''
    at(h, 31 * DAY)
    expect(h.central.sweepExpired().closedWaitlistEntries).toBe(1)
    expect((await entriesOf(h, LANG))[0]).toMatchObject({
      status: 'failed',
      remark: WINDOW_CLOSED_REMARK,
      endedAt: new Date(Date.parse(end)).toISOString(),
      ahead: null,
    })
    // A seat freed afterwards goes to nobody.
    expect((await raise(h, EN4_FULL, 11)).promoted).toEqual([])
  })

  it('W1: an oral entry ends (候补失败) as soon as the written booking it needed is cancelled; no seat goes to it', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    const [written] = (await raise(h, EN4_FULL, 11)).promoted
    await wait(h, LANG, ORAL4_FULL)
    expectAnswer(
      await call(h, `/v1/bookings/${written?.bookingId}/cancel`, { body: { candidateId: LANG }, idempotencyKey: key() }),
      'cancelBooking',
    )
    const oralNow = (await entriesOf(h, LANG)).find((e) => e.subjectCode === 'F')
    expect(oralNow).toMatchObject({ status: 'failed', ahead: null })
    const raised = await raise(h, ORAL4_FULL, 11)
    expect(raised.promoted).toEqual([])
    expect(raised.seats).toEqual([{ offeringId: ORAL4_FULL, seatsLeft: 1 }])
    const oral = (await entriesOf(h, LANG)).find((e) => e.subjectCode === 'F')
    expect(oral).toMatchObject({ status: 'failed', remark: '请先报考英语四级笔试，再提交英语四级口试候补。' })
  })

  it('B6/W1: a waiting entry holds the registration past the grace period; staff deleting it ends the entry', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    at(h, 2 * DAY)
    h.central.sweepExpired()
    expectAnswer(await call(h, `/v1/registrations/${LANG}`), 'getRegistration')
    expectAnswer(await call(h, `/v1/registrations/${LANG}/delete`, { body: {}, idempotencyKey: key() }), 'deleteRegistration')
    expect((await entriesOf(h, LANG))[0]).toMatchObject({ status: 'failed', remark: '报名信息已删除，候补结束。' })
  })

  it('W1: waiting needs a confirmed registration and an offering of the candidate\'s school', async () => {
    h = await startHarness()
    expectError(await waitCall(h, LANG, EN4_FULL), 404, 'NOT_FOUND')
    await confirm(h, LANG)
    expectError(await waitCall(h, LANG, '120010-4'), 422, 'NOT_ELIGIBLE')
  })

  it('W2: the staff count of waiting entries per offering', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    await wait(h, XU, EN4_FULL)
    expect(expectAnswer(await call(h, '/v1/waitlist/counts'), 'listWaitlistCounts').counts).toEqual([{ offeringId: EN4_FULL, waiting: 2 }])
  })

  it('B2: booking the written subject a promoted booking already holds is refused (ALREADY_BOOKED)', async () => {
    await start()
    await wait(h, LANG, EN4_FULL)
    await raise(h, EN4_FULL, 12)
    expectError(await bookCall(h, LANG, [EN4_FULL]), 409, 'ALREADY_BOOKED')
    // The other freed seat is bookable by someone else.
    expect((await book(h, XU, EN4_FULL)).status).toBe('unpaid')
  })
})
