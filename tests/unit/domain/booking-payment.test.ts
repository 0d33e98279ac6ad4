import { describe, expect, it } from 'vitest'
import { checkOrder, ORDER_NO_PATTERN, orderExpiresAt, settlePayment } from '../../../src-shared/domain/booking-rules'
import { booking, NOW } from './booking-fixtures'

describe('P1/P2: orders', () => {
  it('P1: a written order covers every active unpaid written booking, with the total', () => {
    const w4 = booking('1', { scoreReport: 'paper' })
    const w6 = booking('2', { scoreReport: 'electronic', feeCents: 25 })
    const paid = booking('5', { status: 'paid', scoreReport: 'paper' })
    const oral = booking('F')
    const gone = booking('4', { status: 'cancelled', scoreReport: 'paper' })
    expect(checkOrder('written', [w4, w6, paid, oral, gone], NOW)).toEqual({
      ok: true,
      value: { kind: 'written', bookingIds: [w4.id, w6.id], totalCents: 35 },
    })
  })

  it('R1/P2: a written booking without a score-report choice cannot be paid', () => {
    expect(checkOrder('written', [booking('1')], NOW)).toMatchObject({
      error: { code: 'SCORE_REPORT_REQUIRED', message: '请先为英语四级笔试选择纸质或电子成绩报告单。' },
    })
  })

  it('P1: nothing unpaid of that kind is refused', () => {
    expect(checkOrder('written', [booking('1', { status: 'paid' })], NOW)).toMatchObject({ error: { code: 'NOTHING_TO_PAY' } })
    expect(checkOrder('oral', [], NOW)).toMatchObject({ error: { code: 'NOTHING_TO_PAY', message: '没有未支付的口试科目。' } })
    // Expired by the clock even before the sweep ran (B4).
    expect(checkOrder('written', [booking('1', { scoreReport: 'paper', createdAt: '2026-09-09T04:00:00.000Z' })], NOW)).toMatchObject({
      error: { code: 'NOTHING_TO_PAY' },
    })
  })

  it('P1: written subjects are paid before oral', () => {
    const paid4 = booking('1', { status: 'paid', scoreReport: 'paper' })
    const unpaid6 = booking('2', { scoreReport: 'paper' })
    const oral = booking('F')
    expect(checkOrder('oral', [paid4, unpaid6, oral], NOW)).toMatchObject({
      error: { code: 'WRITTEN_NOT_PAID', message: '必须先支付笔试科目，才能支付口试科目。' },
    })
    expect(checkOrder('oral', [paid4, oral], NOW)).toMatchObject({ ok: true, value: { bookingIds: [oral.id], totalCents: 10 } })
    // B3 again at payment: an oral whose written is not paid (e.g. booked online elsewhere) waits.
    expect(checkOrder('oral', [booking('S')], NOW)).toMatchObject({ error: { code: 'WRITTEN_NOT_PAID' } })
  })

  it('P3: orders expire two hours after they are made; order numbers look like NEEA IDs', () => {
    expect(orderExpiresAt('2026-09-10T00:00:00.000Z')).toBe('2026-09-10T02:00:00.000Z')
    expect(ORDER_NO_PATTERN.test('8C66290D99194030B0EB041F7DA54B27')).toBe(true)
    expect(ORDER_NO_PATTERN.test('8c66290d99194030b0eb041f7da54b27')).toBe(false)
  })
})

describe('P4: settling a payment', () => {
  it('P4: applied when every booking is still unpaid and active', () => {
    const b = booking('1', { scoreReport: 'paper' })
    expect(settlePayment([b.id], [b], NOW)).toEqual({ kind: 'apply', bookingIds: [b.id] })
  })

  it('P4: a payment for a cancelled, expired or already-paid booking is flagged for refund', () => {
    const cancelled = booking('1', { status: 'cancelled' })
    expect(settlePayment([cancelled.id], [cancelled], NOW)).toEqual({ kind: 'refund', reason: '支付到达时报考科目已被取消，需退款。' })
    const lapsed = booking('1', { createdAt: '2026-09-09T04:00:00.000Z' })
    expect(settlePayment([lapsed.id], [lapsed], NOW)).toMatchObject({ kind: 'refund', reason: '支付到达时报考科目已超时被系统删除，需退款。' })
    const paid = booking('1', { status: 'paid' })
    expect(settlePayment([paid.id], [paid], NOW)).toMatchObject({ kind: 'refund' })
    expect(settlePayment(['missing'], [], NOW)).toMatchObject({ kind: 'refund' })
  })

  it('P4: one gone booking in the order flags the whole payment (the amount covered all)', () => {
    const ok = booking('1')
    const gone = booking('2', { status: 'expired' })
    expect(settlePayment([ok.id, gone.id], [ok, gone], NOW).kind).toBe('refund')
  })
})
