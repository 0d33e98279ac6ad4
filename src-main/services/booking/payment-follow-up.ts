/**
 * P3: the scheduler's follow-up of orders waiting for payment, so a payment made on the phone
 * shows as 已支付 on every screen without anyone pressing 更新. Orders whose QR code ran out
 * more than an hour ago are left alone (the central closes them).
 */
import { HOUR_MS } from '../../../src-shared/domain/booking-rules'
import { listPendingOrders } from '../../store/order-repository'
import type { ServiceContext } from '../service-context'
import { applyOrderStatus } from './payment'

export async function followUpPendingOrders(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock().getTime()
  const pending = (await listPendingOrders(ctx.db)).filter((o) => Date.parse(o.expiresAt) + HOUR_MS > now)
  let changed = 0
  for (const order of pending) {
    const answer = await ctx.central.getOrder(order.orderNo)
    if (!answer.ok) {
      if (answer.failure.kind === 'retryable') return changed
      continue
    }
    if (answer.value.order.status !== order.status) changed++
    await applyOrderStatus(ctx, answer.value.order, null)
  }
  return changed
}
