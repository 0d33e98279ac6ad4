import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OralOfferingsPage, OrderView, PaymentConfirmation } from '../../../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { followUpPendingOrders } from '../../../../src-main/services/booking/payment-follow-up'
import { confirmedVisit, createBookingWorld, info, OFFERING, payOnPhone, value, type BookingWorld } from './booking-harness'
import type { TestKiosk } from '../support/test-kiosk'

const HOUR = 60 * 60 * 1000

describe('score report and payment through dispatch against the reference central', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('pay')
    visitId = await confirmedVisit(kiosk)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
  })
  afterEach(() => world.close())

  async function writtenBookingId(): Promise<string> {
    return (await info(kiosk, visitId)).bookings.written[0]!.bookingId
  }

  it('R1 P2: paying needs the score-report choice; once saved it shows on 确认报考信息 with the total', async () => {
    expect(await kiosk.dispatch('startPayment', { visitId, kind: 'written' })).toMatchObject({ ok: false, error: { code: 'SCORE_REPORT_REQUIRED' } })
    const before = await info(kiosk, visitId)
    expect(before.bookings.writtenSummary.pay).toEqual({
      allowed: false,
      reason: '请先为英语四级笔试选择纸质或电子成绩报告单。',
      reasonRef: { code: 'scoreReportRequired', subject: '1' },
    })

    const saved = value<RegistrationInfo>(
      await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: await writtenBookingId(), choice: 'paper' }], confirmed: true }),
    )
    expect(saved.bookings.written[0]!.scoreReport).toBe('paper')
    expect(saved.bookings.writtenSummary.pay).toEqual({ allowed: true, reason: null })

    const confirmation = value<PaymentConfirmation>(await kiosk.dispatch('getPaymentConfirmation', { visitId, kind: 'written' }))
    expect(confirmation).toMatchObject({
      name: '蓝笑天',
      kind: 'written',
      rows: [{ campus: { code: '120010', name: '南开大学' }, subjectName: '英语四级笔试', feeCents: 10, scoreReportLabel: '纸质' }],
      totalCents: 10,
    })
  })

  it('R1: a choice not confirmed in the dialog is refused before anything is sent', async () => {
    const unconfirmed = await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: await writtenBookingId(), choice: 'paper' }], confirmed: false })
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('P1 P3 P4: the order is paid on the phone, the booking turns 已支付 on its own, and cannot be paid again', async () => {
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: await writtenBookingId(), choice: 'electronic' }], confirmed: true }))
    // P1: oral cannot be paid before written.
    expect(await kiosk.dispatch('startPayment', { visitId, kind: 'oral' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PAY' } })

    const order = value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'written' }))
    expect(order).toMatchObject({ kind: 'written', amountCents: 10, status: 'pending', subjectNames: ['英语四级笔试'] })
    expect(order.orderNo).toMatch(/^[0-9A-F]{32}$/)
    expect(order.payUrl).toContain(order.orderNo)
    // Asking again for the same bookings gives the same order (no second one to pay).
    expect(value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'written' })).orderNo).toBe(order.orderNo)
    expect((await info(kiosk, visitId)).bookings.openOrderNo).toBe(order.orderNo)

    expect(await payOnPhone(order.payUrl)).toBe(200)
    // The scheduler's follow-up hears it without anyone pressing 更新.
    expect(await followUpPendingOrders(kiosk.ctx)).toBe(1)
    const paid = await info(kiosk, visitId)
    expect(paid.bookings.written[0]).toMatchObject({ paymentStatus: 'paid', expiresAt: null, cancel: { allowed: false, reason: '已支付科目不可取消报考。' } })
    expect(paid.bookings.writtenSummary).toMatchObject({ paidCents: 10, unpaidCents: 0, statusLabel: '全部已支付', pay: { allowed: false } })
    expect(paid.actions.find((a) => a.id === 'deleteRegistration')).toMatchObject({ enabled: false, reason: '已有已支付的科目，不能删除报名信息。' })
    expect(value<OrderView>(await kiosk.dispatch('getPaymentStatus', { visitId, orderNo: order.orderNo })).status).toBe('paid')

    // P4: paying the same order twice is impossible.
    await payOnPhone(order.payUrl)
    expect(value<OrderView>(await kiosk.dispatch('getPaymentStatus', { visitId, orderNo: order.orderNo })).status).toBe('paid')
    expect(await kiosk.dispatch('startPayment', { visitId, kind: 'written' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PAY' } })
    const audit = (await listAudit(kiosk.store.db)).map((a) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['score-report.save', 'order.create', 'order.paid']))

    // B3: now the oral subject of the same level can be booked and paid.
    const oral = value<OralOfferingsPage>(await kiosk.dispatch('getOralOfferings', { visitId }))
    const f = oral.subjects.find((s) => s.subject.code === 'F')!
    expect(f.reason).toBeNull()
    expect(f.campuses).toEqual([{ code: '120010', name: '南开大学' }])
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [f.options[0]!.offeringId] }))
    const oralOrder = value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'oral' }))
    await payOnPhone(oralOrder.payUrl)
    expect(value<OrderView>(await kiosk.dispatch('getPaymentStatus', { visitId, orderNo: oralOrder.orderNo })).status).toBe('paid')
    expect((await info(kiosk, visitId)).bookings.oral[0]).toMatchObject({ paymentStatus: 'paid' })
  })

  it('B5: a written subject cannot be cancelled while the same-level oral is booked', async () => {
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: await writtenBookingId(), choice: 'paper' }], confirmed: true }))
    const order = value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'written' }))
    await payOnPhone(order.payUrl)
    value(await kiosk.dispatch('getPaymentStatus', { visitId, orderNo: order.orderNo }))
    const withOral = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.oralF] }))
    expect(withOral.bookings.written[0]!.cancel.allowed).toBe(false)
    expect(withOral.bookings.oral[0]!.cancel).toEqual({ allowed: true, reason: null })
  })

  it('P4: a payment that arrives after the booking expired is flagged for refund and shown to staff', async () => {
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: await writtenBookingId(), choice: 'paper' }], confirmed: true }))
    world.clock.advance(23 * HOUR)
    const order = value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'written' }))
    world.clock.advance(90 * 60 * 1000) // the booking is 24.5 hours old: expired; the QR code still valid
    await payOnPhone(order.payUrl)
    const status = value<OrderView>(await kiosk.dispatch('getPaymentStatus', { visitId, orderNo: order.orderNo }))
    expect(status.status).toBe('refund_required')
    const page = await info(kiosk, visitId)
    expect(page.bookings.written).toEqual([])
    expect(page.bookings.refunds).toMatchObject([{ orderNo: order.orderNo, amountCents: 10 }])
    expect(page.bookings.refunds[0]!.reason).toContain('退款')
    expect((await listAudit(kiosk.store.db)).map((a) => a.action)).toContain('order.refund-required')
  })
})
