/**
 * The info page needs the registration's exam session. It normally arrives with the catalog
 * sync; if the kiosk has not synced yet (offline at start-up), it is fetched on demand.
 */
import { findExamSession, saveCurrentExamSession } from '../store/exam-session-repository'
import type { ServiceContext } from './service-context'

export async function ensureExamSession(ctx: ServiceContext, examSessionId: string): Promise<void> {
  if ((await findExamSession(ctx.db, examSessionId)) !== null) return
  const answer = await ctx.central.getExamSession()
  if (answer.ok) await saveCurrentExamSession(ctx.db, answer.value.examSession, ctx.clock())
}
