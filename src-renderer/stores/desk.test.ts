// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { deskStatus, fail, ok, operator } from '../testing/fixtures'
import { useDeskStore } from './desk'

vi.mock('../api', () => import('../testing/fake-api'))

describe('desk store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('K1: a successful sign-in records the operator and loads the desk status', async () => {
    vi.mocked(api.signIn).mockResolvedValue(ok(operator))
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    const desk = useDeskStore()

    const result = await desk.signIn('wang', 'secret')

    expect(result.ok).toBe(true)
    expect(api.signIn).toHaveBeenCalledWith({ username: 'wang', password: 'secret' })
    expect(desk.operator).toEqual(operator)
    expect(desk.examSession?.name).toBe('2026下半年CET考试')
    expect(desk.link?.state).toBe('online')
  })

  it('K1: a refused sign-in leaves nobody signed in and returns main’s message', async () => {
    vi.mocked(api.signIn).mockResolvedValue(fail('BAD_CREDENTIALS', '用户名或密码不正确。'))
    const desk = useDeskStore()

    const result = await desk.signIn('wang', 'wrong')

    expect(result).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确。' } })
    expect(desk.operator).toBeNull()
    expect(api.getDeskStatus).not.toHaveBeenCalled()
  })

  it('signs out', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.signOut).mockResolvedValue(ok({}))
    const desk = useDeskStore()
    await desk.refresh()

    await desk.signOut()

    expect(desk.operator).toBeNull()
  })

  it('S5: polls the link state with one timer, never overlapping, until stopped', async () => {
    vi.useFakeTimers()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    const desk = useDeskStore()

    desk.startLinkPolling(1000)
    desk.startLinkPolling(1000) // a second start replaces the first: still one timer
    expect(vi.getTimerCount()).toBe(1)

    await vi.advanceTimersByTimeAsync(1000)
    expect(api.getDeskStatus).toHaveBeenCalledTimes(1)
    vi.mocked(api.getDeskStatus).mockResolvedValue(
      ok(deskStatus({ link: { mode: 'central', state: 'offline', lastSyncAt: null, pendingChanges: 3, syncIssues: 1 } })),
    )
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.getDeskStatus).toHaveBeenCalledTimes(2)
    expect(desk.link).toEqual({ mode: 'central', state: 'offline', lastSyncAt: null, pendingChanges: 3, syncIssues: 1 })

    desk.stopLinkPolling()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(5000)
    expect(api.getDeskStatus).toHaveBeenCalledTimes(2)
  })

  it('a stop wins over a poll still in flight', async () => {
    vi.useFakeTimers()
    let answer: (value: Awaited<ReturnType<typeof api.getDeskStatus>>) => void = () => {}
    vi.mocked(api.getDeskStatus).mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    const desk = useDeskStore()

    desk.startLinkPolling(1000)
    await vi.advanceTimersByTimeAsync(1000)
    desk.stopLinkPolling()
    answer(ok(deskStatus()))
    await vi.advanceTimersByTimeAsync(0)

    expect(vi.getTimerCount()).toBe(0)
  })

  it('keeps the last status and reports the failure when main cannot be reached', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValueOnce(ok(deskStatus()))
    vi.mocked(api.getDeskStatus).mockResolvedValueOnce(fail('INTERNAL', '无法连接本机服务，请稍后重试。'))
    const desk = useDeskStore()

    await desk.refresh()
    await desk.refresh()

    expect(desk.operator).toEqual(operator)
    expect(desk.statusError).toBe('无法连接本机服务，请稍后重试。')
  })
})
