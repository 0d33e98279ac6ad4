/**
 * E5: CET6资格复核, reachable from 资格信息确认 and 报名信息 (before or after confirmation). The
 * central holds the CET4 score records and the one review per candidate; its answer is the
 * result, and a pass writes the new 资格科目 to the cached roster record at once.
 */
import { checkCanSubmitCet6Review, checkCet4TicketFormat } from '../../../src-shared/domain/cet6-review'
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import type { CandidateView } from '../../../src-shared/ipc/contract'
import type { Cet6ReviewView } from '../../../src-shared/ipc/waitlist-views'
import type { Cet6Review } from '../../../src-shared/schemas'
import { describeFailure } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { findRegistration } from '../../store/registration-repository'
import { findRosterByCandidateId, setEligibleSubjectCodes } from '../../store/roster-repository'
import { sendChange } from '../booking/central-change'
import { permissionFrom } from '../booking/permission'
import { toCandidateView } from '../candidate-view'
import { NO_CANDIDATE_MESSAGE, requireCandidate } from '../desk-guards'
import { requireLink } from '../sync/online-only'
import type { ServiceContext } from '../service-context'

export const REVIEW_OFFLINE_MESSAGE = '与报名中心的连接已中断，暂时无法进行CET6资格复核，请稍后重试。'

function toView(review: Cet6Review | null, eligibleSubjectCodes: readonly string[]): Cet6ReviewView {
  const allowed = checkCanSubmitCet6Review(eligibleSubjectCodes, review)
  return {
    status: review?.status ?? 'none',
    message: review?.message ?? null,
    submittedAt: review?.submittedAt ?? null,
    submit: permissionFrom(allowed),
  }
}

export async function getCet6Review(ctx: ServiceContext, input: { visitId: string }): Promise<Result<Cet6ReviewView>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  const { candidateId } = active.value
  const answer = await ctx.central.call('getCet6Review', { params: { candidateId } })
  if (!answer.ok) {
    ctx.logger.warn(`cet6 review not read: ${describeFailure(answer.failure)}`)
    return fail('CENTRAL_UNAVAILABLE', REVIEW_OFFLINE_MESSAGE)
  }
  return ok(toView(answer.value.review, answer.value.eligibleSubjectCodes))
}

export async function submitCet6Review(
  ctx: ServiceContext,
  input: { visitId: string; ticketNumber: string },
): Promise<Result<{ review: Cet6ReviewView; candidate: CandidateView }>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  const { candidateId, operator } = active.value
  const ticket = checkCet4TicketFormat(input.ticketNumber)
  if (!ticket.ok) return ticket
  const link = requireLink(ctx, 'cet6')
  if (!link.ok) return link
  const record = await findRosterByCandidateId(ctx.db, ctx.protector, candidateId)
  if (record === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  // E5, once only: the kiosk's copy of the record says whether a review is still possible here;
  // the central, which keeps the one review, decides again.
  const already = checkCanSubmitCet6Review(record.eligibleSubjectCodes, null)
  if (!already.ok) return already

  const answer = await sendChange(
    ctx,
    { action: 'cet6.review', candidateId, target: ticket.value },
    { operatorId: operator.id, action: 'cet6.review' },
    (key) => ctx.central.call('submitCet6Review', { params: { candidateId }, body: { ticketNumber: ticket.value }, idempotencyKey: key }),
  )
  if (!answer.ok) return answer
  const { review, eligibleSubjectCodes } = answer.value
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await setEligibleSubjectCodes(trx, candidateId, eligibleSubjectCodes)
    await appendAudit(trx, { at, operatorId: operator.id, candidateId, action: 'cet6.review', outcome: 'ok', detail: review.status })
  })
  const registration = await findRegistration(ctx.db, candidateId)
  return ok({
    review: toView(review, eligibleSubjectCodes),
    candidate: await toCandidateView(ctx.db, { ...record, eligibleSubjectCodes }, registration?.confirmedAt ?? null),
  })
}
