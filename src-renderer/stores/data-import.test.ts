// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import { api } from '../api'
import { fail, ok } from '../testing/fixtures'
import { useDataImportStore } from './data-import'

vi.mock('../api', () => import('../testing/fake-api'))

function progress(overrides: Partial<ImportProgress> = {}): ImportProgress {
  return { state: 'running', what: 'roster', source: 'file', rowsDone: 0, percent: 0, rowsPerSecond: 0, secondsLeft: null, imported: 0, errorCount: 0, message: null, ...overrides }
}

describe('数据导入 store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('starts an import and follows main’s progress until it ends, then stops polling', async () => {
    vi.mocked(api.startRosterImport).mockResolvedValue(ok(progress()))
    vi.mocked(api.getRosterImportProgress)
      .mockResolvedValueOnce(ok(progress({ rowsDone: 5000, percent: 50, rowsPerSecond: 2500, secondsLeft: 2 })))
      .mockResolvedValueOnce(ok(progress({ state: 'succeeded', rowsDone: 10000, percent: 100, imported: 10000, message: '已导入10000条考生记录。' })))
    const store = useDataImportStore()
    await store.start('roster', { kind: 'file', path: '/data/roster.csv' }, 100)
    expect(api.startRosterImport).toHaveBeenCalledWith({ source: { kind: 'file', path: '/data/roster.csv' } })
    await vi.advanceTimersByTimeAsync(100)
    expect(store.progress).toMatchObject({ percent: 50, rowsPerSecond: 2500, secondsLeft: 2 })
    await vi.advanceTimersByTimeAsync(100)
    expect(store.progress?.state).toBe('succeeded')
    expect(store.running).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.getRosterImportProgress).toHaveBeenCalledTimes(2)
  })

  it('报考科目信息 goes to startOfferingImport, the central download to startRosterImport', async () => {
    vi.mocked(api.startOfferingImport).mockResolvedValue(ok(progress({ what: 'offerings' })))
    vi.mocked(api.startRosterImport).mockResolvedValue(ok(progress({ source: 'central', percent: null })))
    vi.mocked(api.getRosterImportProgress).mockResolvedValue(ok(progress({ state: 'succeeded' })))
    const store = useDataImportStore()
    await store.start('offerings', { kind: 'text', text: 'x' }, 100)
    expect(api.startOfferingImport).toHaveBeenCalledWith({ source: { kind: 'text', text: 'x' } })
    await vi.advanceTimersByTimeAsync(100)
    await store.start('roster', { kind: 'central' }, 100)
    expect(api.startRosterImport).toHaveBeenCalledWith({ source: { kind: 'central' } })
    expect(store.progress).toMatchObject({ source: 'central', percent: null })
  })

  it('K1: shows main’s refusal and does not poll', async () => {
    vi.mocked(api.startRosterImport).mockResolvedValue(fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。'))
    const store = useDataImportStore()
    await store.start('roster', { kind: 'text', text: 'x' }, 100)
    expect(store.error).toBe('只有主管可以进行此操作，请联系主管。')
    await vi.advanceTimersByTimeAsync(500)
    expect(api.getRosterImportProgress).not.toHaveBeenCalled()
  })
})
