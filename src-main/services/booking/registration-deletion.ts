/**
 * B6: staff delete a registration (删除报名信息) that has nothing paid. The central decides (S1,
 * S2); then the local copy of the registration, its unpaid bookings and open orders go, in one
 * transaction with the audit row. The visit stays open: the renderer ends it and goes home.
 */
import { checkCanDeleteRegistration } from '../../../src-shared/domain/booking-rules'
import { ok, type Result } from '../../../src-shared/domain/result'
import { appendAudit } from '../../store/audit-repository'
import { deleteCandidateBookings, listActiveBookings } from '../../store/booking-repository'
import { applySeatCounts } from '../../store/offering-repository'
import { deleteCandidateOrders } from '../../store/order-repository'
import type { KioskDb } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { requireBookingCandidate } from './booking-candidate'
import { sendChange } from './central-change'

export async function removeLocalRegistration(db: KioskDb, candidateId: string): Promise<void> {
  await deleteCandidateBookings(db, candidateId)
  await deleteCandidateOrders(db, candidateId)
  await db.deleteFrom('registrations').where('candidate_id', '=', candidateId).execute()
}

export async function deleteRegistration(ctx: ServiceContext, input: { visitId: string }): Promise<Result<Record<string, never>>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId, operator } = found.value
  const allowed = checkCanDeleteRegistration(await listActiveBookings(ctx.db, candidateId))
  if (!allowed.ok) return allowed
  const answer = await sendChange(
    ctx,
    { action: 'registration.delete', candidateId, target: candidateId },
    { operatorId: operator.id, action: 'registration.delete' },
    (key) => ctx.central.deleteRegistration(candidateId, key),
  )
  if (!answer.ok) return answer
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await removeLocalRegistration(trx, candidateId)
    await applySeatCounts(trx, answer.value.seats, at)
    await appendAudit(trx, { at, operatorId: operator.id, candidateId, action: 'registration.delete', outcome: 'ok', detail: 'staff' })
  })
  return ok({})
}
