/** Display formats shared by the screens, in the exam authority's time zone (UTC+8). */
import { t } from './i18n'
import { subjectName } from './labels'

const dateTimeParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "2026-08-30 10:54", as the seeds write times. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = dateTimeParts.formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** "(12001)南开大学", the seeds' way of naming a school or campus. */
export function codeAndName(item: { code: string; name: string }): string {
  return `(${item.code})${item.name}`
}

/** 资格科目: names joined by "；", or "无" when there are none (E3). */
export function eligibleSubjectsText(subjects: readonly { code: string; name: string }[]): string {
  return subjects.length === 0 ? t('labels.none') : subjects.map(subjectName).join(t('labels.listSeparator'))
}
