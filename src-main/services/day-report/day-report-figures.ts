/**
 * 日报表: the day's figures from the rows of the store. Pure: what is counted, and why, lives
 * here. Visits and candidates (K2), bookings of the candidates served that day by subject and
 * campus (B1–B3) and their payment (P3, B4/B5 ended), waitlist actions (W1–W3) and refusals (K1)
 * from the audit log.
 */
import { SUBJECT_CODES, findSubject } from '../../../src-shared/domain/subjects'
import type { DayReport } from '../../../src-shared/ipc/day-report-views'
import type { AuditEntryRow, BookingRow, VisitRow } from '../../store/schema'
import { beijingHour } from './day-window'

type CodeName = { code: string; name: string }

export interface DayRows {
  readonly visits: readonly VisitRow[]
  readonly bookings: readonly BookingRow[]
  readonly audit: readonly AuditEntryRow[]
  readonly schoolName: (code: string) => string
  readonly campusName: (code: string) => string
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, { item: T; count: number }> {
  const counts = new Map<string, { item: T; count: number }>()
  for (const item of items) {
    const k = key(item)
    const found = counts.get(k)
    if (found) found.count += 1
    else counts.set(k, { item, count: 1 })
  }
  return counts
}

function auditCount(audit: readonly AuditEntryRow[], action: string, outcome = 'ok'): number {
  return audit.filter((a) => a.action === action && a.outcome === outcome).length
}

export type DayFigures = Omit<DayReport, 'date' | 'from' | 'to' | 'generatedAt' | 'pendingSyncItems' | 'syncIssues'>

export function dayFigures(rows: DayRows): DayFigures {
  const { visits, bookings, audit } = rows
  const visitsByHour = Array.from({ length: 24 }, () => 0)
  for (const v of visits) visitsByHour[beijingHour(v.started_at)]! += 1

  const bySubject = [...countBy(bookings, (b) => b.subject_code).values()]
    .sort((a, b) => SUBJECT_CODES.indexOf(a.item.subject_code) - SUBJECT_CODES.indexOf(b.item.subject_code))
    .map(({ item, count }) => ({
      subject: { code: item.subject_code, name: findSubject(item.subject_code)?.name ?? item.subject_code },
      count,
    }))
  const byCampus = [...countBy(bookings, (b) => `${b.school_code}/${b.campus_code}`).values()]
    .sort((a, b) => a.item.campus_code.localeCompare(b.item.campus_code))
    .map(({ item, count }) => ({
      school: { code: item.school_code, name: rows.schoolName(item.school_code) } satisfies CodeName,
      campus: { code: item.campus_code, name: rows.campusName(item.campus_code) } satisfies CodeName,
      count,
    }))

  const paid = bookings.filter((b) => b.status === 'paid')
  const unpaid = bookings.filter((b) => b.status === 'unpaid')
  const sum = (list: readonly BookingRow[]) => list.reduce((s, b) => s + b.fee_cents, 0)

  const refusals = [...countBy(audit.filter((a) => a.outcome === 'refused'), (a) => a.action).values()]
    .map(({ item, count }) => ({ action: item.action, count }))
    .sort((a, b) => b.count - a.count || a.action.localeCompare(b.action))

  return {
    visits: visits.length,
    candidatesServed: new Set(visits.map((v) => v.candidate_id).filter((c) => c !== null)).size,
    registrationsConfirmed: auditCount(audit, 'registration.confirm'),
    bookingsBySubject: bySubject,
    bookingsByCampus: byCampus,
    bookingsTotal: bookings.length,
    payments: {
      paidCount: paid.length,
      paidCents: sum(paid),
      unpaidCount: unpaid.length,
      unpaidCents: sum(unpaid),
      endedCount: bookings.length - paid.length - unpaid.length,
    },
    waitlist: {
      submitted: auditCount(audit, 'waitlist.submit'),
      cancelled: auditCount(audit, 'waitlist.cancel'),
      promoted: auditCount(audit, 'waitlist.promoted'),
    },
    refusals,
    refusalsTotal: refusals.reduce((s, r) => s + r.count, 0),
    visitsByHour,
  }
}
