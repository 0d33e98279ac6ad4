/** The subjects of a CET exam session (SPEC §2). Codes are the exam authority's. */
export type SubjectKind = 'written' | 'oral'
export type SubjectLanguage = 'en' | 'ja' | 'de' | 'ru' | 'fr'
export type SubjectLevel = 4 | 6

export interface Subject {
  readonly code: string
  readonly name: string
  readonly language: SubjectLanguage
  readonly level: SubjectLevel
  readonly kind: SubjectKind
}

export const SUBJECTS: readonly Subject[] = [
  { code: '1', name: '英语四级笔试', language: 'en', level: 4, kind: 'written' },
  { code: '2', name: '英语六级笔试', language: 'en', level: 6, kind: 'written' },
  { code: '3', name: '日语四级笔试', language: 'ja', level: 4, kind: 'written' },
  { code: '4', name: '日语六级笔试', language: 'ja', level: 6, kind: 'written' },
  { code: '5', name: '德语四级笔试', language: 'de', level: 4, kind: 'written' },
  { code: '6', name: '德语六级笔试', language: 'de', level: 6, kind: 'written' },
  { code: '7', name: '俄语四级笔试', language: 'ru', level: 4, kind: 'written' },
  { code: '8', name: '俄语六级笔试', language: 'ru', level: 6, kind: 'written' },
  { code: '9', name: '法语四级笔试', language: 'fr', level: 4, kind: 'written' },
  { code: '10', name: '法语六级笔试', language: 'fr', level: 6, kind: 'written' },
  { code: 'F', name: '英语四级口试', language: 'en', level: 4, kind: 'oral' },
  { code: 'S', name: '英语六级口试', language: 'en', level: 6, kind: 'oral' },
]

const byCode = new Map(SUBJECTS.map((s) => [s.code, s]))

export const SUBJECT_CODES = SUBJECTS.map((s) => s.code)

export function findSubject(code: string): Subject | undefined {
  return byCode.get(code)
}

/** English written subjects are listed under 英语笔试, the others under 小语种笔试 (SPEC §2). */
export function writtenGroup(subject: Subject): '英语笔试' | '小语种笔试' {
  return subject.language === 'en' ? '英语笔试' : '小语种笔试'
}

/** The seeds write 资格科目 as names joined by "；", and "无" when there are none. */
export function formatEligibleSubjects(codes: readonly string[]): string {
  if (codes.length === 0) return '无'
  return codes.map((c) => findSubject(c)?.name ?? c).join('；')
}
