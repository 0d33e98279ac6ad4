// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { ok } from '../testing/fixtures'
import { AUDIT_PAGE_SIZE, toAuditFilter, useAuditLogStore } from './audit-log'

vi.mock('../api', () => import('../testing/fake-api'))

describe('audit log store (K1 审计日志)', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('K1: an empty form asks for everything, newest page first', async () => {
    vi.mocked(api.listAuditLog).mockResolvedValue(ok({ entries: [], total: 0 }))
    await useAuditLogStore().load()
    expect(api.listAuditLog).toHaveBeenCalledWith({ limit: AUDIT_PAGE_SIZE })
  })

  it('K1: the form becomes main\'s filter: operator, candidate, action and whole local days', () => {
    const filter = toAuditFilter({ operatorId: 2, candidateId: ' C1 ', action: 'candidate.reveal', fromDate: '2026-09-01', toDate: '2026-09-02' })
    expect(filter).toEqual({
      operatorId: 2,
      candidateId: 'C1',
      action: 'candidate.reveal',
      from: new Date('2026-09-01T00:00:00').toISOString(),
      to: new Date('2026-09-02T23:59:59.999').toISOString(),
    })
  })

  it('K1: the export uses the same filter', async () => {
    vi.mocked(api.exportAuditLog).mockResolvedValue(ok({ fileName: 'a.csv', csv: 'x', rows: 0 }))
    const store = useAuditLogStore()
    store.form.action = 'operator.create'
    await store.exportCsv()
    expect(api.exportAuditLog).toHaveBeenCalledWith({ action: 'operator.create' })
  })
})
