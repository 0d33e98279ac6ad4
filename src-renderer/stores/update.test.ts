// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../../src-shared/ipc/update-status'
import { api } from '../api'
import { fail, ok } from '../testing/fixtures'
import { useUpdateStore } from './update'

vi.mock('../api', () => import('../testing/fake-api'))

function status(overrides: Partial<UpdateStatus> = {}): UpdateStatus {
  return { state: 'idle', version: null, percent: null, waitingFor: null, message: '已是最新版本。', ...overrides }
}

describe('update store (K6)', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('K6: shows a downloaded update waiting for the candidate, in main’s words', async () => {
    const waiting = status({ state: 'ready', version: '1.1.0', percent: 100, waitingFor: 'candidate', message: '新版本 1.1.0 已下载，当前考生办理完成后自动安装。' })
    vi.mocked(api.getUpdateStatus).mockResolvedValue(ok(waiting))
    const update = useUpdateStore()
    await update.refresh()
    expect(update.shown).toBe(true)
    expect(update.status).toEqual(waiting)
  })

  it('K6: stays quiet while up to date, checking, or without an updater', async () => {
    const update = useUpdateStore()
    for (const state of ['idle', 'checking', 'disabled'] as const) {
      vi.mocked(api.getUpdateStatus).mockResolvedValue(ok(status({ state })))
      await update.refresh()
      expect(update.shown, state).toBe(false)
    }
    for (const state of ['downloading', 'ready', 'installing', 'error'] as const) {
      vi.mocked(api.getUpdateStatus).mockResolvedValue(ok(status({ state })))
      await update.refresh()
      expect(update.shown, state).toBe(true)
    }
  })

  it('keeps the last known state when main cannot be reached', async () => {
    vi.mocked(api.getUpdateStatus).mockResolvedValueOnce(ok(status({ state: 'downloading', version: '1.1.0' })))
    const update = useUpdateStore()
    await update.refresh()
    vi.mocked(api.getUpdateStatus).mockResolvedValueOnce(fail('INTERNAL', '无法连接本机服务，请稍后重试。'))
    await update.refresh()
    expect(update.status?.state).toBe('downloading')
  })

  it('polls without overlapping and stops when told', async () => {
    vi.useFakeTimers()
    vi.mocked(api.getUpdateStatus).mockResolvedValue(ok(status()))
    const update = useUpdateStore()
    const stop = update.startPolling(1_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(api.getUpdateStatus).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.getUpdateStatus).toHaveBeenCalledTimes(2)
    stop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(api.getUpdateStatus).toHaveBeenCalledTimes(2)
  })
})
