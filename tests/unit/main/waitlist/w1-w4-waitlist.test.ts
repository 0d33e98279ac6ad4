import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../../src-main/store/audit-repository'
import type { OralOfferingsPage } from '../../../../src-shared/ipc/booking-views'
import { confirmedVisit, createBookingWorld, info, LANG, value, type BookingWorld } from '../booking/booking-harness'
import type { TestKiosk } from '../support/test-kiosk'
import { FULL, LANG_XIAOXU, raiseAsSupervisor, submit, waitlistOf, writtenRow } from './waitlist-harness'

const DAY = 24 * 60 * 60 * 1000

describe('W1–W4: the waitlist through dispatch, against the reference central', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('waitlist')
    visitId = await confirmedVisit(kiosk, LANG)
  })
  afterEach(() => world.close())

  it('W1: a full offering offers 可以候补; the entry shows 正在候补 with its place, and the row says so', async () => {
    const row = await writtenRow(kiosk, visitId, FULL.en4)
    expect(row).toMatchObject({ seatsLabel: '无', waitlistLabel: '可以候补', waitlist: { allowed: true }, book: { allowed: false } })

    const page = await submit(kiosk, visitId, FULL.en4)
    expect(page.waitlist.active).toEqual([
      expect.objectContaining({ subject: { code: '1', name: '英语四级笔试' }, statusLabel: '正在候补', ahead: 0, cancellable: true }),
    ])
    expect(await writtenRow(kiosk, visitId, FULL.en4)).toMatchObject({ waitlistLabel: '正在候补', waiting: true, waitlist: null })
    expect((await listAudit(kiosk.store.db)).some((a) => a.action === 'waitlist.submit' && a.outcome === 'ok')).toBe(true)
  })

  it('W1/B2: one entry per level — 日语四级笔试 is refused beside a waiting 英语四级笔试, before and at the central', async () => {
    await submit(kiosk, visitId, FULL.en4)
    const ja4 = await writtenRow(kiosk, visitId, FULL.ja4)
    expect(ja4?.waitlist).toEqual({
      allowed: false,
      reason: expect.stringContaining('已在候补英语四级笔试'),
      reasonRef: { code: 'waitlistLevelWaiting', subject: '3', other: '1' },
    })
    const refused = await kiosk.dispatch('submitWaitlist', { visitId, offeringId: FULL.ja4, confirmed: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'LEVEL_TAKEN' } })
    expect((await waitlistOf(kiosk, visitId)).active).toHaveLength(1)
  })

  it('W1: an oral waitlist needs the same-level written subject booked', async () => {
    const refused = await kiosk.dispatch('submitWaitlist', { visitId, offeringId: FULL.oralF, confirmed: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRITTEN_NOT_BOOKED', message: expect.stringContaining('英语四级笔试') } })
  })

  it('W2: first come first served — a capacity raise promotes the first entry to 候补成功 with an unpaid 24 h booking', async () => {
    await submit(kiosk, visitId, FULL.en4)
    const other = await world.kiosk('waitlist-2')
    const otherVisit = await confirmedVisit(other, LANG_XIAOXU)
    const second = await submit(other, otherVisit, FULL.en4)
    expect(second.waitlist.active[0]?.ahead).toBe(1)

    const staff = await world.kiosk('staff')
    await raiseAsSupervisor(staff, FULL.en4, 11)

    const page = await info(kiosk, visitId)
    expect(page.waitlist.active).toEqual([])
    expect(page.waitlist.finished[0]).toMatchObject({ statusLabel: '候补成功' })
    expect(page.bookings.written).toEqual([
      expect.objectContaining({
        subject: { code: '1', name: '英语四级笔试' },
        paymentStatus: 'unpaid',
        expiresAt: new Date(world.clock().getTime() + DAY).toISOString(),
      }),
    ])
    expect((await waitlistOf(other, otherVisit)).active[0]).toMatchObject({ statusLabel: '正在候补', ahead: 0 })
  })

  it('W1: with 英语四级笔试 booked (unpaid), the full 英语四级口试 may be waited for', async () => {
    await submit(kiosk, visitId, FULL.en4)
    await raiseAsSupervisor(await world.kiosk('staff'), FULL.en4, 11)
    const oral = value<OralOfferingsPage>(await kiosk.dispatch('getOralOfferings', { visitId }))
    const f = oral.subjects.find((s) => s.subject.code === 'F')
    expect(f?.reason).toBeNull()
    expect(f?.options[0]).toMatchObject({ offeringId: FULL.oralF, book: { allowed: false }, waitlist: { allowed: true } })
    const page = await submit(kiosk, visitId, FULL.oralF)
    expect(page.waitlist.active).toEqual([expect.objectContaining({ subject: { code: 'F', name: '英语四级口试' }, ahead: 0 })])
  })

  it('W2: an expired unpaid booking’s seat goes to the first waiting entry', async () => {
    const staff = await world.kiosk('staff')
    await raiseAsSupervisor(staff, FULL.en4, 11)
    const other = await world.kiosk('waitlist-2')
    const otherVisit = await confirmedVisit(other, LANG_XIAOXU)
    value(await other.dispatch('bookOfferings', { visitId: otherVisit, offeringIds: [FULL.en4] }))
    await submit(kiosk, visitId, FULL.en4)

    world.clock.advance(DAY)
    const page = await info(kiosk, visitId)
    expect(page.waitlist.finished[0]).toMatchObject({ statusLabel: '候补成功' })
    expect(page.bookings.written[0]).toMatchObject({ subject: { code: '1' }, paymentStatus: 'unpaid' })
  })

  it('W2: a cancelled booking’s seat goes to the first waiting entry', async () => {
    const staff = await world.kiosk('staff')
    await raiseAsSupervisor(staff, FULL.en4, 11)
    const other = await world.kiosk('waitlist-2')
    const otherVisit = await confirmedVisit(other, LANG_XIAOXU)
    const booked = value<{ bookings: { written: { bookingId: string }[] } }>(
      await other.dispatch('bookOfferings', { visitId: otherVisit, offeringIds: [FULL.en4] }),
    )
    await submit(kiosk, visitId, FULL.en4)
    value(await other.dispatch('cancelBooking', { visitId: otherVisit, bookingId: booked.bookings.written[0]!.bookingId }))

    expect((await info(kiosk, visitId)).waitlist.finished[0]).toMatchObject({ statusLabel: '候补成功' })
  })

  it('W3: 取消候补 makes the entry 考生取消 with the reason; submitting again goes to the back of the queue', async () => {
    const first = await submit(kiosk, visitId, FULL.en4)
    const entryId = first.waitlist.active[0]!.entryId
    const other = await world.kiosk('waitlist-2')
    const otherVisit = await confirmedVisit(other, LANG_XIAOXU)
    await submit(other, otherVisit, FULL.en4)

    const cancelled = value<typeof first>(await kiosk.dispatch('cancelWaitlist', { visitId, entryId, reason: '时间冲突' }))
    expect(cancelled.waitlist.active).toEqual([])
    expect(cancelled.waitlist.finished[0]).toMatchObject({ entryId, statusLabel: '考生取消', remark: '时间冲突', cancellable: false })

    const again = await submit(kiosk, visitId, FULL.en4)
    expect(again.waitlist.active[0]).toMatchObject({ statusLabel: '正在候补', ahead: 1 })
    expect(await kiosk.dispatch('cancelWaitlist', { visitId, entryId, reason: '其他' })).toMatchObject({
      ok: false,
      error: { code: 'WAITLIST_GONE' },
    })
  })

  it('W4: when the registration window closes, a waiting entry ends with the system’s status', async () => {
    await submit(kiosk, visitId, FULL.en4)
    world.clock.advance(31 * DAY)
    const page = await waitlistOf(kiosk, visitId)
    expect(page.active).toEqual([])
    expect(page.finished[0]).toMatchObject({ statusLabel: '候补失败', remark: expect.stringContaining('报名结束') })
  })

  it('K1/W2: an operator is refused 调整容量 (FORBIDDEN); a supervisor sees the queue lengths', async () => {
    await submit(kiosk, visitId, FULL.en4)
    expect(await kiosk.dispatch('raiseOfferingCapacity', { offeringId: FULL.en4, capacity: 11 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await kiosk.dispatch('listOfferingCapacity', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const staff = await world.kiosk('staff')
    await raiseAsSupervisor(staff, FULL.ja4, 11)
    const rows = value<{ offeringId: string; waiting: number | null; capacity: number }[]>(await staff.dispatch('listOfferingCapacity', {}))
    expect(rows.find((r) => r.offeringId === FULL.en4)).toMatchObject({ waiting: 1, capacity: 10 })
    expect(rows.find((r) => r.offeringId === FULL.ja4)).toMatchObject({ capacity: 11 })
    expect(await staff.dispatch('raiseOfferingCapacity', { offeringId: FULL.ja4, capacity: 11 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})
