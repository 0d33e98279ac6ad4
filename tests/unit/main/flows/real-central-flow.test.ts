/**
 * The candidate flow against the reference central service over real HTTP (':memory:' store):
 * the kiosk knows the central only through its HTTP contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCentralServer, type RunningCentral } from '../../../../src-central/server'
import { registrationInfoSchema } from '../../../../src-shared/ipc/contract'
import { createFetchTransport } from '../../../../src-main/central/central-transport'
import { syncCatalogAndRoster } from '../../../../src-main/services/catalog-sync'
import { createTestClock } from '../support/test-clock'
import { countRows } from '../support/test-store'
import { createTestKiosk, startVisit, syncAll, type TestKiosk } from '../support/test-kiosk'

const WANG = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明' } as const
const ZHAO = { idType: '台湾居民往来大陆通行证', idNumber: '12345678', name: '赵一凡' } as const
const LANG = { idType: '护照', idNumber: '99301000037', name: '郎璐依珊' } as const

describe('flow against the reference central over HTTP', () => {
  let central: RunningCentral
  beforeAll(async () => {
    central = await startCentralServer({ dbPath: ':memory:', port: 0 })
  })
  afterAll(() => central.close())

  async function kioskFor(kioskId: string, schools: string[]): Promise<TestKiosk> {
    const token = central.issueDeviceToken(kioskId, schools)
    return createTestKiosk(createFetchTransport(central.url), createTestClock(), token)
  }

  it('E2–E4, I1: look up, confirm once, and see the info page; 资格科目 无 is blocked', async () => {
    const kiosk = await kioskFor('flow-a', ['12001', '99301'])
    await syncAll(kiosk)
    expect(countRows(kiosk.store).roster_records).toBeGreaterThanOrEqual(6)
    const visitId = await startVisit(kiosk)

    expect(await kiosk.dispatch('lookupEligibility', { visitId, ...WANG, name: '王晓红' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await kiosk.dispatch('lookupEligibility', { visitId, ...WANG })).toMatchObject({ ok: true, value: { phoneMasked: '136****0001' } })
    const saved = await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
    const info = registrationInfoSchema.parse((saved as { value: unknown }).value)
    expect(info.candidate.confirmedAt).not.toBeNull()
    expect(await kiosk.dispatch('getRegistrationInfo', { visitId })).toEqual(saved)

    const next = await kiosk.dispatch('acceptAgreement', { version: '2026H2-1', accepted: true })
    const zhaoVisit = (next as { value: { visitId: string } }).value.visitId
    expect(await kiosk.dispatch('lookupEligibility', { visitId: zhaoVisit, ...ZHAO })).toMatchObject({ ok: true, value: { eligibleSubjects: [] } })
    expect(await kiosk.dispatch('confirmRegistration', { visitId: zhaoVisit, phoneConfirmed: true, recordConfirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    })
    await kiosk.close()
  })

  it('E4: a confirmation made at another kiosk is learned online and stays locked', async () => {
    const a = await kioskFor('flow-b1', ['12001', '99301'])
    const b = await kioskFor('flow-b2', ['12001', '99301'])
    const va = await startVisit(a)
    await a.dispatch('lookupEligibility', { visitId: va, ...LANG })
    const first = await a.dispatch('confirmRegistration', { visitId: va, phoneConfirmed: true, recordConfirmed: true })
    const confirmedAt = registrationInfoSchema.parse((first as { value: unknown }).value).candidate.confirmedAt

    const vb = await startVisit(b)
    expect(await b.dispatch('lookupEligibility', { visitId: vb, ...LANG })).toMatchObject({ ok: true, value: { confirmedAt } })
    expect(await b.dispatch('confirmRegistration', { visitId: vb, phoneConfirmed: true, recordConfirmed: true })).toMatchObject({
      ok: true,
      value: { candidate: { confirmedAt } },
    })
    await a.close()
    await b.close()
  })

  it("a kiosk sees only its schools' candidates; a revoked device is refused with the central's message", async () => {
    const kiosk = await kioskFor('flow-c', ['12001'])
    const visitId = await startVisit(kiosk)
    expect(await kiosk.dispatch('lookupEligibility', { visitId, ...LANG })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    central.revokeDevice('flow-c')
    const refused = await kiosk.dispatch('lookupEligibility', { visitId, ...WANG })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED' } })
    expect(await syncCatalogAndRoster(kiosk.ctx)).toMatchObject({ ok: false, failure: { kind: 'final', status: 401 } })
    await kiosk.close()
  })
})
