import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { registrationInfoSchema } from '../../../../src-shared/ipc/contract'
import { confirmationKey, confirmRegistration } from '../../../../src-main/services/registration-confirm'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { answer, refusal } from '../support/fake-transport'
import { WANG, ZHAO } from '../support/fixtures'
import { createScriptedCentral, type ScriptedCentral } from '../support/scripted-central'
import { countRows } from '../support/test-store'
import { createTestKiosk, startVisit, syncAll, type TestKiosk } from '../support/test-kiosk'

const CONFIRM = 'POST /v1/registrations'

describe('E3/E4 confirming the record (S1: the central decides)', () => {
  let central: ScriptedCentral
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    central = createScriptedCentral()
    kiosk = await createTestKiosk(central.transport)
    await syncAll(kiosk)
    visitId = await startVisit(kiosk)
  })
  afterEach(() => kiosk.close())

  async function lookup(record = WANG): Promise<void> {
    const result = await kiosk.dispatch('lookupEligibility', { visitId, idType: record.idType, idNumber: record.idNumber, name: record.name })
    expect(result.ok).toBe(true)
  }
  const confirm = () => kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
  const registrations = () => kiosk.store.sqlite.prepare('SELECT * FROM registrations').all()

  it('E3: 资格科目 无 blocks the confirmation before the central is asked', async () => {
    await lookup(ZHAO)
    expect(await confirm()).toEqual({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', message: '资格科目为无的考生无法继续报名，如有异议请联系学校相关负责人。' },
    })
    expect(central.pathsCalled()).not.toContain(CONFIRM)
    expect(registrations()).toEqual([])
  })

  it('E4: both confirmations are required, phone first, then the record', async () => {
    await lookup()
    expect(await confirmRegistration(kiosk.ctx, { visitId, phoneConfirmed: false, recordConfirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('手机号') },
    })
    expect(await confirmRegistration(kiosk.ctx, { visitId, phoneConfirmed: true, recordConfirmed: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('保存后学籍信息将无法修改') },
    })
    // Over IPC the contract itself refuses a missing confirmation.
    expect(await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(central.pathsCalled()).not.toContain(CONFIRM)
    expect(registrations()).toEqual([])
  })

  it('E4: confirming needs a looked-up candidate', async () => {
    expect(await confirm()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '请先查询考生的资格信息。' } })
  })

  it('E4: saving records the central registration with operator and visit, audits it, and returns the info page', async () => {
    await lookup()
    const result = await confirm()
    expect(result.ok).toBe(true)
    const info = registrationInfoSchema.parse((result as { value: unknown }).value)
    expect(info.candidate.confirmedAt).toBe('2026-09-10T02:00:00.000Z')
    const sent = central.requests.find((r) => r.path === '/v1/registrations')
    expect(sent?.headers['idempotency-key']).toBe(confirmationKey(visitId))
    expect(sent?.body).toEqual({ candidateId: WANG.candidateId, agreementVersion: AGREEMENT_VERSION, agreementAcceptedAt: kiosk.clock().toISOString() })
    expect(registrations()).toEqual([
      {
        candidate_id: WANG.candidateId,
        exam_session_id: '2026H2',
        agreement_version: AGREEMENT_VERSION,
        agreement_accepted_at: kiosk.clock().toISOString(),
        confirmed_at: '2026-09-10T02:00:00.000Z',
        confirmed_by_operator_id: kiosk.operatorId,
        visit_id: visitId,
      },
    ])
    expect((await listAudit(kiosk.store.db)).at(-1)).toMatchObject({
      action: 'registration.confirm',
      outcome: 'ok',
      operator_id: kiosk.operatorId,
      candidate_id: WANG.candidateId,
    })
  })

  it('E4: once saved the record is locked: confirming again returns the page unchanged, asking nothing', async () => {
    await lookup()
    const first = await confirm()
    const posts = central.pathsCalled().filter((p) => p === CONFIRM).length
    kiosk.clock.advance(60_000)
    const before = countRows(kiosk.store)
    expect(await confirm()).toEqual(first)
    expect(central.pathsCalled().filter((p) => p === CONFIRM)).toHaveLength(posts)
    expect(countRows(kiosk.store)).toEqual(before)
  })

  it('E4/S1: a refusal by the central writes no registration and shows its message', async () => {
    central.route(CONFIRM, () => refusal(409, 'CONFLICT', '该考生的学籍信息正在由学校修改，请稍后再试。'))
    await lookup()
    expect(await confirm()).toEqual({ ok: false, error: { code: 'CENTRAL_REFUSED', message: '该考生的学籍信息正在由学校修改，请稍后再试。' } })
    expect(registrations()).toEqual([])
    expect((await listAudit(kiosk.store.db)).at(-1)).toMatchObject({ action: 'registration.confirm', outcome: 'refused' })
  })

  it('E4/S1: with the central unreachable nothing is saved; a retry of the visit reuses its idempotency key', async () => {
    await lookup()
    const before = countRows(kiosk.store)
    central.fault = 'timeout'
    expect(await confirm()).toEqual({
      ok: false,
      error: { code: 'CENTRAL_UNAVAILABLE', message: '与报名中心的连接已中断，暂时无法保存，请稍后重试。' },
    })
    central.fault = 'server-error'
    expect(await confirm()).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNAVAILABLE' } })
    expect(countRows(kiosk.store)).toEqual(before)

    central.fault = null
    expect((await confirm()).ok).toBe(true)
    const keys = central.requests.filter((r) => r.path === '/v1/registrations').map((r) => r.headers['idempotency-key'])
    expect(new Set(keys)).toEqual(new Set([confirmationKey(visitId)]))
  })

  it('S1: nothing is written locally before the central has answered yes', async () => {
    await lookup()
    let rowsWhileCentralDecides = -1
    central.route(CONFIRM, (req) => {
      rowsWhileCentralDecides = registrations().length
      const body = req.body as Record<string, string>
      return answer(200, { registration: { ...body, examSessionId: '2026H2', confirmedAt: '2026-09-10T02:00:01.000Z' } })
    })
    expect((await confirm()).ok).toBe(true)
    expect(rowsWhileCentralDecides).toBe(0)
    expect(registrations()).toHaveLength(1)
  })
})
