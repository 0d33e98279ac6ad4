/** Shortcuts for the booking, order and payment tests of the reference central. */
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import type { Booking, Order } from '../../../src-shared/schemas'
import { call, expectAnswer, type CallResult, type Harness } from './central-harness'

export const LAN = 'C12001-00008' // 蓝笑天, campus 120010: 1, 2, 4, 5, F, S
export const WANG = 'C12001-2220101' // 王晓明, campus 120011: 1, 2, F, S
export const HOUR = 3_600_000

let keys = 0
export const key = (): string => `k-${++keys}`

export function at(h: Harness, ms: number): void {
  h.clock.now = new Date(h.clock.now.getTime() + ms)
}

export async function confirm(h: Harness, candidateId: string): Promise<void> {
  expectAnswer(
    await call(h, '/v1/registrations', {
      body: { candidateId, agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: h.clock.now.toISOString() },
      idempotencyKey: key(),
    }),
    'confirmRegistration',
  )
}

export function bookCall(h: Harness, candidateId: string, offeringIds: string[], options: { token?: string; idempotencyKey?: string } = {}): Promise<CallResult> {
  return call(h, '/v1/bookings', { body: { candidateId, offeringIds }, idempotencyKey: options.idempotencyKey ?? key(), token: options.token })
}

export async function book(h: Harness, candidateId: string, offeringId: string): Promise<Booking> {
  const { bookings } = expectAnswer(await bookCall(h, candidateId, [offeringId]), 'createBookings')
  const first = bookings[0]
  if (!first) throw new Error('no booking returned')
  return first
}

export async function chooseReport(h: Harness, candidateId: string, bookingId: string, choice: 'paper' | 'electronic' = 'paper'): Promise<Booking> {
  return expectAnswer(
    await call(h, `/v1/bookings/${bookingId}/score-report`, { body: { candidateId, choice }, idempotencyKey: key() }),
    'setScoreReport',
  ).booking
}

export function orderCall(h: Harness, candidateId: string, kind: 'written' | 'oral'): Promise<CallResult> {
  return call(h, '/v1/orders', { body: { candidateId, kind }, idempotencyKey: key() })
}

export async function order(h: Harness, candidateId: string, kind: 'written' | 'oral'): Promise<Order> {
  return expectAnswer(await orderCall(h, candidateId, kind), 'createOrder').order
}

/** What a phone does on the payment page: POST /pay/<orderNo>, no device token. */
export async function pay(h: Harness, orderNo: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${h.central.url}/pay/${orderNo}`, { method: 'POST' })
  return { status: res.status, html: await res.text() }
}

export async function bookingsOf(h: Harness, candidateId: string): Promise<{ bookings: Booking[]; orders: Order[] }> {
  return expectAnswer(await call(h, `/v1/candidates/${candidateId}/bookings`), 'listBookings')
}

export async function seatsLeft(h: Harness, offeringId: string): Promise<number> {
  const { offerings } = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
  const found = offerings.find((o) => o.id === offeringId)
  if (!found) throw new Error(`no offering ${offeringId}`)
  return found.seatsLeft
}
