// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, ok, orderView, ORDER_NO, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

async function openPayment() {
  return mountScreen(`/payment/${ORDER_NO}`, () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
    visit.info = registrationInfo()
  })
}

function statusText(): string | undefined {
  return document.querySelector('[role="status"]')?.textContent?.trim()
}

describe('支付缴费 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
    vi.mocked(api.getPaymentStatus).mockResolvedValue(ok(orderView()))
  })

  it('P3: shows the order’s QR code (encoding its pay page), amount, NEEA ID and 未支付', async () => {
    const { wrapper } = await openPayment()
    await flush()
    expect(api.getPaymentStatus).toHaveBeenCalledWith({ visitId: VISIT_ID, orderNo: ORDER_NO })
    const img = wrapper.find('img')
    expect(img.attributes('alt')).toContain('支付二维码')
    expect(img.attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/)
    expect(decodeURIComponent(img.attributes('src')!)).toContain('<svg')
    expect(wrapper.text()).toContain('0.10元人民币')
    expect(wrapper.text()).toContain(ORDER_NO)
    expect(wrapper.text()).toContain('2026下半年CET考试报名费')
    expect(wrapper.find('[data-testid="pay-url"]').text()).toBe(`http://127.0.0.1:4410/pay/${ORDER_NO}`)
    expect(statusText()).toBe('未支付')
  })

  it('P3: the status turns 已支付 on its own; 更新 asks at once', async () => {
    const { wrapper } = await openPayment()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { usePaymentStore } = await import('../stores/payment')
      usePaymentStore().startFollowing(ORDER_NO)
      vi.mocked(api.getPaymentStatus).mockResolvedValue(ok(orderView({ status: 'paid', paidAt: '2026-09-10T11:05:00+08:00' })))
      await vi.advanceTimersByTimeAsync(2_000)
      await wrapper.vm.$nextTick()
      expect(statusText()).toBe('已支付')
      expect(wrapper.text()).toContain('支付成功')
      const asked = vi.mocked(api.getPaymentStatus).mock.calls.length
      await vi.advanceTimersByTimeAsync(10_000)
      expect(vi.mocked(api.getPaymentStatus).mock.calls.length).toBe(asked)
    } finally {
      vi.useRealTimers()
    }
    const before = vi.mocked(api.getPaymentStatus).mock.calls.length
    Array.from(document.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === '更新')!
      .click()
    await flush()
    expect(vi.mocked(api.getPaymentStatus).mock.calls.length).toBe(before + 1)
  })
})
