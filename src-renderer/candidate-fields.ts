/** The labelled fields of a candidate as the seeds lay them out (E3). */
import type { RevealableField } from '../src-shared/domain/masking'
import type { CandidateView } from '../src-shared/ipc/contract'
import { codeAndName, eligibleSubjectsText } from './format'
import { t } from './i18n'
import { enumLabel } from './labels'

export interface Field {
  label: string
  value: string
  /** Takes a whole table row. */
  wide?: boolean
  /** K3: the value is masked; 显示 reveals this field of the visit's candidate. */
  reveal?: RevealableField
}

export function personFields(c: CandidateView): Field[] {
  return [
    { label: t('labels.field.name'), value: c.name },
    { label: t('labels.field.gender'), value: enumLabel('gender', c.gender) },
    { label: t('labels.field.idType'), value: enumLabel('idType', c.idType) },
    { label: t('labels.field.idNumber'), value: c.idNumber, reveal: 'idNumber' },
  ]
}

export function schoolFields(c: CandidateView): Field[] {
  return [
    { label: t('labels.field.school'), value: codeAndName(c.school), wide: true },
    { label: t('labels.field.campus'), value: codeAndName(c.campus), wide: true },
  ]
}

export function eligibleSubjectsField(c: CandidateView): Field {
  return { label: t('labels.field.eligibleSubjects'), value: eligibleSubjectsText(c.eligibleSubjects), wide: true }
}

export function studentRecordFields(c: CandidateView): Field[] {
  return [
    { label: t('labels.field.educationLevel'), value: enumLabel('educationLevel', c.educationLevel) },
    { label: t('labels.field.schoolingYears'), value: String(c.schoolingYears) },
    { label: t('labels.field.enrollmentYear'), value: c.enrollmentYear },
    { label: t('labels.field.grade'), value: c.grade },
    { label: t('labels.field.department'), value: c.department },
    { label: t('labels.field.major'), value: c.major },
    { label: t('labels.field.className'), value: c.className },
    { label: t('labels.field.studentNumber'), value: c.studentNumber },
    { label: t('labels.field.remarks'), value: c.remarks, wide: true },
  ]
}
