/** `sync.*` messages in zh-CN, the seeds' exact wording. Owner: SYNCTEST. Keep en/sync.ts in step. */
export default {
  /** S5: the link in the top bar. */
  status: {
    label: '与报名中心的连接',
    online: '在线',
    offline: '离线',
    lastSync: '最近同步 {time}',
    demo: '演示中心',
    never: '尚未同步',
    pending: '待同步 {count}',
    issues: '同步异常 {count}',
  },
  /** S6: the 同步异常 screen. */
  issues: {
    title: '同步异常',
    intro: '以下变更在本机办理后被报名中心拒绝，结果以报名中心为准。请告知考生，需要时重新办理。',
    empty: '当前没有同步异常。',
    showAcknowledged: '显示已处理',
    candidate: '考生',
    change: '变更',
    reason: '原因',
    madeAt: '办理时间',
    refusedAt: '拒绝时间',
    action: '操作',
    acknowledge: '知道了',
    acknowledgeLabel: '知道了：{candidate} {change}',
    acknowledgedBy: '已处理（{name} {time}）',
    acknowledged: '已标记为已处理。',
    loading: '正在加载…',
    retry: '重试',
  },
  /** S4: the candidate's changes still waiting on 报名信息. */
  pending: {
    title: '待同步',
    intro: '以下变更已在本机办理，尚未得到报名中心确认，连接恢复后自动提交。',
    madeAt: '办理时间',
    change: '变更',
    state: '状态',
    waiting: '等待提交',
    retrying: '已尝试 {count} 次（{error}）',
    badge: '待同步',
    badgeHint: '尚未得到报名中心确认',
  },
}
