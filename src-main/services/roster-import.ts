/**
 * 数据导入 (supervisor only, K1): starts an import in the worker (a roster or 报考科目信息 CSV, or
 * the central's roster download of the device's schools), reports its progress and hands out
 * the refused rows as CSV (行号, 原因) so the school can correct the file.
 */
import { stringify } from 'csv-stringify/sync'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import { rosterPages } from '../central/roster-pages'
import type { CsvSource } from '../import/csv-source'
import type { DownloadItem, ImportSource, ImportWhat } from '../import/import-run'
import { DOWNLOAD_LOST, IDLE_PROGRESS } from '../import/roster-import-supervisor'
import { appendAudit } from '../store/audit-repository'
import type { ServiceContext } from './service-context'
import { requireSupervisor } from './supervisor-guard'

export const IMPORT_BUSY_MESSAGE = '正在导入数据，请等本次导入结束后再开始新的导入。'
export const IMPORT_UNAVAILABLE_MESSAGE = '此服务台不能导入数据。'
export const NO_ERROR_REPORT_MESSAGE = '最近一次导入没有错误报告。'

const STARTED_FROM: Record<ImportSource['kind'], string> = {
  file: 'started from a file',
  text: 'started from pasted text',
  central: "started from the central's roster download",
}

/** The central's roster pages as the worker reads them; a failure stops the run (and rolls it back). */
async function* downloadItems(ctx: ServiceContext): AsyncGenerator<DownloadItem> {
  for await (const answer of rosterPages(ctx.central, null)) {
    if (!answer.ok) {
      yield { problem: answer.failure.kind === 'final' ? `报名中心拒绝了名单下载：${answer.failure.message}` : DOWNLOAD_LOST }
      return
    }
    yield { records: answer.value.records }
  }
}

async function startImport(ctx: ServiceContext, what: ImportWhat, source: ImportSource): Promise<Result<ImportProgress>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  if (ctx.rosterImports === undefined) return fail('CONFLICT', IMPORT_UNAVAILABLE_MESSAGE)
  if (ctx.rosterImports.running) return fail('CONFLICT', IMPORT_BUSY_MESSAGE)
  const at = ctx.clock()
  // Written before the worker opens its write transaction, which would make this wait.
  await appendAudit(ctx.db, {
    at,
    operatorId: supervisor.value.id,
    candidateId: null,
    action: what === 'roster' ? 'roster.import' : 'offerings.import',
    outcome: 'ok',
    detail: STARTED_FROM[source.kind],
  })
  const download = source.kind === 'central' ? downloadItems(ctx) : null
  if (!ctx.rosterImports.start({ what, source, at: at.toISOString() }, download)) return fail('CONFLICT', IMPORT_BUSY_MESSAGE)
  return ok(ctx.rosterImports.progress())
}

export function startRosterImport(ctx: ServiceContext, input: { source: ImportSource }): Promise<Result<ImportProgress>> {
  return startImport(ctx, 'roster', input.source)
}

export function startOfferingImport(ctx: ServiceContext, input: { source: CsvSource }): Promise<Result<ImportProgress>> {
  return startImport(ctx, 'offerings', input.source)
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
  const rows = [...(outcome.fileProblem === null ? [] : [{ line: 1, reason: outcome.fileProblem }]), ...outcome.refusals]
  const csv = stringify(rows, { header: true, bom: true, columns: [{ key: 'line', header: '行号' }, { key: 'reason', header: '原因' }] })
  const stamp = ctx.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const name = ctx.rosterImports?.request()?.what === 'offerings' ? '报考科目导入错误报告' : '名单导入错误报告'
  return Promise.resolve(ok({ fileName: `${name}-${stamp}.csv`, csv, rows: rows.length }))
}
