import { describe, expect, it } from 'vitest'
import type { BookingView } from '../../../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { WaitlistEntryView } from '../../../../src-shared/ipc/waitlist-views'
import { buildReceipt } from '../../../../src-main/services/receipt/receipt-builder'

const NANKAI = { code: '12001', name: '南开大学' }
const CAMPUS = { code: '120010', name: '南开大学' }

function booking(over: Partial<BookingView>): BookingView {
  return {
    bookingId: 'b1',
    subject: { code: '1', name: '英语四级笔试' },
    kind: 'written',
    feeCents: 10,
    paymentStatus: 'paid',
    expiresAt: null,
    arrangementStatus: 'unarranged',
    bookedVia: 'candidate',
    school: NANKAI,
    campus: CAMPUS,
    scoreReport: 'paper',
    cancel: { allowed: false, reason: '已支付科目不可取消报考。' },
    createdAt: '2026-09-10T02:00:00.000Z',
    pendingSync: false,
    ...over,
  }
}

function entry(over: Partial<WaitlistEntryView>): WaitlistEntryView {
  return {
    entryId: 'w1',
    subject: { code: '4', name: '日语六级笔试' },
    statusLabel: '正在候补',
    active: true,
    school: NANKAI,
    campus: CAMPUS,
    submittedAt: '2026-09-10T02:30:00.000Z',
    ahead: 2,
    remark: null,
    cancellable: true,
    ...over,
  }
}

function info(bookings: BookingView[], waitlist: WaitlistEntryView[] = [], idNumber = '1200****0008'): RegistrationInfo {
  const summary = { paidCents: 0, unpaidCents: 0, statusLabel: null, pay: { allowed: false, reason: null } }
  return {
    candidate: {
      candidateId: 'c1',
      name: '蓝笑天',
      gender: '男',
      idType: '澳门身份证',
      idNumber,
      phoneMasked: '199****0037',
      school: NANKAI,
      campus: CAMPUS,
      educationLevel: '本科',
      schoolingYears: 4,
      enrollmentYear: '2024',
      grade: '2024',
      department: '外国语学院',
      major: '英语',
      className: '1班',
      studentNumber: '2024001',
      remarks: '',
      eligibleSubjects: [],
      confirmedAt: '2026-09-10T01:00:00.000Z',
    },
    examSession: { id: 's', name: '2026下半年CET考试', registrationStart: '2026-09-01T00:00:00.000Z', registrationEnd: '2026-10-01T00:00:00.000Z' },
    announcements: [],
    actions: [],
    bookings: {
      written: bookings.filter((b) => b.kind === 'written'),
      oral: bookings.filter((b) => b.kind === 'oral'),
      writtenSummary: summary,
      oralSummary: summary,
      openOrderNo: null,
      refunds: [],
    },
    waitlist: { active: waitlist.filter((e) => e.active), finished: waitlist.filter((e) => !e.active), staleReason: null },
    pendingChanges: [],
  }
}

const NOW = new Date('2026-09-10T03:00:00.000Z')
const ORDER = 'A'.repeat(32)

describe('报名回执 data (pure)', () => {
  it('K3: the ID number is printed masked, even if a view ever carried it whole', () => {
    const receipt = buildReceipt({ info: info([], [], '12001000008'), orderNoByBooking: new Map(), operatorName: '张老师', now: NOW })
    expect(receipt.candidate.idNumberMasked).toBe('1200****0008')
    expect(JSON.stringify(receipt)).not.toContain('12001000008')
  })

  it('P2 B7 R1: fees total paid and unpaid; each row has its payment status, score-report choice and order number', () => {
    const receipt = buildReceipt({
      info: info([
        booking({ bookingId: 'paid', feeCents: 10, scoreReport: 'paper' }),
        booking({ bookingId: 'unpaid', subject: { code: '4', name: '日语六级笔试' }, feeCents: 25, paymentStatus: 'unpaid', scoreReport: 'electronic', expiresAt: '2026-09-11T02:00:00.000Z' }),
        booking({ bookingId: 'oral', subject: { code: 'F', name: '英语四级口试' }, kind: 'oral', feeCents: 50, paymentStatus: 'unpaid', scoreReport: null }),
      ]),
      orderNoByBooking: new Map([['paid', ORDER], ['unpaid', null], ['oral', null]]),
      operatorName: '张老师',
      now: NOW,
    })
    expect(receipt.totals).toEqual({ paidCents: 10, unpaidCents: 75, totalCents: 85 })
    expect(receipt.orderNos).toEqual([ORDER])
    expect(receipt.bookings.map((b) => [b.subject.name, b.paymentStatus, b.expiresAt, b.scoreReport, b.orderNo])).toEqual([
      ['英语四级笔试', 'paid', null, 'paper', ORDER],
      // B4: 24 hours after it was made.
      ['日语六级笔试', 'unpaid', '2026-09-11T02:00:00.000Z', 'electronic', null],
      // R1: oral subjects have no score-report choice.
      ['英语四级口试', 'unpaid', '2026-09-11T02:00:00.000Z', null, null],
    ])
    expect(receipt.operatorName).toBe('张老师')
    expect(receipt.issuedAt).toBe(NOW.toISOString())
  })

  it('R1 P3: what to do next follows the bookings: pay the unpaid, collect the paper score report, print the 准考证', () => {
    const receipt = buildReceipt({
      info: info([booking({ scoreReport: 'paper' }), booking({ bookingId: 'b2', subject: { code: '4', name: '日语六级笔试' }, paymentStatus: 'unpaid', scoreReport: null })]),
      orderNoByBooking: new Map(),
      operatorName: '张老师',
      now: NOW,
    })
    expect(receipt.bookings[1]!.scoreReport).toBeNull()
    expect(receipt.nextSteps).toEqual([
      { id: 'unpaid', subjectName: null },
      { id: 'admissionTicket', subjectName: null },
      { id: 'examPlace', subjectName: null },
      { id: 'paperReport', subjectName: '英语四级' },
      { id: 'electronicReport', subjectName: null },
    ])
  })

  it('W4 S4: waiting and finished waitlist entries are listed; a waiting one and a 待同步 booking add their next step', () => {
    const receipt = buildReceipt({
      info: info([booking({ pendingSync: true })], [entry({}), entry({ entryId: 'w2', statusLabel: '考生取消', active: false, ahead: null, cancellable: false })]),
      orderNoByBooking: new Map(),
      operatorName: '张老师',
      now: NOW,
    })
    expect(receipt.waitlist.map((e) => [e.subject.name, e.statusLabel, e.ahead])).toEqual([
      ['日语六级笔试', '正在候补', 2],
      ['日语六级笔试', '考生取消', null],
    ])
    expect(receipt.nextSteps.map((n) => n.id)).toEqual(expect.arrayContaining(['waitlist', 'pendingSync']))
    expect(receipt.nextSteps.map((n) => n.id)).not.toContain('unpaid')
  })

  it('I1: a candidate with nothing booked gets a receipt that says so', () => {
    const receipt = buildReceipt({ info: info([]), orderNoByBooking: new Map(), operatorName: '张老师', now: NOW })
    expect(receipt.totals.totalCents).toBe(0)
    expect(receipt.nextSteps).toEqual([{ id: 'noBooking', subjectName: null }])
  })
})
