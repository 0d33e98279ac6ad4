/** `capacity.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/capacity.ts in step. */
export default {
  raised: '{subject}（{campus}）容量已调整为{capacity}。',
  title: '容量管理',
  intro: '调高容量后，新增考位按候补提交先后依次分配给正在候补的考生（候补成功后须在24小时内支付）。',
  subject: '科目',
  school: '学校',
  campus: '校区',
  capacity: '容量',
  seatsLeft: '剩余容量',
  waiting: '正在候补',
  raise: '调整容量',
  newCapacity: '{subject} {campus} 新容量',
}
