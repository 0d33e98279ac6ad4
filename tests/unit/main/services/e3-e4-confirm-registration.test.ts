import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { registrationInfoSchema } from '../../../../src-shared/ipc/contract'
import { confirmRegistration } from '../../../../src-main/services/registration-confirm'
import { drainOutbox } from '../../../../src-main/services/sync/outbox-courier'
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
    // S2: the key stored with the change's outbox entry.
    const entry = kiosk.store.sqlite.prepare(`SELECT idempotency_key AS key, state FROM outbox WHERE action = 'registration.confirm'`).get()
    expect(entry).toEqual({ key: sent?.headers['idempotency-key'], state: 'delivered' })
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

  it('E4/S1/S6: a refusal by the central undoes the registration and shows its message (seen at the desk: acknowledged)', async () => {
    central.route(CONFIRM, () => refusal(409, 'CONFLICT', '该考生的学籍信息正在由学校修改，请稍后再试。'))
    await lookup()
    expect(await confirm()).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该考生的学籍信息正在由学校修改，请稍后再试。' } })
    expect(registrations()).toEqual([])
    expect(kiosk.store.sqlite.prepare(`SELECT state, refusal_code AS code, acknowledged_by AS by FROM outbox`).all()).toEqual([
      { state: 'refused', code: 'CONFLICT', by: '张老师' },
    ])
    expect((await listAudit(kiosk.store.db)).at(-1)).toMatchObject({ action: 'registration.confirm', outcome: 'refused' })
  })

  it('S4/S2: with the central unreachable the registration is kept as 待同步 and delivered later with the same key', async () => {
    await lookup()
    central.fault = 'timeout'
    const offline = await confirm()
    expect(offline.ok).toBe(true)
    const info = registrationInfoSchema.parse((offline as { value: unknown }).value)
    expect(info.pendingChanges).toMatchObject([{ action: 'registration.confirm', summary: '确认学籍与资格信息', attempts: 1, lastError: '报名中心无应答（超时）' }])
    expect(registrations()).toHaveLength(1)
    // E4: confirming again finds it saved: nothing new is queued.
    central.fault = 'server-error'
    expect((await confirm()).ok).toBe(true)
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 })

    central.fault = null
    await drainOutbox(kiosk.ctx, { force: true })
    const keys = central.requests.filter((r) => r.path === '/v1/registrations').map((r) => r.headers['idempotency-key'])
    expect(keys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(keys).size).toBe(1)
    expect(kiosk.store.sqlite.prepare('SELECT state FROM outbox').all()).toEqual([{ state: 'delivered' }])
    expect(registrations()).toMatchObject([{ confirmed_at: '2026-09-10T02:00:00.000Z' }])
  })

  it('S1/S4: the registration and its outbox entry are written in one transaction before the central is asked', async () => {
    await lookup()
    let seenWhileCentralDecides: unknown = null
    central.route(CONFIRM, (req) => {
      seenWhileCentralDecides = {
        registrations: registrations().length,
        outbox: kiosk.store.sqlite.prepare(`SELECT state FROM outbox`).all(),
      }
      const body = req.body as Record<string, string>
      return answer(200, { registration: { ...body, examSessionId: '2026H2', confirmedAt: '2026-09-10T02:00:01.000Z' } })
    })
    expect((await confirm()).ok).toBe(true)
    expect(seenWhileCentralDecides).toEqual({ registrations: 1, outbox: [{ state: 'pending' }] })
    expect(registrations()).toMatchObject([{ confirmed_at: '2026-09-10T02:00:01.000Z' }])
  })
})
