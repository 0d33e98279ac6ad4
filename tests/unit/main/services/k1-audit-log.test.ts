import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditPageSchema } from '../../../../src-shared/ipc/contract'
import { appendAudit } from '../../../../src-main/store/audit-repository'
import { WANG } from '../support/fixtures'
import { createScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, startVisit, SUPERVISOR, syncAll, type TestKiosk } from '../support/test-kiosk'

describe('K1 audit log (审计日志, supervisor only)', () => {
  let kiosk: TestKiosk
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
    await syncAll(kiosk)
    // An operator serves a candidate: sign-in, agreement, lookup, reveal, end.
    const visitId = await startVisit(kiosk)
    await kiosk.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })
    await kiosk.dispatch('revealCandidateField', { visitId, field: 'phone' })
    await kiosk.dispatch('endVisit', { visitId })
    await kiosk.dispatch('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password })
  })
  afterEach(() => kiosk.close())

  async function page(filter: Record<string, unknown> = {}) {
    const result = await kiosk.dispatch('listAuditLog', filter)
    if (!result.ok) throw new Error(result.error.message)
    return auditPageSchema.parse(result.value)
  }

  it('K1: lists every change newest first, with operator, time, candidate, action and outcome', async () => {
    const { entries, total } = await page()
    expect(total).toBe(entries.length)
    expect(entries.map((e) => e.action)).toEqual([
      'operator.sign-in',
      'operator.sign-out',
      'visit.end',
      'candidate.reveal',
      'eligibility.lookup',
      'agreement.accept',
      'operator.sign-in',
    ])
    expect(entries.find((e) => e.action === 'candidate.reveal')).toMatchObject({
      operatorId: kiosk.operatorId,
      operatorName: '张老师',
      candidateId: WANG.candidateId,
      outcome: 'ok',
      detail: expect.stringMatching(/^phone, visit /),
    })
  })

  it('K1: filters by operator, candidate, action and time range', async () => {
    expect((await page({ operatorId: kiosk.supervisorId })).entries.map((e) => e.action)).toEqual(['operator.sign-in'])
    expect((await page({ candidateId: WANG.candidateId })).entries.map((e) => e.action)).toEqual(['visit.end', 'candidate.reveal', 'eligibility.lookup'])
    expect((await page({ action: 'candidate.reveal' })).total).toBe(1)
    await appendAudit(kiosk.store.db, { at: new Date('2026-01-02T03:00:00Z'), operatorId: null, candidateId: null, action: 'visit.end', outcome: 'ok' })
    const january = await page({ from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59+08:00' })
    expect(january.entries.map((e) => e.at)).toEqual(['2026-01-02T03:00:00.000Z'])
    expect((await page({ limit: 2 })).entries).toHaveLength(2)
  })

  it('K1: exports the filtered log as CSV with a header, quoting what needs it, and audits the export', async () => {
    await appendAudit(kiosk.store.db, { at: new Date(), operatorId: null, candidateId: null, action: 'visit.end', outcome: 'ok', detail: '=HYPERLINK("x"), "quoted"' })
    const result = await kiosk.dispatch('exportAuditLog', { action: 'visit.end' })
    expect(result.ok).toBe(true)
    const { csv, rows, fileName } = (result as { value: { csv: string; rows: number; fileName: string } }).value
    expect(fileName).toMatch(/^audit-log-\d{8}-\d{6}\.csv$/)
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('序号,时间,操作员编号,操作员,考生编号,操作,结果,说明')
    expect(rows).toBe(2)
    expect(lines).toHaveLength(3)
    // A formula is defused and quotes are doubled inside a quoted cell.
    expect(lines[1]).toContain('"\'=HYPERLINK(""x""), ""quoted"""')
    expect((await page({ action: 'audit.export' })).entries[0]).toMatchObject({ operatorId: kiosk.supervisorId, detail: '2 rows' })
  })
})
