/** S5, S6: outbox rows as the renderer sees them (待同步 rows, 同步异常 list). */
import { maskName } from '../../../src-shared/domain/masking'
import type { PendingChangeView, SyncIssue } from '../../../src-shared/ipc/sync-views'
import type { OutboxRow } from '../../store/schema'

export function toPendingChangeView(row: OutboxRow): PendingChangeView {
  return {
    id: row.id,
    action: row.action,
    summary: row.summary,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
  }
}

export function toSyncIssue(row: OutboxRow, candidateName: string | null): SyncIssue {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    // K3: masked like every candidate name on lists.
    candidateName: candidateName === null ? '—' : maskName(candidateName),
    action: row.action,
    summary: row.summary,
    code: row.refusal_code ?? 'CENTRAL_REFUSED',
    reason: row.refusal_message ?? '报名中心未接受该变更。',
    createdAt: row.created_at,
    refusedAt: row.settled_at ?? row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  }
}
