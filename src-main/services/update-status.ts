/** K6: the automatic update's state for the staff header; the headless host has no updater. */
import { ok, type Result } from '../../src-shared/domain/result'
import { UPDATES_DISABLED, type UpdateStatus } from '../../src-shared/ipc/update-status'
import type { ServiceContext } from './service-context'

export function getUpdateStatus(ctx: Pick<ServiceContext, 'updateStatus'>): Promise<Result<UpdateStatus>> {
  return Promise.resolve(ok(ctx.updateStatus?.() ?? UPDATES_DISABLED))
}
