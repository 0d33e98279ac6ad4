/**
 * POST /v1/batch: several outbox changes in one request, each answered exactly as if sent alone
 * (S1, S2), each refused alone (S6), a malformed batch refused whole without changing anything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_BATCH_REQUESTS } from '../../../src-shared/central/contract'
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import { bookingsOf, confirm, key, LAN, seatsLeft, WANG } from './booking-harness'
import { call, expectAnswer, expectError, startHarness, type CallResult, type Harness } from './central-harness'

interface Item {
  readonly method: 'POST'
  readonly path: string
  readonly idempotencyKey: string
  readonly body: Record<string, unknown>
}

const EN4_NANKAI = '120010-1'

function bookItem(candidateId: string, offeringId: string, idempotencyKey = key()): Item {
  return { method: 'POST', path: '/v1/bookings', idempotencyKey, body: { candidateId, offeringIds: [offeringId] } }
}

async function batch(h: Harness, requests: readonly Item[], token?: string | null): Promise<CallResult> {
  return call(h, '/v1/batch', { body: { requests }, ...(token === undefined ? {} : { token }) })
}

function results(result: CallResult): { status: number; body: Record<string, unknown>; replayed?: boolean }[] {
  return expectAnswer(result, 'deliverBatch').results as { status: number; body: Record<string, unknown>; replayed?: boolean }[]
}

/** The same request alone, with the item's key (a replay of the item's stored answer once it ran). */
function alone(h: Harness, item: Item): Promise<CallResult> {
  return call(h, item.path, { body: item.body, idempotencyKey: item.idempotencyKey })
}

describe('S1 S2: POST /v1/batch answers each change exactly as alone, in one transaction', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await confirm(h, WANG)
  })
  afterEach(() => h.central.close())

  it('S1 S2: each item gets the status and body it gets alone; the same items alone, or the batch again, replay the stored answers', async () => {
    const first = bookItem(LAN, EN4_NANKAI)
    const confirmAgain: Item = {
      method: 'POST',
      path: '/v1/registrations',
      idempotencyKey: key(),
      body: { candidateId: WANG, agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: h.clock.now.toISOString() },
    }
    const seats = await seatsLeft(h, EN4_NANKAI)
    const answered = results(await batch(h, [first, confirmAgain]))
    expect(answered.map((r) => [r.status, r.replayed])).toEqual([
      [200, undefined],
      [200, undefined],
    ])
    const booked = expectAnswer({ status: 200, text: '', json: answered[0]!.body, headers: new Headers() }, 'createBookings')
    expect(booked.bookings).toMatchObject([{ candidateId: LAN, offeringId: EN4_NANKAI, status: 'unpaid' }])
    expect(booked.seats).toEqual([{ offeringId: EN4_NANKAI, seatsLeft: seats - 1 }])

    // Alone, with the same keys: exactly the stored answers, marked as replays.
    for (const [i, item] of [first, confirmAgain].entries()) {
      const replay = await alone(h, item)
      expect(replay.status).toBe(answered[i]!.status)
      expect(replay.json).toEqual(answered[i]!.body)
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
    }
    // The whole batch again: every item replayed, nothing booked twice.
    const again = results(await batch(h, [first, confirmAgain]))
    expect(again).toEqual(answered.map((r) => ({ ...r, replayed: true })))
    expect((await bookingsOf(h, LAN)).bookings).toHaveLength(1)
    expect(await seatsLeft(h, EN4_NANKAI)).toBe(seats - 1)

    // Sent alone first, then in a batch: the batch replays the single answer.
    const single = bookItem(WANG, '120011-1')
    const singleAnswer = await alone(h, single)
    expect(singleAnswer.status).toBe(200)
    expect(results(await batch(h, [single]))).toEqual([{ status: 200, body: singleAnswer.json, replayed: true }])
    expect((await bookingsOf(h, WANG)).bookings).toHaveLength(1)
  })

  it('S2 S6: a refused item rolls back alone and keeps its refusal; the items around it stand', async () => {
    const seats = await seatsLeft(h, EN4_NANKAI)
    const items = [
      bookItem(LAN, EN4_NANKAI),
      bookItem(LAN, EN4_NANKAI), // the same subject again, under another key: refused (B2)
      bookItem(WANG, 'nope'),
      { method: 'POST', path: '/v1/bookings', idempotencyKey: key(), body: { candidateId: WANG } }, // body off contract
      bookItem(WANG, '120011-1'),
    ] satisfies Item[]
    const answered = results(await batch(h, items))
    // The first pass (all items, no savepoints) was undone whole, so the rerun answers afresh (#8).
    expect(answered.map((r) => r.replayed)).toEqual([undefined, undefined, undefined, undefined, undefined])
    expect(answered[0]!.status).toBe(200)
    expect(answered[1]!.status).toBe(409)
    expect(answered[2]).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    expect(answered[3]).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('请求内容不正确') } } })
    expect(answered[4]!.status).toBe(200)

    // Each answer is what the item alone gets: the refusal is stored (replayed), the bad body is not (S2).
    for (const [i, item] of items.entries()) {
      const replay = await alone(h, item)
      expect(replay.status, `item ${i}`).toBe(answered[i]!.status)
      expect(replay.json, `item ${i}`).toEqual(answered[i]!.body)
      expect(replay.headers.get('idempotent-replayed'), `item ${i}`).toBe(i === 3 ? null : 'true')
    }
    expect((await bookingsOf(h, WANG)).bookings.map((b) => b.offeringId)).toEqual(['120011-1'])
    expect(await seatsLeft(h, EN4_NANKAI)).toBe(seats - 1)
  })

  it('S2: an item whose key was used for another request is refused alone with IDEMPOTENCY_MISMATCH', async () => {
    const shared = key()
    const answered = results(await batch(h, [bookItem(LAN, EN4_NANKAI, shared), bookItem(WANG, '120011-1'), bookItem(LAN, '120010-4', shared)]))
    expect(answered.map((r) => r.status)).toEqual([200, 200, 409])
    expect(answered[2]).toMatchObject({ body: { error: { code: 'IDEMPOTENCY_MISMATCH' } } })
    expect((await bookingsOf(h, LAN)).bookings.map((b) => b.offeringId)).toEqual([EN4_NANKAI])
  })

  it('S2: a malformed batch gets a clear Chinese 400 and changes nothing; without a device token a 401', async () => {
    const valid = bookItem(LAN, EN4_NANKAI)
    const seats = await seatsLeft(h, EN4_NANKAI)
    const tooMany = Array.from({ length: MAX_BATCH_REQUESTS + 1 }, () => bookItem(LAN, EN4_NANKAI))
    const cases: [string, CallResult, RegExp][] = [
      ['not JSON', await call(h, '/v1/batch', { rawBody: '{"requests": [' }), /批量请求内容不是有效的 JSON/],
      ['no requests', await call(h, '/v1/batch', { body: {} }), /批量请求内容不正确/],
      ['empty', await batch(h, []), /批量请求内容不正确/],
      ['too many', await batch(h, tooMany), /批量请求内容不正确/],
      ['not batchable', await batch(h, [valid, { method: 'POST', path: '/v1/orders', idempotencyKey: key(), body: { candidateId: LAN, kind: 'written' } }]), /第 2 项的接口不能批量发送/],
      ['a query', await batch(h, [valid, { ...bookItem(WANG, '120011-1'), path: '/v1/bookings?x=1' }]), /第 2 项的接口不能批量发送/],
      ['GET', await call(h, '/v1/batch', { body: { requests: [{ ...valid, method: 'GET' }] } }), /批量请求内容不正确/],
      ['no key', await call(h, '/v1/batch', { body: { requests: [{ ...valid, idempotencyKey: undefined }] } }), /批量请求内容不正确/],
      ['blank key', await batch(h, [valid, { ...bookItem(WANG, '120011-1'), idempotencyKey: '  ' }]), /第 2 项缺少 Idempotency-Key/],
    ]
    for (const [name, result, message] of cases) expect(expectError(result, 400, 'BAD_REQUEST').message, name).toMatch(message)
    expectError(await batch(h, [valid], null), 401, 'UNAUTHORIZED')

    // Nothing ran: no booking, no seat taken, and the valid item's key is still unused.
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expect(await seatsLeft(h, EN4_NANKAI)).toBe(seats)
    const fresh = await alone(h, valid)
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('idempotent-replayed')).toBeNull()
  })
})
