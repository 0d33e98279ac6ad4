import { describe, expect, it } from 'vitest'
import { checkCanSubmitWaitlist, offeringAvailability } from '../../../src-shared/domain/booking-rules'
import {
  aheadLabel,
  aheadOf,
  checkCanCancelWaitlist,
  checkCanPromote,
  queueOf,
  waitlistStatusLabel,
  type WaitlistEntryFacts,
} from '../../../src-shared/domain/waitlist-rules'
import { booking, LAN, NOW, offering } from './booking-fixtures'

const full = (code: string, over = {}) => offering(code, { seatsLeft: 0, ...over })
const submit = (o = full('1'), bookings = [booking('2', { status: 'cancelled' })], waiting: string[] = []) =>
  checkCanSubmitWaitlist({ candidate: LAN, offering: o, bookings, activeWaitlistSubjectCodes: waiting, now: NOW })

describe('waitlist rules (W1–W4)', () => {
  it('W1: a full offering the candidate could otherwise book shows 无 / 可以候补 and takes an entry', () => {
    expect(submit().ok).toBe(true)
    expect(offeringAvailability({ candidate: LAN, offering: full('1'), bookings: [], now: NOW })).toMatchObject({
      bookable: false,
      code: 'NO_SEATS',
      seats: '无',
      waitlist: '可以候补',
    })
  })

  it('W1: an offering with seats is booked instead; no 可以候补', () => {
    expect(submit(offering('1'))).toEqual({
      ok: false,
      error: { code: 'SEATS_AVAILABLE', message: '英语四级笔试在该校区尚有剩余容量，请直接报考。', reason: { code: 'seatsAvailable', subject: '1' } },
    })
    expect(offeringAvailability({ candidate: LAN, offering: offering('1'), bookings: [], now: NOW }).waitlist).toBeNull()
  })

  it('W1: B1 conditions hold for a waitlist too (eligibility, exam time, window, fee)', () => {
    expect(submit(full('3'))).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    expect(submit(full('1', { examStart: null }))).toMatchObject({ ok: false, error: { code: 'EXAM_TIME_NOT_SET' } })
    expect(submit(full('1', { registrationEnd: NOW }))).toMatchObject({
      ok: false,
      error: { code: 'WINDOW_CLOSED', message: '该校区报名时间已结束，不能提交候补。' },
    })
    expect(submit(full('1', { feeCents: 0 }))).toMatchObject({ ok: false, error: { code: 'FEE_NOT_SET' } })
    expect(offeringAvailability({ candidate: LAN, offering: full('3'), bookings: [], now: NOW }).waitlist).toBeNull()
  })

  it('W1/B2: one entry per level: a booking or an entry at that level refuses another', () => {
    expect(submit(full('5'), [booking('1')])).toMatchObject({ ok: false, error: { code: 'LEVEL_TAKEN', message: '已报考英语四级笔试，同一级别只能报考或候补一个笔试科目。' } })
    expect(submit(full('5'), [], ['1'])).toMatchObject({ ok: false, error: { code: 'LEVEL_TAKEN', message: '已在候补英语四级笔试，同一级别只能候补一个笔试科目。' } })
    expect(submit(full('1'), [], ['1'])).toMatchObject({ ok: false, error: { code: 'LEVEL_TAKEN', message: '已在候补英语四级笔试，不能重复提交候补。' } })
    expect(submit(full('1'), [booking('1')])).toMatchObject({ ok: false, error: { code: 'ALREADY_BOOKED' } })
    // Level 6 is independent of level 4.
    expect(submit(full('2'), [booking('1')], ['5']).ok).toBe(true)
    // An expired booking no longer counts.
    expect(submit(full('5'), [booking('1', { createdAt: '2026-09-09T04:00:00.000Z' })]).ok).toBe(true)
  })

  it('W1/B2: an active entry refuses booking another written subject at that level, and the oral it waits for', () => {
    const book = (code: string, waiting: string[]) =>
      offeringAvailability({ candidate: LAN, offering: offering(code), bookings: [booking('1', { status: 'paid' })], activeWaitlistSubjectCodes: waiting, now: NOW })
    expect(book('F', ['F'])).toMatchObject({ code: 'LEVEL_TAKEN', reason: '已在候补英语四级口试，不能同时报考。' })
    expect(book('F', []).bookable).toBe(true)
  })

  it('W1: an oral waitlist needs the same-level written subject booked; unpaid is enough', () => {
    expect(submit(full('F'), [])).toEqual({
      ok: false,
      error: { code: 'WRITTEN_NOT_BOOKED', message: '请先报考英语四级笔试，再提交英语四级口试候补。', reason: { code: 'waitlistWrittenNotBooked', subject: 'F', other: '1' } },
    })
    expect(submit(full('F'), [booking('1')]).ok).toBe(true)
    expect(submit(full('F'), [booking('1', { status: 'paid' })]).ok).toBe(true)
    expect(submit(full('F', { oralAllowedCampusCodes: ['120011'] }), [booking('1')])).toMatchObject({ ok: false, error: { code: 'CAMPUS_NOT_ALLOWED' } })
    // The list offers 可以候补 on a full oral row while the written booking is still unpaid.
    expect(offeringAvailability({ candidate: LAN, offering: full('F'), bookings: [booking('1')], now: NOW })).toMatchObject({
      code: 'WRITTEN_NOT_PAID',
      waitlist: '可以候补',
    })
  })

  it('W2: the queue is first come first served per offering, by receive sequence, waiting entries only', () => {
    const e = (id: string, offeringId: string, sequence: number, status: WaitlistEntryFacts['status'] = 'waiting'): WaitlistEntryFacts => ({
      id,
      offeringId,
      sequence,
      status,
    })
    const entries = [e('c', 'A', 7), e('a', 'A', 2), e('x', 'B', 1), e('gone', 'A', 1, 'cancelled'), e('b', 'A', 5)]
    expect(queueOf(entries, 'A').map((q) => q.id)).toEqual(['a', 'b', 'c'])
    expect(aheadOf(entries, entries[0] as WaitlistEntryFacts)).toBe(2)
    expect(aheadOf(entries, entries[1] as WaitlistEntryFacts)).toBe(0)
    expect(aheadOf(entries, entries[3] as WaitlistEntryFacts)).toBeNull()
    expect(aheadLabel(2)).toBe('前面还有 2 人')
  })

  it('W2: a promotion re-checks W1 but not the seats, and ignores the entry itself', () => {
    const input = { candidate: LAN, offering: offering('1', { seatsLeft: 1 }), bookings: [], activeWaitlistSubjectCodes: ['1'], now: NOW }
    expect(checkCanPromote(input).ok).toBe(true)
    expect(checkCanPromote({ ...input, offering: offering('F', { seatsLeft: 1 }), activeWaitlistSubjectCodes: ['F'] })).toMatchObject({
      ok: false,
      error: { code: 'WRITTEN_NOT_BOOKED' },
    })
    expect(checkCanPromote({ ...input, offering: offering('1', { registrationEnd: NOW }) })).toMatchObject({ ok: false, error: { code: 'WINDOW_CLOSED' } })
  })

  it('W3: only a waiting entry is cancelled, with a reason from the list', () => {
    expect(checkCanCancelWaitlist({ status: 'waiting' }, '时间冲突').ok).toBe(true)
    expect(checkCanCancelWaitlist({ status: 'waiting' }, '随便')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    for (const status of ['promoted', 'cancelled', 'failed'] as const)
      expect(checkCanCancelWaitlist({ status }, '其他')).toMatchObject({ ok: false, error: { code: 'WAITLIST_GONE' } })
  })

  it('W4: statuses in the seeds\' words', () => {
    expect(['waiting', 'promoted', 'cancelled', 'failed'].map((s) => waitlistStatusLabel(s as never))).toEqual([
      '正在候补',
      '候补成功',
      '考生取消',
      '候补失败',
    ])
  })
})
