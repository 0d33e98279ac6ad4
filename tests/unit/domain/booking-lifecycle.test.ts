import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkCanCancel,
  checkCanDeleteRegistration,
  checkScoreReportChoice,
  expiredIfCreatedBy,
  expiresAt,
  isActive,
  isExpired,
  isRegistrationDue,
  paymentStatusLabel,
  registrationDeletionDueAt,
} from '../../../src-shared/domain/booking-rules'
import { booking, NOW, offering } from './booking-fixtures'

const CREATED = '2026-09-10T00:00:00.000Z'
const DAY_LATER = '2026-09-11T00:00:00.000Z'

describe('B4: unpaid bookings expire exactly 24 hours after they were made', () => {
  it('B4: expiresAt is createdAt + 24 h', () => {
    expect(expiresAt(CREATED)).toBe(DAY_LATER)
    expect(expiresAt(new Date(CREATED))).toBe(DAY_LATER)
  })

  it('B4: one millisecond before 24 h it is active; at exactly 24 h it is expired', () => {
    const b = booking('1', { createdAt: CREATED })
    expect(isExpired(b, '2026-09-10T23:59:59.999Z')).toBe(false)
    expect(isActive(b, '2026-09-10T23:59:59.999Z')).toBe(true)
    expect(isExpired(b, DAY_LATER)).toBe(true)
    expect(isActive(b, DAY_LATER)).toBe(false)
  })

  it('B4: a paid booking never expires', () => {
    const b = booking('1', { createdAt: CREATED, status: 'paid' })
    expect(isExpired(b, '2027-01-01T00:00:00.000Z')).toBe(false)
    expect(isActive(b, '2027-01-01T00:00:00.000Z')).toBe(true)
  })

  it('B4/B7: the payment status shows the deletion time in Beijing time, as the seeds do', () => {
    expect(paymentStatusLabel(booking('1', { createdAt: '2022-08-30T03:12:40.000Z' }))).toBe(
      '未支付 (2022-08-31 11:12后随时会被系统删除)',
    )
    expect(paymentStatusLabel(booking('1', { status: 'paid' }))).toBe('已支付')
  })
})

describe('B5: cancelling', () => {
  const window = offering('1')
  const cancel = (b: ReturnType<typeof booking>, all = [b], now = NOW, o = window) =>
    checkCanCancel({ booking: b, offering: o, bookings: all, now })

  it('B5: an unpaid booking inside the window can be cancelled', () => {
    expect(cancel(booking('1'))).toEqual({ ok: true, value: undefined })
  })

  it('B5: a paid booking can never be cancelled', () => {
    expect(cancel(booking('1', { status: 'paid' }))).toMatchObject({ ok: false, error: { code: 'PAID_NOT_CANCELLABLE', message: '已支付科目不可取消报考。' } })
  })

  it('B5: not outside the window', () => {
    expect(cancel(booking('1'), undefined, NOW, offering('1', { registrationEnd: NOW }))).toMatchObject({ error: { code: 'WINDOW_CLOSED' } })
  })

  it('B5: not when locked by collective payment', () => {
    expect(cancel(booking('1', { collectiveLocked: true }))).toMatchObject({ error: { code: 'COLLECTIVE_LOCKED' } })
  })

  it('B5: not a written subject while the same-level oral is booked', () => {
    const written = booking('1')
    const oral = booking('F')
    expect(cancel(written, [written, oral])).toMatchObject({
      error: { code: 'ORAL_DEPENDS', message: '已报考同级别的英语四级口试，英语四级笔试不可取消。' },
    })
    // The other level's oral does not lock it, nor does an ended oral.
    expect(cancel(written, [written, booking('S')]).ok).toBe(true)
    expect(cancel(written, [written, booking('F', { status: 'cancelled' })]).ok).toBe(true)
    // The oral itself can be cancelled.
    expect(cancel(oral, [written, oral]).ok).toBe(true)
  })

  it('B4/B5: an expired or cancelled booking is gone', () => {
    expect(cancel(booking('1', { status: 'cancelled' }))).toMatchObject({ error: { code: 'BOOKING_GONE' } })
    expect(cancel(booking('1', { createdAt: '2026-09-09T04:00:00.000Z' }))).toMatchObject({ error: { code: 'BOOKING_GONE' } })
  })
})

describe('R1: score-report choice', () => {
  const yes = { paperConfirmed: true, saveConfirmed: true }

  it('R1: 纸质 needs both confirmations; 电子 needs the save confirmation', () => {
    const b = booking('1')
    expect(checkScoreReportChoice(b, 'paper', yes, NOW).ok).toBe(true)
    expect(checkScoreReportChoice(b, 'paper', { paperConfirmed: false, saveConfirmed: true }, NOW)).toMatchObject({
      error: { code: 'CONFIRMATION_REQUIRED' },
    })
    expect(checkScoreReportChoice(b, 'paper', { paperConfirmed: true, saveConfirmed: false }, NOW)).toMatchObject({
      error: { code: 'CONFIRMATION_REQUIRED', message: '提交前请确认成绩报告单/证书申请信息。' },
    })
    expect(checkScoreReportChoice(b, 'electronic', { paperConfirmed: false, saveConfirmed: true }, NOW).ok).toBe(true)
  })

  it('R1: only written bookings take a choice, and only while active', () => {
    expect(checkScoreReportChoice(booking('F'), 'paper', yes, NOW)).toMatchObject({ error: { code: 'NOT_WRITTEN' } })
    expect(checkScoreReportChoice(booking('1', { status: 'expired' }), 'paper', yes, NOW)).toMatchObject({
      error: { code: 'BOOKING_GONE' },
    })
  })
})

describe('B6: registrations', () => {
  it('B6: staff cannot delete a registration with anything paid', () => {
    expect(checkCanDeleteRegistration([booking('1', { status: 'paid' }), booking('F')])).toMatchObject({
      error: { code: 'HAS_PAID_BOOKINGS', message: '已有已支付的科目，不能删除报名信息。' },
    })
    expect(checkCanDeleteRegistration([booking('1')]).ok).toBe(true)
    expect(checkCanDeleteRegistration([]).ok).toBe(true)
  })

  it('B6: a registration holding nothing is due 24 h after confirmation or its last release, whichever is later', () => {
    const confirmedAt = '2026-09-10T00:00:00.000Z'
    expect(registrationDeletionDueAt({ confirmedAt, lastReleasedAt: null, holdsSomething: false })).toBe(DAY_LATER)
    expect(
      registrationDeletionDueAt({ confirmedAt, lastReleasedAt: '2026-09-10T06:00:00.000Z', holdsSomething: false }),
    ).toBe('2026-09-11T06:00:00.000Z')
    expect(registrationDeletionDueAt({ confirmedAt, lastReleasedAt: null, holdsSomething: true })).toBeNull()
    const r = { confirmedAt, lastReleasedAt: null, holdsSomething: false }
    expect(isRegistrationDue(r, '2026-09-10T23:59:59.999Z')).toBe(false)
    expect(isRegistrationDue(r, DAY_LATER)).toBe(true)
    expect(isRegistrationDue(r, '2026-09-10T01:00:00.000Z', 3_600_000)).toBe(true)
  })
})

describe('B4 in bulk: the bound a store queries says what the rule says', () => {
  it('B4: an unpaid booking is expired at `now` exactly when its canonical createdAt <= expiredIfCreatedBy(now)', () => {
    const instant = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    const nearTtl = fc.integer({ min: -3, max: 3 }).map((ms) => 24 * 3_600_000 + ms)
    fc.assert(
      fc.property(instant, fc.oneof(nearTtl, fc.integer({ min: 0, max: 3 * 24 * 3_600_000 })), (created, age) => {
        const now = new Date(created.getTime() + age)
        const createdAt = created.toISOString()
        expect(createdAt <= expiredIfCreatedBy(now)).toBe(isExpired({ status: 'unpaid', createdAt }, now))
      }),
    )
  })
})
