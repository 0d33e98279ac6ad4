import { afterEach, describe, expect, it } from 'vitest'
import { syntheticCandidate } from '../../../../src-main/bench/synthetic-roster'
import { operations } from '../../../../src-shared/ipc/contract'
import type { RosterRecord } from '../../../../src-shared/schemas'
import { answer } from '../support/fake-transport'
import { ROSTER, WANG } from '../support/fixtures'
import { createScriptedCentral } from '../support/scripted-central'
import { OPERATOR, startVisit } from '../support/test-kiosk'
import { createImportKiosk, signInSupervisor, type ImportKiosk } from './import-harness'

/** 2,500 more: three pages of the central's 1,000. */
const MANY: RosterRecord[] = [...ROSTER, ...Array.from({ length: 2500 }, (_, i) => syntheticCandidate(i))]

describe("数据导入: the central's roster download (E2, E3, K3, S4)", () => {
  let k: ImportKiosk
  afterEach(() => k.close())

  async function download() {
    const started = await k.dispatch('startRosterImport', { source: { kind: 'central' } })
    if (!started.ok) throw new Error(started.error.message)
    expect(operations.startRosterImport.output.parse(started.value)).toMatchObject({ state: 'running', source: 'central', percent: null })
    await k.imports.whenFinished()
    const progress = await k.dispatch('getRosterImportProgress', {})
    if (!progress.ok) throw new Error(progress.error.message)
    return operations.getRosterImportProgress.output.parse(progress.value)
  }
  const count = () => k.kiosk.store.sqlite.prepare('select count(*) from roster_records').pluck().get()

  it('S4, E2: every page is pulled and kept in one run; the candidates are then found offline', async () => {
    const central = createScriptedCentral(MANY)
    k = await createImportKiosk({ central })
    await signInSupervisor(k.dispatch)
    const done = await download()
    expect(done).toMatchObject({ state: 'succeeded', what: 'roster', source: 'central', rowsDone: MANY.length, imported: MANY.length })
    expect(done.message).toBe(`已导入${MANY.length}条考生记录。`)
    expect(count()).toBe(MANY.length)
    expect(central.pathsCalled().filter((p) => p === 'GET /v1/roster')).toHaveLength(3)

    // K3: sealed as the roster repository seals it.
    const raw = JSON.stringify(k.kiosk.store.sqlite.prepare('select * from roster_records').all())
    expect(raw).not.toContain(WANG.idNumber)

    central.fault = 'network'
    await k.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    const visitId = await startVisit(k.kiosk)
    const c = MANY[2000]!
    const found = await k.dispatch('lookupEligibility', { visitId, idType: c.idType, idNumber: c.idNumber, name: c.name })
    expect(found.ok && (found.value as { candidateId: string }).candidateId).toBe(c.candidateId)
  })

  it('E2: a downloaded record that breaks the ID rule refuses the run; the report gives its place in the download', async () => {
    const bad = { ...syntheticCandidate(7), candidateId: 'C-BAD', idNumber: syntheticCandidate(7).idNumber.slice(0, 17) + 'X' }
    const wrongDigit = bad.idNumber === syntheticCandidate(7).idNumber ? { ...bad, idNumber: bad.idNumber.slice(0, 17) + '0' } : bad
    const central = createScriptedCentral([...ROSTER, wrongDigit])
    k = await createImportKiosk({ central })
    await signInSupervisor(k.dispatch)
    const done = await download()
    expect(done).toMatchObject({ state: 'failed', errorCount: 1, imported: 0 })
    expect(done.message).toBe('有1条记录不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。')
    expect(count()).toBe(0)
    const place = [...ROSTER, wrongDigit].sort((a, b) => a.candidateId.localeCompare(b.candidateId)).findIndex((r) => r.candidateId === 'C-BAD') + 1
    const report = await k.dispatch('getRosterImportErrorReport', {})
    const csv = report.ok ? (report.value as { csv: string }).csv : ''
    expect(csv).toContain(`${place},idNumber 列：`)
  })

  it('a link lost after the first page keeps nothing of the run (all or nothing)', async () => {
    const central = createScriptedCentral(MANY)
    const sorted = [...MANY].sort((a, b) => a.candidateId.localeCompare(b.candidateId))
    central.route('GET /v1/roster', () => {
      // The first page arrives; every later request finds the central unreachable.
      central.fault = 'server-error'
      return answer(200, { records: sorted.slice(0, 1000), nextAfter: sorted[999]!.candidateId })
    })
    k = await createImportKiosk({ central })
    await signInSupervisor(k.dispatch)
    const done = await download()
    expect(done).toMatchObject({ state: 'failed', imported: 0 })
    expect(done.message).toBe('与报名中心的连接中断，名单没有下载完。本次导入没有保存任何记录。')
    expect(count()).toBe(0)
  })
})
