/** S4/S5: whether the last exchange with the central got an answer (the feed probe keeps it fresh). */
import type { ServiceContext } from '../service-context'

export function isOnline(ctx: Pick<ServiceContext, 'central'>): boolean {
  return ctx.central.link().state === 'online'
}
