import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT, AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { createScriptedCentral, type ScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, OPERATOR, startVisit, type TestKiosk } from '../support/test-kiosk'
import { WANG } from '../support/fixtures'

describe('E1 registration agreement and integrity pledge', () => {
  let central: ScriptedCentral
  let kiosk: TestKiosk
  beforeEach(async () => {
    central = createScriptedCentral()
    kiosk = await createTestKiosk(central.transport)
  })
  afterEach(() => kiosk.close())

  const lookup = (visitId: string) =>
    kiosk.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })

  it('E1: the agreement text is served with its version', async () => {
    expect(await kiosk.dispatch('getAgreement', {})).toEqual({
      ok: true,
      value: { version: AGREEMENT_VERSION, agreementItems: [...AGREEMENT.agreementItems], pledgeItems: [...AGREEMENT.pledgeItems] },
    })
  })

  it('E1: lookup is refused before the agreement is accepted, and nothing is asked of the central', async () => {
    await kiosk.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    expect(await lookup('0b6f2f7e-8f43-4b5e-9d2a-6c1c3f1e2a10')).toEqual({
      ok: false,
      error: { code: 'AGREEMENT_REQUIRED', message: '请先阅读并同意报名协议及诚信承诺书。' },
    })
    expect(central.requests).toHaveLength(0)
  })

  it('E1: an outdated agreement version is refused and starts no visit', async () => {
    await kiosk.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    const result = await kiosk.dispatch('acceptAgreement', { version: '2025H1-3', accepted: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'AGREEMENT_OUTDATED' } })
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 })
  })

  it('E1: acceptance needs a signed-in operator', async () => {
    expect(await kiosk.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    })
  })

  it('E1: acceptance records which version was accepted, when, and by which operator', async () => {
    kiosk.clock.set('2026-09-10T03:04:05.000Z')
    const visitId = await startVisit(kiosk)
    expect(kiosk.store.sqlite.prepare('SELECT * FROM visits').all()).toEqual([
      {
        id: visitId,
        operator_id: kiosk.operatorId,
        agreement_version: AGREEMENT_VERSION,
        agreement_accepted_at: '2026-09-10T03:04:05.000Z',
        candidate_id: null,
        started_at: '2026-09-10T03:04:05.000Z',
        ended_at: null,
      },
    ])
    expect((await listAudit(kiosk.store.db)).at(-1)).toMatchObject({
      action: 'agreement.accept',
      outcome: 'ok',
      operator_id: kiosk.operatorId,
      at: '2026-09-10T03:04:05.000Z',
    })
  })

  it('K2: accepting for the next candidate ends the previous visit, whose id no longer works', async () => {
    const first = await startVisit(kiosk)
    expect((await lookup(first)).ok).toBe(true)
    const second = await kiosk.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    expect(second.ok).toBe(true)
    expect(kiosk.store.sqlite.prepare('SELECT id FROM visits WHERE ended_at IS NULL').all()).toEqual([
      { id: (second as { value: { visitId: string } }).value.visitId },
    ])
    expect(await lookup(first)).toMatchObject({ ok: false, error: { code: 'NO_VISIT' } })
  })

  it('K2: endVisit ends the visit; ending it again is harmless', async () => {
    const visitId = await startVisit(kiosk)
    expect(await kiosk.dispatch('endVisit', { visitId })).toEqual({ ok: true, value: {} })
    expect(await kiosk.dispatch('endVisit', { visitId })).toEqual({ ok: true, value: {} })
    expect(kiosk.store.sqlite.prepare('SELECT ended_at FROM visits').get()).toEqual({ ended_at: kiosk.clock().toISOString() })
    expect(await lookup(visitId)).toMatchObject({ ok: false, error: { code: 'AGREEMENT_REQUIRED' } })
  })
})
