// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CapacityRow } from '../../src-shared/ipc/waitlist-views'
import { api } from '../api'
import { fail, ok } from '../testing/fixtures'
import { useCapacityStore } from './capacity'

vi.mock('../api', () => import('../testing/fake-api'))

function row(overrides: Partial<CapacityRow> = {}): CapacityRow {
  return {
    offeringId: '993010-1',
    subject: { code: '1', name: '英语四级笔试' },
    school: { code: '99301', name: '测试学校机构01' },
    campus: { code: '993010', name: '测试校区机构001' },
    capacity: 2,
    seatsLeft: 0,
    waiting: 1,
    ...overrides,
  }
}

describe('capacity store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('W2: raising a capacity replaces the row with main’s answer', async () => {
    vi.mocked(api.listOfferingCapacity).mockResolvedValue(ok([row()]))
    vi.mocked(api.raiseOfferingCapacity).mockResolvedValue(ok(row({ capacity: 3, waiting: 0 })))
    const store = useCapacityStore()
    await store.load()
    await store.raise('993010-1', 3)
    expect(api.raiseOfferingCapacity).toHaveBeenCalledWith({ offeringId: '993010-1', capacity: 3 })
    expect(store.rows[0]?.capacity).toBe(3)
  })

  it('K1: main’s FORBIDDEN leaves the rows as they were', async () => {
    vi.mocked(api.raiseOfferingCapacity).mockResolvedValue(fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。'))
    const store = useCapacityStore()
    const result = await store.raise('993010-1', 3)
    expect(result.ok).toBe(false)
    expect(store.rows).toEqual([])
  })
})
