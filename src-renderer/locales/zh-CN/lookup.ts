/** `lookup.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/lookup.ts in step. */
export default {
  title: '资格信息查询',
  idType: '证件类型',
  idNumber: '证件号码',
  name: '姓名',
  choose: '- 请选择 -',
  idTypeRequired: '请选择证件类型',
  idNumberRequired: '请输入证件号码',
  nameRequired: '请输入姓名',
  idNumberPlaceholder: '请输入证件号码',
  namePlaceholder: '请输入姓名',
  submit: '查询',
}
