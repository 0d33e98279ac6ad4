/**
 * I1: the 报名信息 page of the visit's candidate: personal and student record, the exam
 * session, the notices of the candidate's province and school, and the actions.
 */
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { RegistrationInfo } from '../../src-shared/ipc/contract'
import { listAnnouncementsFor } from '../store/announcement-repository'
import { findSchool } from '../store/catalog-repository'
import { findCurrentExamSession, findExamSession } from '../store/exam-session-repository'
import { findRegistration } from '../store/registration-repository'
import { findRosterByCandidateId } from '../store/roster-repository'
import { listActiveBookings } from '../store/booking-repository'
import { listPendingForCandidate } from '../store/outbox-repository'
import { toPendingChangeView } from './sync/sync-views'
import { buildBookingsSection } from './booking/bookings-section'
import { refreshOncePerVisit } from './booking/booking-sync'
import { toCandidateView } from './candidate-view'
import { NO_CANDIDATE_MESSAGE, requireCandidate } from './desk-guards'
import { ensureExamSession } from './exam-session-cache'
import { registrationActions } from './registration-actions'
import type { ServiceContext } from './service-context'
import { buildWaitlistSection } from './waitlist/waitlist-section'
import { refreshWaitlist } from './waitlist/waitlist-sync'

export const NOT_CONFIRMED_MESSAGE = '请先确认学籍与资格信息。'
export const NO_EXAM_SESSION_MESSAGE = '本机尚未同步考次信息，请连接报名中心后重试。'

export async function buildRegistrationInfo(ctx: ServiceContext, candidateId: string): Promise<Result<RegistrationInfo>> {
  const { db } = ctx
  const record = await findRosterByCandidateId(db, ctx.protector, candidateId)
  if (record === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  const registration = await findRegistration(db, candidateId)
  if (registration === null) return fail('CONFIRMATION_REQUIRED', NOT_CONFIRMED_MESSAGE)
  await ensureExamSession(ctx, registration.examSessionId)
  const examSession = (await findExamSession(db, registration.examSessionId)) ?? (await findCurrentExamSession(db))
  if (examSession === null) return fail('NOT_FOUND', NO_EXAM_SESSION_MESSAGE)
  const school = await findSchool(db, record.schoolCode)
  // W2–W4: the central alone knows the queue; the desk's visit keeps its latest answer.
  const visit = ctx.desk.visit
  const waitlist = visit !== null && visit.candidateId === candidateId ? await refreshWaitlist(ctx, visit, candidateId) : null
  return ok({
    candidate: await toCandidateView(db, record, registration.confirmedAt),
    examSession,
    announcements: await listAnnouncementsFor(db, school?.provinceCode ?? null, record.schoolCode),
    actions: registrationActions({
      eligibleSubjectCodes: record.eligibleSubjectCodes,
      bookings: await listActiveBookings(db, candidateId),
    }),
    bookings: await buildBookingsSection(db, candidateId, ctx.clock()),
    waitlist: await buildWaitlistSection(db, waitlist),
    pendingChanges: (await listPendingForCandidate(db, candidateId)).map(toPendingChangeView),
  })
}

export async function getRegistrationInfo(ctx: ServiceContext, input: { visitId: string }): Promise<Result<RegistrationInfo>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  // Bookings made elsewhere (online, another kiosk) are learned once per visit; the page's poll
  // then reads the store, which the scheduler keeps current (B4 expiry, P3 payments).
  await refreshOncePerVisit(ctx, active.value.visit, active.value.candidateId)
  return buildRegistrationInfo(ctx, active.value.candidateId)
}
