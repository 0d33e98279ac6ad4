/**
 * I1: the actions of the 报名信息 page and whether each is available. The rules live here, in
 * main; the renderer only renders what it gets. Booking, score report, review and deletion
 * arrive in later issues, so for now they are shown, disabled, with the reason.
 */
import type { RegistrationAction } from '../../src-shared/ipc/contract'

export const NOT_YET_AVAILABLE_REASON = '本机暂未开放此功能，将在后续版本提供。'

function notYet(id: RegistrationAction['id'], label: string): RegistrationAction {
  return { id, label, enabled: false, reason: NOT_YET_AVAILABLE_REASON }
}

export function registrationActions(): RegistrationAction[] {
  return [
    { id: 'home', label: '返回首页', enabled: true, reason: null },
    notYet('cet6Review', 'CET6资格复核'),
    notYet('written', '笔试报考'),
    notYet('scoreReport', '纸质成绩报告单'),
    notYet('oral', '口试报考'),
    notYet('deleteRegistration', '删除报名信息'),
  ]
}
