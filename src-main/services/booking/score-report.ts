/**
 * R1: the score-report choice (纸质 / 电子) of written bookings. The dialog asked both
 * confirmations (the 纸质 prompt, then "确认继续保存?"); main checks each choice with the shared
 * rule, then the change goes through the outbox (S1, S2): offline it is kept locally as 待同步 (S4).
 */
import { checkScoreReportChoice, type ScoreReportChoice } from '../../../src-shared/domain/booking-rules'
import { fail, type Result } from '../../../src-shared/domain/result'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import { findSubject } from '../../../src-shared/domain/subjects'
import { findBooking, restoreBooking, setSyncState } from '../../store/booking-repository'
import { deskOutcome, submitChange } from '../sync/desk-change'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { BOOKING_GONE_MESSAGE } from './booking-actions'
import { requireBookingCandidate } from './booking-candidate'

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
    const subject = findSubject(booking.subjectCode)?.name ?? booking.subjectCode
    const row = await submitChange(ctx, {
      payload: { action: 'booking.score-report', candidateId, bookingId: booking.id, choice, previous: booking.scoreReport },
      summary: `成绩报告单 ${subject}：${choice === 'paper' ? '纸质' : '电子'}`,
      operator,
      auditAction: 'score-report.save',
      async writeLocal(trx, at) {
        await restoreBooking(trx, booking.id, { scoreReport: choice }, at)
        await setSyncState(trx, [booking.id], 'pending')
      },
    })
    // S4: saved locally (待同步) when no answer came; the central's refusal is shown as before.
    if (row.state === 'refused') return deskOutcome(row, true, () => buildRegistrationInfo(ctx, candidateId))
  }
  return buildRegistrationInfo(ctx, candidateId)
}
