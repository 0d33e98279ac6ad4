import { describe, expect, it } from 'vitest'
import { createCentralClient } from '../../../../src-main/central/central-client'
import { answer, createFakeCentral, refusal } from '../support/fake-transport'
import { EXAM_SESSION, WANG } from '../support/fixtures'
import { createTestClock } from '../support/test-clock'

function setup() {
  const fake = createFakeCentral()
  const clock = createTestClock('2026-09-10T02:00:00.000Z')
  const client = createCentralClient({ transport: fake.transport, deviceToken: 'tok-1', clock })
  return { fake, clock, client }
}

describe('central client', () => {
  it('sends the device token and parses the answer with the endpoint schema', async () => {
    const { fake, client } = setup()
    fake.route('GET /v1/exam-session', () => answer(200, { examSession: EXAM_SESSION, extra: 'dropped' }))
    const result = await client.getExamSession()
    expect(result).toEqual({ ok: true, value: { serverTime: '2026-09-10T02:00:00.000Z', examSession: EXAM_SESSION } })
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/exam-session', headers: { authorization: 'Bearer tok-1' } })
  })

  it('S2: puts an Idempotency-Key on mutating calls, and refuses to send one without', async () => {
    const { fake, client } = setup()
    const registration = { candidateId: 'C1', examSessionId: '2026H2', agreementVersion: 'v', agreementAcceptedAt: '2026-09-10T01:00:00.000Z', confirmedAt: '2026-09-10T02:00:00.000Z' }
    fake.route('POST /v1/registrations', () => answer(200, { registration }))
    const body = { candidateId: 'C1', agreementVersion: 'v', agreementAcceptedAt: '2026-09-10T01:00:00.000Z' }
    expect((await client.confirmRegistration(body, 'key-1')).ok).toBe(true)
    expect(fake.requests[0]?.headers['idempotency-key']).toBe('key-1')
    expect(fake.requests[0]?.body).toEqual(body)
    await expect(client.call('confirmRegistration', { body })).rejects.toThrow(/idempotency key/)
  })

  it('builds paths and queries: roster paging and registration by candidate', async () => {
    const { fake, client } = setup()
    fake.route('GET /v1/roster', () => answer(200, { records: [WANG], nextAfter: null }))
    fake.route('GET /v1/registrations/*', () => refusal(404, 'NOT_FOUND', '该考生尚未确认报名信息。'))
    await client.getRosterPage(null, 500)
    await client.getRosterPage('C1', 500)
    await client.getRegistration('C12001/2')
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/roster?limit=500', '/v1/roster?after=C1&limit=500', '/v1/registrations/C12001%2F2'])
  })

  it('sorts failures: no answer, timeout and 5xx are retryable and mean offline', async () => {
    const { fake, client } = setup()
    fake.route('GET /v1/exam-session', () => answer(200, { examSession: EXAM_SESSION }))
    await client.getExamSession()
    expect(client.link().state).toBe('online')

    fake.fault = 'network'
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'retryable', reason: 'network' } })
    expect(client.link().state).toBe('offline')
    fake.fault = 'timeout'
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'retryable', reason: 'timeout' } })
    fake.fault = 'server-error'
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'retryable', reason: 'server' } })
    expect(client.link().state).toBe('offline')
  })

  it('sorts failures: a 4xx is final and carries the central code and message (still online)', async () => {
    const { fake, client } = setup()
    fake.route('POST /v1/roster/lookup', () => refusal(404, 'NOT_FOUND', '未查询到资格信息，请核对证件类型、证件号码和姓名。'))
    const result = await client.lookupRoster({ idType: '护照', idNumber: 'E1234567', name: '张三' })
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'final', status: 404, code: 'NOT_FOUND', message: '未查询到资格信息，请核对证件类型、证件号码和姓名。' },
    })
    expect(client.link().state).toBe('online')
  })

  it('treats an answer off contract as final BAD_RESPONSE', async () => {
    const { fake, client } = setup()
    fake.route('GET /v1/exam-session', () => answer(200, { examSession: { id: 1 } }))
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'final', code: 'BAD_RESPONSE', status: 200 } })
    fake.route('GET /v1/catalog', () => ({ status: 400, body: 'nonsense' }))
    expect(await client.getCatalog()).toMatchObject({ ok: false, failure: { kind: 'final', code: 'BAD_RESPONSE', status: 400 } })
  })

  it('does not send a request body that breaks the contract', async () => {
    const { fake, client } = setup()
    const result = await client.lookupRoster({ idType: '护照', idNumber: '', name: '张三' })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'final', status: 0, code: 'BAD_REQUEST' } })
    expect(fake.requests).toHaveLength(0)
  })

  it('records the clock offset from serverTime', async () => {
    const { fake, client } = setup()
    fake.route('GET /v1/exam-session', () => ({
      status: 200,
      body: { serverTime: '2026-09-10T02:00:30.000Z', examSession: EXAM_SESSION },
    }))
    await client.getExamSession()
    expect(client.link().clockOffsetMs).toBe(30_000)
    expect(client.link().lastContactAt).toBe('2026-09-10T02:00:00.000Z')
  })
})
