/**
 * K1, supervisor only (审计日志): the audit log filtered by operator, candidate, action and time,
 * newest first, and its export as CSV (csv-stringify does the quoting). The export itself is
 * audited. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them.
 */
import { stringify } from 'csv-stringify/sync'
import { ok, type Result } from '../../src-shared/domain/result'
import type { AuditFilter, AuditPage } from '../../src-shared/ipc/contract'
import { countAuditEntries, queryAuditEntries } from '../store/audit-query'
import { appendAudit } from '../store/audit-repository'
import type { ServiceContext } from './service-context'
import { requireSupervisor } from './supervisor-guard'

export const DEFAULT_AUDIT_PAGE = 200

const CSV_COLUMNS = [
  { key: 'id', header: '序号' },
  { key: 'at', header: '时间' },
  { key: 'operatorId', header: '操作员编号' },
  { key: 'operatorName', header: '操作员' },
  { key: 'candidateId', header: '考生编号' },
  { key: 'action', header: '操作' },
  { key: 'outcome', header: '结果' },
  { key: 'detail', header: '说明' },
]

function defuseFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export async function listAuditLog(ctx: ServiceContext, input: AuditFilter & { limit?: number }): Promise<Result<AuditPage>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const { limit = DEFAULT_AUDIT_PAGE, ...filter } = input
  return ok({ entries: await queryAuditEntries(ctx.db, filter, limit), total: await countAuditEntries(ctx.db, filter) })
}

export async function exportAuditLog(
  ctx: ServiceContext,
  filter: AuditFilter,
): Promise<Result<{ fileName: string; csv: string; rows: number }>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const entries = await queryAuditEntries(ctx.db, filter)
  const csv = stringify(entries, {
    header: true,
    bom: true,
    columns: CSV_COLUMNS,
    cast: { string: (v) => String(defuseFormula(v)) },
  })
  const now = ctx.clock()
  await appendAudit(ctx.db, {
    at: now,
    operatorId: supervisor.value.id,
    candidateId: null,
    action: 'audit.export',
    outcome: 'ok',
    detail: `${entries.length} rows`,
  })
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return ok({ fileName: `audit-log-${stamp}.csv`, csv, rows: entries.length })
}
