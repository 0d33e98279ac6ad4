/**
 * K3: screens show the candidate's ID number and phone masked; staff can reveal one on purpose
 * (显示), for the visit's candidate only, and each reveal is audited.
 */
import type { RevealableField } from '../../src-shared/domain/masking'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import { appendAudit } from '../store/audit-repository'
import { findRosterByCandidateId } from '../store/roster-repository'
import { NO_CANDIDATE_MESSAGE, requireCandidate } from './desk-guards'
import type { ServiceContext } from './service-context'

export async function revealCandidateField(
  ctx: ServiceContext,
  input: { visitId: string; field: RevealableField },
): Promise<Result<{ field: RevealableField; value: string }>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  const { operator, visit, candidateId } = active.value
  const record = await findRosterByCandidateId(ctx.db, ctx.protector, candidateId)
  if (record === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: operator.id,
    candidateId,
    action: 'candidate.reveal',
    outcome: 'ok',
    detail: `${input.field}, visit ${visit.id}`,
  })
  return ok({ field: input.field, value: input.field === 'idNumber' ? record.idNumber : record.phone })
}
