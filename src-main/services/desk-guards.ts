/**
 * Preconditions shared by the candidate operations: a signed-in operator (K1) and the desk's
 * current visit, whose agreement is the current version (E1).
 */
import { checkAgreementAccepted } from '../../src-shared/domain/eligibility'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { OperatorView } from '../../src-shared/ipc/contract'
import type { Desk, DeskVisit } from './desk'

export const NOT_SIGNED_IN_MESSAGE = '请先登录操作员账号。'
export const STALE_VISIT_MESSAGE = '该考生的办理已结束，请返回首页重新开始。'
export const NO_CANDIDATE_MESSAGE = '请先查询考生的资格信息。'

export function requireOperator(desk: Desk): Result<OperatorView> {
  return desk.operator === null ? fail('NOT_SIGNED_IN', NOT_SIGNED_IN_MESSAGE) : ok(desk.operator)
}

export interface ActiveVisit {
  readonly operator: OperatorView
  readonly visit: DeskVisit
}

/** E1: no visit means the agreement has not been accepted; a visit id not the desk's is stale. */
export function requireVisit(desk: Desk, visitId: string): Result<ActiveVisit> {
  const operator = requireOperator(desk)
  if (!operator.ok) return operator
  const visit = desk.visit
  if (visit === null) {
    const required = checkAgreementAccepted(null)
    return required.ok ? fail('NO_VISIT', STALE_VISIT_MESSAGE) : required
  }
  if (visit.id !== visitId) return fail('NO_VISIT', STALE_VISIT_MESSAGE)
  const accepted = checkAgreementAccepted(visit.agreementVersion)
  if (!accepted.ok) return accepted
  return ok({ operator: operator.value, visit })
}

export interface CandidateVisit extends ActiveVisit {
  readonly candidateId: string
}

export function requireCandidate(desk: Desk, visitId: string): Result<CandidateVisit> {
  const active = requireVisit(desk, visitId)
  if (!active.ok) return active
  const candidateId = active.value.visit.candidateId
  if (candidateId === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  return ok({ ...active.value, candidateId })
}
