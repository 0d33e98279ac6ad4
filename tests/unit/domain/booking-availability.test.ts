import { describe, expect, it } from 'vitest'
import { checkCanBook, offeringAvailability } from '../../../src-shared/domain/booking-rules'
import { booking, LAN, NOW, offering } from './booking-fixtures'

const available = (o = offering('1'), bookings = [booking('2', { status: 'cancelled' })], extra = {}) =>
  offeringAvailability({ candidate: LAN, offering: o, bookings, now: NOW, ...extra })

describe('offering availability (B1–B3)', () => {
  it('B1: an eligible, open, priced offering with seats and an exam time is bookable', () => {
    expect(available()).toEqual({ bookable: true, code: null, reason: null, seats: '有', waitlist: null })
  })

  it('B1: refuses a subject the candidate is not eligible for', () => {
    const a = available(offering('3'))
    expect(a).toMatchObject({ bookable: false, code: 'NOT_ELIGIBLE' })
    expect(a.reason).toBe('考生没有日语四级笔试的报考资格。')
  })

  it('B1: refuses when the exam time is not set', () => {
    expect(available(offering('1', { examStart: null }))).toMatchObject({ code: 'EXAM_TIME_NOT_SET' })
  })

  it('B1: refuses outside the window: before start, at the exact end, after the end', () => {
    const notYet = available(offering('1', { registrationStart: '2026-09-10T04:00:00.001Z' }))
    expect(notYet).toMatchObject({ code: 'WINDOW_CLOSED', reason: '该校区报名尚未开始，请在报名时间内报考。' })
    expect(available(offering('1', { registrationStart: NOW })).bookable).toBe(true)
    expect(available(offering('1', { registrationEnd: NOW }))).toMatchObject({ code: 'WINDOW_CLOSED', reason: '该校区报名时间已结束，不能报考。' })
  })

  it('B1: refuses when the fee is not set (0)', () => {
    expect(available(offering('1', { feeCents: 0 }))).toMatchObject({ code: 'FEE_NOT_SET' })
  })

  it('B1/W1: no seats is reported last, with 无, so the row may offer 可以候补', () => {
    expect(available(offering('4', { seatsLeft: 0 }))).toEqual({
      bookable: false,
      code: 'NO_SEATS',
      reason: '日语六级笔试在该校区已无剩余容量。',
      reasonRef: { code: 'noSeats', subject: '4' },
      seats: '无',
      waitlist: '可以候补',
    })
    // A full offering that is also closed says closed, not full.
    expect(available(offering('4', { seatsLeft: 0, registrationEnd: NOW })).code).toBe('WINDOW_CLOSED')
  })

  it('B1: the same subject already booked (unpaid or paid) is refused; cancelled or expired ones do not count', () => {
    expect(available(offering('1'), [booking('1')])).toMatchObject({ code: 'ALREADY_BOOKED' })
    expect(available(offering('1'), [booking('1', { status: 'paid' })])).toMatchObject({ code: 'ALREADY_BOOKED' })
    expect(available(offering('1'), [booking('1', { status: 'expired' })]).bookable).toBe(true)
    // Unpaid and 24 hours old: expired even if the sweep has not run yet (B4).
    expect(available(offering('1'), [booking('1', { createdAt: '2026-09-09T04:00:00.000Z' })]).bookable).toBe(true)
  })

  it('B2: one written subject per level, English and other languages together', () => {
    const a = available(offering('5'), [booking('1', { status: 'paid' })])
    expect(a).toMatchObject({ code: 'LEVEL_TAKEN', reason: '已报考英语四级笔试，同一级别只能报考一个笔试科目。' })
    // The other level is free.
    expect(available(offering('4'), [booking('1')]).bookable).toBe(true)
  })

  it('B2: an active waitlist entry at that level counts too', () => {
    const a = available(offering('1'), [], { activeWaitlistSubjectCodes: ['5'] })
    expect(a).toMatchObject({ code: 'LEVEL_TAKEN', reason: '已在候补德语四级笔试，同一级别只能报考一个笔试科目。' })
  })

  it('B3: oral needs the same-level written booked AND paid', () => {
    const none = available(offering('F'), [])
    expect(none).toMatchObject({ code: 'WRITTEN_NOT_PAID', reason: '请先报考并支付英语四级笔试，再报考英语四级口试。' })
    expect(available(offering('F'), [booking('1')])).toMatchObject({ code: 'WRITTEN_NOT_PAID' })
    // Paid level-6 written does not open level-4 oral.
    expect(available(offering('F'), [booking('2', { status: 'paid' })])).toMatchObject({ code: 'WRITTEN_NOT_PAID' })
    expect(available(offering('F'), [booking('1', { status: 'paid' })]).bookable).toBe(true)
    expect(available(offering('S'), [booking('2', { status: 'paid' })]).bookable).toBe(true)
  })

  it('B3: oral only at a campus the school allows for the candidate campus', () => {
    const o = offering('F', { oralAllowedCampusCodes: ['120011'] })
    expect(available(o, [booking('1', { status: 'paid' })])).toMatchObject({ code: 'CAMPUS_NOT_ALLOWED' })
  })

  it('B3: the B1 conditions hold for oral too', () => {
    const paid = [booking('1', { status: 'paid' })]
    expect(available(offering('F', { feeCents: 0 }), paid).code).toBe('FEE_NOT_SET')
    expect(available(offering('F', { seatsLeft: 0 }), paid).code).toBe('NO_SEATS')
  })
})

describe('checkCanBook (B1–B3 for one submission)', () => {
  it('B2: two level-4 written subjects in one submission are refused', () => {
    const r = checkCanBook({ candidate: LAN, offerings: [offering('1'), offering('5')], bookings: [], now: NOW })
    expect(r).toEqual({ ok: false, error: { code: 'LEVEL_TAKEN', message: '已报考英语四级笔试，同一级别只能报考一个笔试科目。' } })
  })

  it('B1: one written subject per level in one submission is fine', () => {
    expect(checkCanBook({ candidate: LAN, offerings: [offering('1'), offering('2')], bookings: [], now: NOW }).ok).toBe(true)
  })

  it('B3: oral in the same submission as its unpaid written is refused', () => {
    const r = checkCanBook({ candidate: LAN, offerings: [offering('1'), offering('F')], bookings: [], now: NOW })
    expect(r.ok || r.error.code).toBe('WRITTEN_NOT_PAID')
  })

  it('an empty submission is refused', () => {
    expect(checkCanBook({ candidate: LAN, offerings: [], bookings: [], now: NOW }).ok).toBe(false)
  })
})
