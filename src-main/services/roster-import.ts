/**
 * 数据导入 (supervisor only, K1): starts a roster CSV import in the worker, reports its progress
 * and hands out the refused rows as CSV (行号, 原因) so the school can correct the file.
 */
import { stringify } from 'csv-stringify/sync'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import type { ImportSource } from '../import/roster-import-run'
import { IDLE_PROGRESS } from '../import/roster-import-supervisor'
import { appendAudit } from '../store/audit-repository'
import type { ServiceContext } from './service-context'
import { requireSupervisor } from './supervisor-guard'

export const IMPORT_BUSY_MESSAGE = '正在导入名单，请等本次导入结束后再开始新的导入。'
export const IMPORT_UNAVAILABLE_MESSAGE = '此服务台不能导入名单。'
export const NO_ERROR_REPORT_MESSAGE = '最近一次导入没有错误报告。'

export async function startRosterImport(ctx: ServiceContext, input: { source: ImportSource }): Promise<Result<ImportProgress>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  if (ctx.rosterImports === undefined) return fail('CONFLICT', IMPORT_UNAVAILABLE_MESSAGE)
  if (ctx.rosterImports.running) return fail('CONFLICT', IMPORT_BUSY_MESSAGE)
  // Written before the worker opens its write transaction, which would make this wait.
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: supervisor.value.id,
    candidateId: null,
    action: 'roster.import',
    outcome: 'ok',
    detail: input.source.kind === 'file' ? 'started from a file' : 'started from pasted text',
  })
  if (!ctx.rosterImports.start(input.source)) return fail('CONFLICT', IMPORT_BUSY_MESSAGE)
  return ok(ctx.rosterImports.progress())
}

export function getRosterImportProgress(ctx: ServiceContext): Promise<Result<ImportProgress>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return Promise.resolve(supervisor)
  return Promise.resolve(ok(ctx.rosterImports?.progress() ?? IDLE_PROGRESS))
}

export function getRosterImportErrorReport(ctx: ServiceContext): Promise<Result<{ fileName: string; csv: string; rows: number }>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return Promise.resolve(supervisor)
  const outcome = ctx.rosterImports?.outcome() ?? null
  if (outcome === null || (outcome.errorCount === 0 && outcome.fileProblem === null))
    return Promise.resolve(fail('NOT_FOUND', NO_ERROR_REPORT_MESSAGE))
  const rows = [
    ...(outcome.fileProblem === null ? [] : [{ line: 1, reason: outcome.fileProblem }]),
    ...outcome.refusals,
  ]
  const csv = stringify(rows, { header: true, bom: true, columns: [{ key: 'line', header: '行号' }, { key: 'reason', header: '原因' }] })
  const stamp = ctx.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return Promise.resolve(ok({ fileName: `名单导入错误报告-${stamp}.csv`, csv, rows: rows.length }))
}
