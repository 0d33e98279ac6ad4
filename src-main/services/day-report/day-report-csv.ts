/**
 * 日报表 as CSV: one row per figure (分类, 项目, 数量, 金额(元)), so a spreadsheet sums and
 * filters it. With a BOM for spreadsheets that guess the encoding. Money in yuan, two decimals.
 */
import { stringify } from 'csv-stringify/sync'
import type { DayReport } from '../../../src-shared/ipc/day-report-views'

function yuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

type Row = [string, string, number, string]

export function dayReportRows(r: DayReport): Row[] {
  const rows: Row[] = [
    ['日期', r.date, 0, ''],
    ['办理', '办理次数', r.visits, ''],
    ['办理', '服务考生人数', r.candidatesServed, ''],
    ['办理', '资格信息确认', r.registrationsConfirmed, ''],
    ...r.bookingsBySubject.map((s): Row => ['报考科目', `(${s.subject.code})${s.subject.name}`, s.count, '']),
    ...r.bookingsByCampus.map((c): Row => ['报考校区', `(${c.school.code})${c.school.name} — (${c.campus.code})${c.campus.name}`, c.count, '']),
    ['报考', '报考合计', r.bookingsTotal, ''],
    ['支付', '已支付', r.payments.paidCount, yuan(r.payments.paidCents)],
    ['支付', '未支付', r.payments.unpaidCount, yuan(r.payments.unpaidCents)],
    ['支付', '已删除或已取消', r.payments.endedCount, ''],
    ['候补', '提交候补', r.waitlist.submitted, ''],
    ['候补', '取消候补', r.waitlist.cancelled, ''],
    ['候补', '候补成功', r.waitlist.promoted, ''],
    ...r.refusals.map((f): Row => ['被拒绝的操作', f.action, f.count, '']),
    ['被拒绝的操作', '合计', r.refusalsTotal, ''],
    ['同步', '待同步', r.pendingSyncItems, ''],
    ['同步', '同步异常', r.syncIssues, ''],
    ...r.visitsByHour.map((n, hour): Row => ['每小时办理次数', `${String(hour).padStart(2, '0')}:00`, n, '']),
  ]
  return rows
}

export function dayReportCsv(report: DayReport): { text: string; rows: number } {
  const rows = dayReportRows(report)
  // The date row carries no count: write it as empty rather than 0.
  const cells = rows.map(([category, item, n, money], i) => [category, item, i === 0 ? '' : String(n), money])
  const text = stringify(cells, {
    header: true,
    bom: true,
    columns: ['分类', '项目', '数量', '金额(元)'],
    // A cell starting with = + - @ is never run by a spreadsheet (names come from the catalog).
    cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
  })
  return { text, rows: rows.length }
}
