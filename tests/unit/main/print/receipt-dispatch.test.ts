import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OrderView } from '../../../../src-shared/ipc/booking-views'
import type { ReceiptView } from '../../../../src-shared/ipc/receipt-views'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { followUpPendingOrders } from '../../../../src-main/services/booking/payment-follow-up'
import { confirmedVisit, createBookingWorld, info, LAN, OFFERING, payOnPhone, value, type BookingWorld } from '../booking/booking-harness'
import { startVisit, type TestKiosk } from '../support/test-kiosk'

describe('报名回执 and printing through dispatch against the reference central', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('receipt')
  })
  afterEach(() => world.close())

  it('K3 P3 R1: after payment the receipt shows the masked ID, 已支付, the order number, the score-report choice and the operator', async () => {
    const visitId = await confirmedVisit(kiosk)
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [OFFERING.en4At120010] }))
    const bookingId = (await info(kiosk, visitId)).bookings.written[0]!.bookingId
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId, choice: 'paper' }], confirmed: true }))

    const before = value<ReceiptView>(await kiosk.dispatch('getReceipt', { visitId }))
    expect(before.bookings[0]).toMatchObject({ paymentStatus: 'unpaid', orderNo: null, scoreReport: 'paper' })
    expect(before.bookings[0]!.expiresAt).not.toBeNull()
    expect(before.totals).toEqual({ paidCents: 0, unpaidCents: 10, totalCents: 10 })

    const order = value<OrderView>(await kiosk.dispatch('startPayment', { visitId, kind: 'written' }))
    await payOnPhone(order.payUrl)
    await followUpPendingOrders(kiosk.ctx)

    const receipt = value<ReceiptView>(await kiosk.dispatch('getReceipt', { visitId }))
    expect(receipt.candidate).toMatchObject({ name: LAN.name, idType: LAN.idType, idNumberMasked: '1200****0008' })
    expect(JSON.stringify(receipt)).not.toContain(LAN.idNumber)
    expect(receipt.bookings).toEqual([
      expect.objectContaining({
        subject: { code: '1', name: '英语四级笔试' },
        campus: { code: '120010', name: '南开大学' },
        feeCents: 10,
        paymentStatus: 'paid',
        expiresAt: null,
        scoreReport: 'paper',
        orderNo: order.orderNo,
      }),
    ])
    expect(receipt.orderNos).toEqual([order.orderNo])
    expect(receipt.totals).toEqual({ paidCents: 10, unpaidCents: 0, totalCents: 10 })
    expect(receipt.examSessionName).toBe('2026下半年CET考试')
    expect(receipt.operatorName).toBe('张老师')
    expect(receipt.nextSteps).toEqual([
      { id: 'admissionTicket', subjectName: null },
      { id: 'examPlace', subjectName: null },
      { id: 'paperReport', subjectName: '英语四级' },
      { id: 'electronicReport', subjectName: null },
    ])
  })

  it('W1 W4: a waitlist entry is on the receipt with its place in the queue', async () => {
    world.setSeatsLeft(OFFERING.ja6At120010, 0)
    const visitId = await confirmedVisit(kiosk)
    // The 笔试科目报考 page learns that the offering is full.
    const written = value<{ groups: { options: { offeringId: string; waitlist: { allowed: boolean } | null }[] }[] }>(
      await kiosk.dispatch('getWrittenOfferings', { visitId }),
    )
    const ja6 = written.groups.flatMap((g) => g.options).find((o) => o.offeringId === OFFERING.ja6At120010)
    expect(ja6?.waitlist?.allowed).toBe(true)
    value(await kiosk.dispatch('submitWaitlist', { visitId, offeringId: OFFERING.ja6At120010, confirmed: true }))
    const receipt = value<ReceiptView>(await kiosk.dispatch('getReceipt', { visitId }))
    expect(receipt.waitlist).toEqual([expect.objectContaining({ subject: { code: '4', name: '日语六级笔试' }, statusLabel: '正在候补', active: true, ahead: 0 })])
    expect(receipt.nextSteps).toEqual([{ id: 'waitlist', subjectName: null }])
  })

  it('K1 K2: a receipt needs the desk’s candidate; printing it answers that the browser prints, and is audited', async () => {
    const visitId = await startVisit(kiosk)
    expect(await kiosk.dispatch('getReceipt', { visitId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await kiosk.dispatch('printDocument', { document: 'receipt' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    value(await kiosk.dispatch('lookupEligibility', { visitId, ...LAN }))
    expect(await kiosk.dispatch('getReceipt', { visitId })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })

    expect(value(await kiosk.dispatch('printDocument', { document: 'receipt' }))).toEqual({ printedBy: 'browser' })
    const printed = (await listAudit(kiosk.store.db)).filter((a) => a.action === 'document.print')
    expect(printed).toEqual([expect.objectContaining({ operator_id: kiosk.operatorId, outcome: 'ok', detail: 'receipt' })])
    expect(printed[0]!.candidate_id).not.toBeNull()
    // The day report is a supervisor's to print.
    expect(await kiosk.dispatch('printDocument', { document: 'dayReport' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
