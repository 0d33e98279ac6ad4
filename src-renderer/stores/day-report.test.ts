// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { fail, ok } from '../testing/fixtures'
import { dayReport } from '../testing/print-fixtures'
import { useDayReportStore } from './day-report'

vi.mock('../api', () => import('../testing/fake-api'))

describe('day report store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('asks main for today first, then for the chosen day; the CSV is of the day on screen', async () => {
    vi.mocked(api.getDayReport).mockResolvedValueOnce(ok(dayReport())).mockResolvedValueOnce(ok(dayReport({ date: '2026-09-09', visits: 0 })))
    vi.mocked(api.exportDayReport).mockResolvedValue(ok({ fileName: 'day-report-2026-09-09.csv', csv: 'x', rows: 1 }))
    const store = useDayReportStore()
    await store.load()
    expect(api.getDayReport).toHaveBeenLastCalledWith({})
    expect(store.date).toBe('2026-09-10')
    await store.load('2026-09-09')
    expect(api.getDayReport).toHaveBeenLastCalledWith({ date: '2026-09-09' })
    const save = vi.fn()
    await store.exportCsv(save)
    expect(api.exportDayReport).toHaveBeenCalledWith({ date: '2026-09-09' })
    expect(save).toHaveBeenCalledWith({ fileName: 'day-report-2026-09-09.csv', csv: 'x', rows: 1 })
  })

  it('K1: main’s FORBIDDEN leaves nothing on screen and saves no file', async () => {
    vi.mocked(api.getDayReport).mockResolvedValue(fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。'))
    vi.mocked(api.exportDayReport).mockResolvedValue(fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。'))
    const store = useDayReportStore()
    expect((await store.load()).ok).toBe(false)
    expect(store.report).toBeNull()
    const save = vi.fn()
    await store.exportCsv(save)
    expect(save).not.toHaveBeenCalled()
  })
})
