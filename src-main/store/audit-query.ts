/**
 * K1: reading the audit log for the supervisor's 审计日志 screen and its CSV export: filtered by
 * operator, candidate, action and time range, newest first, with the operator's display name.
 */
import type { AuditEntryView, AuditFilter } from '../../src-shared/ipc/contract'
import type { KioskDb } from './schema'

function filtered(db: KioskDb, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').leftJoin('operators', 'operators.id', 'audit_log.operator_id')
  if (filter.operatorId !== undefined) query = query.where('audit_log.operator_id', '=', filter.operatorId)
  if (filter.candidateId !== undefined) query = query.where('audit_log.candidate_id', '=', filter.candidateId)
  if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action)
  // Times are stored as ISO 8601 UTC (toISOString), so text order is time order.
  if (filter.from !== undefined) query = query.where('audit_log.at', '>=', new Date(filter.from).toISOString())
  if (filter.to !== undefined) query = query.where('audit_log.at', '<=', new Date(filter.to).toISOString())
  return query
}

export async function countAuditEntries(db: KioskDb, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function queryAuditEntries(db: KioskDb, filter: AuditFilter, limit?: number): Promise<AuditEntryView[]> {
  let query = filtered(db, filter)
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.operator_id',
      'operators.display_name',
      'audit_log.candidate_id',
      'audit_log.action',
      'audit_log.outcome',
      'audit_log.detail',
    ])
    .orderBy('audit_log.id', 'desc')
  if (limit !== undefined) query = query.limit(limit)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    operatorId: r.operator_id,
    operatorName: r.display_name ?? null,
    candidateId: r.candidate_id,
    action: r.action,
    outcome: r.outcome,
    detail: r.detail,
  }))
}
