/** `audit.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/audit.ts in step. */
export default {
  action: {
    operator: {
      'sign-in': '操作员登录',
      'sign-out': '退出登录',
      create: '新增操作员',
      disable: '停用操作员',
      enable: '启用操作员',
      'password-reset': '重置密码',
    },
    agreement: {
      accept: '同意报名协议',
    },
    eligibility: {
      lookup: '资格信息查询',
    },
    registration: {
      confirm: '资格信息确认',
      delete: '删除报名信息',
    },
    visit: {
      end: '结束办理',
    },
    candidate: {
      reveal: '显示完整信息',
    },
    audit: {
      export: '导出审计日志',
    },
    roster: {
      import: '导入考生名单',
    },
    offerings: {
      import: '导入报考科目信息',
    },
    waitlist: {
      submit: '提交候补',
      cancel: '取消候补',
      promoted: '候补成功',
    },
    cet6: {
      review: 'CET6资格复核',
    },
    offering: {
      capacity: '调整容量',
    },
    booking: {
      create: '报考科目',
      cancel: '取消报考',
      expire: '报考过期删除',
      'score-report': '成绩报告单选择',
    },
    'score-report': {
      save: '保存成绩报告单选择',
    },
    order: {
      create: '创建支付订单',
      paid: '订单已支付',
      'refund-required': '支付需退款',
    },
    sync: {
      acknowledge: '确认同步异常',
      'feed-reset': '同步位置失效，重新同步',
    },
    'day-report': {
      export: '导出日报表',
    },
    document: {
      print: '打印',
    },
  },
  outcome: {
    ok: '成功',
    failed: '失败',
    locked: '已锁定',
    refused: '被拒绝',
    'not-found': '未找到',
    unavailable: '无法连接',
  },
  exported: '已导出 {rows} 条记录',
  title: '审计日志',
  operator: '操作员',
  all: '全部',
  operatorOption: '{name}（{username}）',
  candidateId: '考生编号',
  actionLabel: '操作',
  from: '起始日期',
  to: '结束日期',
  search: '查询',
  clear: '清除条件',
  exportCsv: '导出CSV',
  total: '共 {total} 条',
  totalShown: '共 {total} 条，显示最新 {shown} 条（导出包含全部）',
  caption: '审计记录',
  time: '时间',
  outcomeLabel: '结果',
  detail: '说明',
  empty: '没有符合条件的记录。',
}
