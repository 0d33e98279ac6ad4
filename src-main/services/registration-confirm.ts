/**
 * E3/E4: saving the candidate's record. Both confirmations are required and 资格科目 无 blocks
 * it; a record already confirmed is locked and returned unchanged. S1/S4: the registration goes
 * through the outbox: written locally with its entry (one transaction), online the desk waits for
 * the central's answer and its refusal undoes it; offline it is kept as 待同步. A second
 * confirmation finds it saved and sends nothing (S2).
 */
import { checkConfirmation } from '../../src-shared/domain/eligibility'
import { fail, type Result } from '../../src-shared/domain/result'
import type { RegistrationInfo } from '../../src-shared/ipc/contract'
import { findCurrentExamSession, saveCurrentExamSession } from '../store/exam-session-repository'
import { findRegistration, saveRegistration } from '../store/registration-repository'
import { findRosterByCandidateId } from '../store/roster-repository'
import { NO_CANDIDATE_MESSAGE, requireCandidate } from './desk-guards'
import { buildRegistrationInfo, NO_EXAM_SESSION_MESSAGE } from './registration-info'
import { deskOutcome, submitChange } from './sync/desk-change'
import type { ServiceContext } from './service-context'

export interface ConfirmInput {
  readonly visitId: string
  readonly phoneConfirmed: boolean
  readonly recordConfirmed: boolean
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

  // The session normally arrives with the catalog sync; before the first one it is asked for.
  let session = await findCurrentExamSession(ctx.db)
  if (session === null) {
    const answer = await ctx.central.getExamSession()
    if (answer.ok) await saveCurrentExamSession(ctx.db, answer.value.examSession, ctx.clock())
    session = await findCurrentExamSession(ctx.db)
  }
  if (session === null) return fail('NOT_FOUND', NO_EXAM_SESSION_MESSAGE)
  const sessionId = session.id
  // S1, S4: the registration is written with its outbox entry; online the desk waits for the
  // central's answer, offline it is kept as 待同步 so the candidate can go on (allotment bookings).
  const row = await submitChange(ctx, {
    payload: {
      action: 'registration.confirm',
      candidateId,
      agreementVersion: visit.agreementVersion,
      agreementAcceptedAt: visit.agreementAcceptedAt,
    },
    summary: '确认学籍与资格信息',
    operator,
    auditAction: 'registration.confirm',
    writeLocal: (trx, at) =>
      saveRegistration(trx, {
        candidateId,
        examSessionId: sessionId,
        agreementVersion: visit.agreementVersion,
        agreementAcceptedAt: visit.agreementAcceptedAt,
        confirmedAt: at.toISOString(),
        confirmedByOperatorId: operator.id,
        visitId: visit.id,
      }),
  })
  return deskOutcome(row, true, () => buildRegistrationInfo(ctx, candidateId))
}
