/**
 * S1, S2, S4, S6: delivering the outbox. Per candidate strictly in order (only the oldest
 * pending entry is in flight, under the candidate's lock); across candidates in batches (one
 * /v1/batch request carries the head entries of many candidates; the desk's wait sends one entry
 * alone). An answer is applied and its entry settled in the same transaction (a batch's answers
 * all in one), so a crash anywhere leaves either the entries pending (sent again with the same
 * keys: the central returns its stored answers) or everything done. Retryable failures (no answer, timeout, 5xx,
 * a refused device token) wait with capped exponential backoff and full jitter; a final refusal
 * undoes the local change and is kept for staff (S6).
 */
import { ERROR_CODES, type ErrorCode } from '../../../src-shared/domain/result'
import type { BatchResults } from '../../central/central-client'
import { describeFailure, type CentralFailure, type CentralResult } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { transactionWithConnection } from '../../store/open-database'
import { refreshCandidateBookings } from '../booking/booking-sync'
import {
  candidatesDue,
  findOutboxEntry,
  markDelivered,
  markRefused,
  oldestPending,
  oldestPendingOf,
  recordFailedAttempt,
} from '../../store/outbox-repository'
import type { KioskDb, OutboxRow } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { backoffDelayMs, type BackoffOptions } from './backoff'
import { withCandidateLock, withCandidateLocks } from './candidate-lock'
import {
  prepareEntry,
  sendEntry,
  sendPrepared,
  settleBookingRows,
  SharedWrites,
  undoLocalChange,
  type Prepared,
  type Sent,
} from './outbox-delivery'
import { parsePayload, type OutboxPayload } from './outbox-payload'

/** Head entries (one per candidate) sent in one /v1/batch request. */
export const BATCH_SIZE = 250
/** Batches the scheduler's pass keeps in flight at once. */
export const BATCHES_IN_FLIGHT = 2
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

interface Outcome {
  readonly row: OutboxRow
  readonly sent: Sent
}

/** After the settling transaction: the candidate's refused booking answered by what the central holds. */
interface Refused {
  readonly row: OutboxRow
  readonly code: string
  readonly payload: OutboxPayload
}

/** One entry's answer in the caller's transaction: applied and settled, put off, or undone (S6). */
async function settleOne(trx: KioskDb, { row, sent }: Outcome, at: Date, options: DrainOptions, refused: Refused[], shared: SharedWrites): Promise<Settled> {
  if (sent.kind === 'answer') {
    await sent.apply(trx, at, shared)
    await settleBookingRows(trx, parsePayload(row.payload))
    return 'delivered'
  }
  let code: string
  let message: string
  if (sent.kind === 'failure') {
    const failure = sent.result.failure
    if (isRetryable(failure)) {
      const next = new Date(at.getTime() + backoffDelayMs(row.attempts + 1, options.backoff))
      await recordFailedAttempt(trx, row.id, attemptError(failure), next)
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
  refused.push({ row, code, payload })
  return 'refused'
}

/** Settles the entries in the caller's transaction; the writes their answers share go last. */
async function settleTogether(trx: KioskDb, outcomes: readonly Outcome[], at: Date, options: DrainOptions, refused: Refused[]): Promise<Settled[]> {
  const shared = new SharedWrites()
  const states: Settled[] = []
  for (const outcome of outcomes) states.push(await settleOne(trx, outcome, at, options, refused, shared))
  await shared.flush(trx, at)
  await markDelivered(
    trx,
    outcomes.flatMap((o, i) => (states[i] === 'delivered' ? [o.row.id] : [])),
    at,
  )
  return states
}

/**
 * S1, S2, S6: applies every answer and settles every entry in ONE local transaction (a crash
 * before its commit leaves them all pending: sent again, the central replays its stored
 * answers). Should that transaction fail, each entry is settled in a transaction of its own so
 * one entry cannot hold back the others.
 */
async function settle(ctx: ServiceContext, outcomes: readonly Outcome[], options: DrainOptions): Promise<Settled[]> {
  if (outcomes.length === 0) return []
  const at = ctx.clock()
  const refused: Refused[] = []
  let states: Settled[]
  const inOneTransaction = (trx: KioskDb, some: readonly Outcome[]) => settleTogether(trx, some, at, options, refused)
  try {
    states = await transactionWithConnection(ctx.db, (trx) => inOneTransaction(trx, outcomes))
  } catch (error) {
    if (outcomes.length === 1) throw error
    ctx.logger.warn(`outbox: settling ${outcomes.length} answers together failed, settling one by one: ${String(error)}`)
    refused.length = 0
    states = []
    for (const outcome of outcomes) states.push(...(await transactionWithConnection(ctx.db, (trx) => inOneTransaction(trx, [outcome]))))
  }
  for (const { row, code, payload } of refused) {
    ctx.logger.warn(`outbox #${row.id} (${row.action}) refused by the central: ${code}`)
    // S6: the central's answer stands; learn what it holds for the candidate instead.
    if (payload.action === 'booking.create') await refreshCandidateBookings(ctx, row.candidate_id)
  }
  return states
}

async function deliverOne(ctx: ServiceContext, row: OutboxRow, options: DrainOptions): Promise<Settled> {
  const sent = await sendEntry(ctx, row)
  const [state] = await settle(ctx, [{ row, sent }], options)
  return state!
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

/**
 * S1, S2, S4: the head entries of these candidates (each candidate's oldest pending one, due)
 * sent as ONE batch under all their locks, and settled in one transaction. A batch that finds no
 * answer leaves every entry in it pending (backoff as alone); a central that refuses the batch
 * itself (e.g. one without /v1/batch) gets each entry alone. Returns the candidates that found no
 * answer (not to be tried again in this pass).
 */
function deliverHeads(ctx: ServiceContext, candidateIds: readonly string[], options: DrainOptions): Promise<string[]> {
  return withCandidateLocks(ctx.db, candidateIds, async () => {
    const now = ctx.clock().getTime()
    const heads = (await oldestPendingOf(ctx.db, candidateIds)).filter(
      (head) => options.force === true || Date.parse(head.next_attempt_at) <= now,
    )
    const entries: { row: OutboxRow; prepared: Prepared }[] = []
    for (const row of heads) entries.push({ row, prepared: await prepareEntry(ctx, row) })
    const calls = entries.flatMap((e) => (e.prepared.kind === 'call' ? [e.prepared] : []))
    const answered: CentralResult<BatchResults> = calls.length === 0 ? { ok: true, value: [] } : await ctx.central.batch(calls.map((c) => c.call))
    const outcomes: Outcome[] = []
    let k = 0
    for (const { row, prepared } of entries) {
      if (prepared.kind === 'dependent') {
        outcomes.push({ row, sent: prepared })
        continue
      }
      const i = k++
      if (answered.ok) {
        outcomes.push({ row, sent: prepared.interpret(answered.value[i]!) })
      } else if (isRetryable(answered.failure)) {
        outcomes.push({ row, sent: prepared.interpret(answered) })
      } else {
        ctx.logger.warn(`outbox: the central refused a batch (${describeFailure(answered.failure)}); sending alone`)
        outcomes.push({ row, sent: await sendPrepared(ctx, prepared) })
      }
    }
    const states = await settle(ctx, outcomes, options)
    return outcomes.flatMap((o, i) => (states[i] === 'pending' ? [o.row.candidate_id] : []))
  })
}

/**
 * The scheduler's pass: the heads of every candidate whose head is due go out in batches of
 * BATCH_SIZE, BATCHES_IN_FLIGHT at a time; then the next heads, until every candidate's queue is
 * empty, waiting out a backoff, or found no answer in this pass.
 */
export async function drainOutbox(ctx: ServiceContext, options: DrainOptions = {}): Promise<void> {
  const horizon = options.force === true ? new Date('9999-12-31T00:00:00.000Z') : undefined
  const stopped = new Set<string>()
  for (let round = 0; round < MAX_ENTRIES_PER_DRAIN; round++) {
    const due = (await candidatesDue(ctx.db, horizon ?? ctx.clock(), 10_000)).filter((c) => !stopped.has(c))
    if (due.length === 0) return
    const batches: string[][] = []
    for (let i = 0; i < due.length; i += BATCH_SIZE) batches.push(due.slice(i, i + BATCH_SIZE))
    let next = 0
    const worker = async () => {
      while (next < batches.length) for (const c of await deliverHeads(ctx, batches[next++]!, options)) stopped.add(c)
    }
    await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker))
  }
}

/** The desk's wait for one entry: deliver the candidate's queue up to it now, then read its state. */
export async function deliverNow(ctx: ServiceContext, entryId: number, operatorName: string): Promise<OutboxRow> {
  const row = await findOutboxEntry(ctx.db, entryId)
  if (row === null) throw new Error(`outbox entry ${entryId} vanished`)
  await drainCandidate(ctx, row.candidate_id, { force: true, seenAtDesk: { entryId, by: operatorName } })
  return (await findOutboxEntry(ctx.db, entryId)) ?? row
}
