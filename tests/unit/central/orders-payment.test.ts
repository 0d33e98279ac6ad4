import { afterEach, describe, expect, it } from 'vitest'
import { formatYuan } from '../../../src-central/pay-page'
import { ORDER_NO_PATTERN } from '../../../src-shared/domain/booking-rules'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { at, book, bookCall, bookingsOf, chooseReport, confirm, HOUR, key, LAN, order, orderCall, pay } from './booking-harness'

describe('central orders and payment', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  async function writtenBooked() {
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, b.id)
    return b
  }

  it('R1/P2: a written order needs every score-report choice first', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await book(h, LAN, '120010-1')
    const error = expectError(await orderCall(h, LAN, 'written'), 422, 'SCORE_REPORT_REQUIRED')
    expect(error.message).toBe('请先为英语四级笔试选择纸质或电子成绩报告单。')
  })

  it('P1/P3: an order covers the unpaid written bookings: NEEA ID, amount, 2 h expiry, payUrl; asked again it is the same order', async () => {
    h = await startHarness()
    const b = await writtenBooked()
    const o = await order(h, LAN, 'written')
    expect(o.orderNo).toMatch(ORDER_NO_PATTERN)
    expect(o).toMatchObject({
      candidateId: LAN,
      kind: 'written',
      bookingIds: [b.id],
      amountCents: 10,
      status: 'pending',
      purpose: '2026下半年CET考试报名费',
      createdAt: T0.toISOString(),
      expiresAt: new Date(T0.getTime() + 2 * HOUR).toISOString(),
      paidAt: null,
      payUrl: `${h.central.url}/pay/${o.orderNo}`,
      refundReason: null,
    })
    at(h, 60_000)
    expect((await order(h, LAN, 'written')).orderNo).toBe(o.orderNo)
    expect(expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order).toEqual(o)
  })

  it('P3: the payment page shows the order in the seed\'s words, without any device token', async () => {
    h = await startHarness()
    await writtenBooked()
    const o = await order(h, LAN, 'written')
    const res = await fetch(o.payUrl)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    for (const text of ['教育部考试中心网上支付平台', '支付信息', '支付用途', '2026下半年CET考试报名费', '考生姓名', '蓝笑天', '支付金额', '0.1元人民币', 'NEEA ID', o.orderNo, '确认支付'])
      expect(html).toContain(text)
    expect((await fetch(`${h.central.url}/pay/0000`)).status).toBe(404)
    expect((await fetch(`${h.central.url}/pay/${'0'.repeat(32)}`)).status).toBe(404)
    expect((await fetch(o.payUrl, { method: 'PUT' })).status).toBe(405)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('P3: amounts read as the seed prints them', () => {
    expect(formatYuan(10)).toBe('0.1元人民币')
    expect(formatYuan(1)).toBe('0.01元人民币')
    expect(formatYuan(100)).toBe('1元人民币')
    expect(formatYuan(2345)).toBe('23.45元人民币')
  })

  it('P3: paying on the page marks the bookings 已支付 and the order paid; the status is seen by the kiosk', async () => {
    h = await startHarness()
    const b = await writtenBooked()
    const o = await order(h, LAN, 'written')
    at(h, 5 * 60_000)
    const paid = await pay(h, o.orderNo)
    expect(paid.status).toBe(200)
    expect(paid.html).toContain('支付成功')
    const paidAt = h.clock.now.toISOString()
    expect(expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order).toMatchObject({ status: 'paid', paidAt })
    const listed = await bookingsOf(h, LAN)
    expect(listed.bookings).toEqual([expect.objectContaining({ id: b.id, status: 'paid', paidAt, orderNo: o.orderNo })])
    expect(listed.orders.map((x) => x.status)).toEqual(['paid'])
    // Nothing left to pay.
    expectError(await orderCall(h, LAN, 'written'), 409, 'NOTHING_TO_PAY')
  })

  it('P4: paying the same order twice is impossible', async () => {
    h = await startHarness()
    await writtenBooked()
    const o = await order(h, LAN, 'written')
    expect((await pay(h, o.orderNo)).status).toBe(200)
    const again = await pay(h, o.orderNo)
    expect(again.status).toBe(409)
    expect(again.html).toContain('该订单已支付，请勿重复支付。')
    expect(expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order.status).toBe('paid')
  })

  it('P4: a new order for the same bookings closes the older one, which can no longer be paid', async () => {
    h = await startHarness()
    const first = await writtenBooked()
    const older = await order(h, LAN, 'written')
    const six = await book(h, LAN, '120010-2')
    await chooseReport(h, LAN, six.id, 'electronic')
    const newer = await order(h, LAN, 'written')
    expect(newer.orderNo).not.toBe(older.orderNo)
    expect(newer).toMatchObject({ amountCents: 20 })
    expect([...newer.bookingIds].sort()).toEqual([first.id, six.id].sort())
    expect(expectAnswer(await call(h, `/v1/orders/${older.orderNo}`), 'getOrder').order.status).toBe('closed')
    const refused = await pay(h, older.orderNo)
    expect(refused.status).toBe(410)
    expect(refused.html).toContain('该订单已失效')
    expect((await pay(h, newer.orderNo)).status).toBe(200)
  })

  it('P4: a payment for a booking cancelled meanwhile is recorded as needing refund and listed for staff', async () => {
    h = await startHarness()
    const b = await writtenBooked()
    const o = await order(h, LAN, 'written')
    expectAnswer(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 'cancelBooking')
    const late = await pay(h, o.orderNo)
    expect(late.status).toBe(200)
    expect(late.html).toContain('退款')
    const recorded = expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order
    expect(recorded).toMatchObject({ status: 'refund_required', refundReason: '支付到达时报考科目已被取消，需退款。' })
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expect(expectAnswer(await call(h, '/v1/refunds'), 'listRefunds').orders.map((x) => x.orderNo)).toEqual([o.orderNo])
    // Another school's kiosk does not see it.
    const other = h.central.issueDeviceToken('K-TEST', ['99301'])
    expect(expectAnswer(await call(h, '/v1/refunds', { token: other }), 'listRefunds').orders).toEqual([])
    // And it cannot be paid again.
    expect((await pay(h, o.orderNo)).status).toBe(409)
  })

  it('P4/B4: a payment arriving after the booking expired is flagged for refund, never applied', async () => {
    h = await startHarness()
    await writtenBooked()
    at(h, 23 * HOUR)
    const o = await order(h, LAN, 'written') // valid until T0 + 25 h on the platform
    at(h, HOUR) // T0 + 24 h: the booking expires
    const late = await pay(h, o.orderNo)
    expect(late.status).toBe(200)
    expect(expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order).toMatchObject({
      status: 'refund_required',
      refundReason: '支付到达时报考科目已超时被系统删除，需退款。',
    })
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
  })

  it('P3: an order whose QR code lapsed (2 h) is closed and cannot be paid', async () => {
    h = await startHarness()
    await writtenBooked()
    const o = await order(h, LAN, 'written')
    at(h, 2 * HOUR)
    expect((await pay(h, o.orderNo)).status).toBe(410)
    expect(expectAnswer(await call(h, `/v1/orders/${o.orderNo}`), 'getOrder').order.status).toBe('closed')
    // A fresh order can be made for the same, still unpaid booking.
    expect((await order(h, LAN, 'written')).orderNo).not.toBe(o.orderNo)
  })

  it('P1/B3: oral is paid only after written; then the oral order is paid', async () => {
    h = await startHarness()
    await writtenBooked()
    expectError(await orderCall(h, LAN, 'oral'), 409, 'NOTHING_TO_PAY')
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const six = await book(h, LAN, '120010-2')
    await chooseReport(h, LAN, six.id)
    const oral = await book(h, LAN, '120010-F')
    const refused = expectError(await orderCall(h, LAN, 'oral'), 409, 'WRITTEN_NOT_PAID')
    expect(refused.message).toBe('必须先支付笔试科目，才能支付口试科目。')
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const o = await order(h, LAN, 'oral')
    expect(o).toMatchObject({ kind: 'oral', bookingIds: [oral.id], amountCents: 10 })
    expect((await pay(h, o.orderNo)).status).toBe(200)
    expect((await bookingsOf(h, LAN)).bookings.map((b) => [b.subjectCode, b.status])).toEqual([
      ['1', 'paid'],
      ['2', 'paid'],
      ['F', 'paid'],
    ])
  })

  it('P3: orders are read only by kiosks of the candidate\'s school, and /v1 still needs a token', async () => {
    h = await startHarness()
    await writtenBooked()
    const o = await order(h, LAN, 'written')
    const other = h.central.issueDeviceToken('K-TEST', ['99301'])
    expectError(await call(h, `/v1/orders/${o.orderNo}`, { token: other }), 404, 'NOT_FOUND')
    expectError(await call(h, `/v1/orders/${o.orderNo}`, { token: null }), 401, 'UNAUTHORIZED')
    expectError(await bookCall(h, LAN, ['120010-2'], { token: other }), 404, 'NOT_FOUND')
  })
})
