/**
 * I1: the actions of the 报名信息 page and whether each is available. The rules live here, in
 * main; the renderer only renders what it gets.
 */
import { CET6_WRITTEN_CODE } from '../../src-shared/domain/cet6-review'
import { checkCanDeleteRegistration } from '../../src-shared/domain/booking-rules'
import { reasonText, type ReasonRef } from '../../src-shared/domain/reasons'
import { findSubject } from '../../src-shared/domain/subjects'
import type { RegistrationAction } from '../../src-shared/ipc/contract'
import type { LocalBooking } from '../store/booking-repository'

export const NOT_YET_AVAILABLE_REASON = '本机暂未开放此功能，将在后续版本提供。'

function action(id: RegistrationAction['id'], label: string, reason: ReasonRef | null): RegistrationAction {
  return reason === null ? { id, label, enabled: true, reason: null } : { id, label, enabled: false, reason: reasonText(reason), reasonRef: reason }
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
    action('cet6Review', 'CET6资格复核', facts.eligibleSubjectCodes.includes(CET6_WRITTEN_CODE) ? { code: 'cet6AlreadyEligible' } : null),
    action('written', '笔试报考', null),
    // R1: the choice belongs to written bookings.
    action('scoreReport', '纸质成绩报告单', hasWritten ? null : { code: 'noWrittenBooking' }),
    // B3: the 口试科目报考 page says per subject why it cannot be booked yet.
    action('oral', '口试报考', oralEligible ? null : { code: 'noOralEligibility' }),
    // B6
    action('deleteRegistration', '删除报名信息', deletion.ok ? null : (deletion.error.reason ?? { code: 'hasPaidBookings' })),
  ]
}
