/**
 * E3/E4: saving the candidate's record. Both confirmations are required and 资格科目 无 blocks
 * it; a record already confirmed is locked and returned unchanged. S1: the central is asked
 * first and the registration is written locally only once it has said yes; a refusal or a lost
 * link writes no registration. The idempotency key derives from the visit (S2), so a retry of
 * the same visit never registers twice.
 */
import { checkConfirmation } from '../../src-shared/domain/eligibility'
import { fail, type Result } from '../../src-shared/domain/result'
import type { RegistrationInfo } from '../../src-shared/ipc/contract'
import { describeFailure } from '../central/central-failure'
import { appendAudit } from '../store/audit-repository'
import { findRegistration, saveRegistration } from '../store/registration-repository'
import { findRosterByCandidateId } from '../store/roster-repository'
import { NO_CANDIDATE_MESSAGE, requireCandidate } from './desk-guards'
import { buildRegistrationInfo } from './registration-info'
import type { ServiceContext } from './service-context'

export const CENTRAL_UNAVAILABLE_MESSAGE = '与报名中心的连接已中断，暂时无法保存，请稍后重试。'

export interface ConfirmInput {
  readonly visitId: string
  readonly phoneConfirmed: boolean
  readonly recordConfirmed: boolean
}

export function confirmationKey(visitId: string): string {
  return `registration-confirm:${visitId}`
}

export async function confirmRegistration(ctx: ServiceContext, input: ConfirmInput): Promise<Result<RegistrationInfo>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  const { operator, visit, candidateId } = active.value
  const record = await findRosterByCandidateId(ctx.db, ctx.protector, candidateId)
  if (record === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  const answers = checkConfirmation(record.eligibleSubjectCodes, input)
  if (!answers.ok) return answers

  // E4: once saved the record is locked; confirming again shows it unchanged.
  if ((await findRegistration(ctx.db, candidateId)) !== null) return buildRegistrationInfo(ctx, candidateId)

  const answer = await ctx.central.confirmRegistration(
    { candidateId, agreementVersion: visit.agreementVersion, agreementAcceptedAt: visit.agreementAcceptedAt },
    confirmationKey(visit.id),
  )
  const now = ctx.clock()
  if (!answer.ok) {
    const failure = answer.failure
    if (failure.kind === 'retryable') {
      ctx.logger.warn(`registration not confirmed: ${describeFailure(failure)}`)
      return fail('CENTRAL_UNAVAILABLE', CENTRAL_UNAVAILABLE_MESSAGE)
    }
    await appendAudit(ctx.db, {
      at: now,
      operatorId: operator.id,
      candidateId,
      action: 'registration.confirm',
      outcome: 'refused',
      detail: `central ${failure.status} ${failure.code}`,
    })
    return fail('CENTRAL_REFUSED', failure.message)
  }

  const confirmed = answer.value.registration
  await ctx.db.transaction().execute(async (trx) => {
    await saveRegistration(trx, { ...confirmed, confirmedByOperatorId: operator.id, visitId: visit.id })
    await appendAudit(trx, {
      at: now,
      operatorId: operator.id,
      candidateId,
      action: 'registration.confirm',
      outcome: 'ok',
      detail: `visit ${visit.id}, agreement ${visit.agreementVersion}`,
    })
  })
  return buildRegistrationInfo(ctx, candidateId)
}
