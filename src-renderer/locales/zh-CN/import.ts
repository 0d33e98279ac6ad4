/** `import.*` messages in zh-CN, the seeds' exact wording. Owner: IMPORT. Keep en/import.ts in step. */
export default {
  title: '数据导入',
  intro: '导入考生名单或报考科目信息（CSV文件，第1行为列名），或从报名中心下载本机学校的考生名单。每一行都按规则检查；只要有一行不符合要求，本次导入不保存任何记录。',
  what: {
    legend: '导入内容',
    roster: '考生名单',
    offerings: '报考科目信息',
  },
  source: {
    legend: '数据来源',
    file: '本机文件',
    text: '粘贴内容（少量记录）',
    central: '从报名中心下载',
  },
  path: '文件路径',
  pathExample: '例如 /home/kiosk/roster.csv',
  text: 'CSV内容',
  centralNote: '按页下载本机学校的全部考生名单，每条记录都按规则检查，全部通过后一次保存。',
  start: '开始导入',
  progress: {
    title: '导入进度',
    label: '导入进度',
    summary: '{percent}% · 已处理 {rows} 行 · {rate} 行/秒',
    summaryUnknown: '已处理 {rows} 条 · {rate} 条/秒',
    timeLeft: ' · 剩余时间 {time}',
    estimating: '正在估算',
    unknownTotal: ' · 报名中心未提供总数，无法估算剩余时间',
    seconds: '约{seconds}秒',
    minutes: '约{minutes}分{seconds}秒',
  },
  downloadReport: '下载错误报告',
}
