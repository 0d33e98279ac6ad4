/**
 * Main's "why not" sentences (B1–B6, W1, P1, E5, I1) as codes with the subjects they name, next to the
 * Chinese sentence itself: the views carry both, so the renderer can say the reason in another
 * language (vue-i18n `reasons.<code>`, subjects by code) and falls back to main's sentence.
 * The Chinese templates here are the only copy of these sentences: the rules fill them, and the
 * renderer's zh-CN `reasons` messages are this object.
 */
import type { ErrorCode, Result } from './result'
import { findSubject } from './subjects'

export const REASON_TEMPLATES = {
  // B1–B3: may this row be ticked (笔试/口试科目报考).
  alreadyBooked: '已报考{subject}，不能重复报考。',
  notEligible: '考生没有{subject}的报考资格。',
  examTimeNotSet: '{subject}的考试时间尚未设置，暂不能报考。',
  windowNotOpen: '该校区报名尚未开始，请在报名时间内报考。',
  windowClosed: '该校区报名时间已结束，不能报考。',
  feeNotSet: '{subject}的费用尚未设置，暂不能报考。',
  levelBooked: '已报考{other}，同一级别只能报考一个笔试科目。',
  levelWaiting: '已在候补{other}，同一级别只能报考一个笔试科目。',
  oralWaiting: '已在候补{subject}，不能同时报考。',
  writtenNotPaid: '请先报考并支付{other}，再报考{subject}。',
  campusNotAllowed: '学校的口试报考设置不允许本校区考生报考该校区的{subject}。',
  noSeats: '{subject}在该校区已无剩余容量。',
  noOralCampus: '学校暂未开放本校区考生的口试报考，请咨询学校相关老师。',
  // W1: may a waitlist entry be submitted (提交候补).
  waitlistAlreadyBooked: '已报考{subject}，不能再提交候补。',
  waitlistAlreadyWaiting: '已在候补{subject}，不能重复提交候补。',
  waitlistExamTimeNotSet: '{subject}的考试时间尚未设置，暂不能候补。',
  waitlistWindowNotOpen: '该校区报名尚未开始，请在报名时间内提交候补。',
  waitlistWindowClosed: '该校区报名时间已结束，不能提交候补。',
  waitlistFeeNotSet: '{subject}的费用尚未设置，暂不能候补。',
  waitlistLevelBooked: '已报考{other}，同一级别只能报考或候补一个笔试科目。',
  waitlistLevelWaiting: '已在候补{other}，同一级别只能候补一个笔试科目。',
  waitlistWrittenNotBooked: '请先报考{other}，再提交{subject}候补。',
  seatsAvailable: '{subject}在该校区尚有剩余容量，请直接报考。',
  // B5: may this booking be cancelled.
  paidNotCancellable: '已支付科目不可取消报考。',
  bookingGone: '该报考科目已被取消或已超时删除。',
  cancelWindowClosed: '报名时间已结束，不能取消报考。',
  collectiveLocked: '该科目已被集体缴费锁定，不能取消，请联系学校老师。',
  oralDepends: '已报考同级别的{other}，{subject}不可取消。',
  offeringNotSynced: '本机尚未同步该科目的报名时间，请稍后重试。',
  // P1, R1: may this kind be paid (支付).
  nothingToPayWritten: '没有未支付的笔试科目。',
  nothingToPayOral: '没有未支付的口试科目。',
  scoreReportRequired: '请先为{subject}选择纸质或电子成绩报告单。',
  writtenFirst: '必须先支付笔试科目，才能支付口试科目。',
  payWrittenFirst: '请先支付{other}，再支付{subject}。',
  orderFeeNotSet: '报考科目的费用尚未设置，暂不能支付。',
  // I1, E5, R1, B3, B6: why an action of the 报名信息 page is not available.
  cet6AlreadyEligible: '考生已有英语六级笔试报考资格，无需复核。',
  noWrittenBooking: '尚未报考笔试科目，请先通过“笔试报考”报考。',
  noOralEligibility: '考生没有口试科目的报考资格。',
  hasPaidBookings: '已有已支付的科目，不能删除报名信息。',
  // E5: may a CET6 review be submitted (once per candidate).
  cet6Passed: 'CET6资格复核已通过，考生已有英语六级笔试报考资格。',
  cet6Pending: '已提交CET6资格复核，正在等待学校人工复核，请勿重复提交。',
  cet6OnceOnly: '每位考生只能提交一次CET6资格复核，如有疑问请联系学校。',
} as const

export type ReasonCode = keyof typeof REASON_TEMPLATES
export const REASON_CODES = Object.keys(REASON_TEMPLATES) as [ReasonCode, ...ReasonCode[]]

/** A reason as a code and the subject codes it names (`subject`: the row's own; `other`: another one). */
export interface ReasonRef {
  readonly code: ReasonCode
  readonly subject?: string
  readonly other?: string
}

/** A rule's refusal: the error code, the sentence, and the sentence as a code (REASON_TEMPLATES). */
export function refuse(code: ErrorCode, reason: ReasonRef): Result<never> {
  return { ok: false, error: { code, message: reasonText(reason), reason } }
}

/** The Chinese sentence of a reason, subjects by their names. */
export function reasonText(reason: ReasonRef): string {
  const name = (code: string | undefined) => (code === undefined ? '' : (findSubject(code)?.name ?? code))
  return REASON_TEMPLATES[reason.code].replace('{subject}', name(reason.subject)).replace('{other}', name(reason.other))
}
