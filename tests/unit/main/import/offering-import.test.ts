import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'csv-stringify/sync'
import { OFFERING_CSV_COLUMNS } from '../../../../src-main/import/offering-csv-row'
import { operations } from '../../../../src-shared/ipc/contract'
import type { Offering } from '../../../../src-shared/schemas'
import { OPERATOR, syncAll } from '../support/test-kiosk'
import { OFFERINGS } from '../support/fixtures'
import { createImportKiosk, signInSupervisor, type ImportKiosk } from './import-harness'

function offeringsCsv(rows: readonly Offering[]): string {
  return stringify([
    [...OFFERING_CSV_COLUMNS],
    ...rows.map((o) => OFFERING_CSV_COLUMNS.map((c) => (c === 'oralAllowedCampusCodes' ? o.oralAllowedCampusCodes.join(';') : String(o[c] ?? '')))),
  ])
}

const NEW_ORAL: Offering = {
  ...OFFERINGS[0]!,
  id: '120011-S',
  subjectCode: 'S',
  campusCode: '120011',
  capacity: 40,
  seatsLeft: 40,
  examStart: null,
  examEnd: null,
  oralAllowedCampusCodes: ['120011', '120012'],
}

describe('数据导入: 报考科目信息 CSV import (B1, B3)', () => {
  let k: ImportKiosk
  afterEach(() => k.close())

  async function importOfferings(text: string) {
    const started = await k.dispatch('startOfferingImport', { source: { kind: 'text', text } })
    if (!started.ok) throw new Error(started.error.message)
    expect(operations.startOfferingImport.output.parse(started.value)).toMatchObject({ state: 'running', what: 'offerings' })
    await k.imports.whenFinished()
    const progress = await k.dispatch('getRosterImportProgress', {})
    if (!progress.ok) throw new Error(progress.error.message)
    return operations.getRosterImportProgress.output.parse(progress.value)
  }

  const offering = (id: string) => k.kiosk.store.sqlite.prepare('select capacity, seats_left, fee_cents, exam_start from offerings where id = ?').get(id)
  const oral = (id: string) =>
    k.kiosk.store.sqlite.prepare('select campus_code from offering_oral_campuses where offering_id = ? order by campus_code').pluck().all(id)

  it('B3: new and changed offerings are upserted by id, oral campuses included, in one run', async () => {
    k = await createImportKiosk()
    await syncAll(k.kiosk)
    await signInSupervisor(k.dispatch)
    const done = await importOfferings(offeringsCsv([{ ...OFFERINGS[0]!, capacity: 320, seatsLeft: 310, feeCents: 3000 }, NEW_ORAL]))
    expect(done).toMatchObject({ state: 'succeeded', what: 'offerings', source: 'text', rowsDone: 2, imported: 2, percent: 100 })
    expect(done.message).toBe('已导入2条报考科目信息。')
    expect(offering(OFFERINGS[0]!.id)).toEqual({ capacity: 320, seats_left: 310, fee_cents: 3000, exam_start: OFFERINGS[0]!.examStart })
    expect(offering('120011-S')).toMatchObject({ capacity: 40, exam_start: null })
    expect(oral('120011-S')).toEqual(['120011', '120012'])
    const audit = k.kiosk.store.sqlite.prepare("select outcome from audit_log where action = 'offerings.import'").all()
    expect(audit).toEqual([{ outcome: 'ok' }])
  })

  it('one refused row and nothing is imported; the error report names each line and reason', async () => {
    k = await createImportKiosk()
    await syncAll(k.kiosk)
    await signInSupervisor(k.dispatch)
    const before = k.kiosk.store.sqlite.prepare('select * from offerings order by id').all()
    const done = await importOfferings(
      offeringsCsv([
        { ...OFFERINGS[0]!, capacity: 999 },
        { ...NEW_ORAL, seatsLeft: 41 },
        { ...NEW_ORAL, id: 'X-1', campusCode: '993010' },
        { ...NEW_ORAL, id: 'X-2', registrationEnd: NEW_ORAL.registrationStart },
      ]),
    )
    expect(done).toMatchObject({ state: 'failed', rowsDone: 4, imported: 0, errorCount: 3 })
    expect(done.message).toBe('有3行不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。')
    expect(k.kiosk.store.sqlite.prepare('select * from offerings order by id').all()).toEqual(before)

    const report = await k.dispatch('getRosterImportErrorReport', {})
    if (!report.ok) throw new Error(report.error.message)
    const { csv, fileName } = operations.getRosterImportErrorReport.output.parse(report.value)
    expect(fileName).toMatch(/^报考科目导入错误报告-/)
    expect(csv.replace(/^\uFEFF/, '').trim().split('\n')).toEqual([
      '行号,原因',
      '3,seatsLeft 列：剩余容量不能大于容量。',
      '4,campusCode 列：本机没有该学校的这个校区，请核对学校代码和校区代码，或先与报名中心同步。',
      '5,registrationEnd 列：报名结束时间必须晚于报名开始时间。',
    ])
  })

  it('a value the shared offering schema refuses is reported with its column', async () => {
    k = await createImportKiosk()
    await syncAll(k.kiosk)
    await signInSupervisor(k.dispatch)
    const csv = offeringsCsv([OFFERINGS[0]!]).replace(/,300,300,/, ',三百,300,')
    const done = await importOfferings(csv)
    expect(done.state).toBe('failed')
    const report = await k.dispatch('getRosterImportErrorReport', {})
    expect(report.ok && (report.value as { csv: string }).csv).toContain('2,capacity 列的值不符合要求：三百')
  })

  it('a roster file given as offerings is refused as a whole by its header', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const done = await importOfferings('candidateId,name\nB1,张三\n')
    expect(done.message).toMatch(/^文件第1行缺少这些列：id、subjectCode、.*本次导入没有保存任何记录。$/)
  })

  it('K1: an operator may not import offerings (FORBIDDEN)', async () => {
    k = await createImportKiosk()
    await k.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
    const answer = await k.dispatch('startOfferingImport', { source: { kind: 'text', text: offeringsCsv([NEW_ORAL]) } })
    expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN')
  })
})
