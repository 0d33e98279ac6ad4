import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { OPERATION_NAMES, operations, type OperationName } from '../../../../src-shared/ipc/contract'
import { createDispatch, INTERNAL_MESSAGE } from '../../../../src-main/ipc/dispatch'
import { createHandlerTable } from '../../../../src-main/ipc/handler-table'
import type { Logger } from '../../../../src-main/support/logger'
import { WANG } from '../support/fixtures'
import { createScriptedCentral } from '../support/scripted-central'
import { BOOKING_OPERATION_NAMES } from '../booking/booking-harness'
import { WAITLIST_OPERATION_NAMES } from '../waitlist/waitlist-harness'
import { IMPORT_OPERATION_NAMES } from '../import/import-harness'
import { SYNC_OPERATION_NAMES } from '../sync/sync-harness'
import { PRINT_OPERATION_NAMES } from '../print/print-operations'
import { countRows } from '../support/test-store'
import { createTestKiosk, OPERATOR, startVisit, SUPERVISOR, syncAll, type TestKiosk } from '../support/test-kiosk'

describe('IPC dispatch, called exactly as the renderer calls it', () => {
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
    await syncAll(kiosk)
    visitId = await startVisit(kiosk)
  })
  afterEach(() => kiosk.close())

  it.each(['deleteEverything', 'constructor', '__proto__', 'toString', ''])('refuses the unknown operation "%s"', async (name) => {
    expect(await kiosk.dispatch(name, {})).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误：不支持该操作。' } })
  })

  const MALFORMED: [OperationName, () => unknown, string][] = [
    ['signIn', () => ({ username: 123, password: 'x' }), '输入有误：username — 应为文本'],
    ['signIn', () => ({ username: 'zhang' }), '输入有误：password — 缺少此项'],
    ['signIn', () => ({ username: 'zhang', password: 'x', role: 'supervisor' }), '输入有误：role — 不是该操作接受的字段'],
    ['signIn', () => ({ username: 'z'.repeat(65), password: 'x' }), '输入有误：username — 不能超过64个字符'],
    ['signIn', () => ({ username: '   ', password: 'x' }), '输入有误：username — 不能为空'],
    ['signIn', () => null, '输入有误：输入 — 应为对象'],
    ['signIn', () => 'zhang', '输入有误：输入 — 应为对象'],
    ['signIn', () => [OPERATOR.username, OPERATOR.password], '输入有误：输入 — 应为对象'],
    ['getDeskStatus', () => ({ verbose: true }), '输入有误：verbose — 不是该操作接受的字段'],
    ['acceptAgreement', () => ({ version: AGREEMENT_VERSION, accepted: false }), '输入有误：accepted — 只能是 true'],
    ['acceptAgreement', () => ({ version: AGREEMENT_VERSION, accepted: 'true' }), '输入有误：accepted — 只能是 true'],
    ['acceptAgreement', () => ({ version: 'v'.repeat(41), accepted: true }), '输入有误：version — 不能超过40个字符'],
    ['lookupEligibility', () => ({ visitId, idType: '驾驶证', idNumber: WANG.idNumber, name: WANG.name }), '输入有误：idType — 应为以下之一'],
    ['lookupEligibility', () => ({ visitId, idType: WANG.idType, idNumber: '1'.repeat(41), name: WANG.name }), '输入有误：idNumber — 不能超过40个字符'],
    ['lookupEligibility', () => ({ visitId, idType: WANG.idType, idNumber: WANG.idNumber }), '输入有误：name — 缺少此项'],
    ['lookupEligibility', () => ({ visitId: 'visit-1', idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name }), '输入有误：visitId — 格式不正确，应为 UUID'],
    ['lookupEligibility', () => ({ visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name, candidateId: 'C1' }), '输入有误：candidateId — 不是该操作接受的字段'],
    ['confirmRegistration', () => ({ visitId, phoneConfirmed: true }), '输入有误：recordConfirmed — 只能是 true'],
    ['confirmRegistration', () => ({ visitId, phoneConfirmed: 1, recordConfirmed: true }), '输入有误：phoneConfirmed — 只能是 true'],
    ['getRegistrationInfo', () => ({}), '输入有误：visitId — 缺少此项'],
    ['endVisit', () => ({ visitId: 42 }), '输入有误：visitId — 应为文本'],
  ]

  it.each(MALFORMED)('%s with malformed input is INVALID_INPUT and changes no row (%#)', async (name, input, message) => {
    const before = countRows(kiosk.store)
    const result = await kiosk.dispatch(name, input())
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(result.ok ? '' : result.error.message.startsWith(message)).toBe(true)
    expect(countRows(kiosk.store)).toEqual(before)
  })

  it('never echoes the rejected value back', async () => {
    const result = await kiosk.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: '1'.repeat(41), name: WANG.name })
    expect(JSON.stringify(result)).not.toContain('1'.repeat(41))
  })

  it('every operation succeeds with an output that parses with its contract schema', async () => {
    const seen = new Set<OperationName>()
    async function call(name: OperationName, input: unknown): Promise<unknown> {
      const result = await kiosk.dispatch(name, input)
      expect(result, name).toMatchObject({ ok: true })
      const value = (result as { value: unknown }).value
      expect(() => operations[name].output.parse(value), name).not.toThrow()
      seen.add(name)
      return value
    }
    await call('getDeskStatus', {})
    await call('getDeskStatus', undefined) // no input at all, as a bare api.getDeskStatus() sends
    await call('getAgreement', {})
    await call('getUpdateStatus', {}) // K6: 'disabled' here; tests/unit/electron/update-status-dispatch.test.ts
    await call('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })
    await call('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
    await call('getRegistrationInfo', { visitId })
    await call('revealCandidateField', { visitId, field: 'idNumber' })
    await call('endVisit', { visitId })
    const next = (await call('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })) as { visitId: string }
    expect(next.visitId).not.toBe(visitId)
    await call('signOut', {})
    await call('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    await call('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password })
    await call('listOperators', {})
    const created = (await call('createOperator', { username: 'wu', displayName: '吴老师', role: 'operator', password: 'new password 3' })) as { id: number }
    await call('setOperatorDisabled', { operatorId: created.id, disabled: true })
    await call('resetOperatorPassword', { operatorId: created.id, password: 'new password 4' })
    await call('listAuditLog', { action: 'operator.create' })
    await call('exportAuditLog', {})
    // The booking operations need a central that books: tests/unit/main/booking/contract-outputs.test.ts.
    // The waitlist and CET6 review operations: tests/unit/main/waitlist/contract-outputs.test.ts.
    // 数据导入: tests/unit/main/import/. 同步异常 (S6): tests/unit/main/sync/. 报名回执, 日报表: tests/unit/main/print/.
    const elsewhere: readonly string[] = [
      ...BOOKING_OPERATION_NAMES,
      ...WAITLIST_OPERATION_NAMES,
      ...IMPORT_OPERATION_NAMES,
      ...SYNC_OPERATION_NAMES,
      ...PRINT_OPERATION_NAMES,
    ]
    expect([...seen].sort()).toEqual(OPERATION_NAMES.filter((n) => !elsewhere.includes(n)).sort())
  })

  it('getDeskStatus reports operator, session and link (S5)', async () => {
    expect(await kiosk.dispatch('getDeskStatus', {})).toEqual({
      ok: true,
      value: {
        operator: { id: kiosk.operatorId, username: 'zhang', displayName: '张老师', role: 'operator' },
        examSession: { id: '2026H2', name: '2026下半年CET考试', registrationStart: '2026-09-01T00:00:00.000Z', registrationEnd: '2026-10-01T00:00:00.000Z' },
        link: { mode: 'central', state: 'online', lastSyncAt: kiosk.clock().toISOString(), pendingChanges: 0, syncIssues: 0 },
        now: kiosk.clock().toISOString(),
        idleTimeoutSeconds: 180, // K2 default: 3 minutes
      },
    })
  })
})

describe('IPC dispatch never throws', () => {
  let kiosk: TestKiosk
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
  })
  afterEach(() => kiosk.close())

  function recordingLogger(): Logger & { lines: string[] } {
    const lines: string[] = []
    return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }
  }

  it('an unexpected exception becomes INTERNAL and is logged without personal data', async () => {
    const logger = recordingLogger()
    const handlers = createHandlerTable(kiosk.ctx)
    handlers.getRegistrationInfo = () => {
      throw new Error(`no row for 王晓明 ${WANG.idNumber} phone 13612340001`)
    }
    const dispatch = createDispatch(handlers, logger)
    expect(await dispatch('getRegistrationInfo', { visitId: '0b6f2f7e-8f43-4b5e-9d2a-6c1c3f1e2a10' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    })
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0]).toContain('getRegistrationInfo')
    expect(logger.lines[0]).not.toMatch(/王晓明|120104200403151239|13612340001/)
  })

  it('an output off contract is not sent: INTERNAL', async () => {
    const logger = recordingLogger()
    const handlers = createHandlerTable(kiosk.ctx)
    handlers.getAgreement = () => Promise.resolve({ ok: true, value: { version: 1 } as never })
    const dispatch = createDispatch(handlers, logger)
    expect(await dispatch('getAgreement', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } })
    expect(logger.lines[0]).toMatch(/off contract/)
  })

  it('desk operations run one at a time: a double-clicked confirm registers once', async () => {
    const central = createScriptedCentral()
    const k = await createTestKiosk(central.transport)
    await syncAll(k)
    const visitId = await startVisit(k)
    await k.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })
    const [a, b] = await Promise.all([
      k.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }),
      k.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }),
    ])
    expect(a).toEqual(b)
    expect(central.pathsCalled().filter((p) => p === 'POST /v1/registrations')).toHaveLength(1)
    await k.close()
  })
})
