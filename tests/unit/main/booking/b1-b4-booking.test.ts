import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OralOfferingsPage, WrittenOfferingsPage } from '../../../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { countRows } from '../support/test-store'
import { confirmedVisit, createBookingWorld, info, OFFERING, value, WANG, type BookingWorld } from './booking-harness'

describe('booking through dispatch against the reference central', () => {
  let world: BookingWorld
  beforeEach(async () => {
    world = await createBookingWorld()
  })
  afterEach(() => world.close())

  it('B1: the 笔试科目报考 table groups 英语笔试 / 小语种笔试 and says why a row cannot be ticked', async () => {
    const kiosk = await world.kiosk('b1-table')
    const visitId = await confirmedVisit(kiosk)
    const page = value<WrittenOfferingsPage>(await kiosk.dispatch('getWrittenOfferings', { visitId }))
    expect(page.groups.map((g) => g.title)).toEqual(['英语笔试', '小语种笔试'])
    const rows = page.groups.flatMap((g) => g.options)
    const en4 = rows.find((o) => o.offeringId === OFFERING.en4At120010)!
    expect(en4).toMatchObject({ seatsLabel: '有', feeCents: 10, book: { allowed: true, reason: null }, booked: false })
    // 日语六级笔试 is full at (120010): 无, with the reason.
    const ja6Full = rows.find((o) => o.offeringId === OFFERING.ja6At120010)!
    expect(ja6Full).toMatchObject({ seatsLabel: '无', waitlistLabel: '可以候补', book: { allowed: false } })
    expect(ja6Full.book.reason).toContain('无剩余容量')
    // 日语四级笔试: 蓝笑天 is not eligible.
    const ja4 = rows.find((o) => o.subject.code === '3')!
    expect(ja4.book).toEqual({ allowed: false, reason: '考生没有日语四级笔试的报考资格。', reasonRef: { code: 'notEligible', subject: '3' } })
  })

  it('B1 B4 K1: booking takes a seat at the central, is unpaid for 24 hours and is audited', async () => {
    const kiosk = await world.kiosk('b1-book')
    const visitId = await confirmedVisit(kiosk)
    const booked = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en6At120010] }))
    expect(booked.bookings.written).toHaveLength(1)
    const b = booked.bookings.written[0]!
    expect(b).toMatchObject({ subject: { code: '2', name: '英语六级笔试' }, paymentStatus: 'unpaid', feeCents: 10, bookedVia: 'candidate', arrangementStatus: 'unarranged' })
    expect(Date.parse(b.expiresAt!) - Date.parse(b.createdAt)).toBe(24 * 60 * 60 * 1000)
    expect(booked.bookings.writtenSummary).toMatchObject({ unpaidCents: 10, statusLabel: '全未支付' })
    expect(booked.actions.find((a) => a.id === 'scoreReport')).toMatchObject({ enabled: true })
    const audit = await listAudit(kiosk.store.db, { candidateId: booked.candidate.candidateId })
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toContain('booking.create:ok')
    expect(audit.find((a) => a.action === 'booking.create')?.operator_id).toBe(kiosk.operatorId)
  })

  it('B2: a second level-4 written subject (another language) is refused with the reason and changes nothing', async () => {
    const kiosk = await world.kiosk('b2')
    const visitId = await confirmedVisit(kiosk)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    const page = value<WrittenOfferingsPage>(await kiosk.dispatch('getWrittenOfferings', { visitId }))
    const de4 = page.groups[1]!.options.find((o) => o.offeringId === OFFERING.de4At120010)!
    expect(de4.book).toEqual({
      allowed: false,
      reason: '已报考英语四级笔试，同一级别只能报考一个笔试科目。',
      reasonRef: { code: 'levelBooked', subject: '5', other: '1' },
    })
    const before = countRows(kiosk.store)
    const again = await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.de4At120010] })
    expect(again).toEqual({ ok: false, error: { code: 'LEVEL_TAKEN', message: '已报考英语四级笔试，同一级别只能报考一个笔试科目。' } })
    expect(countRows(kiosk.store)).toEqual(before)
  })

  it('B2: two level-4 written subjects in one submission are refused before anything is booked', async () => {
    const kiosk = await world.kiosk('b2-once')
    const visitId = await confirmedVisit(kiosk)
    const result = await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010, OFFERING.de4At120010] })
    expect(result).toMatchObject({ ok: false, error: { code: 'LEVEL_TAKEN' } })
    expect((await info(kiosk, visitId)).bookings.written).toEqual([])
  })

  it('B3: oral before the same-level written is paid is refused with the reason', async () => {
    const kiosk = await world.kiosk('b3')
    const visitId = await confirmedVisit(kiosk)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    const page = value<OralOfferingsPage>(await kiosk.dispatch('getOralOfferings', { visitId }))
    const f = page.subjects.find((s) => s.subject.code === 'F')!
    expect(f.reason).toBe('请先报考并支付英语四级笔试，再报考英语四级口试。')
    expect(f.options.every((o) => !o.book.allowed)).toBe(true)
    const refused = await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.oralF] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRITTEN_NOT_PAID' } })
  })

  it('B1: two kiosks racing for the last seat: one gets it, the other is told 无剩余容量', async () => {
    world.setSeatsLeft(OFFERING.en6At120010, 1)
    const a = await world.kiosk('seat-a')
    const b = await world.kiosk('seat-b')
    const va = await confirmedVisit(a)
    const vb = await confirmedVisit(b, WANG)
    const [ra, rb] = await Promise.all([
      a.dispatch('bookOfferings', { visitId: va, offeringIds: [OFFERING.en6At120010] }),
      b.dispatch('bookOfferings', { visitId: vb, offeringIds: [OFFERING.en6At120010] }),
    ])
    expect([ra.ok, rb.ok].sort()).toEqual([false, true])
    const loser = ra.ok ? rb : ra
    expect(loser).toMatchObject({ ok: false, error: { code: 'NO_SEATS' } })
    const winner = ra.ok ? a : b
    const winnerVisit = ra.ok ? va : vb
    const row = value<WrittenOfferingsPage>(await winner.dispatch('getWrittenOfferings', { visitId: winnerVisit }))
      .groups[0]!.options.find((o) => o.offeringId === OFFERING.en6At120010)
    expect(row).toMatchObject({ booked: true, seatsLabel: '无' })
  })
})
