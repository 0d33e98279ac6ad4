/**
 * K3 at rest: how ID numbers and phones are kept in the local store. One 32-byte data key
 * yields, through HKDF, an encryption key (AES-256-GCM, fresh 96-bit IV per value, the field
 * name bound as associated data so a phone cannot be passed off as an ID number) and an index
 * key (HMAC-SHA256 of the normalised ID number: equal numbers give equal hashes, so a lookup is
 * one probe of a unique index, yet the hash reveals nothing without the key).
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto'
import { gcmBulkSealer, type GcmBulkSealer } from './gcm-bulk'

export const DATA_KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const FORMAT = 'v1.'

export type ProtectedField = 'idNumber' | 'phone'

export interface FieldProtector {
  encrypt(field: ProtectedField, clear: string): string
  /** As encrypt for each value, at a fraction of the cost (gcm-bulk.ts): an import's chunk of rows (#8). */
  encryptMany(field: ProtectedField, clears: readonly string[]): string[]
  /** Throws when the value was not sealed by this key for this field. */
  decrypt(field: ProtectedField, sealed: string): string
  /** The keyed hash an ID number is found by; pass it normalised. */
  blindIndex(idNumber: string): string
}

function subKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `cet-kiosk ${purpose} v1`, DATA_KEY_BYTES))
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES)
}

/** IVs drawn from the CSPRNG a block at a time: one call per IV cost more than the cipher (#8). */
const IVS_PER_BLOCK = 1024

function ivSource(): () => Buffer {
  let block = Buffer.alloc(0)
  let at = 0
  return () => {
    if (at === block.length) {
      block = randomBytes(IV_BYTES * IVS_PER_BLOCK)
      at = 0
    }
    const iv = block.subarray(at, at + IV_BYTES)
    at += IV_BYTES
    return iv
  }
}

export function createFieldProtector(dataKey: Buffer): FieldProtector {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes.`)
  const encryptionKey = createSecretKey(subKey(dataKey, 'field encryption'))
  // A Buffer, not a KeyObject: createHmac takes ~1.8 µs with it against ~2.6 (#8).
  const indexKey = subKey(dataKey, 'blind index')
  const nextIv = ivSource()
  // The associated data of each field, made once: a million-row import seals two values a row (#8).
  const aad: Record<ProtectedField, Buffer> = { idNumber: Buffer.from('idNumber'), phone: Buffer.from('phone') }
  const bulk: Partial<Record<ProtectedField, GcmBulkSealer>> = {}
  return {
    encrypt(field, clear) {
      const iv = nextIv()
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv)
      cipher.setAAD(aad[field])
      // GCM is a stream mode: final() adds nothing to what update() returned.
      const body = cipher.update(clear, 'utf8')
      cipher.final()
      return FORMAT + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
    },
    encryptMany(field, clears) {
      const sealer = (bulk[field] ??= gcmBulkSealer(encryptionKey, aad[field]))
      return sealer.sealAll(clears, randomBytes(IV_BYTES * clears.length)).map((raw) => FORMAT + raw.toString('base64url'))
    },
    decrypt(field, sealed) {
      if (!sealed.startsWith(FORMAT)) throw new Error(`A protected ${field} is in an unknown format.`)
      const raw = Buffer.from(sealed.slice(FORMAT.length), 'base64url')
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error(`A protected ${field} is truncated.`)
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, IV_BYTES))
      decipher.setAAD(aad[field])
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    },
    blindIndex(idNumber) {
      return createHmac('sha256', indexKey).update(idNumber, 'utf8').digest('base64url')
    },
  }
}
