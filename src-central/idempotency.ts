/**
 * S2: the first answer to each (kiosk, Idempotency-Key) is stored in the same transaction as the
 * change it made. The same key with the same request gets that answer again, verbatim (errors
 * included); the same key with a different request is refused. Requests refused before a route
 * ran (malformed body, missing key) are not stored, so a corrected retry may reuse the key.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { HttpReply } from './reply'

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200

export interface StoredAnswer {
  readonly requestHash: string
  readonly status: number
  readonly body: string
}

export interface IdempotencyStore {
  find(kioskId: string, key: string): StoredAnswer | undefined
  save(kioskId: string, key: string, requestHash: string, reply: HttpReply, now: Date): void
}

/** sha256 of method, path (with query) and the raw body bytes the kiosk sent. */
export function requestHash(method: string, pathWithQuery: string, rawBody: string): string {
  return createHash('sha256').update(`${method}\n${pathWithQuery}\n${rawBody}`, 'utf8').digest('hex')
}

export function idempotencyStore(db: Database): IdempotencyStore {
  const find = db.prepare<[string, string], { request_hash: string; status: number; response_body: string }>(
    `SELECT request_hash, status, response_body FROM idempotency_keys WHERE kiosk_id = ? AND idempotency_key = ?`,
  )
  const save = db.prepare<[string, string, string, number, string, string]>(
    `INSERT INTO idempotency_keys (kiosk_id, idempotency_key, request_hash, status, response_body, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  return {
    find(kioskId, key) {
      const row = find.get(kioskId, key)
      return row && { requestHash: row.request_hash, status: row.status, body: row.response_body }
    },
    save(kioskId, key, hash, reply, now) {
      save.run(kioskId, key, hash, reply.status, reply.body, now.toISOString())
    },
  }
}
