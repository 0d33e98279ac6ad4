import { afterEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'

const LAN = 'C12001-00008'
const ZHAO = 'C12001-2310203' // 资格科目 无
const LANG = 'C99301-00037' // 测试学校机构01

function confirmBody(candidateId: string) {
  return { candidateId, agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: '2026-09-01T01:59:00.000Z' }
}

describe('central registrations', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('E4: confirming saves the registration with confirmedAt from the central clock', async () => {
    h = await startHarness()
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
    const { registration } = expectAnswer(
      await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'k1' }),
      'confirmRegistration',
    )
    expect(registration).toEqual({
      candidateId: LAN,
      examSessionId: '2026H2',
      agreementVersion: AGREEMENT_VERSION,
      agreementAcceptedAt: '2026-09-01T01:59:00.000Z',
      confirmedAt: T0.toISOString(),
    })
    const fetched = expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
    expect(fetched.registration).toEqual(registration)
  })

  it('E4: confirming again (new key) returns the existing registration unchanged', async () => {
    h = await startHarness()
    await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'first' })
    h.clock.now = new Date(T0.getTime() + 3_600_000)
    const again = { ...confirmBody(LAN), agreementAcceptedAt: '2026-09-01T02:30:00.000Z' }
    const second = expectAnswer(
      await call(h, '/v1/registrations', { body: again, idempotencyKey: 'second' }),
      'confirmRegistration',
    )
    expect(second.serverTime).toBe(h.clock.now.toISOString())
    expect(second.registration.confirmedAt).toBe(T0.toISOString())
    expect(second.registration.agreementAcceptedAt).toBe('2026-09-01T01:59:00.000Z')
  })

  it('E3: a candidate whose eligible subjects are 无 is refused with 422 NOT_ELIGIBLE', async () => {
    h = await startHarness()
    const error = expectError(
      await call(h, '/v1/registrations', { body: confirmBody(ZHAO), idempotencyKey: 'zhao' }),
      422,
      'NOT_ELIGIBLE',
    )
    expect(error.message).toContain('资格科目为无的考生无法继续报名')
    expectError(await call(h, `/v1/registrations/${ZHAO}`), 404, 'NOT_FOUND')
  })

  it('E4: an unknown candidate or one of another school is 404, and nothing is saved', async () => {
    h = await startHarness()
    expectError(
      await call(h, '/v1/registrations', { body: confirmBody('C00000-0'), idempotencyKey: 'a' }),
      404,
      'NOT_FOUND',
    )
    expectError(
      await call(h, '/v1/registrations', { token: h.nankaiToken, body: confirmBody(LANG), idempotencyKey: 'b' }),
      404,
      'NOT_FOUND',
    )
    expectError(await call(h, `/v1/registrations/${LANG}`), 404, 'NOT_FOUND')
    // Registered through a kiosk of both schools, the record stays invisible to a 南开 kiosk.
    await call(h, '/v1/registrations', { body: confirmBody(LANG), idempotencyKey: 'c' })
    expectAnswer(await call(h, `/v1/registrations/${LANG}`), 'getRegistration')
    expectError(await call(h, `/v1/registrations/${LANG}`, { token: h.nankaiToken }), 404, 'NOT_FOUND')
  })

  it('S2: same Idempotency-Key and body returns the first answer, byte for byte', async () => {
    h = await startHarness()
    const first = await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'same' })
    h.clock.now = new Date(T0.getTime() + 60_000)
    const replay = await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'same' })
    expect(replay.status).toBe(200)
    expect(replay.text).toBe(first.text)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
  })

  it('S2: a stored error answer is replayed too', async () => {
    h = await startHarness()
    const first = await call(h, '/v1/registrations', { body: confirmBody(ZHAO), idempotencyKey: 'err' })
    h.clock.now = new Date(T0.getTime() + 60_000)
    const replay = await call(h, '/v1/registrations', { body: confirmBody(ZHAO), idempotencyKey: 'err' })
    expect(replay.status).toBe(422)
    expect(replay.text).toBe(first.text)
  })

  it('S2: same Idempotency-Key with a different body is 409 IDEMPOTENCY_MISMATCH and changes nothing', async () => {
    h = await startHarness()
    await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'reused' })
    expectError(
      await call(h, '/v1/registrations', { body: confirmBody('C12001-2220101'), idempotencyKey: 'reused' }),
      409,
      'IDEMPOTENCY_MISMATCH',
    )
    expectError(await call(h, '/v1/registrations/C12001-2220101'), 404, 'NOT_FOUND')
  })

  it('S2: keys are per device: another kiosk may use the same key', async () => {
    h = await startHarness()
    await call(h, '/v1/registrations', { token: h.bothToken, body: confirmBody(LANG), idempotencyKey: 'shared' })
    const other = await call(h, '/v1/registrations', {
      token: h.nankaiToken,
      body: confirmBody(LAN),
      idempotencyKey: 'shared',
    })
    expect(expectAnswer(other, 'confirmRegistration').registration.candidateId).toBe(LAN)
  })

  it('S2: a mutating request without Idempotency-Key is 400 and changes nothing', async () => {
    h = await startHarness()
    const error = expectError(await call(h, '/v1/registrations', { body: confirmBody(LAN) }), 400, 'BAD_REQUEST')
    expect(error.message).toContain('Idempotency-Key')
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
  })

  it('malformed bodies get 400 with a specific message, change nothing, and do not burn the key', async () => {
    h = await startHarness()
    const notJson = expectError(
      await call(h, '/v1/registrations', { rawBody: '{"candidateId":', idempotencyKey: 'k' }),
      400,
      'BAD_REQUEST',
    )
    expect(notJson.message).toContain('JSON')
    const badTime = expectError(
      await call(h, '/v1/registrations', {
        body: { ...confirmBody(LAN), agreementAcceptedAt: 'yesterday' },
        idempotencyKey: 'k',
      }),
      400,
      'BAD_REQUEST',
    )
    expect(badTime.message).toContain('agreementAcceptedAt')
    const missing = expectError(
      await call(h, '/v1/registrations', { body: { candidateId: LAN }, idempotencyKey: 'k' }),
      400,
      'BAD_REQUEST',
    )
    expect(missing.message).toContain('agreementVersion')
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
    // The corrected request may reuse the key: refused-before-running requests are not stored.
    expectAnswer(await call(h, '/v1/registrations', { body: confirmBody(LAN), idempotencyKey: 'k' }), 'confirmRegistration')
  })

  it('a body over 1 MiB is refused with 413 BAD_REQUEST', async () => {
    h = await startHarness()
    const huge = JSON.stringify({ ...confirmBody(LAN), padding: 'x'.repeat(1024 * 1024) })
    const result = await call(h, '/v1/registrations', { rawBody: huge, idempotencyKey: 'big' })
    expect(result.status).toBe(413)
    expectError({ ...result, status: 413 }, 413, 'BAD_REQUEST')
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
  })
})
