/**
 * I1: the actions of the 报名信息 page and whether each is available. The rules live here, in
 * main; the renderer only renders what it gets.
 */
import { CET6_WRITTEN_CODE } from '../../src-shared/domain/cet6-review'
import { checkCanDeleteRegistration } from '../../src-shared/domain/booking-rules'
import { findSubject } from '../../src-shared/domain/subjects'
import type { RegistrationAction } from '../../src-shared/ipc/contract'
import type { LocalBooking } from '../store/booking-repository'

export const NOT_YET_AVAILABLE_REASON = '本机暂未开放此功能，将在后续版本提供。'
export const NO_WRITTEN_BOOKING_REASON = '尚未报考笔试科目，请先通过“笔试报考”报考。'
export const NO_ORAL_ELIGIBILITY_REASON = '考生没有口试科目的报考资格。'
export const ALREADY_CET6_REASON = '考生已有英语六级笔试报考资格，无需复核。'

function action(id: RegistrationAction['id'], label: string, reason: string | null): RegistrationAction {
  return { id, label, enabled: reason === null, reason }
}

export interface ActionFacts {
  readonly eligibleSubjectCodes: readonly string[]
  /** The candidate's active bookings. */
  readonly bookings: readonly LocalBooking[]
}

export function registrationActions(facts: ActionFacts = { eligibleSubjectCodes: [], bookings: [] }): RegistrationAction[] {
  const hasWritten = facts.bookings.some((b) => findSubject(b.subjectCode)?.kind === 'written')
  const oralEligible = facts.eligibleSubjectCodes.some((c) => findSubject(c)?.kind === 'oral')
  const deletion = checkCanDeleteRegistration(facts.bookings)
  return [
    { id: 'home', label: '返回首页', enabled: true, reason: null },
    // E5: only for candidates without 英语六级笔试 eligibility; the dialog shows the review's state.
    action('cet6Review', 'CET6资格复核', facts.eligibleSubjectCodes.includes(CET6_WRITTEN_CODE) ? ALREADY_CET6_REASON : null),
    action('written', '笔试报考', null),
    // R1: the choice belongs to written bookings.
    action('scoreReport', '纸质成绩报告单', hasWritten ? null : NO_WRITTEN_BOOKING_REASON),
    // B3: the 口试科目报考 page says per subject why it cannot be booked yet.
    action('oral', '口试报考', oralEligible ? null : NO_ORAL_ELIGIBILITY_REASON),
    // B6
    action('deleteRegistration', '删除报名信息', deletion.ok ? null : deletion.error.message),
  ]
}
