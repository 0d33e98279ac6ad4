/** K1: the audit log's action and outcome codes in the words staff read on 审计日志. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'operator.sign-in': '操作员登录',
  'operator.sign-out': '退出登录',
  'agreement.accept': '同意报名协议',
  'eligibility.lookup': '资格信息查询',
  'registration.confirm': '资格信息确认',
  'visit.end': '结束办理',
  'candidate.reveal': '显示完整信息',
  'operator.create': '新增操作员',
  'operator.disable': '停用操作员',
  'operator.enable': '启用操作员',
  'operator.password-reset': '重置密码',
  'audit.export': '导出审计日志',
  'roster.import': '导入考生名单',
  'waitlist.submit': '提交候补',
  'waitlist.cancel': '取消候补',
  'cet6.review': 'CET6资格复核',
  'offering.capacity': '调整容量',
}

export const AUDIT_OUTCOME_LABELS: Record<string, string> = {
  ok: '成功',
  failed: '失败',
  locked: '已锁定',
  refused: '被拒绝',
  'not-found': '未找到',
  unavailable: '无法连接',
}

/** A code this screen does not know yet (added by a later release) shows as itself. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action
}

export function auditOutcomeLabel(outcome: string): string {
  return AUDIT_OUTCOME_LABELS[outcome] ?? outcome
}
