/** GET /v1/exam-session: the current 考次 and its registration period. */
import type { CurrentExamSession } from '../current-exam-session'
import { answer, notFound } from '../reply'
import { defineRoute, type Route } from '../route'

export function examSessionRoutes(currentExamSession: CurrentExamSession): Route[] {
  return [
    defineRoute('getExamSession', () => {
      const examSession = currentExamSession()
      return examSession ? answer({ examSession }) : notFound('中心服务尚未设置当前考次。')
    }),
  ]
}
