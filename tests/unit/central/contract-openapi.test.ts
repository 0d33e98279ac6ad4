import { afterEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import { endpoints, type EndpointName } from '../../../src-shared/central/contract'
import { key, LAN, pay, WANG } from './booking-harness'
import { call, startHarness, type CallOptions, type CallResult, type Harness } from './central-harness'
import { CHEN } from './waitlist-harness'
import { openApiValidator, type CheckedAnswer } from './openapi-validator'

describe('the reference central against the published OpenAPI document (contract test)', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('S1: every endpoint answers, success and refusal, with bodies that conform to docs/openapi.json', async () => {
    h = await startHarness()
    const validator = openApiValidator()
    const seen: CheckedAnswer[] = []
    async function send(path: string, options: CallOptions = {}): Promise<CallResult & { value: Record<string, unknown> }> {
      const result = await call(h, path, options)
      const method = options.method ?? (options.body === undefined && options.rawBody === undefined ? 'GET' : 'POST')
      const checked = validator.check(method, path, result.status, result.json)
      expect(checked.errors, `${checked.operationId} ${result.status}: ${result.text}`).toBeNull()
      seen.push(checked)
      return { ...result, value: result.json as Record<string, unknown> }
    }
    const post = (path: string, body: unknown, options: CallOptions = {}) => send(path, { body, idempotencyKey: key(), ...options })

    await send('/v1/exam-session')
    await send('/v1/catalog')
    await send('/v1/roster?limit=2')
    await send('/v1/roster/lookup', { body: { idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天' } })
    const agreement = { agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: h.clock.now.toISOString() }
    for (const candidateId of [LAN, WANG, CHEN]) await post('/v1/registrations', { candidateId, ...agreement })
    await send(`/v1/registrations/${LAN}`)

    const allotment = (await post('/v1/allotments', { offeringId: '120010-1', seats: 2 })).value.allotment as { id: string }
    await send('/v1/allotments')
    const booked = await post('/v1/bookings', { candidateId: LAN, offeringIds: ['120010-1', '120010-2'], fromAllotment: true })
    const [written, six] = booked.value.bookings as { id: string }[]
    await post(`/v1/bookings/${six?.id}/cancel`, { candidateId: LAN })
    await post(`/v1/bookings/${written?.id}/score-report`, { candidateId: LAN, choice: 'electronic' })
    await send(`/v1/candidates/${LAN}/bookings`)
    const order = (await post('/v1/orders', { candidateId: LAN, kind: 'written' })).value.order as { orderNo: string }
    await send(`/v1/orders/${order.orderNo}`)
    await pay(h, order.orderNo)
    await send('/v1/refunds')
    await post(`/v1/allotments/${allotment.id}/return`, {})

    const entry = (await post('/v1/waitlist', { candidateId: LAN, offeringId: '120010-4' })).value.entry as { id: string }
    await send(`/v1/candidates/${LAN}/waitlist`)
    await send('/v1/waitlist/counts')
    await post(`/v1/waitlist/${entry.id}/cancel`, { candidateId: LAN, reason: '时间冲突' })
    await post('/v1/offerings/120010-4/capacity', { capacity: 31 })
    await post(`/v1/candidates/${CHEN}/cet6-review`, { ticketNumber: '120010242100101' })
    await send(`/v1/candidates/${CHEN}/cet6-review`)
    await post(`/v1/registrations/${WANG}/delete`, {})
    await send('/v1/changes?limit=1000')
    const batched = await send('/v1/batch', {
      body: {
        requests: [
          { method: 'POST', path: `/v1/bookings/${written?.id}/score-report`, idempotencyKey: key(), body: { candidateId: LAN, choice: 'paper' } },
          { method: 'POST', path: '/v1/bookings', idempotencyKey: key(), body: { candidateId: LAN, offeringIds: ['nope'] } },
        ],
      },
    })
    expect((batched.value.results as { status: number }[]).map((r) => r.status)).toEqual([200, 404])

    // Refusals: every one is a documented CentralError body.
    await send('/v1/catalog', { token: null }) // 401
    await send('/v1/changes?after=x') // 400
    await send('/v1/batch', { body: { requests: [] } }) // 400
    await send('/v1/allotments', { body: { offeringId: '120010-1', seats: 99 }, idempotencyKey: key() }) // 400
    await post('/v1/allotments', { offeringId: 'nope', seats: 1 }) // 404
    await post(`/v1/allotments/nope/return`, {}) // 404
    await post('/v1/bookings', { candidateId: LAN, offeringIds: ['120010-5'] }) // 409 LEVEL_TAKEN
    await post('/v1/bookings', { candidateId: WANG, offeringIds: ['120010-5'] }) // 404 registration deleted
    await post('/v1/registrations', { candidateId: 'C12001-2310203', ...agreement }) // 422 NOT_ELIGIBLE
    await post('/v1/allotments', { offeringId: '120010-1', seats: 1 }, { idempotencyKey: 'same' })
    await post('/v1/allotments', { offeringId: '120010-1', seats: 2 }, { idempotencyKey: 'same' }) // 409 IDEMPOTENCY_MISMATCH

    const answered = new Set(seen.filter((s) => s.status === 200).map((s) => s.operationId))
    expect([...answered].sort()).toEqual((Object.keys(endpoints) as EndpointName[]).sort())
    expect(new Set(seen.filter((s) => s.status !== 200).map((s) => s.status))).toEqual(new Set([400, 401, 404, 409, 422]))
  })
})
