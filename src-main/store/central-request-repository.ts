/**
 * S2: the idempotency key of each change sent to the central is written before it is sent. A
 * retry of the same change (same action, candidate and target) while the first is unsettled
 * reuses the key, so the central answers it once; once the central has answered, the key is
 * settled and the next change of the same kind gets a fresh one.
 */
import { randomUUID } from 'node:crypto'
import type { KioskDb } from './schema'

export interface ChangeRef {
  readonly action: string
  readonly candidateId: string
  /** What the change is about, e.g. the sorted offering ids: the same target, the same request. */
  readonly target: string
}

export async function idempotencyKeyFor(db: KioskDb, ref: ChangeRef, at: Date): Promise<string> {
  const open = await db
    .selectFrom('central_requests')
    .select('idempotency_key')
    .where('action', '=', ref.action)
    .where('candidate_id', '=', ref.candidateId)
    .where('target', '=', ref.target)
    .where('settled_at', 'is', null)
    .executeTakeFirst()
  if (open !== undefined) return open.idempotency_key
  const key = `${ref.action}:${randomUUID()}`
  await db
    .insertInto('central_requests')
    .values({ idempotency_key: key, action: ref.action, candidate_id: ref.candidateId, target: ref.target, created_at: at.toISOString() })
    .execute()
  return key
}

/** The central answered (yes or a final no): the next change of the same kind is a new one. */
export async function settleIdempotencyKey(db: KioskDb, key: string, at: Date): Promise<void> {
  await db.updateTable('central_requests').set({ settled_at: at.toISOString() }).where('idempotency_key', '=', key).execute()
}
