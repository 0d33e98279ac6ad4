// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useNoticeStore } from '../stores/notice'
import { useVisitStore } from '../stores/visit'
import {
  candidate,
  deskStatus,
  emptyBookings,
  fail,
  ok,
  orderView,
  ORDER_NO,
  registrationInfo,
  VISIT_ID,
  writtenBooking,
} from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const payable = { paidCents: 0, unpaidCents: 10, statusLabel: '全未支付', pay: { allowed: true, reason: null } }

function withWritten(overrides = {}) {
  return registrationInfo({ bookings: emptyBookings({ written: [writtenBooking(overrides)], writtenSummary: payable }) })
}

async function openInfo() {
  return mountScreen('/info', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
}

function buttons(text: string, root: ParentNode = document): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll('button')).filter((b) => b.textContent?.trim() === text)
}

function table(name: string): HTMLTableElement {
  const found = Array.from(document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent?.trim() === name)
  expect(found, name).toBeDefined()
  return found!
}

describe('报名信息: the booking tables', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(withWritten()))
  })

  it('B4 B7: a booking row shows fee, 未支付 with the deletion time, 编排状态, 报考方式, school and campus', async () => {
    await openInfo()
    const headers = Array.from(table('笔试报考科目信息').querySelectorAll('th')).map((th) => th.textContent?.trim())
    expect(headers).toEqual(['#', '科目', '费用(元)', '支付状态', '编排状态', '科目报考方式', '报名学校', '报名校区', '成绩报告单', '操作'])
    const row = table('笔试报考科目信息').querySelector('tbody tr')!.textContent!
    expect(row).toContain('0.10')
    expect(row).toContain('未支付 (2026-09-11 11:12后随时会被系统删除)')
    expect(row).toContain('未编排')
    expect(row).toContain('考生注册')
    expect(row).toContain('(120010)南开大学')
    expect(document.body.textContent).toContain('支付状态: 全未支付')
    expect(document.body.textContent).toContain('未支付: ¥0.10')
  })

  it('B5: 取消 asks first, then main cancels; a booking main will not cancel shows the reason instead', async () => {
    vi.mocked(api.cancelBooking).mockResolvedValue(ok(registrationInfo()))
    await openInfo()
    buttons('取消', table('笔试报考科目信息'))[0]!.click()
    await flush()
    const prompt = document.querySelector('[role="dialog"]')!
    expect(prompt.textContent).toContain('确定取消英语四级笔试的报考吗？')
    buttons('确定', prompt)[0]!.click()
    await flush()
    expect(api.cancelBooking).toHaveBeenCalledWith({ visitId: VISIT_ID, bookingId: 'b-1' })
    expect(document.body.textContent).toContain('当前没有笔试报考科目，请通过“笔试报考”进行科目报考！')
  })

  it('B5: a paid booking has no 取消, only main’s reason', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(
      ok(withWritten({ paymentStatus: 'paid', expiresAt: null, cancel: { allowed: false, reason: '已支付科目不可取消报考。' } })),
    )
    await openInfo()
    const row = table('笔试报考科目信息').querySelector('tbody tr')!
    expect(buttons('取消', row)).toHaveLength(0)
    expect(row.textContent).toContain('已支付')
    expect(row.textContent).toContain('已支付科目不可取消报考。')
  })

  it('P2 P3: 支付 shows 确认报考信息 from main; 去支付 opens the order’s payment screen', async () => {
    vi.mocked(api.getPaymentConfirmation).mockResolvedValue(
      ok({
        name: '蓝笑天',
        idNumber: '1200****0008',
        kind: 'written',
        rows: [{ bookingId: 'b-1', campus: { code: '120010', name: '南开大学' }, subjectName: '英语四级笔试', feeCents: 10, scoreReportLabel: '纸质' }],
        totalCents: 10,
      }),
    )
    vi.mocked(api.startPayment).mockResolvedValue(ok(orderView()))
    vi.mocked(api.getPaymentStatus).mockResolvedValue(ok(orderView()))
    const { router } = await openInfo()
    buttons('支付')[0]!.click()
    await flush()
    const dialog = document.querySelector('[role="dialog"]')!
    expect(dialog.textContent).toContain('确认报考信息')
    expect(dialog.textContent).toContain('1200****0008')
    expect(dialog.textContent).toContain('支付科目类型:笔试')
    expect(dialog.textContent).toContain('合计: ¥0.10')
    buttons('去支付', dialog)[0]!.click()
    await flush()
    expect(api.startPayment).toHaveBeenCalledWith({ visitId: VISIT_ID, kind: 'written' })
    expect(router.currentRoute.value.path).toBe(`/payment/${ORDER_NO}`)
  })

  it('B6: 删除报名信息 asks first; a refusal from main is shown and the visit stays', async () => {
    vi.mocked(api.deleteRegistration).mockResolvedValue(fail('HAS_PAID_BOOKINGS', '已有已支付的科目，不能删除报名信息。'))
    const { router } = await openInfo()
    buttons('删除报名信息')[0]!.click()
    await flush()
    buttons('确定', document.querySelector('[role="dialog"]')!)[0]!.click()
    await flush()
    expect(api.deleteRegistration).toHaveBeenCalledWith({ visitId: VISIT_ID, confirmed: true })
    expect(useNoticeStore().message).toBe('已有已支付的科目，不能删除报名信息。')
    expect(router.currentRoute.value.path).toBe('/info')
    expect(useVisitStore().active).toBe(true)
  })

  it('B4 P3: while open the page asks main again on its own (one timer), and stops when left', async () => {
    const { router } = await openInfo()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      // Restart the screen's polling on the fake timers.
      useVisitStore().startInfoPolling()
      const calls = vi.mocked(api.getRegistrationInfo).mock.calls.length
      vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
      await vi.advanceTimersByTimeAsync(3_000)
      expect(vi.mocked(api.getRegistrationInfo).mock.calls.length).toBe(calls + 1)
      expect(document.body.textContent).toContain('当前没有笔试报考科目')
      await vi.advanceTimersByTimeAsync(3_000)
      expect(vi.mocked(api.getRegistrationInfo).mock.calls.length).toBe(calls + 2)
      await router.push('/')
      await vi.advanceTimersByTimeAsync(10_000)
      expect(vi.mocked(api.getRegistrationInfo).mock.calls.length).toBe(calls + 2)
    } finally {
      vi.useRealTimers()
    }
  })
})
