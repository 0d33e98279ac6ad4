// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useDeskStore } from '../stores/desk'
import { deskStatus, fail, ok, syncIssue } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

function button(text: string): HTMLButtonElement | undefined {
  return Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
}

function rows(): string[] {
  return Array.from(document.querySelectorAll('tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('td'))
      .map((td) => td.textContent?.trim())
      .join(' | '),
  )
}

describe('同步异常 screen (S6)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ link: { ...deskStatus().link, syncIssues: 1 } })))
  })

  it('S6 K3: any signed-in operator sees each refused change with the masked candidate, the change, the reason and the times', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue()]))
    const { router } = await mountScreen('/sync-issues')
    expect(router.currentRoute.value.path).toBe('/sync-issues')
    expect(document.querySelector('h1')?.textContent).toBe('同步异常')
    const headers = Array.from(document.querySelectorAll('th')).map((th) => th.textContent?.trim())
    expect(headers).toEqual(['考生', '变更', '原因', '办理时间', '拒绝时间', '操作'])
    expect(rows()).toEqual(['蓝*天 | 报考 英语四级笔试（(120010)南开大学） | 所选科目已无剩余名额。 | 2026-09-10 11:12 | 2026-09-10 11:40 | 知道了'])
    expect(document.body.textContent).not.toContain('蓝笑天')
  })

  it('S6: 知道了 asks main to record it, drops the row and refreshes the top bar count', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue()]))
    vi.mocked(api.acknowledgeSyncIssue).mockResolvedValue(ok(syncIssue({ acknowledgedAt: '2026-09-10T12:00:00+08:00', acknowledgedBy: '王老师' })))
    await mountScreen('/sync-issues')
    vi.mocked(api.getDeskStatus).mockClear()
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([]))
    button('知道了')!.click()
    await flush()
    expect(api.acknowledgeSyncIssue).toHaveBeenCalledWith({ id: 1 })
    expect(api.getDeskStatus).toHaveBeenCalled()
    expect(document.body.textContent).toContain('当前没有同步异常。')
  })

  it('S6: 显示已处理 lists the acknowledged ones with who dealt with them and when', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([]))
    await mountScreen('/sync-issues')
    vi.mocked(api.listSyncIssues).mockResolvedValue(
      ok([syncIssue({ acknowledgedAt: '2026-09-10T12:00:00+08:00', acknowledgedBy: '王老师' })]),
    )
    const toggle = document.querySelector<HTMLInputElement>('input[type="checkbox"]')!
    toggle.checked = true
    toggle.dispatchEvent(new Event('change'))
    await flush()
    expect(api.listSyncIssues).toHaveBeenLastCalledWith({ includeAcknowledged: true })
    expect(rows()[0]).toContain('已处理（王老师 2026-09-10 12:00）')
    expect(button('知道了')).toBeUndefined()
  })

  it('S6: a refusal that arrives while the screen is open appears when the top bar count changes', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue()]))
    await mountScreen('/sync-issues')
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue({ id: 2, candidateName: '王*明' }), syncIssue()]))
    useDeskStore().link = { ...deskStatus().link, syncIssues: 2 }
    await flush()
    expect(rows()).toHaveLength(2)
    expect(rows()[0]).toContain('王*明')
  })

  it('main’s refusal to list is shown with 重试', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(fail('INTERNAL', '本机服务出现问题，请稍后重试。'))
    await mountScreen('/sync-issues')
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('本机服务出现问题，请稍后重试。')
    expect(button('重试')).toBeDefined()
  })
})
