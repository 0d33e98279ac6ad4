/**
 * Printing the page on screen (报名回执, 日报表). Main decides who may print what and audits it
 * (K1); the printing itself is the shell's: the Electron handler opens the print dialog of the
 * sender's own window (webContents.print) and answers `app`; the headless host has no printer of
 * its own, so the answer here is `browser` and the page calls window.print().
 */
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { PrintAnswer, PrintableDocument } from '../../src-shared/ipc/receipt-views'
import { appendAudit } from '../store/audit-repository'
import { requireOperator } from './desk-guards'
import type { ServiceContext } from './service-context'
import { requireSupervisor } from './supervisor-guard'

export const NO_CANDIDATE_TO_PRINT_MESSAGE = '当前没有正在办理的考生，无法打印报名回执。'

/** K1, K2: a receipt needs the desk's candidate; the day report a supervisor. */
export function checkMayPrint(ctx: ServiceContext, document: PrintableDocument): Result<{ operatorId: number; candidateId: string | null }> {
  if (document === 'dayReport') {
    const supervisor = requireSupervisor(ctx.desk)
    return supervisor.ok ? ok({ operatorId: supervisor.value.id, candidateId: null }) : supervisor
  }
  const operator = requireOperator(ctx.desk)
  if (!operator.ok) return operator
  const candidateId = ctx.desk.visit?.candidateId ?? null
  if (candidateId === null) return fail('NOT_FOUND', NO_CANDIDATE_TO_PRINT_MESSAGE)
  return ok({ operatorId: operator.value.id, candidateId })
}

export async function printDocument(ctx: ServiceContext, input: { document: PrintableDocument }): Promise<Result<PrintAnswer>> {
  const allowed = checkMayPrint(ctx, input.document)
  if (!allowed.ok) return allowed
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: allowed.value.operatorId,
    candidateId: allowed.value.candidateId,
    action: 'document.print',
    outcome: 'ok',
    detail: input.document,
  })
  return ok({ printedBy: 'browser' })
}
