// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { OperatorAccount } from '../../src-shared/ipc/contract'
import { api } from '../api'
import { fail, ok } from '../testing/fixtures'
import { useOperatorsStore } from './operators'

vi.mock('../api', () => import('../testing/fake-api'))

function account(overrides: Partial<OperatorAccount> = {}): OperatorAccount {
  return { id: 1, username: 'demo', displayName: '演示操作员', role: 'operator', disabled: false, lockedUntil: null, createdAt: '2026-09-01T00:00:00.000Z', ...overrides }
}

describe('operators store (K1 操作员管理)', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('K1: loads the accounts; a change replaces its row, a new account is added', async () => {
    vi.mocked(api.listOperators).mockResolvedValue(ok([account(), account({ id: 2, username: 'admin', role: 'supervisor' })]))
    const store = useOperatorsStore()
    await store.load()
    vi.mocked(api.setOperatorDisabled).mockResolvedValue(ok(account({ disabled: true })))
    await store.setDisabled(1, true)
    expect(api.setOperatorDisabled).toHaveBeenCalledWith({ operatorId: 1, disabled: true })
    vi.mocked(api.createOperator).mockResolvedValue(ok(account({ id: 3, username: 'wu' })))
    await store.create({ username: 'wu', displayName: '吴老师', role: 'operator', password: 'first password 1' })
    expect(store.accounts.map((a) => [a.id, a.disabled])).toEqual([[1, true], [2, false], [3, false]])
  })

  it('K1: a refusal from main (FORBIDDEN) is kept as the load error and changes nothing', async () => {
    vi.mocked(api.listOperators).mockResolvedValue(fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。'))
    const store = useOperatorsStore()
    await store.load()
    expect(store.loadError).toBe('只有主管可以进行此操作，请联系主管。')
    expect(store.accounts).toEqual([])
  })

  it('K1: resetting a password sends it to main only', async () => {
    vi.mocked(api.resetOperatorPassword).mockResolvedValue(ok(account()))
    const store = useOperatorsStore()
    await store.resetPassword(1, 'fresh password 9')
    expect(api.resetOperatorPassword).toHaveBeenCalledWith({ operatorId: 1, password: 'fresh password 9' })
    expect(JSON.stringify(store.$state)).not.toContain('fresh password 9')
  })
})
