import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkIdNumber, type IdType } from '../../../../src-shared/domain/id-documents'
import { candidateViewSchema } from '../../../../src-shared/ipc/contract'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { upsertRosterRecords } from '../../../../src-main/store/roster-repository'
import { CHEN, LANG, WANG } from '../support/fixtures'
import { createScriptedCentral, type ScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, startVisit, type TestKiosk } from '../support/test-kiosk'

const LOOKUP = 'POST /v1/roster/lookup'

describe('E2 eligibility lookup', () => {
  let central: ScriptedCentral
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    central = createScriptedCentral()
    kiosk = await createTestKiosk(central.transport)
    visitId = await startVisit(kiosk)
  })
  afterEach(() => kiosk.close())

  const lookup = (idType: IdType, idNumber: string, name: string) =>
    kiosk.dispatch('lookupEligibility', { visitId, idType, idNumber, name })

  const BAD_NUMBERS: [IdType, string][] = [
    ['中华人民共和国居民身份证', '12010420040315123'], // 17 characters
    ['中华人民共和国居民身份证', '120104200403151238'], // wrong check digit
    ['中华人民共和国居民身份证', '120104200402301236'], // 30 February
    ['港澳居民居住证', '120104200403151239'], // wrong prefix
    ['台湾居民居住证', '810000199001011234'],
    ['中华人民共和国外国人永久居留身份证', 'AB1234567890'],
    ['台湾居民往来大陆通行证', '1234567'],
    ['港澳居民来往内地通行证', 'X12345678'],
    ['护照', 'E12'],
    ['香港身份证', 'A1234564'], // wrong check character
    ['香港身份证', '1234567'],
    ['澳门身份证', 'ABC'],
  ]

  it.each(BAD_NUMBERS)('E2: %s "%s" gets ID_FORMAT with its message and no lookup', async (idType, idNumber) => {
    const expected = checkIdNumber(idType, idNumber)
    expect(expected.ok).toBe(false)
    const result = await lookup(idType, idNumber, '王晓明')
    expect(result).toEqual(expected)
    expect(result).toMatchObject({ ok: false, error: { code: 'ID_FORMAT' } })
    expect(central.pathsCalled()).not.toContain(LOOKUP)
    expect(central.requests).toHaveLength(0)
  })

  it('E2: a record not cached is looked up on the central with the normalised number, then cached', async () => {
    const result = await lookup('香港身份证', ' a123456(3) ', '陈嘉欣')
    expect(result.ok).toBe(true)
    expect(central.requests.find((r) => r.path === '/v1/roster/lookup')?.body).toEqual({
      idType: '香港身份证',
      idNumber: 'A1234563',
      name: '陈嘉欣',
    })
    const view = candidateViewSchema.parse((result as { value: unknown }).value)
    expect(view).toMatchObject({
      candidateId: CHEN.candidateId,
      phoneMasked: '138****8008',
      school: { code: '12001', name: '12001' }, // catalog not synced yet: the code stands in
      eligibleSubjects: [
        { code: '1', name: '英语四级笔试' },
        { code: 'F', name: '英语四级口试' },
      ],
      confirmedAt: null,
    })
    // K3: cached under the keyed hash of the normalised number, the number itself only encrypted.
    expect(kiosk.store.sqlite.prepare('SELECT candidate_id, id_number_hmac, id_number_enc FROM roster_records').all()).toEqual([
      { candidate_id: CHEN.candidateId, id_number_hmac: kiosk.ctx.protector.blindIndex('A1234563'), id_number_enc: expect.stringMatching(/^v1\./) },
    ])
    expect(kiosk.store.sqlite.prepare('SELECT candidate_id FROM visits').get()).toEqual({ candidate_id: CHEN.candidateId })
  })

  it('E2: a cached record answers without asking the central to look it up; names compare trimmed', async () => {
    await upsertRosterRecords(kiosk.store.db, kiosk.ctx.protector, [WANG])
    const result = await lookup(WANG.idType, WANG.idNumber, ` ${WANG.name} `)
    expect(result).toMatchObject({ ok: true, value: { candidateId: WANG.candidateId, phoneMasked: '136****0001' } })
    expect(central.pathsCalled()).toEqual([`GET /v1/registrations/${WANG.candidateId}`])
  })

  it('E2: all three must match: a wrong name is not found', async () => {
    await upsertRosterRecords(kiosk.store.db, kiosk.ctx.protector, [WANG])
    expect(await lookup(WANG.idType, WANG.idNumber, '王晓红')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未查询到资格信息，请核对证件类型、证件号码和姓名。' },
    })
    expect(await lookup('护照', 'E99999999', '无此人')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const audit = await listAudit(kiosk.store.db)
    expect(audit.at(-1)).toMatchObject({ action: 'eligibility.lookup', outcome: 'not-found', candidate_id: null })
    expect(JSON.stringify(audit)).not.toMatch(/E99999999|无此人|120104200403151239/)
  })

  it('S4: offline, a cached record is still found; one not cached says the link is down', async () => {
    await upsertRosterRecords(kiosk.store.db, kiosk.ctx.protector, [LANG])
    central.fault = 'network'
    expect(await lookup(LANG.idType, LANG.idNumber, LANG.name)).toMatchObject({ ok: true, value: { candidateId: LANG.candidateId } })
    expect(await lookup(WANG.idType, WANG.idNumber, WANG.name)).toEqual({
      ok: false,
      error: { code: 'CENTRAL_UNAVAILABLE', message: '本机未缓存该考生的资格信息，且与报名中心的连接已中断，请稍后重试。' },
    })
  })

  it('E4: a confirmation made elsewhere is learned from the central, so the record shows locked', async () => {
    central.registrations.set(WANG.candidateId, {
      candidateId: WANG.candidateId,
      examSessionId: '2026H2',
      agreementVersion: '2026H2-1',
      agreementAcceptedAt: '2026-09-09T01:00:00.000Z',
      confirmedAt: '2026-09-09T01:05:00.000Z',
    })
    expect(await lookup(WANG.idType, WANG.idNumber, WANG.name)).toMatchObject({
      ok: true,
      value: { confirmedAt: '2026-09-09T01:05:00.000Z' },
    })
    expect(kiosk.store.sqlite.prepare('SELECT candidate_id, confirmed_by_operator_id, visit_id FROM registrations').all()).toEqual([
      { candidate_id: WANG.candidateId, confirmed_by_operator_id: null, visit_id: null },
    ])
  })

  it('K2: one candidate per visit: a second, different candidate needs a new visit', async () => {
    expect((await lookup(WANG.idType, WANG.idNumber, WANG.name)).ok).toBe(true)
    expect(await lookup(CHEN.idType, CHEN.idNumber, CHEN.name)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await lookup(WANG.idType, WANG.idNumber, WANG.name)).ok).toBe(true)
  })
})
