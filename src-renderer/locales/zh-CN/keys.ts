/** `keys.*` messages in zh-CN, the seeds' exact wording. Owner: KEYS. Keep en/keys.ts in step. */
export default {
  dialog: {
    title: '提示',
    ok: '确定',
    cancel: '取消',
  },
  scan: {
    label: '刷证',
    placeholder: '将证件放在读卡器上或扫描条码',
    hint: '读卡器或扫描枪读到证件后，自动填写证件类型、证件号码和姓名。',
    filled: '已读取证件：{idType}，{name}。请核对后按 Enter 查询。',
    secondLine: '已读取护照机读码第一行，请继续读取第二行。',
  },
  legend: {
    label: '快捷键',
    enter: '提交',
    esc: '关闭对话框',
    tab: '下一项',
  },
}
