/** `agreement.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/agreement.ts in step. */
export default {
  title: '报名协议 & 诚信承诺书',
  fullText: '报名协议及诚信承诺书全文',
  agreementHeading: '报名协议',
  pledgeHeading: '诚信承诺书',
  originalOnly: '',
  pledgeIntro: '本人自愿参加全国大学英语四、六级考试，现郑重承诺：',
  numerals: '一,二,三,四,五,六,七,八,九,十',
  pledgeItem: '{number}、{text}',
  accept: '我已阅读并接受遵守报名协议及诚信承诺书',
  checkHint: '请勾选接受',
  decline: '不同意',
  agree: '同意',
}
