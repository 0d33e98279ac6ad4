/**
 * Kiosk devices and their bearer tokens. Only the sha256 of a token is stored, so a copy of the
 * database cannot be used to impersonate a kiosk. Re-issuing a token for a kiosk replaces the
 * old one (and lifts a revocation); its idempotency keys stay, since they belong to the kiosk.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'

export interface Device {
  readonly kioskId: string
  readonly schoolCodes: readonly string[]
  /** The same codes as a JSON array, for `IN (SELECT value FROM json_each(?))`. */
  readonly schoolCodesJson: string
}

export type DeviceAuthentication =
  | { readonly ok: true; readonly device: Device }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' }

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function issueDeviceToken(db: Database, kioskId: string, schoolCodes: readonly string[], now: Date): string {
  if (kioskId.trim() === '') throw new Error('kiosk id must not be empty')
  if (schoolCodes.length === 0 || schoolCodes.some((c) => c.trim() === ''))
    throw new Error('a device needs at least one school code')
  const token = randomBytes(32).toString('base64url')
  db.prepare(
    `INSERT INTO devices (kiosk_id, token_hash, school_codes, revoked, issued_at, revoked_at)
     VALUES (?, ?, ?, 0, ?, NULL)
     ON CONFLICT (kiosk_id) DO UPDATE SET token_hash = excluded.token_hash, school_codes = excluded.school_codes,
       revoked = 0, issued_at = excluded.issued_at, revoked_at = NULL`,
  ).run(kioskId, hashToken(token), JSON.stringify([...new Set(schoolCodes.map((c) => c.trim()))]), now.toISOString())
  return token
}

export function revokeDevice(db: Database, kioskId: string, now: Date): boolean {
  const result = db
    .prepare(`UPDATE devices SET revoked = 1, revoked_at = ? WHERE kiosk_id = ? AND revoked = 0`)
    .run(now.toISOString(), kioskId)
  return result.changes > 0
}

/** The statement is prepared once per database: this runs on every request. */
export function deviceAuthenticator(db: Database): (token: string) => DeviceAuthentication {
  const find = db.prepare<[string], { kiosk_id: string; school_codes: string; revoked: number }>(
    `SELECT kiosk_id, school_codes, revoked FROM devices WHERE token_hash = ?`,
  )
  return (token) => {
    const row = find.get(hashToken(token))
    if (!row) return { ok: false, reason: 'unknown' }
    if (row.revoked !== 0) return { ok: false, reason: 'revoked' }
    const schoolCodes = JSON.parse(row.school_codes) as string[]
    return { ok: true, device: { kioskId: row.kiosk_id, schoolCodes, schoolCodesJson: row.school_codes } }
  }
}
