/**
 * The candidate a booking operation is about: the desk's visit (K1, E1), a roster record and a
 * confirmed registration (E4). Booking, payment and deletion all start here.
 */
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import type { RosterRecord } from '../../../src-shared/schemas'
import { findRegistration } from '../../store/registration-repository'
import { findRosterByCandidateId } from '../../store/roster-repository'
import { NO_CANDIDATE_MESSAGE, requireCandidate, type CandidateVisit } from '../desk-guards'
import { NOT_CONFIRMED_MESSAGE } from '../registration-info'
import type { ServiceContext } from '../service-context'

export interface BookingCandidate extends CandidateVisit {
  readonly record: RosterRecord
}

export async function requireBookingCandidate(ctx: ServiceContext, visitId: string): Promise<Result<BookingCandidate>> {
  const active = requireCandidate(ctx.desk, visitId)
  if (!active.ok) return active
  const record = await findRosterByCandidateId(ctx.db, ctx.protector, active.value.candidateId)
  if (record === null) return fail('NOT_FOUND', NO_CANDIDATE_MESSAGE)
  if ((await findRegistration(ctx.db, active.value.candidateId)) === null) return fail('CONFIRMATION_REQUIRED', NOT_CONFIRMED_MESSAGE)
  return ok({ ...active.value, record })
}
