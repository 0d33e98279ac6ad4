/** The labelled fields of a candidate as the seeds lay them out (E3). */
import type { RevealableField } from '../src-shared/domain/masking'
import type { CandidateView } from '../src-shared/ipc/contract'
import { codeAndName, eligibleSubjectsText } from './format'

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
    { label: '姓名', value: c.name },
    { label: '性别', value: c.gender },
    { label: '证件类型', value: c.idType },
    { label: '证件号码', value: c.idNumber, reveal: 'idNumber' },
  ]
}

export function schoolFields(c: CandidateView): Field[] {
  return [
    { label: '笔试报名学校', value: codeAndName(c.school), wide: true },
    { label: '笔试报名校区', value: codeAndName(c.campus), wide: true },
  ]
}

export function eligibleSubjectsField(c: CandidateView): Field {
  return { label: '资格科目', value: eligibleSubjectsText(c.eligibleSubjects), wide: true }
}

export function studentRecordFields(c: CandidateView): Field[] {
  return [
    { label: '学历', value: c.educationLevel },
    { label: '学制', value: String(c.schoolingYears) },
    { label: '入学年份', value: c.enrollmentYear },
    { label: '年级', value: c.grade },
    { label: '院系', value: c.department },
    { label: '专业', value: c.major },
    { label: '班级', value: c.className },
    { label: '学号', value: c.studentNumber },
    { label: '备注', value: c.remarks, wide: true },
  ]
}
