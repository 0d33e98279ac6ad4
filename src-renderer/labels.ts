/**
 * Names main sends in Chinese that the renderer can translate because they are codes or closed
 * sets: subjects by code, contract enum values (证件类型, 性别 …). zh-CN shows main's text as it
 * is (the authority's words); English shows `labels.*` when it knows the value, else main's text.
 */
import { SUBJECTS } from '../src-shared/domain/subjects'
import type { ReasonRefView } from '../src-shared/ipc/booking-views'
import { currentLocale, DEFAULT_LOCALE, i18n, t } from './i18n'

export type LabelGroup = 'idType' | 'gender' | 'writtenGroup' | 'summaryStatus' | 'seats' | 'waitlist' | 'scoreReport' | 'cancelReason' | 'remark' | 'educationLevel'

function translated(key: string, fallback: string): string {
  if (currentLocale() === DEFAULT_LOCALE) return fallback
  return i18n.global.te(key) ? t(key) : fallback
}

/** A subject's name in the current locale, e.g. 英语四级笔试 / CET-4 written. */
export function subjectName(subject: { readonly code: string; readonly name: string }): string {
  return translated(`labels.subject.${subject.code}`, subject.name)
}

/** A subject main names without its code (e.g. 确认报考信息's rows). */
export function subjectNameText(name: string): string {
  const subject = SUBJECTS.find((s) => s.name === name)
  return subject ? subjectName(subject) : name
}

/** "(1)英语四级笔试", the seeds' way of naming a subject with its code. */
export function subjectWithCode(subject: { readonly code: string; readonly name: string }): string {
  return `(${subject.code})${subjectName(subject)}`
}

/** Main's own text in zh-CN; in English the `key` message when there is one. */
export function localized(key: string, mainText: string): string {
  return translated(key, mainText)
}

/**
 * A refusal from main in the current locale: main's sentence (Chinese, the seeds' words) in
 * zh-CN; in English the rule's reason when main gave one (`reasons.<code>` with its subjects),
 * else the `errors.<CODE>` message, else main's sentence.
 */
export function errorText(error: { readonly code: string; readonly message: string; readonly reason?: ReasonRefView }): string {
  if (currentLocale() === DEFAULT_LOCALE) return error.message
  const byCode = translated(`errors.${error.code}`, error.message)
  return error.reason === undefined ? byCode : reasonSentence(error.reason, byCode)
}

/**
 * Main's reason for a no (B1–B5, W1, P1) in the current locale: main's sentence in zh-CN; in
 * English `reasons.<code>` with the subjects it names translated, when main gave a code, else
 * main's sentence. Null when there is no reason.
 */
export function reasonLabel(answer: { readonly reason: string | null; readonly reasonRef?: ReasonRefView }): string | null {
  const ref = answer.reasonRef
  if (answer.reason === null || ref === undefined || currentLocale() === DEFAULT_LOCALE) return answer.reason
  return reasonSentence(ref, answer.reason)
}

/** `reasons.<code>` with the subjects it names translated; `fallback` when English has no such reason. */
function reasonSentence(ref: ReasonRefView, fallback: string): string {
  const key = `reasons.${ref.code}`
  if (!i18n.global.te(key)) return fallback
  const named = (code: string | undefined) => (code === undefined ? '' : subjectName({ code, name: SUBJECTS.find((s) => s.code === code)?.name ?? code }))
  return t(key, { subject: named(ref.subject), other: named(ref.other) })
}

/** A value of one of the contract's closed Chinese sets, e.g. 护照 / Passport. */
export function enumLabel(group: LabelGroup, value: string): string {
  return translated(`labels.${group}.${value}`, value)
}
