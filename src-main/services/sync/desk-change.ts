/**
 * S1, S4: how the desk makes a change that the central must hear of. The local change, its
 * outbox entry and its audit row are written in ONE transaction; then, when the link is up, the
 * candidate's queue is delivered at once and the desk waits for the central's answer (S1).
 * Offline, the entry waits for the scheduler (S4).
 */
import { fail, type Result } from '../../../src-shared/domain/result'
import type { OperatorView } from '../../../src-shared/ipc/contract'
import { appendAudit, type AuditAction } from '../../store/audit-repository'
import { enqueueChange, findOutboxEntry, listPendingForCandidate } from '../../store/outbox-repository'
import type { KioskDb, OutboxRow } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { isOnline } from './link-state'
import { deliverNow, deskCode } from './outbox-courier'
import { parsePayload, type OutboxPayload } from './outbox-payload'

export interface DeskChange {
  readonly payload: OutboxPayload
  /** One line a candidate understands (待同步). */
  readonly summary: string
  readonly operator: OperatorView
  readonly auditAction: AuditAction
  /** The local change, written in the entry's transaction. */
  writeLocal?(trx: KioskDb, at: Date): Promise<void>
}

export { isOnline }

/** Writes the change and its entry; returns the entry id. */
export async function recordChange(ctx: ServiceContext, change: DeskChange): Promise<number> {
  const at = ctx.clock()
  return ctx.db.transaction().execute(async (trx) => {
    await change.writeLocal?.(trx, at)
    const id = await enqueueChange(trx, { payload: change.payload, summary: change.summary, operatorId: change.operator.id, at })
    await appendAudit(trx, {
      at,
      operatorId: change.operator.id,
      candidateId: change.payload.candidateId,
      action: change.auditAction,
      outcome: 'ok',
      detail: `outbox #${id}: ${change.summary}`,
    })
    return id
  })
}

/** Records the change, and delivers it now when the link is up; returns the entry as it stands. */
export async function submitChange(ctx: ServiceContext, change: DeskChange): Promise<OutboxRow> {
  const id = await recordChange(ctx, change)
  return settleAtDesk(ctx, id, change.operator)
}

/** The desk waits for the entry when the link is up (S1); offline it is left to the scheduler. */
export async function settleAtDesk(ctx: ServiceContext, entryId: number, operator: OperatorView): Promise<OutboxRow> {
  if (isOnline(ctx)) return deliverNow(ctx, entryId, operator.displayName)
  const row = await findOutboxEntry(ctx.db, entryId)
  if (row === null) throw new Error(`outbox entry ${entryId} vanished`)
  return row
}

/** The operator tries the same change again: it is sent now, whatever the link state last seemed. */
export function retryAtDesk(ctx: ServiceContext, entryId: number, operator: OperatorView): Promise<OutboxRow> {
  return deliverNow(ctx, entryId, operator.displayName)
}

/** A pending entry of the candidate carrying the same change (a retry at the desk reuses it, S2). */
export async function findPendingSame(
  db: KioskDb,
  candidateId: string,
  same: (payload: OutboxPayload) => boolean,
): Promise<OutboxRow | null> {
  return (await listPendingForCandidate(db, candidateId)).find((row) => same(parsePayload(row.payload))) ?? null
}

export const SYNC_PENDING_MESSAGE = '报名中心暂未答复，本次操作已保存为待同步，连接恢复后将自动提交。'

/**
 * What the desk shows for an entry: the page once the central said yes; the central's own code
 * and sentence when it refused (S1); while no answer came, the page with the change marked 待同步
 * when it was written locally, else SYNC_PENDING.
 */
export async function deskOutcome<T>(row: OutboxRow, writtenLocally: boolean, page: () => Promise<Result<T>>): Promise<Result<T>> {
  if (row.state === 'refused') return fail(deskCode(row.refusal_code ?? ''), row.refusal_message ?? '报名中心未接受本次操作。')
  if (row.state === 'pending' && !writtenLocally) return fail('SYNC_PENDING', SYNC_PENDING_MESSAGE)
  return page()
}
