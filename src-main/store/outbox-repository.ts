/**
 * S1–S6: the durable outbox. An entry is added in the transaction of the local change it
 * carries; it stays `pending` (retried with the same idempotency key) until the central answers,
 * then becomes `delivered`, or `refused` with the central's code and reason, kept until staff
 * acknowledge it (S6). Entries are never deleted.
 */
import { randomUUID } from 'node:crypto'
import type { OutboxAction } from '../../src-shared/ipc/sync-views'
import type { OutboxPayload } from '../services/sync/outbox-payload'
import type { KioskDb, OutboxRow } from './schema'

export interface NewOutboxEntry {
  readonly payload: OutboxPayload
  readonly summary: string
  readonly operatorId: number | null
  readonly at: Date
}

/** Adds an entry (call inside the local change's transaction); returns its id. */
export async function enqueueChange(db: KioskDb, entry: NewOutboxEntry): Promise<number> {
  const at = entry.at.toISOString()
  const row = await db
    .insertInto('outbox')
    .values({
      candidate_id: entry.payload.candidateId,
      action: entry.payload.action,
      idempotency_key: `${entry.payload.action}:${randomUUID()}`,
      payload: JSON.stringify(entry.payload),
      summary: entry.summary,
      operator_id: entry.operatorId,
      created_at: at,
      next_attempt_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findOutboxEntry(db: KioskDb, id: number): Promise<OutboxRow | null> {
  return (await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

/** The oldest pending entry of a candidate: the only one that may be in flight (order per candidate). */
export async function oldestPending(db: KioskDb, candidateId: string): Promise<OutboxRow | null> {
  return (
    (await db
      .selectFrom('outbox')
      .selectAll()
      .where('candidate_id', '=', candidateId)
      .where('state', '=', 'pending')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()) ?? null
  )
}

/** The oldest pending entry of each of these candidates (those with one), oldest first. */
export async function oldestPendingOf(db: KioskDb, candidateIds: readonly string[]): Promise<OutboxRow[]> {
  if (candidateIds.length === 0) return []
  const heads = db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('id').as('head'))
    .where('state', '=', 'pending')
    .where('candidate_id', 'in', candidateIds)
    .groupBy('candidate_id')
  return db.selectFrom('outbox').selectAll().where('id', 'in', heads).orderBy('id').execute()
}

/** Candidates whose oldest pending entry is due at `now`, oldest first. */
export async function candidatesDue(db: KioskDb, now: Date, limit: number): Promise<string[]> {
  const heads = db
    .selectFrom('outbox')
    .select((eb) => ['candidate_id', eb.fn.min('id').as('head')])
    .where('state', '=', 'pending')
    .groupBy('candidate_id')
    .as('heads')
  const rows = await db
    .selectFrom(heads)
    .innerJoin('outbox', 'outbox.id', 'heads.head')
    .select('outbox.candidate_id')
    .where('outbox.next_attempt_at', '<=', now.toISOString())
    .orderBy('outbox.id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.candidate_id)
}

export async function listPendingForCandidate(db: KioskDb, candidateId: string): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('candidate_id', '=', candidateId).where('state', '=', 'pending').orderBy('id').execute()
}

export async function countPending(db: KioskDb): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'pending').executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function countOpenIssues(db: KioskDb): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'refused')
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** The entries answered (one statement per 500 entries). */
export async function markDelivered(db: KioskDb, ids: readonly number[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('outbox')
      .set((eb) => ({ state: 'delivered', settled_at: at.toISOString(), attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', 'in', ids.slice(i, i + 500))
      .where('state', '=', 'pending')
      .execute()
}

export interface Refusal {
  readonly code: string
  readonly message: string
  /** Set when the operator saw the refusal at the desk (online): nothing left for staff to do. */
  readonly acknowledgedBy: string | null
}

export async function markRefused(db: KioskDb, id: number, refusal: Refusal, at: Date): Promise<void> {
  const when = at.toISOString()
  await db
    .updateTable('outbox')
    .set((eb) => ({
      state: 'refused',
      settled_at: when,
      attempts: eb('attempts', '+', 1),
      refusal_code: refusal.code,
      refusal_message: refusal.message,
      acknowledged_at: refusal.acknowledgedBy === null ? null : when,
      acknowledged_by: refusal.acknowledgedBy,
    }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute()
}

/** A retryable failure: counted, and the next attempt put off (S2 backoff). */
export async function recordFailedAttempt(db: KioskDb, id: number, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, next_attempt_at: nextAttemptAt.toISOString() }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute()
}

export async function listRefused(db: KioskDb, includeAcknowledged: boolean): Promise<OutboxRow[]> {
  let query = db.selectFrom('outbox').selectAll().where('state', '=', 'refused')
  if (!includeAcknowledged) query = query.where('acknowledged_at', 'is', null)
  return query.orderBy('settled_at', 'desc').orderBy('id', 'desc').limit(500).execute()
}

export async function acknowledgeRefusal(db: KioskDb, id: number, by: string, at: Date): Promise<boolean> {
  const changed = await db
    .updateTable('outbox')
    .set({ acknowledged_at: at.toISOString(), acknowledged_by: by })
    .where('id', '=', id)
    .where('state', '=', 'refused')
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst()
  return Number(changed.numUpdatedRows) > 0
}

export type OutboxActionName = OutboxAction
