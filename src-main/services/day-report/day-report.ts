/**
 * 日报表 (K1, supervisor only): the office's day from the kiosk's store, and its CSV export
 * (csv-stringify quotes; the export is audited like the audit log's).
 */
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import type { DayReport, DayReportCsv, DayReportInput } from '../../../src-shared/ipc/day-report-views'
import { appendAudit } from '../../store/audit-repository'
import { findCampus, findSchool } from '../../store/catalog-repository'
import { listAuditRows, listBookingsMade, listVisitsStarted, syncBacklogForReport } from '../../store/day-report-repository'
import type { ServiceContext } from '../service-context'
import { requireSupervisor } from '../supervisor-guard'
import { dayReportCsv } from './day-report-csv'
import { dayFigures } from './day-report-figures'
import { beijingDate, dayWindow } from './day-window'

export const BAD_REPORT_DATE_MESSAGE = '日期无效，请选择一个存在的日期。'

async function names(ctx: ServiceContext, codes: readonly string[], find: (code: string) => Promise<{ name: string } | null>) {
  const found = new Map<string, string>()
  for (const code of new Set(codes)) found.set(code, (await find(code))?.name ?? code)
  return (code: string) => found.get(code) ?? code
}

export async function buildDayReport(ctx: ServiceContext, date: string): Promise<Result<DayReport>> {
  const day = dayWindow(date)
  if (day === null) return fail('INVALID_INPUT', BAD_REPORT_DATE_MESSAGE)
  const { db } = ctx
  const visits = await listVisitsStarted(db, day)
  const served = [...new Set(visits.map((v) => v.candidate_id).filter((c): c is string => c !== null))]
  const bookings = await listBookingsMade(db, served, day)
  const figures = dayFigures({
    visits,
    bookings,
    audit: await listAuditRows(db, day),
    schoolName: await names(ctx, bookings.map((b) => b.school_code), (c) => findSchool(db, c)),
    campusName: await names(ctx, bookings.map((b) => b.campus_code), (c) => findCampus(db, c)),
  })
  return ok({
    date,
    from: day.from.toISOString(),
    to: day.to.toISOString(),
    generatedAt: ctx.clock().toISOString(),
    ...figures,
    ...(await syncBacklogForReport(db)),
  })
}

export async function getDayReport(ctx: ServiceContext, input: DayReportInput): Promise<Result<DayReport>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  return buildDayReport(ctx, input.date ?? beijingDate(ctx.clock()))
}

export async function exportDayReport(ctx: ServiceContext, input: DayReportInput): Promise<Result<DayReportCsv>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const report = await buildDayReport(ctx, input.date ?? beijingDate(ctx.clock()))
  if (!report.ok) return report
  const csv = dayReportCsv(report.value)
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: supervisor.value.id,
    candidateId: null,
    action: 'day-report.export',
    outcome: 'ok',
    detail: report.value.date,
  })
  return ok({ fileName: `day-report-${report.value.date}.csv`, csv: csv.text, rows: csv.rows })
}
