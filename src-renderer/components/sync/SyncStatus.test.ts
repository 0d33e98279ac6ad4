// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createKioskRouter } from '../../router'
import { useDeskStore } from '../../stores/desk'
import { api } from '../../api'
import { deskStatus, ok } from '../../testing/fixtures'
import { i18nForTests } from '../../testing/i18n'
import SyncStatus from './SyncStatus.vue'

vi.mock('../../api', () => import('../../testing/fake-api'))
enableAutoUnmount(afterEach)

function mountWith(link: ReturnType<typeof deskStatus>['link'], statusError: string | null = null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const desk = useDeskStore()
  desk.link = link
  desk.statusError = statusError
  const router = createKioskRouter(createMemoryHistory())
  return mount(SyncStatus, { global: { plugins: [pinia, router, i18nForTests()] } })
}

describe('status bar link (S5/S6)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('S5: online, with 最近同步 and 待同步 0', () => {
    const text = mountWith(deskStatus().link).text()
    expect(text).toContain('演示中心')
    expect(text).toContain('在线')
    expect(text).toContain('最近同步 2026-09-10 10:54')
    expect(text).toContain('待同步 0')
    expect(text).not.toContain('同步异常')
  })

  it('S5: offline with changes waiting: 离线 and 待同步 N', () => {
    const text = mountWith({ mode: 'central', state: 'offline', lastSyncAt: null, pendingChanges: 3, syncIssues: 0 }).text()
    expect(text).toContain('离线')
    expect(text).toContain('最近同步 尚未同步')
    expect(text).toContain('待同步 3')
  })

  it('S6: 同步异常 N leads to the 同步异常 screen while refusals are unacknowledged', () => {
    const wrapper = mountWith({ ...deskStatus().link, syncIssues: 2 })
    const link = wrapper.find('a')
    expect(link.text()).toBe('同步异常 2')
    expect(link.attributes('href')).toBe('/sync-issues')
  })

  it('S5: main unreachable counts as 离线 and says why', () => {
    const text = mountWith(deskStatus().link, '无法连接本机服务，请稍后重试。').text()
    expect(text).toContain('离线')
    expect(text).toContain('无法连接本机服务，请稍后重试。')
  })
})
