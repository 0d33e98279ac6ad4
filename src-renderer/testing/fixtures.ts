/** Sample answers from main, drawn from the seeds' walkthroughs. */
import type { CandidateView, DeskStatus, OperatorView, RegistrationInfo } from '../../src-shared/ipc/contract'
import type { BookingsSection, BookingView, OfferingOption, OrderView, WrittenOfferingsPage } from '../../src-shared/ipc/booking-views'
import type { AppError, Result } from '../../src-shared/domain/result'
import type { PendingChangeView, SyncIssue } from '../../src-shared/ipc/sync-views'

export const VISIT_ID = '6f1c2b1e-3d4a-4c5b-8e9f-0a1b2c3d4e5f'

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

export const operator: OperatorView = { id: 1, username: 'wang', displayName: '王老师', role: 'operator' }

export function deskStatus(overrides: Partial<DeskStatus> = {}): DeskStatus {
  return {
    operator,
    examSession: {
      id: '2026H2',
      name: '2026下半年CET考试',
      registrationStart: '2026-09-01T09:00:00+08:00',
      registrationEnd: '2026-09-30T17:00:00+08:00',
    },
    link: { mode: 'demo', state: 'online', lastSyncAt: '2026-09-10T10:54:00+08:00', pendingChanges: 0, syncIssues: 0 },
    now: '2026-09-10T10:55:00+08:00',
    idleTimeoutSeconds: 180,
    ...overrides,
  }
}

export function candidate(overrides: Partial<CandidateView> = {}): CandidateView {
  return {
    candidateId: 'c-8',
    name: '蓝笑天',
    gender: '女',
    idType: '澳门身份证',
    idNumber: '1200****0008',
    phoneMasked: '199****0008',
    school: { code: '12001', name: '南开大学' },
    campus: { code: '120010', name: '南开大学' },
    educationLevel: '专科',
    schoolingYears: 6,
    enrollmentYear: '16',
    grade: '11',
    department: '化学学院',
    major: '高分子化学与物理',
    className: '1',
    studentNumber: '00008',
    remarks: '',
    eligibleSubjects: [
      { code: '1', name: '英语四级笔试' },
      { code: '2', name: '英语六级笔试' },
    ],
    confirmedAt: null,
    ...overrides,
  }
}

export function registrationInfo(overrides: Partial<RegistrationInfo> = {}): RegistrationInfo {
  return {
    candidate: candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' }),
    examSession: deskStatus().examSession!,
    announcements: [
      {
        id: 'a1',
        scope: 'province',
        issuer: '(12)天津市',
        schoolCode: null,
        title: '报名须知',
        body: '请按时缴费。',
        publishedAt: '2026-09-01T09:00:00+08:00',
      },
    ],
    actions: [
      { id: 'home', label: '返回首页', enabled: true, reason: null },
      { id: 'cet6Review', label: 'CET6资格复核', enabled: false, reason: '考生已具有英语六级笔试资格，无需复核。' },
      { id: 'written', label: '笔试报考', enabled: true, reason: null },
      { id: 'scoreReport', label: '纸质成绩报告单', enabled: false, reason: '尚未报考笔试科目。' },
      { id: 'oral', label: '口试报考', enabled: false, reason: '请先报考并支付同级别笔试科目。' },
      { id: 'deleteRegistration', label: '删除报名信息', enabled: true, reason: null },
    ],
    bookings: emptyBookings(),
    waitlist: { active: [], finished: [], staleReason: null },
    pendingChanges: [],
    ...overrides,
  }
}

const noPay = { allowed: false, reason: '当前没有需要支付的科目。' }

export function emptyBookings(overrides: Partial<BookingsSection> = {}): BookingsSection {
  return {
    written: [],
    oral: [],
    writtenSummary: { paidCents: 0, unpaidCents: 0, statusLabel: null, pay: noPay },
    oralSummary: { paidCents: 0, unpaidCents: 0, statusLabel: null, pay: noPay },
    openOrderNo: null,
    refunds: [],
    ...overrides,
  }
}

/** Seed 001: an unpaid 英语四级笔试 booking at 南开大学. */
export function writtenBooking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    bookingId: 'b-1',
    subject: { code: '1', name: '英语四级笔试' },
    kind: 'written',
    feeCents: 10,
    paymentStatus: 'unpaid',
    expiresAt: '2026-09-11T11:12:00+08:00',
    arrangementStatus: 'unarranged',
    bookedVia: 'candidate',
    school: { code: '12001', name: '南开大学' },
    campus: { code: '120010', name: '南开大学' },
    scoreReport: null,
    cancel: { allowed: true, reason: null },
    createdAt: '2026-09-10T11:12:00+08:00',
    pendingSync: false,
    ...overrides,
  }
}


/** A row of the 笔试科目报考 table. */
export function offeringOption(overrides: Partial<OfferingOption> = {}): OfferingOption {
  return {
    offeringId: '120010-1',
    subject: { code: '1', name: '英语四级笔试' },
    school: { code: '12001', name: '南开大学' },
    campus: { code: '120010', name: '南开大学' },
    feeCents: 10,
    seatsLabel: '有',
    waitlistLabel: '—',
    registrationStart: '2026-09-01T09:00:00+08:00',
    registrationEnd: '2026-09-30T17:00:00+08:00',
    booked: false,
    book: { allowed: true, reason: null },
    waitlist: null,
    waiting: false,
    ...overrides,
  }
}

export function writtenPage(): WrittenOfferingsPage {
  return {
    groups: [
      { title: '英语笔试', options: [offeringOption()] },
      {
        title: '小语种笔试',
        options: [
          offeringOption({
            offeringId: '120010-5',
            subject: { code: '5', name: '德语四级笔试' },
            book: {
              allowed: false,
              reason: '已报考英语四级笔试，同一级别只能报考一个笔试科目。',
              reasonRef: { code: 'levelBooked', subject: '5', other: '1' },
            },
          }),
        ],
      },
    ],
  }
}

export const ORDER_NO = 'FD1FC0AC00DA14277922D3F8DC26038F'

export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    orderNo: ORDER_NO,
    kind: 'written',
    purpose: '2026下半年CET考试报名费',
    amountCents: 10,
    payUrl: `http://127.0.0.1:4410/pay/${ORDER_NO}`,
    status: 'pending',
    expiresAt: '2026-09-10T13:00:00+08:00',
    paidAt: null,
    subjectNames: ['英语四级笔试'],
    checkedAt: '2026-09-10T11:00:00+08:00',
    ...overrides,
  }
}

/** S6: the central refused an offline booking once the link came back (同步异常). */
export function syncIssue(overrides: Partial<SyncIssue> = {}): SyncIssue {
  return {
    id: 1,
    candidateId: 'c-8',
    candidateName: '蓝*天',
    action: 'booking.create',
    summary: '报考 英语四级笔试（(120010)南开大学）',
    code: 'NO_SEATS',
    reason: '所选科目已无剩余名额。',
    createdAt: '2026-09-10T11:12:00+08:00',
    refusedAt: '2026-09-10T11:40:00+08:00',
    acknowledgedAt: null,
    acknowledgedBy: null,
    ...overrides,
  }
}

/** S4: a change made offline, waiting in the outbox (待同步). */
export function pendingChange(overrides: Partial<PendingChangeView> = {}): PendingChangeView {
  return {
    id: 7,
    action: 'booking.create',
    summary: '报考 英语四级笔试（(120010)南开大学）',
    createdAt: '2026-09-10T11:12:00+08:00',
    attempts: 2,
    lastError: '网络中断',
    ...overrides,
  }
}
