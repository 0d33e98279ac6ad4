/**
 * S1, S2: one change sent to the central. Its idempotency key is written before it is sent; a
 * lost answer leaves the key open so the retry reuses it and the central answers it once. Only
 * the central's yes counts as done (S1): no answer is CENTRAL_UNAVAILABLE and changes nothing;
 * a refusal keeps the central's code (NO_SEATS, LEVEL_TAKEN, …) and its one-sentence message,
 * and is written to the audit log.
 */
import { ERROR_CODES, fail, ok, type ErrorCode, type Result } from '../../../src-shared/domain/result'
import type { CentralResult } from '../../central/central-failure'
import { describeFailure } from '../../central/central-failure'
import { appendAudit, type AuditAction } from '../../store/audit-repository'
import { idempotencyKeyFor, settleIdempotencyKey, type ChangeRef } from '../../store/central-request-repository'
import type { ServiceContext } from '../service-context'

export const CENTRAL_UNAVAILABLE_MESSAGE = '与报名中心的连接已中断，本次操作未完成，请稍后重试。'

/** Central codes that mean the same to a candidate at the kiosk; others become CENTRAL_REFUSED. */
const PASSED_THROUGH: ReadonlySet<string> = new Set<string>(
  ERROR_CODES.filter((c) => !['INVALID_INPUT', 'INTERNAL', 'FORBIDDEN', 'NOT_SIGNED_IN', 'NO_VISIT'].includes(c)),
)

export interface ChangeAudit {
  readonly operatorId: number
  readonly action: AuditAction
}

export async function sendChange<T>(
  ctx: ServiceContext,
  ref: ChangeRef,
  audit: ChangeAudit,
  send: (idempotencyKey: string) => Promise<CentralResult<T>>,
): Promise<Result<T>> {
  const key = await idempotencyKeyFor(ctx.db, ref, ctx.clock())
  const answer = await send(key)
  if (answer.ok) {
    await settleIdempotencyKey(ctx.db, key, ctx.clock())
    return ok(answer.value)
  }
  const failure = answer.failure
  if (failure.kind === 'retryable') {
    ctx.logger.warn(`${audit.action} not done: ${describeFailure(failure)}`)
    return fail('CENTRAL_UNAVAILABLE', CENTRAL_UNAVAILABLE_MESSAGE)
  }
  await settleIdempotencyKey(ctx.db, key, ctx.clock())
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: audit.operatorId,
    candidateId: ref.candidateId,
    action: audit.action,
    outcome: 'refused',
    detail: `central ${failure.status} ${failure.code}`,
  })
  const code: ErrorCode = PASSED_THROUGH.has(failure.code) ? (failure.code as ErrorCode) : 'CENTRAL_REFUSED'
  return fail(code, failure.message)
}
