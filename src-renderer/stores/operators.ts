/**
 * K1, supervisor only: the 操作员管理 screen's accounts. Main decides who may do what (FORBIDDEN
 * to an operator); each change answers with the changed account, which replaces its row.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OperationInput, OperatorAccount } from '../../src-shared/ipc/contract'
import type { Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { errorText } from '../labels'

export type NewAccount = OperationInput<'createOperator'>

export const useOperatorsStore = defineStore('operators', () => {
  const accounts = ref<OperatorAccount[]>([])
  const loadError = ref<string | null>(null)

  function replace(account: OperatorAccount): void {
    const at = accounts.value.findIndex((a) => a.id === account.id)
    if (at === -1) accounts.value = [...accounts.value, account]
    else accounts.value = accounts.value.map((a) => (a.id === account.id ? account : a))
  }

  async function load(): Promise<Result<OperatorAccount[]>> {
    const result = await api.listOperators({})
    if (result.ok) {
      accounts.value = result.value
      loadError.value = null
    } else loadError.value = errorText(result.error)
    return result
  }

  async function create(account: NewAccount): Promise<Result<OperatorAccount>> {
    const result = await api.createOperator(account)
    if (result.ok) replace(result.value)
    return result
  }

  async function setDisabled(operatorId: number, disabled: boolean): Promise<Result<OperatorAccount>> {
    const result = await api.setOperatorDisabled({ operatorId, disabled })
    if (result.ok) replace(result.value)
    return result
  }

  async function resetPassword(operatorId: number, password: string): Promise<Result<OperatorAccount>> {
    const result = await api.resetOperatorPassword({ operatorId, password })
    if (result.ok) replace(result.value)
    return result
  }

  function reset(): void {
    accounts.value = []
    loadError.value = null
  }

  return { accounts, loadError, load, create, setDisabled, resetPassword, reset }
})
