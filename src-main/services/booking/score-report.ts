/**
 * R1: the score-report choice (纸质 / 电子) of written bookings. The dialog asked both
 * confirmations (the 纸质 prompt, then "确认继续保存?"); main checks each choice with the shared
 * rule, then the central records it (S1, S2).
 */
import { checkScoreReportChoice, type ScoreReportChoice } from '../../../src-shared/domain/booking-rules'
import { fail, type Result } from '../../../src-shared/domain/result'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import { appendAudit } from '../../store/audit-repository'
import { findBooking, upsertBookings } from '../../store/booking-repository'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { BOOKING_GONE_MESSAGE } from './booking-actions'
import { requireBookingCandidate } from './booking-candidate'
import { sendChange } from './central-change'

export interface ScoreReportInput {
  readonly visitId: string
  readonly choices: readonly { bookingId: string; choice: ScoreReportChoice }[]
  readonly confirmed: boolean
}

export async function saveScoreReportChoices(ctx: ServiceContext, input: ScoreReportInput): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId, operator } = found.value

  const bookings = []
  for (const { bookingId, choice } of input.choices) {
    const booking = await findBooking(ctx.db, bookingId)
    if (booking === null || booking.candidateId !== candidateId) return fail('BOOKING_GONE', BOOKING_GONE_MESSAGE)
    const allowed = checkScoreReportChoice(booking, choice, { paperConfirmed: input.confirmed, saveConfirmed: input.confirmed }, ctx.clock())
    if (!allowed.ok) return allowed
    bookings.push({ booking, choice })
  }

  for (const { booking, choice } of bookings) {
    if (booking.scoreReport === choice) continue
    const answer = await sendChange(
      ctx,
      { action: 'score-report.save', candidateId, target: `${booking.id}:${choice}` },
      { operatorId: operator.id, action: 'score-report.save' },
      (key) => ctx.central.setScoreReport(booking.id, { candidateId, choice }, key),
    )
    if (!answer.ok) return answer
    const at = ctx.clock()
    await ctx.db.transaction().execute(async (trx) => {
      await upsertBookings(trx, [answer.value.booking], at)
      await appendAudit(trx, { at, operatorId: operator.id, candidateId, action: 'score-report.save', outcome: 'ok', detail: `${booking.id} ${choice}` })
    })
  }
  return buildRegistrationInfo(ctx, candidateId)
}
