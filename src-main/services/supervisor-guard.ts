/** K1: operations only a supervisor may run (操作员管理, 审计日志) are refused to an operator. */
import { fail, type Result } from '../../src-shared/domain/result'
import type { OperatorView } from '../../src-shared/ipc/contract'
import type { Desk } from './desk'
import { requireOperator } from './desk-guards'

export const SUPERVISOR_ONLY_MESSAGE = '只有主管可以进行此操作，请联系主管。'

export function requireSupervisor(desk: Desk): Result<OperatorView> {
  const operator = requireOperator(desk)
  if (!operator.ok) return operator
  return operator.value.role === 'supervisor' ? operator : fail('FORBIDDEN', SUPERVISOR_ONLY_MESSAGE)
}

