// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { fail, ok, syncIssue } from '../testing/fixtures'
import { useSyncIssuesStore } from './sync-issues'

vi.mock('../api', () => import('../testing/fake-api'))

describe('sync issues store (S6)', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('S6: lists the open refusals, and 显示已处理 asks main for the acknowledged ones too', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue()]))
    const store = useSyncIssuesStore()
    await store.load()
    expect(api.listSyncIssues).toHaveBeenLastCalledWith({ includeAcknowledged: false })
    expect(store.issues).toHaveLength(1)
    store.includeAcknowledged = true
    await store.load()
    expect(api.listSyncIssues).toHaveBeenLastCalledWith({ includeAcknowledged: true })
  })

  it('S6: 知道了 removes the issue from the open list once main has recorded it', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue({ id: 1 }), syncIssue({ id: 2 })]))
    vi.mocked(api.acknowledgeSyncIssue).mockResolvedValue(ok(syncIssue({ id: 1, acknowledgedAt: '2026-09-10T12:00:00+08:00', acknowledgedBy: '王老师' })))
    const store = useSyncIssuesStore()
    await store.load()
    await store.acknowledge(1)
    expect(api.acknowledgeSyncIssue).toHaveBeenCalledWith({ id: 1 })
    expect(store.issues.map((i) => i.id)).toEqual([2])
  })

  it('S6: with 显示已处理 the acknowledged issue stays, as main answered it', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue({ id: 1 })]))
    vi.mocked(api.acknowledgeSyncIssue).mockResolvedValue(ok(syncIssue({ id: 1, acknowledgedAt: '2026-09-10T12:00:00+08:00', acknowledgedBy: '王老师' })))
    const store = useSyncIssuesStore()
    store.includeAcknowledged = true
    await store.load()
    await store.acknowledge(1)
    expect(store.issues[0]?.acknowledgedBy).toBe('王老师')
  })

  it('a refusal from main leaves the list as it was', async () => {
    vi.mocked(api.listSyncIssues).mockResolvedValue(ok([syncIssue({ id: 1 })]))
    vi.mocked(api.acknowledgeSyncIssue).mockResolvedValue(fail('NOT_FOUND', '没有找到该同步异常。'))
    const store = useSyncIssuesStore()
    await store.load()
    const result = await store.acknowledge(1)
    expect(result.ok).toBe(false)
    expect(store.issues).toHaveLength(1)
  })
})
