/**
 * K1: operator passwords are stored as scrypt hashes with a random salt, in a self-describing
 * string `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later without breaking
 * existing accounts. Hashing runs on libuv's thread pool, not the main thread.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const SCHEME = 'scrypt'

export interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

/** ~0.2 s on a slow kiosk: fine once per sign-in, slow for anyone guessing offline. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** `cost` is lowered only by tests; verification reads the cost back from the string. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, cost)
  const { N, r, p } = cost
  return [SCHEME, N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** False for a wrong password and for a stored string that is not one of ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$')
  if (scheme !== SCHEME || rest.length > 0 || salt === undefined || hash === undefined) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) return false
  const expected = Buffer.from(hash, 'base64')
  if (expected.length !== KEY_LENGTH) return false
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost)
  return timingSafeEqual(actual, expected)
}

let dummy: Promise<string> | undefined

/** A hash to verify against when the username is unknown, so both cases take as long. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('no such operator')
  return dummy
}
