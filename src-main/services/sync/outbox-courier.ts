/**
 * S1, S2, S4, S6: delivering the outbox. Per candidate strictly in order (only the oldest
 * pending entry is in flight, under the candidate's lock); across candidates concurrently, a
 * bounded number at a time. An answer is applied and the entry settled in ONE transaction, so a
 * crash anywhere leaves either the entry pending (sent again with the same key: the central
 * returns its stored answer) or everything done. Retryable failures (no answer, timeout, 5xx,
 * a refused device token) wait with capped exponential backoff and full jitter; a final refusal
 * undoes the local change and is kept for staff (S6).
 */
import { ERROR_CODES, type ErrorCode } from '../../../src-shared/domain/result'
import type { CentralFailure } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { refreshCandidateBookings } from '../booking/booking-sync'
import {
  candidatesDue,
  findOutboxEntry,
  markDelivered,
  markRefused,
  oldestPending,
  recordFailedAttempt,
} from '../../store/outbox-repository'
import type { OutboxRow } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { backoffDelayMs, type BackoffOptions } from './backoff'
import { withCandidateLock } from './candidate-lock'
import { sendEntry, settleBookingRows, undoLocalChange } from './outbox-delivery'
import { parsePayload } from './outbox-payload'

export const DELIVERY_CONCURRENCY = 8
/** Entries one drain of a candidate may settle (a queue is short; this only bounds a run). */
const MAX_ENTRIES_PER_DRAIN = 100

export interface DrainOptions {
  /** The desk is waiting: try the head now even if its backoff has not run out. */
  readonly force?: boolean
  /** The entry the desk waits for: its refusal is shown to this operator, so it is acknowledged at once. */
  readonly seenAtDesk?: { readonly entryId: number; readonly by: string }
  readonly backoff?: BackoffOptions
}

/** S2: what may be sent again. A 401/403 is this device's credentials, not the change. */
function isRetryable(failure: CentralFailure): boolean {
  return failure.kind === 'retryable' || failure.status === 401 || failure.status === 403
}

/** For staff (待同步): why the last attempt found no answer. */
export function attemptError(failure: CentralFailure): string {
  if (failure.kind === 'final') return `报名中心拒绝本机凭证（HTTP ${failure.status}）`
  if (failure.reason === 'timeout') return '报名中心无应答（超时）'
  if (failure.reason === 'server') return `报名中心暂时故障（${failure.detail}）`
  return '网络中断'
}

const DESK_CODES: ReadonlySet<string> = new Set<string>(
  ERROR_CODES.filter((c) => !['INVALID_INPUT', 'INTERNAL', 'FORBIDDEN', 'NOT_SIGNED_IN', 'NO_VISIT'].includes(c)),
)

/** The central's code as the desk shows it: its own when the kiosk knows it, else CENTRAL_REFUSED. */
export function deskCode(code: string): ErrorCode {
  return DESK_CODES.has(code) ? (code as ErrorCode) : 'CENTRAL_REFUSED'
}

type Settled = 'delivered' | 'refused' | 'pending'

async function deliverOne(ctx: ServiceContext, row: OutboxRow, options: DrainOptions): Promise<Settled> {
  const sent = await sendEntry(ctx, row)
  const at = ctx.clock()
  if (sent.kind === 'answer') {
    await ctx.db.transaction().execute(async (trx) => {
      await sent.apply(trx, at)
      await settleBookingRows(trx, parsePayload(row.payload))
      await markDelivered(trx, row.id, at)
    })
    return 'delivered'
  }
  let code: string
  let message: string
  if (sent.kind === 'failure') {
    const failure = sent.result.failure
    if (isRetryable(failure)) {
      const next = new Date(at.getTime() + backoffDelayMs(row.attempts + 1, options.backoff))
      await recordFailedAttempt(ctx.db, row.id, attemptError(failure), next)
      return 'pending'
    }
    if (failure.kind !== 'final') return 'pending'
    code = failure.code
    message = failure.message
  } else {
    code = sent.code
    message = sent.message
  }
  const payload = parsePayload(row.payload)
  await ctx.db.transaction().execute(async (trx) => {
    await undoLocalChange(trx, payload, at)
    await markRefused(trx, row.id, { code, message, acknowledgedBy: options.seenAtDesk?.entryId === row.id ? options.seenAtDesk.by : null }, at)
    await appendAudit(trx, {
      at,
      operatorId: row.operator_id,
      candidateId: row.candidate_id,
      action: payload.action === 'booking.score-report' ? 'score-report.save' : payload.action,
      outcome: 'refused',
      detail: `outbox #${row.id}: central ${code}`,
    })
  })
  ctx.logger.warn(`outbox #${row.id} (${row.action}) refused by the central: ${code}`)
  // S6: the central's answer stands; learn what it holds for the candidate instead.
  if (payload.action === 'booking.create') await refreshCandidateBookings(ctx, row.candidate_id)
  return 'refused'
}

/**
 * Delivers the candidate's pending entries oldest first, stopping at the first that finds no
 * answer (order per candidate). Without `force`, a head still in its backoff is left alone.
 */
export function drainCandidate(ctx: ServiceContext, candidateId: string, options: DrainOptions = {}): Promise<void> {
  return withCandidateLock(ctx.db, candidateId, async () => {
    for (let i = 0; i < MAX_ENTRIES_PER_DRAIN; i++) {
      const head = await oldestPending(ctx.db, candidateId)
      if (head === null) return
      if (options.force !== true && Date.parse(head.next_attempt_at) > ctx.clock().getTime()) return
      if ((await deliverOne(ctx, head, options)) === 'pending') return
    }
  })
}

/** The scheduler's pass: every candidate whose head is due, DELIVERY_CONCURRENCY at a time. */
export async function drainOutbox(ctx: ServiceContext, options: DrainOptions = {}): Promise<void> {
  const due = await candidatesDue(ctx.db, options.force === true ? new Date('9999-12-31T00:00:00.000Z') : ctx.clock(), 10_000)
  let next = 0
  const worker = async () => {
    while (next < due.length) {
      const candidateId = due[next++]!
      await drainCandidate(ctx, candidateId, options)
    }
  }
  await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, due.length) }, worker))
}

/** The desk's wait for one entry: deliver the candidate's queue up to it now, then read its state. */
export async function deliverNow(ctx: ServiceContext, entryId: number, operatorName: string): Promise<OutboxRow> {
  const row = await findOutboxEntry(ctx.db, entryId)
  if (row === null) throw new Error(`outbox entry ${entryId} vanished`)
  await drainCandidate(ctx, row.candidate_id, { force: true, seenAtDesk: { entryId, by: operatorName } })
  return (await findOutboxEntry(ctx.db, entryId)) ?? row
}
