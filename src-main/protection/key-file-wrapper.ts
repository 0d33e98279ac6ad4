/**
 * The headless host's KeyWrapper: a 32-byte key-encryption key in a file in the data directory,
 * created with owner-only permissions (0600) and refused when group or others can read it. The
 * data key is wrapped with AES-256-GCM under it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { closeSync, fstatSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { KeyWrapper } from './key-wrapper'

export const KEY_FILE_NAME = 'kiosk-data-key.kek'
const KEK_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const OWNER_ONLY = 0o600

function checkOwnerOnly(path: string, mode: number): void {
  // Windows has no POSIX mode bits; its ACLs are the user profile's.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new Error(`The key file ${path} may be read by other users (mode ${(mode & 0o777).toString(8)}): allow only its owner (chmod 600).`)
}

function readOrCreateKek(path: string): Buffer {
  try {
    checkOwnerOnly(path, statSync(path).mode)
    const kek = readFileSync(path)
    if (kek.length !== KEK_BYTES) throw new Error(`The key file ${path} is damaged (wrong length).`)
    return kek
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const kek = randomBytes(KEK_BYTES)
  // 'wx': never overwrite a key file another process just created.
  const fd = openSync(path, 'wx', OWNER_ONLY)
  try {
    writeSync(fd, kek)
    checkOwnerOnly(path, fstatSync(fd).mode)
  } finally {
    closeSync(fd)
  }
  return kek
}

export function createKeyFileWrapper(dataDir: string): KeyWrapper {
  const path = join(dataDir, KEY_FILE_NAME)
  let kek: Buffer | null = null
  const key = (): Buffer => (kek ??= readOrCreateKek(path))
  return {
    kind: 'key-file',
    wrap(dataKey) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key(), iv)
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', key(), wrapped.subarray(0, IV_BYTES))
      decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    },
  }
}
