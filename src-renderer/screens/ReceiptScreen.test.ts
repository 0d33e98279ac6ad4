// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, ok, VISIT_ID } from '../testing/fixtures'
import { useLocaleForTests } from '../testing/i18n'
import { flush, mountScreen } from '../testing/mount-screen'
import { receiptView } from '../testing/print-fixtures'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

async function openReceipt() {
  return mountScreen('/receipt', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
}

describe('报名回执 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getReceipt).mockResolvedValue(ok(receiptView()))
  })

  it('K3 B4 R1 W4: shows what main built: masked ID, statuses with the deadline, choices, order number, waitlist, next steps', async () => {
    await openReceipt()
    const text = document.querySelector('main')?.textContent ?? ''
    expect(api.getReceipt).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(text).toContain('1200****0008')
    expect(text).toContain('已支付')
    expect(text).toContain('未支付 (2026-09-11 11:12后随时会被系统删除)')
    expect(text).toContain('纸质')
    expect(text).toContain('A'.repeat(32))
    expect(text).toContain('待同步')
    expect(text).toContain('已支付: ¥0.10')
    expect(text).toContain('前面还有 2 人')
    expect(text).toContain('所有已报考科目如果24小时内未支付')
    expect(text).toContain('您选择需要纸质英语四级成绩报告单，请在考试结束后按所在学校规定领取')
    expect(text).toContain('经办人: 王老师')
  })

  it('打印 asks main, then prints in the page when main says the browser prints', async () => {
    vi.mocked(api.printDocument).mockResolvedValue(ok({ printedBy: 'browser' }))
    // happy-dom has no print(); the page's own is what the headless host uses.
    const print = vi.fn()
    window.print = print
    await openReceipt()
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === '打印')!
    button.click()
    await flush()
    expect(api.printDocument).toHaveBeenCalledWith({ document: 'receipt' })
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('is worded in English too (main’s data stays as main sent it)', async () => {
    await openReceipt()
    await useLocaleForTests('en')
    await flush()
    const text = document.querySelector('main')?.textContent ?? ''
    expect(text).toContain('Registration receipt')
    expect(text).toContain('You asked for a paper 英语四级 score report')
    await useLocaleForTests('zh-CN')
  })
})
