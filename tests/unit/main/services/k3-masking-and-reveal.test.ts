import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { WANG } from '../support/fixtures'
import { createScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, startVisit, syncAll, type TestKiosk } from '../support/test-kiosk'

describe('K3 masked by default, revealed on purpose', () => {
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
    await syncAll(kiosk)
    visitId = await startVisit(kiosk)
  })
  afterEach(() => kiosk.close())

  const lookup = () => kiosk.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })

  it('K3: lookup, confirmation and the info page return the ID number and phone masked', async () => {
    expect(await lookup()).toMatchObject({ ok: true, value: { idNumber: '1201****1239', phoneMasked: '136****0001' } })
    const confirmed = await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
    const info = await kiosk.dispatch('getRegistrationInfo', { visitId })
    for (const answer of [confirmed, info]) {
      expect(answer).toMatchObject({ ok: true, value: { candidate: { idNumber: '1201****1239' } } })
      expect(JSON.stringify(answer)).not.toContain(WANG.idNumber)
      expect(JSON.stringify(answer)).not.toContain(WANG.phone)
    }
  })

  it('K3: revealing gives the full value of the visit candidate and writes an audit row', async () => {
    await lookup()
    expect(await kiosk.dispatch('revealCandidateField', { visitId, field: 'idNumber' })).toEqual({ ok: true, value: { field: 'idNumber', value: WANG.idNumber } })
    expect(await kiosk.dispatch('revealCandidateField', { visitId, field: 'phone' })).toEqual({ ok: true, value: { field: 'phone', value: WANG.phone } })
    const reveals = (await listAudit(kiosk.store.db)).filter((e) => e.action === 'candidate.reveal')
    expect(reveals).toHaveLength(2)
    expect(reveals[0]).toMatchObject({ operator_id: kiosk.operatorId, candidate_id: WANG.candidateId, outcome: 'ok' })
    expect(JSON.stringify(reveals)).not.toContain(WANG.idNumber)
  })

  it('K3: nothing is revealed before a lookup, after the visit ended, or for another field', async () => {
    expect(await kiosk.dispatch('revealCandidateField', { visitId, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await lookup()
    expect(await kiosk.dispatch('revealCandidateField', { visitId, field: 'name' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await kiosk.dispatch('endVisit', { visitId })
    expect(await kiosk.dispatch('revealCandidateField', { visitId, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'AGREEMENT_REQUIRED' } })
    expect((await listAudit(kiosk.store.db)).filter((e) => e.action === 'candidate.reveal')).toEqual([])
  })
})
