/**
 * 报名回执 (getReceipt): the visit's candidate's receipt, built from the same 报名信息 view the
 * page shows, with the order numbers from the store, the time and the operator at the desk.
 */
import { ok, type Result } from '../../../src-shared/domain/result'
import type { ReceiptView } from '../../../src-shared/ipc/receipt-views'
import { listActiveBookings } from '../../store/booking-repository'
import { requireCandidate } from '../desk-guards'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { buildReceipt } from './receipt-builder'

export async function getReceipt(ctx: ServiceContext, input: { visitId: string }): Promise<Result<ReceiptView>> {
  const active = requireCandidate(ctx.desk, input.visitId)
  if (!active.ok) return active
  const info = await buildRegistrationInfo(ctx, active.value.candidateId)
  if (!info.ok) return info
  const bookings = await listActiveBookings(ctx.db, active.value.candidateId)
  return ok(
    buildReceipt({
      info: info.value,
      orderNoByBooking: new Map(bookings.map((b) => [b.id, b.orderNo])),
      operatorName: active.value.operator.displayName,
      now: ctx.clock(),
    }),
  )
}
