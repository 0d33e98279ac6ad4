/** Sample receipts and day reports as main answers them (PRINT). */
import type { DayReport } from '../../src-shared/ipc/day-report-views'
import type { ReceiptView } from '../../src-shared/ipc/receipt-views'

const NANKAI = { code: '12001', name: '南开大学' }
const CAMPUS = { code: '120010', name: '南开大学' }

export function receiptView(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    examSessionName: '2026下半年CET考试',
    candidate: { name: '蓝笑天', idType: '澳门身份证', idNumberMasked: '1200****0008', school: NANKAI, campus: CAMPUS, studentNumber: '2024001' },
    bookings: [
      {
        kind: 'written',
        subject: { code: '1', name: '英语四级笔试' },
        school: NANKAI,
        campus: CAMPUS,
        feeCents: 10,
        paymentStatus: 'paid',
        expiresAt: null,
        scoreReport: 'paper',
        orderNo: 'A'.repeat(32),
        pendingSync: false,
      },
      {
        kind: 'oral',
        subject: { code: 'F', name: '英语四级口试' },
        school: NANKAI,
        campus: CAMPUS,
        feeCents: 50,
        paymentStatus: 'unpaid',
        expiresAt: '2026-09-11T03:12:00.000Z',
        scoreReport: null,
        orderNo: null,
        pendingSync: true,
      },
    ],
    totals: { paidCents: 10, unpaidCents: 50, totalCents: 60 },
    orderNos: ['A'.repeat(32)],
    waitlist: [
      { subject: { code: '4', name: '日语六级笔试' }, school: NANKAI, campus: CAMPUS, statusLabel: '正在候补', active: true, submittedAt: '2026-09-10T03:00:00.000Z', ahead: 2 },
    ],
    waitlistNote: null,
    nextSteps: [
      { id: 'unpaid', subjectName: null },
      { id: 'paperReport', subjectName: '英语四级' },
    ],
    issuedAt: '2026-09-10T03:20:00.000Z',
    operatorName: '王老师',
    ...overrides,
  }
}

export function dayReport(overrides: Partial<DayReport> = {}): DayReport {
  const visitsByHour = Array.from({ length: 24 }, () => 0)
  visitsByHour[10] = 2
  visitsByHour[14] = 1
  return {
    date: '2026-09-10',
    from: '2026-09-09T16:00:00.000Z',
    to: '2026-09-10T16:00:00.000Z',
    generatedAt: '2026-09-10T09:00:00.000Z',
    visits: 3,
    candidatesServed: 2,
    registrationsConfirmed: 2,
    bookingsBySubject: [
      { subject: { code: '1', name: '英语四级笔试' }, count: 2 },
      { subject: { code: '2', name: '英语六级笔试' }, count: 1 },
    ],
    bookingsByCampus: [{ school: NANKAI, campus: CAMPUS, count: 3 }],
    bookingsTotal: 3,
    payments: { paidCount: 2, paidCents: 20, unpaidCount: 1, unpaidCents: 10, endedCount: 0 },
    waitlist: { submitted: 1, cancelled: 0, promoted: 1 },
    refusals: [{ action: 'booking.create', count: 1 }],
    refusalsTotal: 1,
    pendingSyncItems: 1,
    syncIssues: 0,
    visitsByHour,
    ...overrides,
  }
}
