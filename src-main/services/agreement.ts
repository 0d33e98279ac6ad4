/**
 * E1: the candidate accepts the registration agreement and integrity pledge before anything
 * else. Acceptance starts a visit that records the version, the time and the operator; it ends
 * any visit still open (one candidate at a time, K2).
 */
import { randomUUID } from 'node:crypto'
import { AGREEMENT } from '../../src-shared/domain/agreement'
import { checkAgreementAccepted } from '../../src-shared/domain/eligibility'
import { ok, type Result } from '../../src-shared/domain/result'
import { appendAudit } from '../store/audit-repository'
import { insertVisit } from '../store/visit-repository'
import { requireOperator } from './desk-guards'
import type { ServiceContext } from './service-context'
import { closeOpenVisits } from './visit-closing'

export function getAgreement(): Result<{ version: string; agreementItems: string[]; pledgeItems: string[] }> {
  const { version, agreementItems, pledgeItems } = AGREEMENT
  return ok({ version, agreementItems: [...agreementItems], pledgeItems: [...pledgeItems] })
}

export async function acceptAgreement(ctx: ServiceContext, input: { version: string }): Promise<Result<{ visitId: string }>> {
  const operator = requireOperator(ctx.desk)
  if (!operator.ok) return operator
  const current = checkAgreementAccepted(input.version)
  if (!current.ok) return current

  const now = ctx.clock()
  const acceptedAt = now.toISOString()
  const visitId = randomUUID()
  await ctx.db.transaction().execute(async (trx) => {
    await closeOpenVisits(trx, now, operator.value.id, 'next candidate')
    await insertVisit(trx, {
      id: visitId,
      operator_id: operator.value.id,
      agreement_version: input.version,
      agreement_accepted_at: acceptedAt,
      candidate_id: null,
      started_at: acceptedAt,
      ended_at: null,
    })
    await appendAudit(trx, {
      at: now,
      operatorId: operator.value.id,
      candidateId: null,
      action: 'agreement.accept',
      outcome: 'ok',
      detail: `version ${input.version}, visit ${visitId}`,
    })
  })
  ctx.desk.visit = {
    id: visitId,
    operatorId: operator.value.id,
    agreementVersion: input.version,
    agreementAcceptedAt: acceptedAt,
    candidateId: null,
  }
  return ok({ visitId })
}
