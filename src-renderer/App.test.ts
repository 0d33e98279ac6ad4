// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from './App.vue'
import { api } from './api'
import { createKioskRouter } from './router'
import { useVisitStore } from './stores/visit'
import { candidate, deskStatus, fail, ok, operator, VISIT_ID } from './testing/fixtures'
import { i18nForTests } from './testing/i18n'
import { flush } from './testing/mount-screen'

vi.mock('./api', () => import('./testing/fake-api'))
enableAutoUnmount(afterEach)

async function mountApp(path: string, prepare?: () => void) {
  const pinia = createPinia()
  setActivePinia(pinia)
  prepare?.()
  const router = createKioskRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, router, i18nForTests()] }, attachTo: document.body })
  await flush()
  return { wrapper, router }
}

function button(text: string): HTMLButtonElement | undefined {
  return Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
}

describe('app shell', () => {
  beforeEach(() => {
    vi.resetAllMocks()
  })

  it('K1: without an operator every screen leads to 操作员登录, and signing in opens 首页', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator: null })))
    const { wrapper, router } = await mountApp('/info')
    expect(router.currentRoute.value.path).toBe('/signin')
    expect(wrapper.find('header').exists()).toBe(false)

    vi.mocked(api.signIn).mockResolvedValue(fail('BAD_CREDENTIALS', '用户名或密码不正确。'))
    await wrapper.find('#signin-username').setValue('wang')
    await wrapper.find('#signin-password').setValue('wrong')
    await wrapper.find('form').trigger('submit')
    await flush()
    expect(wrapper.find('[role="alert"]').text()).toBe('用户名或密码不正确。')

    vi.mocked(api.signIn).mockResolvedValue(ok(operator))
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    await wrapper.find('#signin-password').setValue('secret')
    await wrapper.find('form').trigger('submit')
    await flush()
    expect(router.currentRoute.value.path).toBe('/')
    expect(wrapper.find('header').text()).toContain('王老师')
  })

  it('S5: the top bar shows session, operator and link state', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    const { wrapper } = await mountApp('/')

    const bar = wrapper.find('header').text()
    expect(bar).toContain('CET报名服务台')
    expect(bar).toContain('考试: 2026下半年CET考试')
    expect(bar).toContain('在线')
    expect(bar).toContain('最近同步 2026-09-10 10:54')
    expect(bar).toContain('待同步 0')
    expect(bar).toContain('演示中心')
    expect(button('完成')).toBeUndefined()
    expect(button('退出登录')).toBeDefined()
  })

  it('K2: 完成 ends the visit, clears the candidate and returns to 首页', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(fail('INTERNAL', 'x'))
    vi.mocked(api.endVisit).mockResolvedValue(ok({}))
    const { router } = await mountApp('/confirm', () => {
      const visit = useVisitStore()
      visit.visitId = VISIT_ID
      visit.candidate = candidate()
    })
    expect(document.body.textContent).toContain('蓝笑天')

    button('完成')!.click()
    await flush()

    expect(router.currentRoute.value.path).toBe('/')
    expect(api.endVisit).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(useVisitStore().candidate).toBeNull()
    expect(document.body.textContent).not.toContain('蓝笑天')
    expect(button('完成')).toBeUndefined()
  })

  it('K2: when main signs the desk out, the candidate goes too', async () => {
    vi.useFakeTimers()
    try {
      vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
      const mounted = mountApp('/lookup', () => {
        useVisitStore().visitId = VISIT_ID
      })
      await vi.advanceTimersByTimeAsync(50)
      const { router } = await mounted
      vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator: null })))

      await vi.advanceTimersByTimeAsync(5_000)

      expect(useVisitStore().active).toBe(false)
      expect(router.currentRoute.value.path).toBe('/signin')
    } finally {
      vi.useRealTimers()
    }
  })

  it('K2: a few idle minutes (main\'s setting) end the open visit and clear the candidate', async () => {
    vi.useFakeTimers()
    try {
      vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ idleTimeoutSeconds: 120 })))
      vi.mocked(api.endVisit).mockResolvedValue(ok({}))
      const mounted = mountApp('/confirm', () => {
        const visit = useVisitStore()
        visit.visitId = VISIT_ID
        visit.candidate = candidate()
      })
      await vi.advanceTimersByTimeAsync(50)
      const { router } = await mounted

      await vi.advanceTimersByTimeAsync(119_000)
      window.dispatchEvent(new Event('pointerdown'))
      await vi.advanceTimersByTimeAsync(119_000)
      expect(api.endVisit).not.toHaveBeenCalled()

      await vi.advanceTimersByTimeAsync(1_000)
      expect(api.endVisit).toHaveBeenCalledWith({ visitId: VISIT_ID })
      expect(useVisitStore().candidate).toBeNull()
      expect(router.currentRoute.value.path).toBe('/')
      expect(document.body.textContent).not.toContain('蓝笑天')
    } finally {
      vi.useRealTimers()
    }
  })

  it('K2: the last 30 seconds count down in a warning; 继续办理 keeps the visit', async () => {
    vi.useFakeTimers()
    try {
      vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
      vi.mocked(api.endVisit).mockResolvedValue(ok({}))
      const mounted = mountApp('/confirm', () => {
        const visit = useVisitStore()
        visit.visitId = VISIT_ID
        visit.candidate = candidate()
      })
      await vi.advanceTimersByTimeAsync(50)
      await mounted

      await vi.advanceTimersByTimeAsync(149_000)
      expect(document.body.textContent).not.toContain('即将结束当前考生的办理')
      await vi.advanceTimersByTimeAsync(1_000)
      expect(document.body.textContent).toContain('即将结束当前考生的办理')
      expect(document.querySelector('[data-testid="idle-seconds"]')?.textContent).toBe('30')
      await vi.advanceTimersByTimeAsync(10_000)
      expect(document.querySelector('[data-testid="idle-seconds"]')?.textContent).toBe('20')

      button('继续办理')!.dispatchEvent(new Event('pointerdown'))
      button('继续办理')!.click()
      await vi.advanceTimersByTimeAsync(0)
      expect(document.body.textContent).not.toContain('即将结束当前考生的办理')
      await vi.advanceTimersByTimeAsync(149_000)
      expect(api.endVisit).not.toHaveBeenCalled()
      expect(useVisitStore().visitId).toBe(VISIT_ID)
    } finally {
      vi.useRealTimers()
    }
  })

  it('K1: a supervisor sees 操作员管理 and 审计日志; an operator is kept off those screens', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator: { ...operator, role: 'supervisor' } })))
    vi.mocked(api.listOperators).mockResolvedValue(ok([]))
    const first = await mountApp('/operators')
    expect(first.router.currentRoute.value.path).toBe('/operators')
    expect(first.wrapper.find('header').text()).toContain('审计日志')
    first.wrapper.unmount()

    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    const { wrapper, router } = await mountApp('/audit')
    expect(router.currentRoute.value.path).toBe('/')
    expect(wrapper.find('header').text()).not.toContain('操作员管理')
    expect(document.body.textContent).toContain('只有主管可以进行此操作')
    expect(api.listAuditLog).not.toHaveBeenCalled()
  })
})
