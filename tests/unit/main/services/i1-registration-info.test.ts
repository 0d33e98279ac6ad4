import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registrationInfoSchema } from '../../../../src-shared/ipc/contract'
import { LANG, WANG } from '../support/fixtures'
import { createScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, startVisit, syncAll, type TestKiosk } from '../support/test-kiosk'

describe('I1 registration info page', () => {
  let kiosk: TestKiosk
  let visitId: string
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
    await syncAll(kiosk)
    visitId = await startVisit(kiosk)
  })
  afterEach(() => kiosk.close())

  async function confirmed(record = WANG) {
    await kiosk.dispatch('lookupEligibility', { visitId, idType: record.idType, idNumber: record.idNumber, name: record.name })
    await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
    const result = await kiosk.dispatch('getRegistrationInfo', { visitId })
    expect(result.ok).toBe(true)
    return registrationInfoSchema.parse((result as { value: unknown }).value)
  }

  it('I1: needs a confirmed registration', async () => {
    await kiosk.dispatch('lookupEligibility', { visitId, idType: WANG.idType, idNumber: WANG.idNumber, name: WANG.name })
    expect(await kiosk.dispatch('getRegistrationInfo', { visitId })).toEqual({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', message: '请先确认学籍与资格信息。' },
    })
  })

  it('I1: shows the record with school and campus names, the session and the actions decided in main', async () => {
    const info = await confirmed()
    expect(info.candidate).toMatchObject({
      name: '王晓明',
      school: { code: '12001', name: '南开大学' },
      campus: { code: '120010', name: '南开大学' },
      phoneMasked: '136****0001',
    })
    expect(info.examSession).toMatchObject({ id: '2026H2', name: '2026下半年CET考试' })
    expect(info.actions).toEqual([
      { id: 'home', label: '返回首页', enabled: true, reason: null },
      // E5: 王晓明 already has 英语六级笔试.
      { id: 'cet6Review', label: 'CET6资格复核', enabled: false, reason: '考生已有英语六级笔试报考资格，无需复核。', reasonRef: { code: 'cet6AlreadyEligible' } },
      // B1–B3, R1, B6 (issue #3): booking is open; the score report waits for a written booking.
      { id: 'written', label: '笔试报考', enabled: true, reason: null },
      { id: 'scoreReport', label: '纸质成绩报告单', enabled: false, reason: '尚未报考笔试科目，请先通过“笔试报考”报考。', reasonRef: { code: 'noWrittenBooking' } },
      { id: 'oral', label: '口试报考', enabled: true, reason: null },
      { id: 'deleteRegistration', label: '删除报名信息', enabled: true, reason: null },
    ])
  })

  it("I1: shows the notices of the candidate's own province and school only", async () => {
    expect((await confirmed(WANG)).announcements.map((a) => a.id)).toEqual(['A-12001', 'A-12'])
    const next = await kiosk.dispatch('acceptAgreement', { version: '2026H2-1', accepted: true })
    visitId = (next as { value: { visitId: string } }).value.visitId
    expect((await confirmed(LANG)).announcements.map((a) => a.id)).toEqual(['A-99'])
  })
})
