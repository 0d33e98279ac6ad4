import { afterEach, describe, expect, it } from 'vitest'
import { rosterCsv } from '../../../../src-main/import/roster-csv-writer'
import { syntheticCandidate } from '../../../../src-main/bench/synthetic-roster'
import { importProgressSchema } from '../../../../src-shared/ipc/import-views'
import { operations } from '../../../../src-shared/ipc/contract'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { normaliseIdNumber } from '../../../../src-shared/domain/id-documents'
import { OPERATOR } from '../support/test-kiosk'
import { countRows, TEST_PROTECTOR } from '../support/test-store'
import { WANG } from '../support/fixtures'
import { createImportKiosk, signInSupervisor, type ImportKiosk } from './import-harness'

const GOOD = [syntheticCandidate(1), syntheticCandidate(2), syntheticCandidate(3)]

describe('数据导入: roster CSV import (E2, E3, K3)', () => {
  let k: ImportKiosk
  afterEach(() => k.close())

  async function importText(text: string) {
    const started = await k.dispatch('startRosterImport', { source: { kind: 'text', text } })
    if (!started.ok) throw new Error(started.error.message)
    operations.startRosterImport.output.parse(started.value)
    await k.imports.whenFinished()
    const progress = await k.dispatch('getRosterImportProgress', {})
    if (!progress.ok) throw new Error(progress.error.message)
    return importProgressSchema.parse(progress.value)
  }

  it('E2, E3: imported candidates are found by the eligibility lookup through the handler path', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const done = await importText(rosterCsv(GOOD))
    expect(done).toMatchObject({ state: 'succeeded', rowsDone: 3, imported: 3, errorCount: 0, percent: 100, message: '已导入3条考生记录。' })

    await k.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    const accepted = await k.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    if (!accepted.ok) throw new Error(accepted.error.message)
    const visitId = (accepted.value as { visitId: string }).visitId
    const c = GOOD[1]!
    const found = await k.dispatch('lookupEligibility', { visitId, idType: c.idType, idNumber: c.idNumber, name: c.name })
    expect(found.ok).toBe(true)
  })

  it('K3: imported ID numbers and phones are stored only encrypted, found by their keyed hash', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    await importText(rosterCsv(GOOD))
    const raw = JSON.stringify(k.kiosk.store.sqlite.prepare('select * from roster_records').all())
    for (const c of GOOD) {
      expect(raw).not.toContain(c.idNumber)
      expect(raw).not.toContain(c.phone)
    }
    // The checking thread seals the ID number, the writing thread the phone: each opens as its own field.
    const stored = k.kiosk.store.sqlite.prepare('select candidate_id, id_number_enc, phone_enc from roster_records').all() as {
      candidate_id: string
      id_number_enc: string
      phone_enc: string
    }[]
    expect(stored.map((r) => [r.candidate_id, TEST_PROTECTOR.decrypt('idNumber', r.id_number_enc), TEST_PROTECTOR.decrypt('phone', r.phone_enc)])).toEqual(
      GOOD.map((c) => [c.candidateId, normaliseIdNumber(c.idNumber), c.phone]),
    )
  })

  it('E2: one refused row (bad check digit) and nothing is imported; the error report names its line and reason', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    await importText(rosterCsv([GOOD[0]!]))
    const before = countRows(k.kiosk.store)
    const bad = { ...GOOD[2]!, idNumber: GOOD[2]!.idNumber.slice(0, 17) + (GOOD[2]!.idNumber.endsWith('0') ? '1' : '0') }
    const noSubjects = { ...GOOD[1]!, eligibleSubjectCodes: ['Z'] }
    const done = await importText(rosterCsv([{ ...GOOD[0]!, name: '改了名字' }, noSubjects, bad]))
    expect(done).toMatchObject({ state: 'failed', rowsDone: 3, imported: 0, errorCount: 2 })
    expect(done.message).toBe('有2行不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。')
    expect(countRows(k.kiosk.store)).toEqual({ ...before, audit_log: before.audit_log! + 1 })
    const kept = k.kiosk.store.sqlite.prepare('select name from roster_records').all()
    expect(kept).toEqual([{ name: GOOD[0]!.name }])

    const report = await k.dispatch('getRosterImportErrorReport', {})
    if (!report.ok) throw new Error(report.error.message)
    const { csv, rows } = operations.getRosterImportErrorReport.output.parse(report.value)
    expect(rows).toBe(2)
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('行号,原因')
    expect(lines[1]).toMatch(/^3,eligibleSubjectCodes 列/)
    expect(lines[2]).toBe('4,idNumber 列：居民身份证号码的校验位不正确，请逐位核对号码。')
  })

  it('E2: the same document for two candidates is refused and rolls the file back', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const twin = { ...GOOD[1]!, candidateId: 'B-TWIN' }
    const done = await importText(rosterCsv([GOOD[0]!, GOOD[1]!, twin]))
    expect(done).toMatchObject({ state: 'failed', errorCount: 1, imported: 0 })
    expect(k.kiosk.store.sqlite.prepare('select count(*) as n from roster_records').get()).toEqual({ n: 0 })
  })

  it('a file without the roster columns is refused as a whole', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const done = await importText('candidateId,name\nB1,张三\n')
    expect(done.state).toBe('failed')
    expect(done.message).toMatch(/^文件第1行缺少这些列：idType、idNumber、.*本次导入没有保存任何记录。$/)
    const report = await k.dispatch('getRosterImportErrorReport', {})
    expect(report.ok && (report.value as { csv: string }).csv).toContain('1,文件第1行缺少这些列')
  })

  it('an unreadable file path is refused with a sentence, not a crash', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    await k.dispatch('startRosterImport', { source: { kind: 'file', path: '/nonexistent/roster.csv' } })
    await k.imports.whenFinished()
    const progress = await k.dispatch('getRosterImportProgress', {})
    expect(progress.ok && progress.value).toMatchObject({ state: 'failed', message: '无法读取该文件，请检查文件路径。本次导入没有保存任何记录。' })
  })

  it('K1: an operator may not import, poll or download the report (FORBIDDEN)', async () => {
    k = await createImportKiosk()
    await k.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    for (const [name, input] of [
      ['startRosterImport', { source: { kind: 'text', text: rosterCsv(GOOD) } }],
      ['getRosterImportProgress', {}],
      ['getRosterImportErrorReport', {}],
    ] as const) {
      const answer = await k.dispatch(name, input)
      expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN')
    }
  })

  it('one import at a time: a second start while one runs is refused (CONFLICT); the audit log records the start', async () => {
    k = await createImportKiosk({ hold: true })
    await signInSupervisor(k.dispatch)
    const first = await k.dispatch('startRosterImport', { source: { kind: 'text', text: rosterCsv(GOOD) } })
    expect(first.ok && first.value).toMatchObject({ state: 'running' })
    const second = await k.dispatch('startRosterImport', { source: { kind: 'text', text: rosterCsv(GOOD) } })
    expect(second.ok ? 'ok' : second.error).toEqual({ code: 'CONFLICT', message: '正在导入数据，请等本次导入结束后再开始新的导入。' })
    k.release()
    await k.imports.whenFinished()
    expect(k.imports.progress().state).toBe('succeeded')
    const actions = k.kiosk.store.sqlite.prepare("select action, outcome from audit_log where action = 'roster.import'").all()
    expect(actions).toEqual([{ action: 'roster.import', outcome: 'ok' }])
  })

  it('an import by candidate id replaces an existing record (the central download and an import agree)', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    await importText(rosterCsv([WANG]))
    const done = await importText(rosterCsv([{ ...WANG, className: '新班级' }]))
    expect(done.state).toBe('succeeded')
    expect(k.kiosk.store.sqlite.prepare('select class_name from roster_records').all()).toEqual([{ class_name: '新班级' }])
  })
})
