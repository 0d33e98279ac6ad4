/** `home.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/home.ts in step. */
export default {
  title: '欢迎使用CET报名服务台',
  basicInfo: '基本信息',
  examName: '考试名称',
  registrationPeriod: '报名时间',
  notSet: '未设置',
  flow: '报名流程',
  stepAgreement: '报名协议',
  stepLookup: '资格验证',
  stepConfirm: '资格确认',
  stepWritten: '笔试报名缴费',
  stepOral: '口试报名缴费',
  stepDone: '报名成功',
  visitOpen: '当前考生的报名尚未结束。',
  resume: '继续当前考生',
  start: '开始报名',
}
