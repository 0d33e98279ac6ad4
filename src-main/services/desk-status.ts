/** S5: what the desk header shows: operator, exam session, link state (online/offline, last sync, changes waiting, refusals to see) and the time. */
import { ok, type Result } from '../../src-shared/domain/result'
import type { DeskStatus } from '../../src-shared/ipc/contract'
import { findCurrentExamSession } from '../store/exam-session-repository'
import { getMeta, META_KEYS } from '../store/meta-repository'
import { countOpenIssues, countPending } from '../store/outbox-repository'
import { DEFAULT_IDLE_TIMEOUT_SECONDS, type ServiceContext } from './service-context'

export async function getDeskStatus(ctx: ServiceContext): Promise<Result<DeskStatus>> {
  return ok({
    operator: ctx.desk.operator,
    examSession: await findCurrentExamSession(ctx.db),
    link: {
      mode: ctx.mode,
      state: ctx.central.link().state,
      lastSyncAt: await getMeta(ctx.db, META_KEYS.lastSyncAt),
      pendingChanges: await countPending(ctx.db),
      syncIssues: await countOpenIssues(ctx.db),
    },
    now: ctx.clock().toISOString(),
    idleTimeoutSeconds: ctx.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
  })
}
