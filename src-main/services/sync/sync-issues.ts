/**
 * S6: changes the central refused after they left the desk, for any signed-in staff: listed
 * newest first with the candidate (masked), the change and the central's reason, and
 * acknowledged (知道了) with an audit row.
 */
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import type { SyncIssue } from '../../../src-shared/ipc/sync-views'
import { appendAudit } from '../../store/audit-repository'
import { acknowledgeRefusal, findOutboxEntry, listRefused } from '../../store/outbox-repository'
import { findRosterByCandidateId } from '../../store/roster-repository'
import type { OutboxRow } from '../../store/schema'
import { requireOperator } from '../desk-guards'
import type { ServiceContext } from '../service-context'
import { toSyncIssue } from './sync-views'

export const SYNC_ISSUE_GONE_MESSAGE = '未找到该同步异常记录。'

async function toIssue(ctx: ServiceContext, row: OutboxRow): Promise<SyncIssue> {
  const record = await findRosterByCandidateId(ctx.db, ctx.protector, row.candidate_id)
  return toSyncIssue(row, record?.name ?? null)
}

export async function listSyncIssues(ctx: ServiceContext, input: { includeAcknowledged?: boolean | undefined }): Promise<Result<SyncIssue[]>> {
  const operator = requireOperator(ctx.desk)
  if (!operator.ok) return operator
  const rows = await listRefused(ctx.db, input.includeAcknowledged === true)
  const issues: SyncIssue[] = []
  for (const row of rows) issues.push(await toIssue(ctx, row))
  return ok(issues)
}

export async function acknowledgeSyncIssue(ctx: ServiceContext, input: { id: number }): Promise<Result<SyncIssue>> {
  const operator = requireOperator(ctx.desk)
  if (!operator.ok) return operator
  const at = ctx.clock()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const changed = await acknowledgeRefusal(trx, input.id, operator.value.displayName, at)
    const found = await findOutboxEntry(trx, input.id)
    if (changed && found !== null)
      await appendAudit(trx, {
        at,
        operatorId: operator.value.id,
        candidateId: found.candidate_id,
        action: 'sync.acknowledge',
        outcome: 'ok',
        detail: `outbox #${found.id}: ${found.refusal_code ?? ''}`,
      })
    return found
  })
  if (row === null || row.state !== 'refused') return fail('NOT_FOUND', SYNC_ISSUE_GONE_MESSAGE)
  return ok(await toIssue(ctx, row))
}
